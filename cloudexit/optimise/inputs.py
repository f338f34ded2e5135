"""Policy and inventory checked against the catalogue before the solve: one line per problem.

A name the catalogue does not know (a target, pin, forbid, region or capacity site), a pin the
residency rules out, limits that contradict each other, or a currency without an exchange rate
would otherwise end in silent retention or unplaced resources; here they stop the run (exit 2)
with the closest valid names.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from cloudexit.catalog.loader import Catalog
from cloudexit.errors import InputError
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.policy import Policy
from cloudexit.optimise.candidates import build_candidates, matches
from cloudexit.wording import counted


def closest(word: str, known: Iterable[str]) -> str:
    """'; did you mean a?' (the nearest names, or those it starts), else '; known: ...'."""
    names = sorted(set(known))
    scored = sorted(
        ((difflib.SequenceMatcher(None, word, n).ratio(), n) for n in names), reverse=True
    )
    best = scored[0][0] if scored else 0.0
    near = [n for r, n in scored if r >= max(0.6, best - 0.1)][:3]
    near += [n for n in names if word and n.startswith(word) and n not in near]
    if near:
        return f"; did you mean {' or '.join(near)}?"
    return f"; known: {', '.join(names[:12])}{', ...' if len(names) > 12 else ''}"


def _sites(catalog: Catalog, providers: Iterable[str]) -> dict[str, str]:
    """'provider/region' -> country, for the given providers."""
    return {
        f"{p}/{r.code}": r.country
        for p in providers
        if p in catalog.providers
        for r in catalog.providers[p].regions
    }


def check_policy(policy: Policy, catalog: Catalog, label: str = "policy") -> None:
    """Raise InputError naming the first field of ``policy`` the catalogue cannot honour."""
    targets = sorted(p for p, f in catalog.providers.items() if f.role == "target")
    # the default list names every bundled target; a smaller catalogue simply lacks some
    given = policy.targets if "targets" in policy.model_fields_set else []
    for i, name in enumerate(given):
        if name not in targets:
            raise InputError(
                f"{label}: targets[{i}]: unknown target provider {name!r}{closest(name, targets)}"
            )
    everywhere = _sites(catalog, catalog.providers)
    for i, rule in enumerate(policy.providers):
        for j, name in enumerate(rule.forbid):
            if name not in catalog.providers:
                raise InputError(
                    f"{label}: providers[{i}].forbid[{j}]: unknown provider {name!r}"
                    f"{closest(name, catalog.providers)}"
                )
        if rule.pin:
            _check_pin(policy, catalog, f"{label}: providers[{i}].pin", rule.pin, everywhere)
    for i, where in enumerate(policy.residency.allowed_regions):
        if where not in everywhere:
            raise InputError(
                f"{label}: residency.allowed_regions[{i}]: unknown region {where!r}"
                f"{closest(where, everywhere)}"
            )
    for i, cap in enumerate(policy.capacity):
        if cap.provider not in catalog.providers:
            raise InputError(
                f"{label}: capacity[{i}].provider: unknown provider {cap.provider!r}"
                f"{closest(cap.provider, catalog.providers)}"
            )
        if cap.region is not None and f"{cap.provider}/{cap.region}" not in everywhere:
            codes = [r.code for r in catalog.providers[cap.provider].regions]
            raise InputError(
                f"{label}: capacity[{i}].region: {cap.provider} has no region {cap.region!r}"
                f"{closest(cap.region, codes)}"
            )
    _check_limits(policy, label)


def _check_pin(
    policy: Policy, catalog: Catalog, field: str, pin: str, everywhere: dict[str, str]
) -> None:
    provider, _, region = pin.partition("/")
    if provider not in policy.targets:
        known = policy.targets if provider in catalog.providers else catalog.providers
        why = (
            "is not among the policy's targets"
            if provider in catalog.providers
            else "is not a provider"
        )
        raise InputError(f"{field}: {provider!r} {why}{closest(provider, known)}")
    sites = {w: c for w, c in everywhere.items() if w.startswith(f"{provider}/")}
    if region and pin not in sites:
        raise InputError(f"{field}: unknown region {pin!r}{closest(pin, sites)}")
    allowed = [w for w in ([pin] if region else sorted(sites)) if _resident(policy, w, sites[w])]
    if not allowed:
        raise InputError(
            f"{field}: {pin} is outside the residency rules "
            f"(residency.allowed_countries / allowed_regions)"
        )


def _resident(policy: Policy, where: str, country: str) -> bool:
    countries = policy.residency.allowed_countries
    regions = policy.residency.allowed_regions
    return (not countries or country in countries) and (not regions or where in regions)


def _check_limits(policy: Policy, label: str) -> None:
    share, most = policy.max_spend_share, policy.max_providers
    if share is not None and most is not None and share * most < 1:
        raise InputError(
            f"{label}: max_spend_share {share:g} with max_providers {most} cannot hold: "
            f"{most} provider(s) at most {share:g} each carry only {share * most:g} of the spend"
        )


def check_currencies(
    inventory: Inventory, catalog: Catalog, policy: Policy, label: str = "policy"
) -> None:
    """Every currency the run will convert needs a rate: the inventory's costs and the prices
    of the providers involved (targets and the sources in the inventory)."""
    rates = set(policy.exchange_rates) | {"EUR"}
    used: dict[str, str] = {}
    for resource in inventory.resources:
        cost = resource.monthly_cost
        if cost is not None and cost.currency not in rates:
            used.setdefault(cost.currency, f"resource {resource.id}")
    involved = set(policy.targets) | {r.provider for r in inventory.resources}
    for provider_id in sorted(involved & set(catalog.providers)):
        provider = catalog.providers[provider_id]
        for product in provider.products:
            for price in product.prices:
                if price.currency not in rates:
                    used.setdefault(price.currency, f"{provider_id} prices")
    if used:
        currency, where = min(used.items())
        raise InputError(
            f"{label}: exchange_rates: no rate for {currency} (used by {where}); "
            f"add {currency}: <EUR per {currency}>"
        )


def pinned_to(resource: Resource, policy: Policy) -> str | None:
    """The pin of the last provider rule that matches the resource, as the candidates apply it."""
    pin = None
    for rule in policy.providers:
        if rule.pin and matches(rule.match, resource):
            pin = rule.pin
    return pin


def pin_warnings(
    inventory: Inventory, catalog: Catalog, policy: Policy, placed: dict[str, str]
) -> list[str]:
    """One warning per pin some resources could not follow, naming what is missing there."""
    missed: dict[str, list[Resource]] = {}
    for resource in inventory.resources:
        pin = pinned_to(resource, policy)
        if pin and placed.get(resource.id) != pin.partition("/")[0]:
            missed.setdefault(pin, []).append(resource)
    out = []
    for pin, resources in sorted(missed.items()):
        first = resources[0]
        provider = pin.partition("/")[0]
        mapping = catalog.kinds.get(first.kind)
        if mapping is None or provider not in mapping.targets:
            why = f"{provider} offers no equivalent of {first.kind.value}"
        else:
            found = build_candidates(first, catalog, policy)
            there = [e for e in found.excluded if e.startswith((f"{pin}/", f"{pin}:"))]
            if any(o.provider == provider for o in found.options):
                why = f"the plan found it better kept on {first.provider} (allow_retain)"
            else:
                why = "; ".join(there[:3]) or "no region of it meets the residency rules"
        count = counted(len(resources), "resource")
        out.append(
            f"pin {pin} not honoured for {count} (first {first.id}): {why}; "
            "kept on the source or left unplaced"
        )
    return out
