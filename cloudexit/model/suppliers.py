"""suppliers.yaml: the business functions an organisation runs and the suppliers they rely on."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from cloudexit.model.defaults import empty_list

SUPPLIERS_SCHEMA_VERSION: Literal["1.0"] = "1.0"

Criticality = Literal["critical", "high", "medium", "low"]
EvidenceKind = Literal[
    "subprocessor_list",
    "trust_page",
    "contract",
    "questionnaire",
    "dns",
    "ip_ranges",
    "assumption",
    "unknown",
]


class _Strict(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid")


class Evidence(_Strict):
    kind: EvidenceKind = "unknown"
    source: str | None = Field(None, description="URL, document or contract clause")
    date: dt.date | None = Field(None, description="When the evidence was published or signed")


class Hosting(_Strict):
    """Where a supplier's service runs."""

    provider: str = Field(
        description="Cloud the service runs on: aws, azure, gcp, ovhcloud, ionos, scaleway, opennebula, "
        "own (the supplier's own data centres) or unknown"
    )
    region: str | None = Field(None, description="Native region code; empty: not known or several")
    country: str | None = Field(
        None, pattern=r"^[A-Z]{2}$", description="Where the data sits (ISO 3166)"
    )
    jurisdiction: Literal["EU", "non-EU", "unknown"] | None = Field(
        None,
        description="Law the operator answers to; empty: taken from the catalogue's company facts for the provider",
    )
    evidence: Evidence = Field(default_factory=Evidence)


class ExitTerms(_Strict):
    notice_days: int | None = Field(None, ge=0)
    data_export: str | None = Field(None, description="Format and means of getting the data back")
    contract_end: dt.date | None = None
    notes: str | None = None


class Supplier(_Strict):
    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    name: str = Field(min_length=1)
    service: str = Field("", description="What it delivers: SaaS, sensors, plant software ...")
    functions: list[str] = Field(
        default_factory=empty_list, description="Business function ids that depend on it"
    )
    resources: list[str] = Field(
        default_factory=empty_list, description="Inventory resource ids that call it"
    )
    hosting: list[Hosting] = Field(default_factory=empty_list, description="Empty: not known")
    offline_hours: float | None = Field(
        None,
        ge=0,
        description="How long dependent functions keep working while it is unreachable (buffering, "
        "local copies); empty: they stop at once",
    )
    exit_terms: ExitTerms = Field(default_factory=ExitTerms)
    contact: str | None = None


class ResourceMatch(_Strict):
    ids: list[str] = Field(default_factory=empty_list)
    tags: dict[str, str] = Field(default_factory=dict, description="Every pair must match")

    @model_validator(mode="after")
    def _says_something(self) -> ResourceMatch:
        if not self.ids and not self.tags:
            raise ValueError("a resource match needs 'ids' or 'tags'")
        return self


class BusinessFunction(_Strict):
    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    name: str = Field(min_length=1)
    criticality: Criticality = "medium"
    tolerable_downtime_hours: float | None = Field(
        None, ge=0, description="How long the business can bear the function being down"
    )
    resources: list[ResourceMatch] = Field(
        default_factory=empty_list,
        description="Resources the function runs on; a resource matching any entry counts",
    )


class SupplierRegister(_Strict):
    schema_version: Literal["1.0"] = SUPPLIERS_SCHEMA_VERSION
    functions: list[BusinessFunction] = Field(default_factory=empty_list)
    suppliers: list[Supplier] = Field(default_factory=empty_list)

    @model_validator(mode="after")
    def _references(self) -> SupplierRegister:
        functions = [f.id for f in self.functions]
        for label, ids in (("function", functions), ("supplier", [s.id for s in self.suppliers])):
            duplicates = sorted({i for i in ids if ids.count(i) > 1})
            if duplicates:
                raise ValueError(f"duplicate {label} id {duplicates[0]!r}")
        known = set(functions)
        for supplier in self.suppliers:
            for function in supplier.functions:
                if function not in known:
                    raise ValueError(
                        f"supplier {supplier.id!r} names unknown function {function!r}"
                    )
        self.functions.sort(key=lambda f: f.id)
        self.suppliers.sort(key=lambda s: s.id)
        return self

    def function(self, function_id: str) -> BusinessFunction:
        return next(f for f in self.functions if f.id == function_id)
