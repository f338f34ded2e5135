"""Every policy constraint re-checked in plain Python on a finished assignment.

Solvers can report a point as optimal that is not, or hand back relaxation values; nothing is
written that fails these checks. The same checks say which constraints the greedy baseline broke.
"""

from __future__ import annotations

from collections import defaultdict

from cloudexit.model.inventory import Inventory
from cloudexit.model.policy import Policy
from cloudexit.optimise.units import SOURCE, Row, Units, group_site


def violations(
    assignment: dict[str, Row],
    units: Units,
    inventory: Inventory,
    policy: Policy,
    near: str | None = None,
    near_group: str | None = None,
) -> list[str]:
    """``near``: a resource whose option alone changed from a plan already checked; co-location
    and anti-affinity are then checked only where it is (``near_group``, its tag values), since
    the lines elsewhere are the plan's own."""
    found: list[str] = []
    resources = inventory.by_id()
    groups = units.groups.items()
    if near is not None:
        groups = [(near_group, units.groups[near_group])] if near_group in units.groups else []  # type: ignore[assignment]
    for group, members in groups:
        sites = sorted({group_site(assignment[m]) for m in members if m in assignment})
        if len(sites) > 1:
            found.append(
                f"co-location group {group} is split over {len(sites)} sites: "
                + ", ".join(
                    "kept on the source" if s == SOURCE else f"{s[0]}/{s[1]}" for s in sites
                )
            )
    for rule in policy.anti_affinity:
        wanted = resources[near].tags.get(rule.tag_key) if near is not None else None
        if near is not None and wanted is None:
            continue
        by_value: dict[str, list[str]] = defaultdict(list)
        for rid in assignment:
            value = resources[rid].tags.get(rule.tag_key)
            if value is not None and (wanted is None or value == wanted):
                by_value[value].append(rid)
        for value, members in sorted(by_value.items()):
            places = [
                assignment[m].site if rule.level == "region" else assignment[m].site[0]
                for m in members
            ]
            if len(set(places)) < len(places):
                found.append(
                    f"anti-affinity {rule.tag_key}={value}: {len(members)} resources share a {rule.level}"
                )
    spend: dict[str, float] = defaultdict(float)
    for row in assignment.values():
        if row.target:
            spend[row.site[0]] += row.monthly
    used = len(spend)
    if spend and used < policy.min_providers:
        found.append(f"min_providers {policy.min_providers}: only {used} used")
    if policy.max_providers is not None and used > policy.max_providers:
        found.append(f"max_providers {policy.max_providers}: {used} used")
    total_target = sum(spend.values())
    if policy.max_spend_share is not None and total_target > 0:
        for provider, amount in sorted(spend.items()):
            if amount > policy.max_spend_share * total_target + 1e-6:
                found.append(
                    f"max_spend_share {policy.max_spend_share:.0%}: {provider} takes "
                    f"{amount / total_target:.1%} of target spend"
                )
    if policy.max_region_spend_share is not None and total_target > 0:
        by_site: dict[tuple[str, str], float] = defaultdict(float)
        for row in assignment.values():
            if row.target:
                by_site[row.site] += row.monthly
        for (provider, region), amount in sorted(by_site.items()):
            if amount > policy.max_region_spend_share * total_target + 1e-6:
                found.append(
                    f"max_region_spend_share {policy.max_region_spend_share:.0%}: {provider}/{region} "
                    f"takes {amount / total_target:.1%} of target spend"
                )
    for cap in policy.capacity:
        rows = [r for r in assignment.values() if r.target and cap.covers(r.site)]
        for attribute, limit in cap.limits():
            used_amount = sum(float(getattr(r, attribute)) for r in rows)
            if used_amount > limit + 1e-6:
                found.append(
                    f"capacity {cap.provider}/{cap.region or '*'} {attribute}: {used_amount:g} > {limit:g}"
                )
    if policy.monthly_budget is not None:
        monthly = sum(r.monthly for r in assignment.values())
        if monthly > float(policy.monthly_budget) + 1e-6:
            found.append(f"monthly_budget {policy.monthly_budget}: plan costs {monthly:.2f}")
    return found
