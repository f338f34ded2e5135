"""The plan's one-off cost dated by its waves: switching egress, double running, parallel-run
egress and stranded commitments, each move's parts adding up to its migration cost."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from cloudexit.catalog.loader import Catalog
from cloudexit.model.inventory import Resource
from cloudexit.model.money import quantize
from cloudexit.model.plan import PlacementValues, Plan
from cloudexit.optimise import parallel, stranded, switching

if TYPE_CHECKING:
    from cloudexit.emit.waves import Wave

PARTS = (
    "engineering",
    "switching_egress",
    "parallel_egress",
    "double_running",
    "stranded_commitments",
)


def date_one_off(
    plan: Plan,
    catalog: Catalog,
    waves: Sequence[Wave] | None = None,
    resources: Mapping[str, Resource] | None = None,
    sharing: PlacementValues | None = None,
) -> None:
    """Reprice every move's one-off parts on its wave's dates and record the dated lines
    (``waves``, ``resources``: the plan's, ``switching.plan_waves_of``, and its inventory by
    id, when the caller already made them; ``sharing``: what shared the placements' values as
    they were made, so a dated option's values left as they were are not shared again)."""
    policy = plan.policy
    waves = switching.plan_waves_of(plan, resources) if waves is None else waves
    start = switching.start_of(policy, plan.inventory)
    dated = switching.date_switching(plan, catalog, waves, resources)
    running = parallel.date_parallel(plan, catalog, waves, start, resources)
    plan.stranded = stranded.date_stranded(
        plan.inventory,
        policy,
        plan.placements,
        plan.unplaced,
        {rid: r.source_stops for rid, r in running.items()},
        start,
    )
    undated = sorted(
        {line.commitment for line in plan.stranded if line.from_date and line.ends is None}
    )
    if undated:
        shown = ", ".join(undated[:3]) + (", ..." if len(undated) > 3 else "")
        warning = (
            f"{len(undated)} commitment(s) with no end date ({shown}): the fees a move strands "
            "are not in the one-off cost; give the ends with `cloudexit inventory bill --commitment-end`"
        )
        plan.warnings = sorted({*plan.warnings, warning})
    strands: dict[str, Decimal] = {}
    for line in plan.stranded:
        if line.counted and line.resource_id is not None and line.amount is not None:
            strands[line.resource_id] = strands.get(line.resource_id, Decimal(0)) + line.amount
    unpriced = {rid for line in plan.switching for rid in line.egress_unpriced or []}
    sharing = PlacementValues() if sharing is None else sharing
    for p in plan.placements:
        egress = dated.get(p.resource_id)
        if egress is None:
            continue
        choice = p.choice
        found = running.get(p.resource_id)
        if found is not None and not choice.retain:
            parts = {
                "engineering": choice.one_off.get(
                    "engineering", quantize(Decimal(str(choice.effort_days)) * policy.day_rate)
                ),
                "switching_egress": egress,
                "parallel_egress": found.parallel_egress,
                "double_running": found.double_running,
                "stranded_commitments": quantize(strands.get(p.resource_id, Decimal(0))),
            }
            cost = quantize(sum(parts.values(), Decimal(0)))
        else:
            cost = quantize(choice.migration_cost - choice.switching_egress + egress)
            parts = {**choice.one_off, "switching_egress": egress} if choice.one_off else {}
        # In place and once: a copy of every placement beside the plan's would double them at
        # the peak. The option is copied, as placements of one class share theirs, and its
        # values shared at once, as the placements' are (its own amounts and parts were half
        # the size of a dated placement's option).
        dated_choice = choice.model_copy(
            update={
                "migration_cost": cost,
                "switching_egress": egress,
                "one_off": parts,
                "egress_unpriced": True if p.resource_id in unpriced else choice.egress_unpriced,
            }
        )
        sharing.dated(dated_choice, choice)
        p.choice = dated_choice
