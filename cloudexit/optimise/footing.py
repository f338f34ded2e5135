"""Today against after on one footing: every resource counts on both sides of the business case."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.money import quantize
from cloudexit.model.plan import Placement, SolveStatus, StrandedLine, Totals, Unplaced
from cloudexit.model.policy import Policy
from cloudexit.optimise.follow import FOLLOWING_KINDS
from cloudexit.optimise.today import current_monthly_eur
from cloudexit.wording import counted, first_few, plural

UNSOLVED = frozenset({SolveStatus.INFEASIBLE, SolveStatus.NOT_SOLVED})


def annuity_factor(rate: float, months: int) -> Decimal:
    """Present value of 1 EUR a month for ``months`` months at a yearly ``rate``, paid at month end."""
    if rate <= 0:
        return Decimal(months)
    monthly = (Decimal(1) + Decimal(str(rate))) ** (Decimal(1) / Decimal(12))
    return sum((Decimal(1) / monthly**m for m in range(1, months + 1)), Decimal(0))


def payback(
    one_off: Decimal,
    saving: Decimal,
    moved: int,
    status: SolveStatus | None,
    unknown_today: int = 0,
    unpriced_egress: int = 0,
) -> tuple[Decimal | None, str | None]:
    """Months until the saving repays the one-off cost, or why there is no payback.

    ``unknown_today`` counts moved resources with no known cost today: their target cost counts
    after only, so a saving at or below zero says nothing about them. ``unpriced_egress`` counts
    moved resources whose copy's egress has no price: the one-off leaves it out, so a payback
    is a lower bound and says so."""
    if status in UNSOLVED:
        return None, "the plan is infeasible: nothing moves"
    if moved == 0:
        return None, "nothing moves"
    if saving <= 0 and unknown_today:
        return None, (
            f"{counted(unknown_today, 'moved resource')} {plural(unknown_today, 'has', 'have')} "
            "no known cost today (import a bill or set monthly_cost): the saving cannot be judged"
        )
    if saving <= 0:
        return None, "the estate after the plan does not cost less per month"
    note = None
    if unpriced_egress:
        note = (
            f"at least: the one-off leaves out the egress of copying the data of "
            f"{counted(unpriced_egress, 'moved resource')} whose source has no egress price here "
            "(the warnings name them)"
        )
    return quantize(one_off / saving, Decimal("0.1")), note


def totals(
    inventory: Inventory,
    placements: list[Placement],
    policy: Policy,
    unplaced: list[Unplaced] | None = None,
    status: SolveStatus | None = None,
    stranded: list[StrandedLine] | None = None,
    billed: frozenset[str] = frozenset(),
) -> Totals:
    """Today (every resource) against after (target + kept + not placed but running; retired at 0).

    ``billed``: native types (lower case) the source bills for though their target buys nothing.
    The one-off is every placement's migration cost plus the stranded commitment fees of lines
    no placement carries (retired resources, usage the bill does not attribute)."""
    current = Decimal(0)
    cost_of: dict[str, Decimal | None] = {}
    for resource in inventory.resources:
        cost = current_monthly_eur(resource, policy)
        cost_of[resource.id] = cost
        if cost is not None:
            current += cost
    unpriced = unpriced_today(inventory, placements, cost_of, billed)
    moved_to = {p.resource_id: p.choice.provider for p in placements if not p.choice.retain}
    # A network object recreated at several sites counts each copy (placement.copies).
    placements = [
        *placements,
        *(
            p.model_copy(update={"choice": copy, "copies": None, "inter_site_monthly": Decimal(0)})
            for p in placements
            for copy in p.copies or []
        ),
    ]
    moving = [p for p in placements if not p.choice.retain]
    target = sum((p.choice.monthly_cost + p.inter_site_monthly for p in moving), Decimal(0))
    unpriced_target = sum(
        (
            p.choice.monthly_cost + p.inter_site_monthly
            for p in moving
            if cost_of.get(p.resource_id) is None
        ),
        Decimal(0),
    )
    retained = sum(
        (p.choice.monthly_cost + p.inter_site_monthly for p in placements if p.choice.retain),
        Decimal(0),
    )
    running = retired = Decimal(0)
    for u in unplaced or []:
        cost = cost_of.get(u.resource_id) or Decimal(0)
        if u.code == "retired":
            retired += cost
        else:
            running += cost
    placed = {p.resource_id for p in placements}
    unattached = quantize(
        sum(
            (
                line.amount
                for line in stranded or []
                if line.counted and line.amount is not None and line.resource_id not in placed
            ),
            Decimal(0),
        )
    )
    parts: dict[str, Decimal] = {}
    for p in placements:
        found = p.choice.one_off or (
            {"engineering": p.choice.migration_cost - p.choice.switching_egress}
            if p.choice.migration_cost
            else {}
        )
        if p.choice.switching_egress and "switching_egress" not in found:
            found = {**found, "switching_egress": p.choice.switching_egress}
        for name, amount in found.items():
            parts[name] = parts.get(name, Decimal(0)) + amount
    if unattached:
        parts["stranded_commitments"] = parts.get("stranded_commitments", Decimal(0)) + unattached
    one_off = quantize(sum((p.choice.migration_cost for p in placements), Decimal(0)) + unattached)
    switching = quantize(sum((p.choice.switching_egress for p in placements), Decimal(0)))
    second_hand = sum((p.choice.second_hand_monthly for p in moving), Decimal(0))
    assumed_monthly = sum(
        (p.choice.costs.get("operations", Decimal(0)) for p in moving), Decimal(0)
    )
    assumed_one_off = quantize(parts.get("engineering", Decimal(0)))
    current, target, retained, running = (quantize(v) for v in (current, target, retained, running))
    after = target + retained + running
    saving = current - after
    months = policy.horizon_months
    unknown = sum(1 for r in unpriced if r.id in moved_to)
    unpriced_egress = sorted({p.resource_id for p in moving if p.choice.egress_unpriced})
    months_back, note = payback(one_off, saving, len(moving), status, unknown, len(unpriced_egress))
    unsolved = status in UNSOLVED
    # No horizon figure where the saving cannot be judged: an unknown today would read as a loss.
    judged = not (unsolved or (saving <= 0 and unknown))
    return Totals(
        current_monthly=quantize(current),
        current_monthly_unpriced=len(unpriced),
        current_monthly_unpriced_kinds=dict(
            sorted(Counter(r.kind.value for r in unpriced).items())
        ),
        current_monthly_unpriced_moving=dict(
            sorted(Counter(moved_to[r.id] for r in unpriced if r.id in moved_to).items())
        ),
        target_monthly=quantize(target),
        retained_monthly=quantize(retained),
        unplaced_monthly=quantize(running),
        retired_monthly=quantize(retired),
        # No plan, no after: the retired resources' cost is what they cost today, not a saving.
        after_monthly=None if unsolved else quantize(after),
        monthly_saving=None if unsolved else quantize(saving),
        unpriced_target_monthly=quantize(unpriced_target),
        one_off_migration=quantize(one_off),
        switching_egress=switching,
        stranded_commitments=quantize(parts.get("stranded_commitments", Decimal(0))),
        one_off_unpriced_egress=unpriced_egress or None,
        one_off_parts={k: quantize(v) for k, v in sorted(parts.items()) if v},
        horizon_months=months,
        horizon_saving=quantize(saving * months - one_off) if judged else None,
        payback_months=months_back,
        payback_note=note,
        discount_rate=policy.discount_rate,
        second_hand_monthly=quantize(second_hand),
        second_hand_share=round(float(second_hand / target), 4) if target else 0.0,
        assumed_one_off=assumed_one_off,
        assumed_one_off_share=round(float(assumed_one_off / one_off), 4) if one_off else 0.0,
        assumed_monthly=quantize(assumed_monthly),
        assumed_monthly_share=round(float(assumed_monthly / target), 4) if target else 0.0,
        npv=quantize(saving * annuity_factor(policy.discount_rate, months) - one_off)
        if judged
        else None,
        no_plan=True if unsolved else None,
    )


def unpriced_today(
    inventory: Inventory,
    placements: list[Placement],
    cost_of: dict[str, Decimal | None],
    billed: frozenset[str] = frozenset(),
) -> list[Resource]:
    """Resources with no known cost today, less those free after the move: a subnet or a
    security group that costs nothing after the move costs nothing today either. A type the
    source bills for (an Azure Firewall's hours) stays, though its rules cost nothing after."""
    after = {
        p.resource_id: p.choice.monthly_cost + p.inter_site_monthly
        for p in placements
        if not p.choice.retain or (p.kept_with is not None and Kind(p.kind) in FOLLOWING_KINDS)
    }
    return [
        r
        for r in inventory.resources
        if cost_of[r.id] is None and (after.get(r.id) != 0 or r.type.lower() in billed)
    ]


def unpriced_today_warning(inventory: Inventory, figures: Totals) -> str | None:
    """One line naming what today's cost leaves out: resources with no known cost (no list price
    in their region, no bill line), by kind, how many of them move and where, and what those
    cost after the plan. Read from the totals, as the runbook's summary is."""
    if not figures.current_monthly_unpriced:
        return None
    by_kind = ", ".join(
        f"{kind} {count}" for kind, count in figures.current_monthly_unpriced_kinds.items()
    )
    left = figures.current_monthly_unpriced
    line = (
        f"today's cost (EUR {figures.current_monthly} a month) leaves out {left} of "
        f"{counted(len(inventory.resources), 'resource')} that {plural(left, 'is', 'are')} not "
        f"free (billed by the source, or priced after the move) and {plural(left, 'has', 'have')} "
        f"no known cost today (no list price in their region, no bill line or monthly_cost): "
        f"{by_kind}"
    )
    moving = sum(figures.current_monthly_unpriced_moving.values())
    if moving:
        line += (
            f"; {moving} of them {plural(moving, 'moves', 'move')} ({unpriced_moving_to(figures)}), "
            f"and their EUR "
            f"{figures.unpriced_target_monthly} a month after the plan has nothing to compare "
            "with today"
        )
    return line


def unpriced_moving_to(figures: Totals) -> str:
    """'scaleway 12, ionos 2': where the resources with no known cost today move."""
    return ", ".join(
        f"{provider} {count}" for provider, count in figures.current_monthly_unpriced_moving.items()
    )


def planned_today_warning(inventory: Inventory, policy: Policy) -> str | None:
    """One line saying that today's cost counts resources a Terraform plan would create, at the
    list price they would run at, so nobody reads the comparison as one with a running estate."""
    priced = [
        cost
        for r in inventory.resources
        if r.planned and (cost := current_monthly_eur(r, policy)) is not None
    ]
    if not priced:
        return None
    return (
        f"today's cost counts {counted(len(priced), 'resource')} a Terraform plan would create "
        f"(not created yet) at the list price {plural(len(priced), 'it', 'they')} would run at, "
        f"EUR {quantize(sum(priced, Decimal(0)))} a month: the saving compares the move with "
        f"building {plural(len(priced), 'it', 'them')} as planned"
    )


def unverified_today_warning(inventory: Inventory) -> str | None:
    """One line naming the unverified list prices today's cost rests on, each with what its figure
    says it assumed (a billing zone, a rule), so the comparison is not read as a verified one."""
    parts = Counter(
        part
        for r in inventory.resources
        if r.monthly_cost is not None
        for part in dict.fromkeys(r.monthly_cost.source.split(" + "))
        if "(unverified)" in part
    )
    if not parts:
        return None
    total = sum(parts.values())
    named = first_few(f"{part} ({counted(n, 'resource')})" for part, n in parts.items())
    return f"today's cost counts {counted(total, 'unverified list price')}: {named}"
