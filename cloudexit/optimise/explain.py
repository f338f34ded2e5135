"""Why a resource goes where it goes: the constraint that binds, the best other provider, and
for what cannot be placed, what each provider lacks."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from cloudexit.model.inventory import Inventory
from cloudexit.model.money import quantize
from cloudexit.model.plan import Alternative
from cloudexit.model.policy import Policy
from cloudexit.optimise.checks import Probes, violations
from cloudexit.optimise.units import Row, Unit, Units
from cloudexit.wording import counted

MAX_PROBES = 200
"""Placements off their own best option that get a binding-constraint probe (each re-checks the
whole plan); further ones name the constraints the policy sets."""


def _family(line: str) -> str:
    """A violation line's constraint, without the figures that differ between plans."""
    return line.split(":", 1)[0]


def binding(
    rid: str,
    unit: Unit,
    row: Row,
    assignment: dict[str, Row],
    units: Units,
    inventory: Inventory,
    policy: Policy,
    baseline: set[str],
    probes: Probes | None = None,
) -> list[str]:
    """The constraints the resource's own best option would break, the rest of the plan unchanged
    (``probes``: sums over ``assignment`` kept between calls, the same lines)."""
    best = unit.rows[0]
    if probes is not None:
        lines = probes.violations(rid, best, unit.group)
    else:
        probe = dict(assignment)
        probe[rid] = best
        lines = violations(probe, units, inventory, policy, near=rid, near_group=unit.group)
    return sorted({line for line in lines if line not in baseline})


def reason(unit: Unit, row: Row, policy: Policy, bound: list[str] | None) -> str:
    best = unit.rows[0]
    if row is best or row.score == best.score:
        return (
            f"lowest {policy.horizon_months}-month cost plus weighted risk of "
            f"{counted(len(unit.rows), 'option')}"
        )
    alone = f"its best option alone is {best.site[0]}/{best.site[1]}"
    if bound:
        return f"{alone}, which would break {'; '.join(bound)}"
    if bound is not None:
        return (
            f"{alone}; no single constraint binds: with the rest of the plan, this site costs less "
            "in total (traffic to dependencies, copies of the network objects it names, or "
            "constraints met jointly)"
        )
    why = []
    if unit.group:
        why.append(f"co-location group {unit.group}")
    if unit.anti:
        why.append("anti-affinity " + ", ".join(a.split("@")[0] for a in unit.anti))
    for name, active in (
        (f"max_spend_share {policy.max_spend_share}", policy.max_spend_share is not None),
        (
            f"max_region_spend_share {policy.max_region_spend_share}",
            policy.max_region_spend_share is not None,
        ),
        ("provider count", policy.min_providers > 1 or policy.max_providers is not None),
        ("capacity", bool(policy.capacity)),
        ("monthly budget", policy.monthly_budget is not None),
    ):
        if active:
            why.append(name)
    return f"{alone}; placed here to meet " + (", ".join(why) or "the policy")


def runner_up(unit: Unit, row: Row, policy: Policy) -> Alternative | None:
    """The best option on another provider, else in another region of the same one."""
    rows = unit.all_rows or unit.rows
    other = next((r for r in rows if r.site[0] != row.site[0]), None) or next(
        (r for r in rows if r.site != row.site), None
    )
    if other is None:
        return None
    return Alternative(
        provider=other.site[0],
        region=other.site[1],
        product=other.product,
        monthly_cost_delta=other.monthly_cost - row.monthly_cost,
        risk_delta=round(other.risk_total - row.risk_total, 6),
        score_delta=quantize(Decimal(str(other.score - row.score))),
        retain=other.retain,
    )


def kept_reason(excluded: list[str]) -> str:
    """Why a resource stays on its source when no target site can take it: each target's
    reason from the candidate stage (a missing price, an engine or licence not offered, a
    residency rule), regions with the same reason counted together."""
    return f"kept on the source, no target can take it: {unplaced_reason(excluded)}"


def unplaced_reason(excluded: list[str]) -> str:
    """Every provider's reason, regions with the same reason counted together."""
    by_provider: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for line in excluded:
        where, _, why = line.partition(": ")
        provider, _, region = where.partition("/")
        by_provider[provider][why or line].append(region)
    parts = []
    for provider, reasons in sorted(by_provider.items()):
        texts = []
        for why, regions in sorted(reasons.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            count = f"{len(regions)} regions" if len(regions) > 1 else (regions[0] or "")
            texts.append(f"{why} ({count})" if count else why)
        parts.append(f"{provider}: " + "; ".join(texts))
    return " | ".join(parts)
