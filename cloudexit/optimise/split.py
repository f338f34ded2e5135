"""Dependent resources the plan puts on different sites: counted and the first named, so the
reader sees an application spread over regions or providers, which parts, and how to keep it
together."""

from __future__ import annotations

from collections.abc import Mapping

from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.plan import Placement, SplitPair, SplitPairs
from cloudexit.model.policy import Policy

NAMED = 50
"""How many split pairs plan.json, the runbook and the report name; the rest are counted."""
SHOWN = 3
"""How many of them the warning names."""


def split_pairs(
    inventory: Inventory, placements: list[Placement], resources: Mapping[str, Resource]
) -> SplitPairs | None:
    """The depends_on pairs on no common site, in order of the resource's id then the one it
    names; None when every placed pair shares a site."""
    # a network object copied to several sites is beside whatever runs at any of them
    site = {
        p.resource_id: {(o.provider, o.region) for o in (p.choice, *(p.copies or ()))}
        for p in placements
    }
    # each unordered pair once, as the first resource (in inventory order) naming the other
    pairs: dict[tuple[str, str], tuple[str, str]] = {}
    for r in inventory.resources:
        if r.id not in site:
            continue
        for d in r.depends_on:
            if d != r.id and d in site:
                pairs.setdefault((min(r.id, d), max(r.id, d)), (r.id, d))
    split = sorted(pair for pair in pairs.values() if not site[pair[0]] & site[pair[1]])
    if not split:
        return None

    def across(a: str, b: str) -> bool:
        return not {s[0] for s in site[a]} & {s[0] for s in site[b]}

    def sites(rid: str) -> list[str]:
        return sorted(f"{provider}/{region}" for provider, region in site[rid])

    return SplitPairs(
        pairs=len(pairs),
        split=len(split),
        across_providers=sum(1 for a, b in split if across(a, b)),
        named=[
            SplitPair(
                resource_id=a,
                name=resources[a].name,
                sites=sites(a),
                depends_on=b,
                depends_on_name=resources[b].name,
                depends_on_sites=sites(b),
                across_providers=across(a, b),
            )
            for a, b in split[:NAMED]
        ],
    )


def split_dependency_warning(found: SplitPairs | None, policy: Policy) -> str | None:
    """One line when depends_on pairs end up on different sites: how many, how many across
    providers, the first few, and how to keep an application together."""
    if found is None:
        return None
    priced = (
        "their traffic is priced as egress (colocation.from_dependencies), which is free on some targets"
        if policy.colocation.from_dependencies
        else "nothing keeps them together (colocation.from_dependencies is off)"
    )
    shown = [
        f"{p.name} on {', '.join(p.sites)} -> {p.depends_on_name} on {', '.join(p.depends_on_sites)}"
        for p in found.named[:SHOWN]
    ]
    rest = found.split - len(shown)
    return (
        f"{found.split} of {found.pairs} dependent pairs (depends_on) run on different sites, "
        f"{found.across_providers} of them on different providers: {priced}; a shared tag in "
        f"colocation.tag_keys keeps an application on one site; "
        f"{', '.join(shown)}{f' and {rest} more' if rest else ''} (plan.json's split_pairs, the "
        f"runbook and the report name the first {min(found.split, NAMED)})"
    )
