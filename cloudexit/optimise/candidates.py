"""Every option a resource can take under the policy, priced and risk-scored."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.schema import Product, ProviderFile, TargetMapping
from cloudexit.catalog.sizing import (
    cheapest_fit,
    monthly_price,
    needs_of,
    price_in,
    select_products,
    to_eur,
)
from cloudexit.model.inventory import Resource
from cloudexit.model.money import quantize
from cloudexit.model.plan import Option, Risk
from cloudexit.model.policy import Policy, Selector
from cloudexit.risk.score import certifications_in, fidelity_points, jurisdiction_points

GIB_PER_MBPS_HOUR = Decimal("0.4190951585769653")  # 1 Mbit/s for an hour, in GiB


@dataclass
class Candidates:
    resource: Resource
    options: list[Option] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)


def matches(selector: Selector, resource: Resource) -> bool:
    if selector.ids and resource.id not in selector.ids:
        return False
    if selector.kinds and resource.kind not in selector.kinds:
        return False
    if selector.source_providers and resource.provider not in selector.source_providers:
        return False
    return all(resource.tags.get(k) == v for k, v in selector.tags.items())


def current_monthly_eur(resource: Resource, policy: Policy) -> Decimal | None:
    cost = resource.monthly_cost
    if cost is None:
        return None
    return to_eur(cost.amount, cost.currency, policy.exchange_rates)


def data_gib(resource: Resource) -> Decimal:
    return Decimal(str(resource.attributes.storage_gib or 0))


def egress_cost(resource: Resource, catalog: Catalog, policy: Policy) -> Decimal | None:
    """Leaving the source: data size times the source's internet egress price."""
    gib = data_gib(resource)
    if gib == 0:
        return Decimal(0)
    source = catalog.providers.get(resource.provider)
    if source is None:
        return None
    for product in source.products:
        if product.service == "egress":
            price = price_in(product, resource.region)
            if price is not None:
                return monthly_price(price, gib, policy.exchange_rates)
    return None


def required_certifications(resource: Resource, policy: Policy) -> set[str]:
    needed: set[str] = set()
    for rule in policy.certifications:
        if matches(rule.match, resource):
            needed.update(rule.certifications)
    return needed


def _allowed_providers(resource: Resource, policy: Policy) -> tuple[set[str], str | None]:
    allowed = set(policy.targets)
    pinned_region: str | None = None
    for rule in policy.providers:
        if not matches(rule.match, resource):
            continue
        allowed -= set(rule.forbid)
        if rule.pin:
            provider, _, region = rule.pin.partition("/")
            allowed &= {provider}
            pinned_region = region or pinned_region
    return allowed, pinned_region


def offered_flavors(policy: Policy, provider: str, region: str) -> set[str] | None:
    """The compute products the policy says a site offers; None when it does not say."""
    lists = [
        set(cap.flavors)
        for cap in policy.capacity
        if cap.flavors is not None and cap.provider == provider and cap.region in (None, region)
    ]
    return set.intersection(*lists) if lists else None


def _price_target(
    resource: Resource,
    provider: ProviderFile,
    region: str,
    target: TargetMapping,
    policy: Policy,
) -> tuple[Product | None, Decimal, Decimal, list[str]] | str:
    """(product, quantity, monthly EUR, unverified price ids), or the reason it cannot be priced."""
    if target.select is None or target.sizing == "none":
        return None, Decimal(1), Decimal(0), []
    products = select_products(provider, target.select, region)
    offered = offered_flavors(policy, provider.id, region)
    among = ""
    if offered is not None and target.select.service == "compute":
        products = [p for p in products if p.id in offered]
        among = " among the flavours the policy's capacity lists"
    needs = needs_of(resource, policy.headroom)
    unverified: list[str] = []
    if target.sizing in ("instance", "instance_plus_storage", "per_node"):
        product = cheapest_fit(products, needs, region)
        if product is None:
            return f"no {target.select.service} product on {provider.id}/{region} fits the sizing{among}"
        quantity = (
            Decimal(resource.attributes.node_count or 1)
            if target.sizing == "per_node"
            else Decimal(1)
        )
    elif target.sizing == "per_gib":
        product = (
            min(products, key=lambda p: (price_in(p, region).amount, p.id))  # type: ignore[union-attr]
            if products
            else None
        )
        if product is None:
            return f"no {target.select.service} product on {provider.id}/{region}"
        quantity = max(Decimal(1), data_gib(resource))
    else:
        product = (
            min(products, key=lambda p: (price_in(p, region).amount, p.id))  # type: ignore[union-attr]
            if products
            else None
        )
        if product is None:
            return f"no {target.select.service} product on {provider.id}/{region}"
        quantity = Decimal(1)
    price = price_in(product, region)
    assert price is not None
    monthly = monthly_price(price, quantity, policy.exchange_rates)
    if monthly is None:
        return f"no exchange rate for {price.currency}"
    if not price.verified:
        unverified.append(f"{provider.id}/{product.id}")
    if target.sizing == "instance_plus_storage" and target.select.storage and needs.storage_gib:
        stores = select_products(provider, target.select.storage, region)
        if not stores:
            return (
                f"no {target.select.storage.service} product on {provider.id}/{region} for the data"
            )
        store = min(stores, key=lambda p: (price_in(p, region).amount, p.id))  # type: ignore[union-attr]
        store_price = price_in(store, region)
        assert store_price is not None
        extra = monthly_price(store_price, data_gib(resource), policy.exchange_rates)
        if extra is None:
            return f"no exchange rate for {store_price.currency}"
        monthly += extra
        if not store_price.verified:
            unverified.append(f"{provider.id}/{store.id}")
    return product, quantity, monthly, unverified


def build_candidates(resource: Resource, catalog: Catalog, policy: Policy) -> Candidates:
    found = Candidates(resource)
    mapping = catalog.kinds.get(resource.kind)
    allowed, pinned_region = _allowed_providers(resource, policy)
    needed_certs = required_certifications(resource, policy)
    current = current_monthly_eur(resource, policy)
    egress = egress_cost(resource, catalog, policy)
    transfer_months = Decimal(0)
    if data_gib(resource):
        hours = data_gib(resource) / (Decimal(str(policy.bandwidth_mbps)) * GIB_PER_MBPS_HOUR)
        transfer_months = hours / Decimal(730)
    targets = mapping.targets if mapping else {}
    for provider_id in sorted(allowed & set(targets)):
        provider = catalog.providers[provider_id]
        target = targets[provider_id]
        for region in sorted(provider.regions, key=lambda r: r.code):
            where = f"{provider_id}/{region.code}"
            if pinned_region and region.code != pinned_region:
                continue
            if (
                policy.residency.allowed_countries
                and region.country not in policy.residency.allowed_countries
            ):
                continue
            if policy.residency.allowed_regions and where not in policy.residency.allowed_regions:
                continue
            service = target.select.service if target.select else None
            missing = needed_certs - certifications_in(provider, region.code, service)
            if missing:
                found.excluded.append(f"{where}: lacks {', '.join(sorted(missing))}")
                continue
            priced = _price_target(resource, provider, region.code, target, policy)
            if isinstance(priced, str):
                found.excluded.append(f"{where}: {priced}")
                continue
            product, quantity, monthly, unverified = priced
            if egress is None:
                found.excluded.append(
                    f"{where}: no egress price for {resource.provider}/{resource.region}"
                )
                continue
            parallel = (current or Decimal(0)) * (policy.parallel_run_months + transfer_months)
            migration = egress + Decimal(str(target.effort_days)) * policy.day_rate + parallel
            j = jurisdiction_points(provider)
            f = fidelity_points(target.fidelity)
            found.options.append(
                Option(
                    provider=provider_id,
                    region=region.code,
                    product=product.id if product else None,
                    product_name=product.name if product else None,
                    quantity=float(quantity),
                    monthly_cost=quantize(monthly),
                    migration_cost=quantize(migration),
                    effort_days=target.effort_days,
                    risk=Risk(jurisdiction=j, fidelity=f, total=j + f),
                    strategy=target.strategy,
                    fidelity=target.fidelity,
                    terraform=target.terraform,
                    unverified_prices=sorted(unverified),
                )
            )
    if policy.allow_retain and current is not None:
        source = catalog.providers.get(resource.provider)
        j = jurisdiction_points(source) if source else 4.0
        missing = needed_certs - (
            certifications_in(source, resource.region, None) if source else set()
        )
        if not missing:
            found.options.append(
                Option(
                    provider=resource.provider,
                    region=resource.region,
                    product=None,
                    monthly_cost=quantize(current),
                    migration_cost=Decimal(0),
                    risk=Risk(jurisdiction=j, total=j),
                    strategy="retain",
                    fidelity="native",
                    retain=True,
                )
            )
    return found
