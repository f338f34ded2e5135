"""Server lists as CSV with the columns of Azure Migrate's import template.

Required: Server name, Cores, Memory (In MB), OS name. Read when present: OS version,
OS architecture, Number of disks, Disk N size (In GB), Storage in use (In GB), CPU and memory
utilization percentage, IP addresses. Storage is the sum of the disk sizes; a row without disk
sizes takes the storage in use. Headers match without regard to case, spacing or the template's ``*`` marks.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from cloudexit.errors import InputError
from cloudexit.importers.context import ImportContext
from cloudexit.importers.jsonstream import open_binary
from cloudexit.model.boot_disks import BOOT_GIB
from cloudexit.model.data_disks import DATA_DISKS
from cloudexit.model.inventory import Attributes, Utilisation
from cloudexit.model.kinds import Kind

_REQUIRED = {
    "server name": "Server name",
    "cores": "Cores",
    "memory (in mb)": "Memory (In MB)",
    "os name": "OS name",
}
_ALIASES = {
    "memory (mb)": "memory (in mb)",
    "memory in mb": "memory (in mb)",
    "servername": "server name",
}
_DISK = re.compile(r"^disk (\d+) size \(in gb\)$")
_LINUX = (
    "linux",
    "ubuntu",
    "debian",
    "red hat",
    "rhel",
    "centos",
    "suse",
    "sles",
    "oracle linux",
    "rocky",
    "alma",
)


def _header(name: str) -> str:
    folded = re.sub(r"\s+", " ", name.replace("*", "").strip().lower())
    return _ALIASES.get(folded, folded)


def read(ctx: ImportContext) -> None:
    try:
        with io.TextIOWrapper(open_binary(ctx.path), encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            try:
                raw_header = next(reader)
            except StopIteration:
                raise InputError(f"{ctx.path}: the file is empty") from None
            header = [_header(h) for h in raw_header]
            missing = [label for key, label in _REQUIRED.items() if key not in header]
            if missing:
                raise InputError(f"{ctx.path}: line 1: missing column {', '.join(missing)}")
            names: set[str] = set()
            for row in reader:
                if not any(cell.strip() for cell in row):
                    continue
                line = reader.line_num
                if len(row) != len(header):
                    raise InputError(
                        f"{ctx.path}: line {line}: {len(row)} cells for {len(header)} columns"
                        + (" (is the file cut short?)" if len(row) < len(header) else "")
                    )
                values = {h: cell.strip() for h, cell in zip(header, row, strict=False)}
                _add(ctx, values, line, names)
    except UnicodeDecodeError as exc:
        raise InputError(f"{ctx.path}: not UTF-8 text near byte {exc.start}") from None
    except csv.Error as exc:
        raise InputError(f"{ctx.path}: invalid CSV: {exc}") from None


def _number(
    ctx: ImportContext,
    values: dict[str, str],
    column: str,
    line: int,
    label: str,
    required: bool = False,
) -> float | None:
    raw = values.get(column, "")
    if not raw:
        if required:
            raise InputError(f"{ctx.path}: line {line}: column {label} is empty")
        return None
    try:
        number = float(raw.replace(",", "."))
    except ValueError:
        raise InputError(
            f"{ctx.path}: line {line}: column {label}: {raw!r} is not a number"
        ) from None
    if number < 0:
        raise InputError(f"{ctx.path}: line {line}: column {label}: {raw!r} is negative")
    return number


def _os(name: str) -> str | None:
    folded = name.lower()
    if "windows" in folded:
        return "windows"
    if any(word in folded for word in _LINUX):
        return "linux"
    return folded or None


def _add(ctx: ImportContext, values: dict[str, str], line: int, names: set[str]) -> None:
    name = values.get("server name", "")
    if not name:
        raise InputError(f"{ctx.path}: line {line}: column Server name is empty")
    rid = f"onprem:{name}"
    if name in names:
        ctx.skip(
            rid, "server", f"server name repeats an earlier line (line {line})", f"line {line}"
        )
        return
    names.add(name)
    cores = _number(ctx, values, "cores", line, "Cores", required=True)
    memory_mb = _number(ctx, values, "memory (in mb)", line, "Memory (In MB)", required=True)
    in_use = _number(ctx, values, "storage in use (in gb)", line, "Storage in use (In GB)")
    disks: list[tuple[int, float]] = []
    for number, column in sorted((int(m.group(1)), c) for c in values if (m := _DISK.match(c))):
        size = _number(ctx, values, column, line, column)
        if size:
            disks.append((number, size))
    details: dict[str, Any] = {
        "os_name": values.get("os name") or None,
        "os_version": values.get("os version") or None,
        "ip_addresses": values.get("ip addresses") or None,
        "storage_in_use_gib": in_use,
        "disk_count": int(n)
        if (n := _number(ctx, values, "number of disks", line, "Number of disks"))
        else None,
        BOOT_GIB: disks[0][1] if disks else in_use or None,
        DATA_DISKS: [{"name": f"disk-{i}", "gib": gib} for i, gib in disks[1:]] or None,
    }
    architecture = values.get("os architecture", "").lower()
    cpu = _number(ctx, values, "cpu utilization percentage", line, "CPU utilization percentage")
    memory_use = _number(
        ctx, values, "memory utilization percentage", line, "Memory utilization percentage"
    )
    for label, figure in (("CPU", cpu), ("memory", memory_use)):
        if figure is not None and figure > 100:
            raise InputError(
                f"{ctx.path}: line {line}: {label} utilization {figure} is over 100 percent"
            )
    utilisation = None
    if cpu is not None or memory_use is not None:
        utilisation = Utilisation(
            cpu_p95=cpu,
            memory_p95=memory_use,
            source="server list (utilization percentage columns)",
        )
    resource = ctx.add(
        id=rid,
        provider="onprem",
        account="",
        region="onprem",
        type="server",
        kind=Kind.VM,
        name=name,
        attributes=Attributes(
            vcpu=cores,
            memory_gib=round(memory_mb / 1024, 3) if memory_mb else None,
            os=_os(values.get("os name", "")),
            architecture="arm64"
            if "arm" in architecture
            else "x86_64"
            if architecture in ("x64", "x86_64", "64-bit", "amd64")
            else None,
            storage_gib=sum(gib for _, gib in disks) if disks else in_use or None,
            details={k: v for k, v in details.items() if v is not None},
        ),
    )
    resource.utilisation = utilisation
