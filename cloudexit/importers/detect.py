"""Which export a file is, from its first bytes and top-level keys (the file is not loaded)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ijson
from ijson.common import ObjectBuilder

from cloudexit.errors import InputError
from cloudexit.importers.jsonstream import open_binary, wrapper_key

FORMATS = (
    "terraform-json",
    "tfstate",
    "aws-config",
    "aws-cli",
    "resource-graph",
    "cloud-asset",
    "migrate-csv",
)
_EVENT_LIMIT = 2_000_000
_TERRAFORM_KEYS = frozenset({"format_version", "terraform_version"})
_IDENTIFYING = frozenset({"id", "resourceid", "arn", "assettype", "asset_type", "resourcetype"})
_CONFIG_KEYS = frozenset({"configurationItems", "baseConfigurationItems", "configurationItem"})


@dataclass
class _Shape:
    keys: list[str] = field(default_factory=list)
    data_keys: list[str] = field(default_factory=list)
    samples: dict[str, Any] = field(default_factory=dict)
    top_array: bool = False


def detect(path: Path) -> str:
    """The format name of an export file; InputError when it is none of the known formats."""
    head = _head(path)
    stripped = head.lstrip()
    if not stripped:
        raise InputError(f"{path}: the file is empty")
    if stripped[:1] not in (b"{", b"["):
        return _detect_text(path, stripped)
    if _is_json_lines(path, head):
        first = json.loads(head.lstrip().split(b"\n", 1)[0])
        if isinstance(first, dict) and ("asset_type" in first or "assetType" in first):
            return "cloud-asset"
        if isinstance(first, dict) and "resourceType" in first:
            return "aws-config"
        raise InputError(
            f"{path}: JSON lines whose first object is neither a Cloud Asset nor an AWS Config item"
        )
    shape = _shape(path)
    found = _decide(shape)
    if not found and len(shape.keys) == 1 and wrapper_key(path, _TERRAFORM_KEYS):
        found = "terraform-json"
    if found:
        return found
    sample = shape.samples.get("item")
    if (
        shape.top_array
        and isinstance(sample, dict)
        and not _IDENTIFYING & {k.lower() for k in sample}
    ):
        raise InputError(
            f"{path}: a list of objects with {', '.join(sorted(sample)[:8]) or 'no keys'} and no "
            "resource id: not an export format cloudexit reads"
        )
    keys = ", ".join(shape.keys[:8]) or ("a list" if shape.top_array else "nothing")
    raise InputError(
        f"{path}: cannot tell which export this is (top level holds {keys}); pass --format"
    )


def _head(path: Path, size: int = 65536) -> bytes:
    with open_binary(path) as handle:
        head = handle.read(size)
    return head[3:] if head.startswith(b"\xef\xbb\xbf") else head


def _detect_text(path: Path, head: bytes) -> str:
    first_line = head.split(b"\n", 1)[0].decode("utf-8", errors="replace").lower()
    if "server name" in first_line and "cores" in first_line:
        return "migrate-csv"
    raise InputError(
        f"{path}: neither JSON nor a server CSV with 'Server name' and 'Cores' columns"
    )


def _is_json_lines(path: Path, head: bytes) -> bool:
    lines = [line for line in head.split(b"\n") if line.strip()]
    if len(lines) < 2 or not lines[0].lstrip().startswith(b"{"):
        return False
    try:
        json.loads(lines[0])
    except RecursionError:
        raise InputError(f"{path}: line 1: nested too deep") from None
    except ValueError:
        return False
    return True


def _shape(path: Path) -> _Shape:
    shape = _Shape()
    builder: ObjectBuilder | None = None
    building = ""
    depth = 0
    with open_binary(path) as handle:
        try:
            for number, (prefix, event, value) in enumerate(ijson.parse(handle)):
                if number == 0 and event == "start_array":
                    shape.top_array = True
                if builder is not None:
                    builder.event(event, value)
                    if event in ("start_map", "start_array"):
                        depth += 1
                    elif event in ("end_map", "end_array"):
                        depth -= 1
                        if depth == 0:
                            shape.samples[building] = builder.value
                            builder = None
                            if shape.top_array:
                                break
                    continue
                if event == "map_key" and prefix == "":
                    shape.keys.append(str(value))
                    if _decide(shape):
                        break
                elif event == "map_key" and prefix == "data":
                    shape.data_keys.append(str(value))
                elif (
                    event == "start_map"
                    and prefix.endswith("item")
                    and prefix.count(".") <= 1
                    and prefix not in shape.samples
                ):
                    builder, building, depth = ObjectBuilder(), prefix, 1
                    builder.event(event, value)
                if number > _EVENT_LIMIT:
                    break
        except ijson.JSONError as exc:
            if not shape.keys and not shape.samples:
                raise InputError(f"{path}: invalid JSON: {str(exc).splitlines()[0]}") from None
    return shape


def _decide(shape: _Shape) -> str | None:
    keys = set(shape.keys)
    if "format_version" in keys:
        return "terraform-json"
    if "version" in keys and keys & {"lineage", "serial", "modules", "resources"}:
        return "tfstate"
    if (
        keys & _CONFIG_KEYS
        or {"resourceType", "configurationItemStatus"} <= keys
        or {"Results", "QueryInfo"} <= keys
    ):
        return "aws-config"
    if keys & {"results", "assets"} or keys & {"assetType", "asset_type"}:
        return "cloud-asset"
    if "value" in keys or ("data" in keys and keys & {"totalRecords", "count", "total_records"}):
        return "resource-graph"
    # imported here: the AWS CLI reader loads every AWS shape, which other formats never use
    from cloudexit.importers.aws_cli import response_key

    if "status_code" in keys and "data" in keys and any(response_key(k) for k in shape.data_keys):
        return "aws-cli"
    if any(response_key(k) for k in shape.keys):
        return "aws-cli"
    sample = shape.samples.get("item")
    if shape.top_array and isinstance(sample, dict):
        if "assetType" in sample or "asset_type" in sample:
            return "cloud-asset"
        if isinstance(sample.get("asset"), dict) and "window" in sample:
            return "cloud-asset"
        rid = sample.get("id")
        if isinstance(rid, str) and rid.lower().startswith("/subscriptions/"):
            return "resource-graph"
        if "resourceType" in sample and "configurationItemStatus" in sample:
            return "aws-config"
    return None
