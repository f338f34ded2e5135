"""Resolve a source cloud's size name to specs, and price what runs today from list prices."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import NamedTuple, Protocol, TypeVar

from cloudexit.catalog.custom_types import parse_custom, unit_product_ids
from cloudexit.catalog.facts import ProviderFacts
from cloudexit.catalog.names import Named, bare, find_product
from cloudexit.catalog.products import (
    PricedEntry,
    Product,
    ProviderFile,
    RegionPrices,
    SizeEntry,
    SizeIndex,
    Specs,
)
from cloudexit.catalog.sizing import Priced, monthly_price, price_in, to_eur
from cloudexit.model.money import DEFAULT_EXCHANGE_RATES, HOURS_PER_MONTH, quantize


class ListPrice(NamedTuple):
    monthly_eur: Decimal
    source: str


def default_rates() -> dict[str, Decimal]:
    return dict(DEFAULT_EXCHANGE_RATES)


def index_products(provider: ProviderFile) -> dict[str, list[Product]]:
    """Products by lower-cased id and by the last segment of a path-like id (rds/mysql/db.t3.large)."""
    index: dict[str, list[Product]] = {}
    for product in sorted(provider.products, key=lambda p: p.id):
        keys = {product.id.lower(), product.id.rsplit("/", 1)[-1].lower()}
        for key in sorted(keys):
            index.setdefault(key, []).append(product)
    return index


def facts_of(provider: ProviderFile) -> ProviderFacts:
    """The provider file without its products."""
    return ProviderFacts(
        id=provider.id,
        name=provider.name,
        role=provider.role,
        currency=provider.currency,
        company=provider.company,
        certifications=provider.certifications,
        regions=provider.regions,
    )


def size_index(provider: ProviderFile) -> SizeIndex:
    """The products of ``index_products`` with their specs only."""
    return SizeIndex(
        provider=provider.id,
        sizes={
            key: [SizeEntry(id=p.id, specs=p.specs) for p in products]
            for key, products in index_products(provider).items()
        },
    )


def prices_in(provider: ProviderFile, region: str) -> RegionPrices:
    """The look-up keys of ``index_products`` with only the prices that apply in ``region``:
    ``list_price`` gives the same answer from it for that region."""
    return RegionPrices(
        provider=provider.id,
        region=region,
        products={
            key: [
                PricedEntry(
                    id=p.id, prices=[x for x in p.prices if not x.regions or region in x.regions]
                )
                for p in products
            ]
            for key, products in index_products(provider).items()
        },
    )


class _PricedNamed(Named, Priced, Protocol):
    pass


P = TypeVar("P", bound=_PricedNamed)


def specs_for(provider_id: str, sizes: Mapping[str, list[SizeEntry]], name: str) -> Specs | None:
    """Specs of a native size name from a size table (``SizeIndex.sizes``)."""
    entry = find_product(sizes, name)
    if entry is not None:
        return entry.specs
    if provider_id == "gcp":
        custom = parse_custom(bare(name))
        if custom is not None:
            return Specs(vcpu=float(custom.vcpu), memory_gib=float(custom.memory_gib))
    return None


def list_price(
    provider_id: str,
    index: Mapping[str, list[P]],
    region: str,
    name: str,
    quantity: Decimal = Decimal(1),
    rates: Mapping[str, Decimal] | None = None,
) -> ListPrice | None:
    """EUR a month for ``quantity`` units of a product in a region; None when no price is known."""
    rates = default_rates() if rates is None else rates
    product = find_product(index, name)
    if product is None:
        return _custom_price(provider_id, index, region, name, quantity, rates)
    price = price_in(product, region)
    if price is None:
        return None
    amount = monthly_price(price, quantity, rates)
    if amount is None:
        return None
    flag = "" if price.verified else " (unverified)"
    return ListPrice(quantize(amount), f"list price: {provider_id}/{product.id} {region}{flag}")


def _custom_price(
    provider_id: str,
    index: Mapping[str, list[P]],
    region: str,
    name: str,
    quantity: Decimal,
    rates: Mapping[str, Decimal],
) -> ListPrice | None:
    custom = parse_custom(bare(name)) if provider_id == "gcp" else None
    if custom is None:
        return None
    cpu_id, memory_id = unit_product_ids(custom)
    cpu_product, memory_product = find_product(index, cpu_id), find_product(index, memory_id)
    if cpu_product is None or memory_product is None:
        return None
    cpu, memory = price_in(cpu_product, region), price_in(memory_product, region)
    if cpu is None or memory is None or cpu.currency != memory.currency:
        return None
    hourly = cpu.amount * custom.vcpu + memory.amount * custom.memory_gib
    amount = to_eur(hourly * HOURS_PER_MONTH * quantity, cpu.currency, rates)
    if amount is None:
        return None
    flag = "" if cpu.verified and memory.verified else " (unverified)"
    label = f"custom/{custom.series} ({custom.vcpu} vCPU, {custom.memory_gib.normalize()} GiB)"
    return ListPrice(quantize(amount), f"list price: {provider_id}/{label} {region}{flag}")
