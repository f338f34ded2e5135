"""Prices per region and unit, and the cheapest products that meet a resource's needs."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from cloudexit.catalog.burstable import BaselineFact, load_baselines
from cloudexit.catalog.products import Price, Product, ProviderFile, Specs
from cloudexit.model.money import HOURS_PER_MONTH
from cloudexit.model.money import to_eur as to_eur  # noqa: PLC0414 (the optimiser imports it here)

if TYPE_CHECKING:
    from cloudexit.catalog.schema import ProductSelector
    from cloudexit.model.inventory import Resource


@dataclass(frozen=True)
class Needs:
    vcpu: float | None = None
    memory_gib: float | None = None
    architecture: str | None = None
    gpu_count: int = 0
    storage_gib: float | None = None
    engine: str | None = None
    basis: str = "reported"
    """what the vCPU and memory rest on: reported (the size today), utilisation (measured peaks
    plus headroom) or baseline (a burstable size's sustained CPU)"""
    why: str | None = None


def right_size(
    capacity: float, peak_percent: float, headroom: float, whole: bool, of: float | None = None
) -> float:
    """Observed peak plus headroom, never above what runs today nor below one unit.

    ``of`` is what the percentage is a share of when that is not the capacity: a shared-core
    machine's utilisation is reported against the fraction of a vCPU it is allotted."""
    used = (capacity if of is None else of) * peak_percent / 100 * (1 + headroom)
    if whole:
        used = math.ceil(used)
    return max(1.0, min(capacity, used))


def needs_of(
    resource: Resource,
    headroom: float,
    specs: Specs | None = None,
    burstable: bool = True,
    explained: bool = True,
) -> Needs:
    """What the resource needs, right-sized from observed CPU and memory peaks plus headroom.

    ``specs`` (from ``Catalog.specs_for`` on the native size name) fill sizes the source did not report.
    With no measured CPU, a burstable or shared-core size needs its sustained CPU (the provider's
    published baseline, ``mappings/burstable.yaml``) rather than the vCPUs it may burst to, unless
    ``burstable`` is off; its memory stays as it is. ``explained``: with the sentence saying why
    (``why``); pricing reads only the figures, and writing it for every option cost more than
    the rest.
    """
    a = resource.attributes
    vcpu = a.vcpu if a.vcpu is not None else (specs.vcpu if specs else None)
    memory = a.memory_gib if a.memory_gib is not None else (specs.memory_gib if specs else None)
    usage = resource.utilisation
    basis = "reported"
    why: str | None = None
    fact = load_baselines().find(resource.provider, a.instance_type) if vcpu else None
    if vcpu and usage and usage.cpu_p95 is not None:
        share = _allotted(fact, vcpu)
        vcpu = right_size(vcpu, usage.cpu_p95, headroom, whole=True, of=share)
        basis = "utilisation"
        if explained:
            of = f" of its {share:g} vCPU share" if share is not None else ""
            why = f"CPU p95 {usage.cpu_p95:g} %{of} plus {headroom:.0%} headroom"
    elif vcpu and burstable and fact is not None and fact.sustained < vcpu:
        vcpu = fact.sustained
        basis = "baseline"
        if explained:
            why = fact.how(a.instance_type or "")
    if memory and usage and usage.memory_p95 is not None:
        memory = right_size(memory, usage.memory_p95, headroom, whole=False)
        basis = "utilisation" if basis == "reported" else basis
        if explained:
            peak = f"memory p95 {usage.memory_p95:g} % plus {headroom:.0%} headroom"
            why = f"{why}; {peak}" if why else peak
    gpus = a.gpu_count if a.gpu_count is not None else (specs.gpu_count if specs else None)
    return Needs(
        vcpu=vcpu,
        memory_gib=memory,
        architecture=a.architecture or (specs.architecture if specs else None),
        gpu_count=gpus or 0,
        storage_gib=a.storage_gib,
        engine=a.engine,
        basis=basis,
        why=why,
    )


def _allotted(fact: BaselineFact | None, vcpu: float) -> float | None:
    """The fractional vCPU a shared-core machine's measured CPU is a share of (Cloud Monitoring
    reports an e2-micro's utilisation against its 0.25 vCPU, 100 % when that is used up), or None
    where the percentage is of the vCPUs the size lists (burstable t3, B-series)."""
    if fact is None or fact.sustained_vcpu is None or fact.sustained_vcpu >= vcpu:
        return None
    return fact.sustained_vcpu


class Priced(Protocol):
    @property
    def prices(self) -> Sequence[Price]: ...


def price_in(product: Priced, region: str, monthly: bool = False) -> Price | None:
    """The product's price in a region: a region-specific price wins over a general one.

    The first listed price is the pay-as-you-go one; ``monthly`` (the policy allows a monthly
    commitment) takes a monthly plan instead when it costs less over a month."""
    specific = [p for p in product.prices if region in p.regions]
    general = [p for p in product.prices if not p.regions]
    chosen = specific or general
    if not chosen:
        return None
    first = chosen[0]
    if monthly and first.unit == "hour":
        plans = [p for p in chosen if p.unit == "month" and p.currency == first.currency]
        cheaper = [p for p in plans if p.amount < first.amount * HOURS_PER_MONTH]
        if cheaper:
            return min(cheaper, key=lambda p: p.amount)
    return first


def offered_in(product: Product, region: str) -> bool:
    return (not product.regions or region in product.regions) and price_in(
        product, region
    ) is not None


def monthly_price(price: Price, quantity: Decimal, rates: Mapping[str, Decimal]) -> Decimal | None:
    """Monthly EUR for ``quantity`` units; None when the currency has no exchange rate."""
    if price.unit == "hour":
        amount = price.amount * HOURS_PER_MONTH * quantity
    else:
        free = price.free_quantity or Decimal(0)
        amount = price.amount * max(Decimal(0), quantity - free)
    return to_eur(amount, price.currency, rates)


class _Same:
    """Hashes and compares by identity, so unhashable catalogue objects can key a cache; the cache
    holds the object, so its id cannot be reused while the entry lives."""

    __slots__ = ("obj",)

    def __init__(self, obj: object) -> None:
        self.obj = obj

    def __hash__(self) -> int:
        return id(self.obj)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.obj is self.obj


def on_request(provider: ProviderFile, service: str, region: str) -> list[str]:
    """Ids of the provider's offers of this service in the region quoted only on request."""
    return sorted(
        p.id
        for p in provider.products
        if p.price_on_request is not None
        and p.service == service
        and not p.deprecated
        and (not p.regions or region in p.regions)
    )


def select_products(
    provider: ProviderFile, selector: ProductSelector, region: str
) -> list[Product]:
    # Asked once per resource class and site with the same three arguments; the scan is the cost.
    return list(_select_products(_Same(provider), _Same(selector), region))


@lru_cache(maxsize=8192)
def _select_products(provider_key: _Same, selector_key: _Same, region: str) -> tuple[Product, ...]:
    provider: ProviderFile = provider_key.obj  # type: ignore[assignment]
    selector: ProductSelector = selector_key.obj  # type: ignore[assignment]
    chosen = []
    for product in provider.products:
        if product.deprecated or product.service != selector.service:
            continue
        if selector.products and product.id not in selector.products:
            continue
        if product.id in selector.refused:
            continue
        if selector.families and product.family not in selector.families:
            continue
        if selector.engine and selector.engine not in product.specs.engines:
            continue
        if offered_in(product, region):
            chosen.append(product)
    return tuple(sorted(chosen, key=lambda p: p.id))


def fits(product: Product, needs: Needs) -> bool:
    s = product.specs
    if needs.vcpu and (s.vcpu is None or s.vcpu < needs.vcpu):
        return False
    if needs.memory_gib and (s.memory_gib is None or s.memory_gib < needs.memory_gib):
        return False
    if needs.architecture and s.architecture and s.architecture != needs.architecture:
        return False
    if needs.gpu_count and (s.gpu_count or 0) < needs.gpu_count:
        return False
    return not (not needs.gpu_count and (s.gpu_count or 0) > 0)


def cheapest_fit(
    products: Iterable[Product], needs: Needs, region: str, monthly: bool = False
) -> Product | None:
    """The cheapest product meeting the needs; ties go to the smaller, then the lower id."""
    best: tuple[Decimal, float, float, str, Product] | None = None
    for product in products:
        if not fits(product, needs):
            continue
        price = price_in(product, region, monthly)
        if price is None:
            continue
        hourly = price.amount if price.unit == "hour" else price.amount / HOURS_PER_MONTH
        key = (hourly, product.specs.vcpu or 0, product.specs.memory_gib or 0, product.id, product)
        if best is None or key[:4] < best[:4]:
            best = key
    return best[4] if best else None
