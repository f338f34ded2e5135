"""What one file's import collects: resources, skipped ones and problems, each with its reason."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from cloudexit.catalog.loader import Catalog
from cloudexit.errors import InputError
from cloudexit.model.inventory import (
    Attributes,
    CollectionIssue,
    IssueCode,
    Resource,
    SourceProvider,
)
from cloudexit.model.kinds import Kind
from cloudexit.model.topology import Topology

T = TypeVar("T")


@dataclass
class ImportContext:
    """Collects the import of one file; the importer modules only call ``add`` and ``skip``."""

    path: Path
    format: str
    catalog: Catalog
    planned: bool = False
    resources: list[Resource] = field(default_factory=list)
    issues: list[CollectionIssue] = field(default_factory=list)
    skipped: int = 0
    fault: InputError | None = None

    @property
    def source(self) -> str:
        return f"import:{self.format}"

    def issue(
        self, code: IssueCode, message: str, scope: str = "", resource_id: str | None = None
    ) -> None:
        self.issues.append(
            CollectionIssue(
                code=code,
                message=message,
                source=self.source,
                scope=f"{self.path.name}{': ' + scope if scope else ''}",
                resource_id=resource_id,
            )
        )

    def until_fault(self, items: Iterable[T]) -> Iterator[T]:
        """The items of a file read up to its first fault, which is kept in ``fault``: a file
        cut short still gives what came before the cut."""
        try:
            yield from items
        except InputError as exc:
            self.fault = exc

    def skip(self, resource_id: str, native_type: str, reason: str, scope: str = "") -> None:
        """Record a resource that exists in the file but is not imported, and why."""
        self.skipped += 1
        self.issue("skipped", f"{native_type} skipped: {reason}", scope, resource_id)

    def classify(self, native_type: str, resource_id: str, scope: str = "") -> Kind | None:
        """The kind of a native type, or None after recording why the resource is skipped.

        Unknown types are kept as ``other`` with an unsupported_type issue, so nothing is lost.
        """
        reason = self.catalog.skip_reason(native_type)
        if reason:
            self.skip(resource_id, native_type, reason, scope)
            return None
        if native_type.lower() not in self.catalog.source_types:
            setting = child_setting(native_type)
            if setting:
                self.skip(resource_id, native_type, setting, scope)
                return None
            self.issue(
                "unsupported_type",
                f"{native_type} is not in the mapping catalogue: kept as kind other",
                scope,
                resource_id,
            )
            return Kind.OTHER
        return self.catalog.kind_for(native_type)

    def add(
        self,
        *,
        id: str,
        provider: SourceProvider,
        account: str,
        region: str,
        type: str,
        kind: Kind,
        name: str,
        tags: dict[str, str] | None = None,
        attributes: Attributes | None = None,
        depends_on: list[str] | None = None,
        planned: bool = False,
        topology: Topology | None = None,
        rule_problems: list[str] | None = None,
    ) -> Resource:
        resource = Resource(
            id=id,
            provider=provider,
            account=account,
            region=region or "unknown",
            type=type,
            kind=kind,
            name=name,
            tags=tags or {},
            attributes=attributes or Attributes(),
            topology=topology or Topology(),
            depends_on=sorted(set(depends_on or [])),
            planned=planned,
        )
        self.resources.append(resource)
        for problem in rule_problems or []:
            self.issue("unsupported_rule", f"{type} {problem}: not translated", name, id)
        return resource


_SETTING_SUFFIXES = ("_configuration", "_parameter", "_parameters", "_setting", "_settings")
_RUNS = frozenset(
    {"google_dataproc_job", "dataproc.googleapis.com/job", "aws_batch_job", "aws_glue_job_run"}
)


def child_setting(native_type: str) -> str | None:
    """Why a type the catalogue does not know is a part of its parent rather than a resource:
    ARM child types (server parameters, database settings), Terraform settings resources, and
    runs (jobs) that are not infrastructure."""
    folded = native_type.lower()
    if folded in _RUNS or folded.endswith(("/job", "/operation")):
        return "a job or operation run, not infrastructure to move"
    if folded.startswith("microsoft.") and folded.count("/") >= 2:
        return "a setting of its parent resource, moved with it"
    if folded.startswith(("azurerm_", "aws_", "google_")) and folded.endswith(_SETTING_SUFFIXES):
        return "a setting of its parent resource, moved with it"
    return None
