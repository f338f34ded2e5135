"""Dependent resources the plan puts on different sites: counted, so the reader sees an
application spread over regions or providers and how to keep it together."""

from __future__ import annotations

from cloudexit.model.inventory import Inventory
from cloudexit.model.plan import Placement
from cloudexit.model.policy import Policy


def split_dependency_warning(
    inventory: Inventory, placements: list[Placement], policy: Policy
) -> str | None:
    """One line when depends_on pairs end up on different sites: how many, how many across
    providers, and how to keep an application together."""
    # a network object copied to several sites is beside whatever runs at any of them
    site = {
        p.resource_id: {(o.provider, o.region) for o in (p.choice, *(p.copies or ()))}
        for p in placements
    }
    pairs = {
        (min(r.id, d), max(r.id, d))
        for r in inventory.resources
        for d in r.depends_on
        if d != r.id and r.id in site and d in site
    }
    split = [(a, b) for a, b in sorted(pairs) if not site[a] & site[b]]
    if not split:
        return None
    across = sum(1 for a, b in split if not {s[0] for s in site[a]} & {s[0] for s in site[b]})
    priced = (
        "their traffic is priced as egress (colocation.from_dependencies), which is free on some targets"
        if policy.colocation.from_dependencies
        else "nothing keeps them together (colocation.from_dependencies is off)"
    )
    return (
        f"{len(split)} of {len(pairs)} dependent pairs (depends_on) run on different sites, "
        f"{across} of them on different providers: {priced}; a shared tag in colocation.tag_keys "
        "keeps an application on one site"
    )
