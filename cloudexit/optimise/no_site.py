"""Why a resource has no target site at all, not even one to turn down: the policy's residency
leaves a provider no region, or the provider's catalogue holds the service without a price or a
mapping. Said in place of "no target offers this kind", which would be wrong then."""

from __future__ import annotations

from cloudexit.catalog import Catalog
from cloudexit.catalog.schema import ProviderFile
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.policy import Policy
from cloudexit.optimise.candidates import _allowed_providers
from cloudexit.optimise.fallback import fallback_for

RESIDENCY = "residency."


def _listed(values: list[str]) -> str:
    return f"[{', '.join(values)}]"


def _residency_rule(provider: ProviderFile, policy: Policy) -> str | None:
    """The residency rule that leaves the provider no region, or None when one is left."""
    countries = policy.residency.allowed_countries
    wheres = policy.residency.allowed_regions
    by_country = [r for r in provider.regions if not countries or r.country in countries]
    by_region = [r for r in provider.regions if not wheres or f"{provider.id}/{r.code}" in wheres]
    if not by_country:
        return f"residency.allowed_countries {_listed(countries)}"
    if not by_region:
        return f"residency.allowed_regions {_listed(wheres)}"
    if not {r.code for r in by_country} & {r.code for r in by_region}:
        return (
            f"residency.allowed_countries {_listed(countries)} with "
            f"residency.allowed_regions {_listed(wheres)}"
        )
    return None


def _unmapped(catalog: Catalog, provider: ProviderFile, kind: Kind) -> str | None:
    """The provider's own service for the kind when the catalogue lists it but nothing maps the
    kind to it: its price is missing, or it has one and no mapping uses it."""
    mapping = catalog.kinds.get(kind)
    if mapping is None:
        return None
    services = {
        t.select.service
        for t in mapping.targets.values()
        if t.select is not None and t.fidelity not in ("self_managed", "none")
    }
    products = sorted((p for p in provider.products if p.service in services), key=lambda p: p.id)
    if not products:
        return None
    names = ", ".join(p.name for p in products)
    if not any(p.prices for p in products):
        return f"{names} exists but has no price in the catalogue"
    return f"{names} is in the catalogue but no mapping takes {kind.value} to it"


def no_site_reasons(resource: Resource, catalog: Catalog, policy: Policy) -> list[str]:
    """ "provider: why" for each target the policy allows, when a residency rule or an unpriced
    service is why no site was tried; empty when every target simply offers nothing for the kind."""
    allowed, pinned = _allowed_providers(resource, policy)
    mapping = catalog.kinds.get(resource.kind)
    targets = mapping.targets if mapping else {}
    lines: list[str] = []
    told = False
    for provider_id in sorted(allowed & set(catalog.providers)):
        provider = catalog.providers[provider_id]
        offers = (
            provider_id in targets or fallback_for(catalog, provider_id, resource.kind) is not None
        )
        why = (
            _residency_rule(provider, policy)
            if offers
            else _unmapped(catalog, provider, resource.kind)
        )
        if offers and why is not None:
            why = f"{why} leaves no region"
        elif offers and pinned:
            why = f"its pin to region {pinned} names no region the residency rules allow"
        elif offers:
            # It offers the kind in a region the policy allows: something else turned it down.
            continue
        told = told or why is not None
        lines.append(f"{provider_id}: {why or f'offers no {resource.kind.value}'}")
    return lines if told else []


def residency_summary(reasons: dict[str, list[str]]) -> str | None:
    """One line when residency is why resources have no site: "residency.allowed_countries [JP]
    leaves no region of ionos", each rule once with the providers it empties."""
    emptied: dict[str, set[str]] = {}
    for lines in reasons.values():
        for line in lines:
            provider, _, why = line.partition(": ")
            if why.startswith(RESIDENCY):
                emptied.setdefault(why.removesuffix(" leaves no region"), set()).add(provider)
    if not emptied:
        return None
    return "; ".join(
        f"{rule} leaves no region of {', '.join(sorted(providers))}"
        for rule, providers in sorted(emptied.items())
    )


def residency_everywhere(catalog: Catalog, policy: Policy) -> str | None:
    """The residency line when it leaves every target of the policy no region, so that nothing
    can be placed anywhere; None when one target keeps a region."""
    targets = sorted(set(policy.targets) & set(catalog.providers))
    lines = []
    for provider_id in targets:
        rule = _residency_rule(catalog.providers[provider_id], policy)
        if rule is None:
            return None
        lines.append(f"{provider_id}: {rule} leaves no region")
    return residency_summary({"": lines}) if lines else None
