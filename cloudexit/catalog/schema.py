"""The shape of providers/*.yaml and mappings/*.yaml.

Every figure carries a source and a retrieval date; a figure nobody could check is
``verified: false`` and callers must report it when they use it.

The provider's facts (``facts``), its products (``products``) and the source types
(``source_types``) are defined apart, so that a command builds only the models it reads; this
module defines the kind mappings and engine versions and names them all.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from cloudexit.catalog.facts import (
    CatalogData,
    Certification,
    ClosedToNew,
    Company,
    Evidence,
    Exposure,
    ProviderFacts,
    Region,
    Role,
    SourceRef,
)
from cloudexit.catalog.products import (
    Price,
    PricedEntry,
    Product,
    ProviderFile,
    RegionPrices,
    Service,
    SizeEntry,
    SizeIndex,
    Specs,
    Unit,
    Unpriced,
)
from cloudexit.catalog.source_types import Billing, SourceType, SourceTypesFile
from cloudexit.model.defaults import empty_list
from cloudexit.model.kinds import Kind

__all__ = [
    "Billing",
    "CatalogData",
    "Certification",
    "ClosedToNew",
    "Company",
    "EngineVersions",
    "Evidence",
    "Exposure",
    "Fidelity",
    "FunctionRuntimes",
    "KindEntry",
    "KindMapping",
    "KindsFile",
    "Price",
    "PricedEntry",
    "Product",
    "ProductSelector",
    "ProviderFacts",
    "ProviderFile",
    "Region",
    "RegionPrices",
    "Role",
    "Service",
    "SizeEntry",
    "SizeIndex",
    "Sizing",
    "SourceRef",
    "SourceType",
    "SourceTypesFile",
    "Specs",
    "Strategy",
    "TargetMapping",
    "TargetsFile",
    "Unit",
    "Unpriced",
    "UnverifiedVersions",
    "VersionsFile",
]


Fidelity = Literal["native", "compatible", "self_managed", "none"]
Strategy = Literal["rehost", "replatform", "refactor", "retain", "retire"]
Sizing = Literal["instance", "per_gib", "flat", "per_node", "instance_plus_storage", "none"]


class ProductSelector(CatalogData):
    service: Service
    families: list[str] = Field(default_factory=empty_list, description="Empty: any family")
    engine: str | None = Field(None, description="Product must list this engine")
    products: list[str] = Field(default_factory=empty_list, description="Explicit product ids")
    refused: list[str] = Field(
        default_factory=empty_list,
        description="Product ids the target service does not accept (sourced in the mapping's notes)",
    )
    storage: ProductSelector | None = Field(None, description="Extra per-GiB product for data")


class TargetMapping(CatalogData):
    service: str = Field(description="The target's product name, for humans")
    select: ProductSelector | None = Field(None, description="None: nothing to buy (free)")
    sizing: Sizing
    terraform: str | None = Field(None, description="Terraform resource type, or None")
    fidelity: Fidelity
    strategy: Strategy
    effort_days: float = Field(ge=0)
    loses: list[str] = Field(default_factory=empty_list)
    loses_from: dict[str, list[str]] = Field(
        default_factory=dict,
        description="What is lost only for sources on a given cloud (aws, azure, gcp): a loss "
        "of one source service's API is not listed for another cloud's resources",
    )
    notes: str | None = None
    cost_outside: str | None = Field(
        None,
        description="A cost the target brings that no price list here holds (addresses from "
        "your own uplink's range): said beside every placement on it, never counted as free",
    )


class KindMapping(CatalogData):
    kind: Kind
    description: str
    targets: dict[str, TargetMapping] = Field(default_factory=dict)
    not_migratable: str | None = Field(None, description="Why nothing can take it, if so")

    @model_validator(mode="after")
    def _mapped_or_explained(self) -> KindMapping:
        if not self.targets and not self.not_migratable:
            raise ValueError(f"kind {self.kind.value} has no target and no reason why")
        return self


class KindEntry(CatalogData):
    """A kind as ``mappings/kinds.yaml`` describes it; its targets usually live in ``mappings/targets/``."""

    kind: Kind
    description: str
    targets: dict[str, TargetMapping] = Field(
        default_factory=dict, description="Targets written inline"
    )
    not_migratable: str | None = Field(None, description="Why nothing can take it, if so")


class KindsFile(CatalogData):
    kinds: list[KindEntry]


class TargetsFile(CatalogData):
    """``mappings/targets/<provider>.yaml``: how one target provider takes each kind."""

    provider: str
    kinds: dict[Kind, TargetMapping]


class EngineVersions(CatalogData):
    """The versions a target's managed service offers for one engine, as its provider lists them."""

    kind: Kind
    terraform: str = Field(description="The managed service's Terraform resource type")
    engine: str = Field(description="The engine the target runs (mysql, postgresql, valkey ...)")
    same_line: list[str] = Field(
        min_length=1,
        description="Source engines (canonical names) whose version numbers this engine continues; "
        "any other source engine is an engine change",
    )
    versions: list[str] = Field(min_length=1, description="As the Terraform argument takes them")
    source: SourceRef

    @model_validator(mode="after")
    def _dated(self) -> EngineVersions:
        if self.source.published is None or self.source.evidence is None:
            raise ValueError(
                "an engine-version source needs published (a date, or 'unknown') and evidence"
            )
        return self


class FunctionRuntimes(CatalogData):
    """The runtimes a target's serverless functions service offers new functions in one language,
    as its provider lists them (runtimes past end of support are left out)."""

    terraform: str = Field(description="The functions service's Terraform resource type")
    language: str = Field(
        description="nodejs, python, go, php, rust ... (cloudexit.catalog.runtimes)"
    )
    runtimes: dict[str, str] = Field(
        min_length=1,
        description="Language version -> the runtime as the Terraform argument takes it",
    )
    source: SourceRef

    @model_validator(mode="after")
    def _dated(self) -> FunctionRuntimes:
        if self.source.published is None or self.source.evidence is None:
            raise ValueError("a runtime source needs published (a date, or 'unknown') and evidence")
        return self


class UnverifiedVersions(CatalogData):
    """A managed service whose offered versions no first-hand, dated source gave: named with what
    was searched, so a plan says why its version is unchecked instead of guessing one."""

    kind: Kind
    terraform: str
    reason: str = Field(min_length=20, description="What was searched and why it does not do")
    checked: dt.date


class VersionsFile(CatalogData):
    """``mappings/versions/<provider>.yaml``: engine versions the target's managed services offer."""

    provider: str
    engines: list[EngineVersions]
    runtimes: list[FunctionRuntimes] = Field(
        default_factory=empty_list, description="Runtimes its serverless functions service offers"
    )
    unverified: list[UnverifiedVersions] = Field(default_factory=empty_list)
