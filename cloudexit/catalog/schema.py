"""The shape of providers/*.yaml and mappings/*.yaml.

Every figure carries a source and a retrieval date; a figure nobody could check is
``verified: false`` and callers must report it when they use it.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from cloudexit.model.kinds import Kind
from cloudexit.model.money import Amount


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceRef(_Data):
    url: str = Field(min_length=8)
    retrieved: dt.date
    note: str | None = None


Role = Literal["source", "target"]
Exposure = Literal["none", "low", "medium", "high"]


class Company(_Data):
    legal_name: str
    headquarters: str
    country: str = Field(pattern=r"^[A-Z]{2}$")
    parent: str | None = None
    eu_controlled: bool
    extraterritorial_laws: list[str] = Field(default_factory=list)
    exposure: Exposure
    exposure_reason: str
    source: SourceRef


class Certification(_Data):
    name: str
    scope: str
    regions: list[str] = Field(default_factory=list, description="Empty: every region")
    services: list[str] = Field(default_factory=list, description="Empty: every service")
    source: SourceRef
    verified: bool = True


class Region(_Data):
    code: str
    name: str
    city: str
    country: str = Field(pattern=r"^[A-Z]{2}$")
    zones: list[str] = Field(default_factory=list)
    source: SourceRef | None = None


Service = Literal[
    "compute",
    "block_storage",
    "object_storage",
    "file_storage",
    "database",
    "cache",
    "kubernetes",
    "load_balancer",
    "public_ip",
    "dns",
    "registry",
    "serverless",
    "queue",
    "stream",
    "cdn",
    "secrets",
    "search",
    "network",
    "warehouse",
    "egress",
]

Unit = Literal[
    "hour",
    "month",
    "gib_month",
    "gib",
    "million_requests",
    "gib_second",
    "million_messages",
    "zone_month",
]


class Price(_Data):
    amount: Amount
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    unit: Unit
    regions: list[str] = Field(default_factory=list, description="Empty: every region")
    free_quantity: Amount | None = Field(None, description="Free allowance per month, in unit")
    source: SourceRef
    verified: bool = True


class Specs(_Data):
    vcpu: float | None = None
    memory_gib: float | None = None
    architecture: Literal["x86_64", "arm64"] | None = None
    gpu_count: int | None = None
    gpu_model: str | None = None
    local_storage_gib: float | None = None
    storage_gib: float | None = Field(None, description="Included or maximum storage")
    engines: list[str] = Field(default_factory=list)
    nodes: int | None = None
    bandwidth_mbps: float | None = None


class Product(_Data):
    id: str
    name: str
    service: Service
    family: str = Field(description="general_purpose, compute, memory, gpu, ... or a plan tier")
    specs: Specs = Field(default_factory=Specs)
    regions: list[str] = Field(
        default_factory=list, description="Where offered; empty: every region"
    )
    prices: list[Price] = Field(min_length=1)
    deprecated: bool = False


class ProviderFile(_Data):
    id: str
    name: str
    role: Role
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    company: Company
    certifications: list[Certification] = Field(default_factory=list)
    regions: list[Region] = Field(min_length=1)
    products: list[Product] = Field(default_factory=list)

    @model_validator(mode="after")
    def _cross_references(self) -> ProviderFile:
        codes = {r.code for r in self.regions}
        ids: set[str] = set()
        for product in self.products:
            if product.id in ids:
                raise ValueError(f"duplicate product id {product.id!r}")
            ids.add(product.id)
            for where in [*product.regions, *(r for p in product.prices for r in p.regions)]:
                if where not in codes:
                    raise ValueError(f"product {product.id!r} names unknown region {where!r}")
        for cert in self.certifications:
            for where in cert.regions:
                if where not in codes:
                    raise ValueError(f"certification {cert.name!r} names unknown region {where!r}")
        return self


Fidelity = Literal["native", "compatible", "self_managed", "none"]
Strategy = Literal["rehost", "replatform", "refactor", "retain", "retire"]
Sizing = Literal["instance", "per_gib", "flat", "per_node", "instance_plus_storage", "none"]


class ProductSelector(_Data):
    service: Service
    families: list[str] = Field(default_factory=list, description="Empty: any family")
    engine: str | None = Field(None, description="Product must list this engine")
    products: list[str] = Field(default_factory=list, description="Explicit product ids")
    storage: ProductSelector | None = Field(None, description="Extra per-GiB product for data")


class TargetMapping(_Data):
    service: str = Field(description="The target's product name, for humans")
    select: ProductSelector | None = Field(None, description="None: nothing to buy (free)")
    sizing: Sizing
    terraform: str | None = Field(None, description="Terraform resource type, or None")
    fidelity: Fidelity
    strategy: Strategy
    effort_days: float = Field(ge=0)
    loses: list[str] = Field(default_factory=list)
    notes: str | None = None


class KindMapping(_Data):
    kind: Kind
    description: str
    targets: dict[str, TargetMapping] = Field(default_factory=dict)
    not_migratable: str | None = Field(None, description="Why nothing can take it, if so")

    @model_validator(mode="after")
    def _mapped_or_explained(self) -> KindMapping:
        if not self.targets and not self.not_migratable:
            raise ValueError(f"kind {self.kind.value} has no target and no reason why")
        return self


class KindEntry(_Data):
    """A kind as ``mappings/kinds.yaml`` describes it; its targets usually live in ``mappings/targets/``."""

    kind: Kind
    description: str
    targets: dict[str, TargetMapping] = Field(
        default_factory=dict, description="Targets written inline"
    )
    not_migratable: str | None = Field(None, description="Why nothing can take it, if so")


class KindsFile(_Data):
    kinds: list[KindEntry]


class TargetsFile(_Data):
    """``mappings/targets/<provider>.yaml``: how one target provider takes each kind."""

    provider: str
    kinds: dict[Kind, TargetMapping]


class SourceType(_Data):
    kind: Kind
    skip: str | None = Field(None, description="Reason the type is not an exit workload")


class SourceTypesFile(_Data):
    provider: str
    types: dict[str, SourceType]
