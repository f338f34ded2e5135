"""The shape of a provider file's products and prices, and of the views compiled from them
(size index, one region's prices)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from cloudexit.catalog.facts import (
    CatalogData,
    Certification,
    Company,
    Region,
    Role,
    SourceRef,
    needs_published,
)
from cloudexit.model.defaults import empty_list
from cloudexit.model.money import Amount

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


class Price(CatalogData):
    amount: Amount = Field(ge=0, description="Never negative; 0 only for a sourced free offer")
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    unit: Unit
    regions: list[str] = Field(default_factory=empty_list, description="Empty: every region")
    free_quantity: Amount | None = Field(None, description="Free allowance per month, in unit")
    source: SourceRef
    verified: bool = True
    low: Amount | None = Field(
        None,
        ge=0,
        description="Where two sources disagree: the lower figure, in the same currency and unit; "
        "amount holds the upper one, which plans use",
    )
    low_source: SourceRef | None = Field(None, description="Where the lower figure comes from")

    @model_validator(mode="after")
    def _dated(self) -> Price:
        if self.source.published is None or self.source.evidence is None:
            raise ValueError(
                "a price's source needs published (a date, or 'unknown') and evidence "
                "(provider_api, provider_page, second_hand or user_set)"
            )
        if (self.low is None) != (self.low_source is None):
            raise ValueError("a price range needs both low and low_source")
        needs_published(self.low_source, "a price range's low")
        if self.low is not None and self.low > self.amount:
            raise ValueError(
                f"low {self.low} is above the price {self.amount}: amount is the upper bound"
            )
        return self


class Specs(CatalogData):
    vcpu: float | None = None
    memory_gib: float | None = None
    architecture: Literal["x86_64", "arm64"] | None = None
    gpu_count: int | None = None
    gpu_model: str | None = None
    local_storage_gib: float | None = None
    storage_gib: float | None = Field(None, description="Included or maximum storage")
    engines: list[str] = Field(default_factory=empty_list)
    nodes: int | None = None
    bandwidth_mbps: float | None = None
    os: Literal["windows"] | None = Field(
        None, description="windows: the price includes a Windows Server licence; None: no licence"
    )


class Unpriced(CatalogData):
    """Regions where a product runs but no list price could be read first-hand: reported as
    missing, never priced at zero."""

    regions: list[str] = Field(min_length=1)
    reason: str = Field(min_length=8, description="What was searched and why it gave no price")
    checked: dt.date = Field(description="When the sources were searched")


class Product(CatalogData):
    id: str
    name: str
    service: Service
    family: str = Field(description="general_purpose, compute, memory, gpu, ... or a plan tier")
    specs: Specs = Field(default_factory=Specs)
    regions: list[str] = Field(
        default_factory=empty_list, description="Where offered; empty: every region"
    )
    prices: list[Price] = Field(default_factory=empty_list)
    unpriced: list[Unpriced] = Field(
        default_factory=empty_list, description="Regions with no list price, and why"
    )
    price_on_request: SourceRef | None = Field(
        None,
        description="Where the provider says the price is quoted on request; such a product has no "
        "list price, is never priced (nor taken as free) and is named when nothing else fits",
    )
    template_name: str | None = Field(
        None,
        description="The provider's name of a fixed shape bought by name (an IONOS Cube "
        "template): the Terraform looks the template up by it",
    )
    terraform: str | None = Field(
        None,
        description="Terraform resource type this product is written as, where it is not the "
        "mapping's (an IONOS Cube is an ionoscloud_cube_server)",
    )
    deprecated: bool = False

    @model_validator(mode="after")
    def _priced_or_on_request(self) -> Product:
        if not self.prices and self.price_on_request is None and not self.unpriced:
            raise ValueError(
                f"product {self.id!r} has no price and is marked neither price_on_request "
                "nor unpriced"
            )
        if self.prices and self.price_on_request is not None:
            raise ValueError(f"product {self.id!r} has prices and is marked price_on_request")
        needs_published(self.price_on_request, f"product {self.id!r}'s price_on_request")
        return self


class ProviderFile(CatalogData):
    id: str
    name: str
    role: Role
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    company: Company
    certifications: list[Certification] = Field(default_factory=empty_list)
    regions: list[Region] = Field(min_length=1)
    products: list[Product] = Field(default_factory=empty_list)

    @model_validator(mode="after")
    def _cross_references(self) -> ProviderFile:
        codes = {r.code for r in self.regions}
        ids: set[str] = set()
        for product in self.products:
            if product.id in ids:
                raise ValueError(f"duplicate product id {product.id!r}")
            ids.add(product.id)
            missing = [r for u in product.unpriced for r in u.regions]
            for where in [
                *product.regions,
                *(r for p in product.prices for r in p.regions),
                *missing,
            ]:
                if where not in codes:
                    raise ValueError(f"product {product.id!r} names unknown region {where!r}")
            priced = {r for p in product.prices for r in p.regions}
            both = sorted(set(missing) & priced)
            if both or (missing and any(not p.regions for p in product.prices)):
                raise ValueError(
                    f"product {product.id!r} is both priced and unpriced in {both or missing}"
                )
        for cert in self.certifications:
            for where in cert.regions:
                if where not in codes:
                    raise ValueError(f"certification {cert.name!r} names unknown region {where!r}")
            for pid in cert.products:
                if pid not in ids:
                    raise ValueError(f"certification {cert.name!r} names unknown product {pid!r}")
        return self


class SizeEntry(CatalogData):
    id: str
    specs: Specs


class SizeIndex(CatalogData):
    """A provider file's products by look-up key (see ``lookup.index_products``) with their specs
    only: what a size look-up needs, compiled apart so it does not read every price."""

    provider: str
    sizes: dict[str, list[SizeEntry]]


class PricedEntry(CatalogData):
    id: str
    prices: list[Price]


class RegionPrices(CatalogData):
    """A provider file's products by look-up key with only the prices that apply in one region:
    what pricing a few resources there needs, compiled apart so it does not read every price."""

    provider: str
    region: str
    products: dict[str, list[PricedEntry]]
