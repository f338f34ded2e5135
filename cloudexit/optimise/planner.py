"""From inventory, catalogue and policy to a Plan: candidates, units, solve, re-check, explain."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from functools import partial

from cloudexit.catalog.lifecycle import past_end_of_life
from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.sizing import price_in
from cloudexit.collector import collection_paused
from cloudexit.model.balancer_gaps import (
    balancer_gaps,
    no_traffic_reason,
    without_front,
)
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.money import quantize
from cloudexit.model.open_ports import open_rules
from cloudexit.model.plan import (
    Baseline,
    FrontierPoint,
    Option,
    Placement,
    PlacementValues,
    Plan,
    SolverInfo,
    SolveStatus,
    Totals,
    Unplaced,
)
from cloudexit.model.policy import Policy
from cloudexit.model.sovereignty import EstateSovereignty
from cloudexit.optimise import concentration, explain, footing, milp, oneoff
from cloudexit.optimise.apart import FORK_FROM, PART, apart
from cloudexit.optimise.assumptions import (
    assumption_warnings,
)
from cloudexit.optimise.candidates import kept_option
from cloudexit.optimise.checks import violations
from cloudexit.optimise.decide import assignment_of, decide
from cloudexit.optimise.diagnose import infeasibility, unplaceable
from cloudexit.optimise.empty_warehouses import empty_reason, empty_warehouse
from cloudexit.optimise.follow import copy_reasons, with_kept
from cloudexit.optimise.inputs import check_currencies, check_policy
from cloudexit.optimise.no_site import (
    no_site_reasons,
    residency_everywhere,
    residency_summary,
)
from cloudexit.optimise.placed_warnings import Placed, placed_warnings
from cloudexit.optimise.placing import MADE_HERE, Placing, attached
from cloudexit.optimise.read_replicas import price_read_replicas
from cloudexit.optimise.replication import price_replication
from cloudexit.optimise.running import running_cost_data, with_deployment_share
from cloudexit.optimise.server_addresses import price_server_addresses
from cloudexit.optimise.sizes import resolve_size
from cloudexit.optimise.split import split_dependency_warning, split_pairs
from cloudexit.optimise.switching import plan_waves_of, start_of
from cloudexit.optimise.units import (
    SOURCE,
    Replication,
    Row,
    Units,
    assignment_objective,
    build_options,
    build_units,
    drop_unread_rows,
    link_monthly,
    replication_sent,
)
from cloudexit.optimise.windows import WINDOWS_HOSTS, runs_windows
from cloudexit.optimise.worked import Worked
from cloudexit.sovereignty.data import load_sovereignty
from cloudexit.sovereignty.estate import estate, lowered_warning
from cloudexit.wording import counted


def time_limited_warning(policy: Policy, gap: float, within: bool) -> str:
    """A plan the time limit cut: where the search stopped depends on the machine's speed and
    load, so the same inputs can give another plan elsewhere or at another run."""
    where = (
        f"within solver.gap ({policy.solver.gap:.2%}) of the proven bound"
        if within
        else f"{gap:.2%} above the proven bound, more than solver.gap ({policy.solver.gap:.2%})"
    )
    return (
        f"the solver's time limit ({policy.solver.time_limit_s:g} s) cut the search short, with "
        f"the plan {where}: a plan cut by the time limit depends on the machine's speed and "
        "load, and the same inputs may give another plan on another run; raise "
        "solver.time_limit_s for a plan they always give"
    )


def _placeable(
    inventory: Inventory, catalog: Catalog, policy: Policy
) -> tuple[list[Resource], list[Unplaced]]:
    keep: list[Resource] = []
    unplaced: list[Unplaced] = []
    frontless = without_front(inventory)
    for r in inventory.resources:
        mapping = catalog.kinds.get(r.kind)
        if r.id in frontless:
            unplaced.append(
                Unplaced(
                    resource_id=r.id,
                    kind=r.kind.value,
                    code="retired",
                    reason=no_traffic_reason(frontless[r.id]),
                )
            )
        elif empty_warehouse(r):
            unplaced.append(
                Unplaced(
                    resource_id=r.id, kind=r.kind.value, code="retired", reason=empty_reason(r)
                )
            )
        elif mapping is None:
            unplaced.append(
                Unplaced(
                    resource_id=r.id,
                    kind=r.kind.value,
                    code="no_mapping",
                    reason=f"no mapping for kind {r.kind.value}",
                )
            )
        elif policy.retire_stopped and r.attributes.state == "stopped":
            unplaced.append(
                Unplaced(
                    resource_id=r.id,
                    kind=r.kind.value,
                    code="retired",
                    reason="stopped at scan time; retire_stopped is set",
                )
            )
        elif policy.windows == "leave" and runs_windows(r) and r.kind in WINDOWS_HOSTS:
            unplaced.append(
                Unplaced(
                    resource_id=r.id,
                    kind=r.kind.value,
                    code="windows",
                    reason=f"runs {r.attributes.os}; policy windows is leave",
                )
            )
        elif policy.unknown_size == "leave" and resolve_size(r, catalog, policy).state == "unknown":
            unplaced.append(
                Unplaced(
                    resource_id=r.id,
                    kind=r.kind.value,
                    code="size_unknown",
                    reason="size unknown: no vCPU or memory reported, class "
                    f"{r.attributes.instance_type or '-'} not in the catalogue, no cost to size "
                    "from; policy unknown_size is leave",
                )
            )
        else:
            keep.append(r)
    return keep, unplaced


def _kept_with(
    units: Units,
    assignment: dict[str, Row],
    resources: dict[str, Resource],
    catalog: Catalog,
    policy: Policy,
    unplaced: list[Unplaced],
) -> list[Placement]:
    """What stays on the source with another resource: a part attached to a resource no target
    takes, and a network object nothing naming it moves. Kept (at its cost today) where that
    resource is kept, never written at a target; not placed where that resource is not."""
    kept: list[Placement] = []
    stay = [(rid, whole, attached(resources[rid])) for rid, whole in units.held.items()] + [
        (rid, whole, "nothing naming it moves") for rid, whole in units.stay_with.items()
    ]
    for rid, whole, how in sorted(stay):
        r, name = resources[rid], resources[whole].name
        # a group kept with an interface is where the interface's machine is
        row = assignment.get(units.held.get(whole, whole))
        if row is None or not row.retain:
            unplaced.append(
                Unplaced(
                    resource_id=rid,
                    kind=r.kind.value,
                    code="no_option",
                    reason=f"kept with {name} ({how}), which no target takes",
                )
            )
            continue
        kept.append(
            Placement(
                resource_id=rid,
                kind=r.kind.value,
                choice=kept_option(r, catalog, policy),
                reason=f"kept with {name} ({how}), which stays on the source",
                kept_with=whole,
            )
        )
    return kept


class _ChosenNow(Mapping[str, Option]):
    """Each solver-placed resource's option as its placement holds it now. The warnings read its
    provider, product and whether it stays, which the dating does not change; holding the
    options as chosen instead kept every one of them beside its dated copy to the end of the
    plan (most of what the dating added at 1,000,000 resources)."""

    def __init__(self, placed: dict[str, Placement]) -> None:
        self._placed = placed

    def __getitem__(self, rid: str) -> Option:
        return self._placed[rid].choice

    def __iter__(self) -> Iterator[str]:
        return iter(self._placed)

    def __len__(self) -> int:
        return len(self._placed)


def plan(
    inventory: Inventory,
    catalog: Catalog,
    policy: Policy,
    frontier: int = 0,
    aggregate: bool = True,
    label: str = "policy",
    worked: Worked | None = None,
    fork_from: int = FORK_FROM,
) -> tuple[Plan, float]:
    """``worked``: filled with what writing the plan's artefacts needs again (``emit``).
    ``fork_from``: resources from which a second process builds half the candidates."""
    with collection_paused():
        _build_models()
        return _plan(
            inventory, catalog, policy, frontier, aggregate, label, worked, fork_from=fork_from
        )


def _build_models() -> None:
    """The plan's models ``_plan`` makes, built before it runs. A model built at its first use
    reads its caller's local names, and this Python keeps that copy of them to the caller's end:
    built inside ``_plan``, they kept the candidates and the decision alive through the dating,
    past the lines that let them go (at 100,000 resources, 100 MiB of the plan's peak)."""
    for model in (Unplaced, Placement, Baseline, Totals, SolverInfo, Plan):
        model.model_rebuild()


def _plan(
    inventory: Inventory,
    catalog: Catalog,
    policy: Policy,
    frontier: int,
    aggregate: bool,
    label: str,
    worked: Worked | None = None,
    fork_from: int = FORK_FROM,
) -> tuple[Plan, float]:
    check_policy(policy, catalog, label)
    check_currencies(inventory, catalog, policy, label)
    policy = concentration.with_stake_reference(inventory, policy)
    policy = with_deployment_share(inventory, policy)
    candidates_for, unplaced = _placeable(inventory, catalog, policy)
    units = build_units(
        inventory, catalog, policy, candidates_for, aggregate, fork_from, compact=True
    )
    concentration.weigh(units, policy, aggregate, fork=len(candidates_for) >= fork_from)
    drop_unread_rows(units)
    mappings = catalog.kinds
    resources = inventory.by_id()
    # No site tried at all: say whether residency or an unpriced service is why.
    untried = {
        rid: no_site_reasons(resources[rid], catalog, policy)
        for rid, excluded in units.no_option.items()
        if not excluded and not mappings[resources[rid].kind].not_migratable
    }
    no_option = {rid: excluded or untried.get(rid, []) for rid, excluded in units.no_option.items()}
    for rid, excluded in sorted(no_option.items()):
        r = resources[rid]
        mapping = mappings[r.kind]
        code = "not_migratable" if mapping.not_migratable else "no_option"
        reason = (
            _not_migratable(catalog, r.type, mapping.not_migratable)
            or explain.unplaced_reason(excluded)
            or "no target offers this kind"
        )
        unplaced.append(Unplaced(resource_id=rid, kind=r.kind.value, code=code, reason=reason))
    warnings = set(
        unplaceable(
            {k: v for k, v in no_option.items() if not mappings[resources[k].kind].not_migratable},
            inventory,
            policy,
        )
    )

    unit_of = {rid: u for u in units.units for rid in u.members}
    decision = decide(units, inventory, policy)
    solution, assignment = decision.solution, decision.assignment
    greedy, greedy_broken = decision.greedy, decision.greedy_broken
    classes = len(units.units)
    status = solution.status
    emptied = residency_everywhere(catalog, policy) or (
        residency_summary(untried) if not units.units else None
    )
    if emptied is not None:
        # Nothing can be placed because residency leaves the targets no region: the policy
        # cannot be met, like a budget below the cheapest placement.
        status = SolveStatus.INFEASIBLE
        warnings.add(f"infeasible: {emptied}: no resource can be placed")
    if solution.status in (SolveStatus.INFEASIBLE, SolveStatus.NOT_SOLVED):
        reasons = (
            infeasibility(units, policy, {r.id: r.name for r in inventory.resources})
            if solution.status == SolveStatus.INFEASIBLE
            else [
                f"no solution found within {policy.solver.time_limit_s:g} s; raise solver.time_limit_s"
            ]
        )
        for line in reasons:
            warnings.add(
                f"infeasible: {line}" if solution.status == SolveStatus.INFEASIBLE else line
            )
        for rid in sorted([*greedy, *units.followers]):
            unplaced.append(
                Unplaced(
                    resource_id=rid,
                    kind=resources[rid].kind.value,
                    code="infeasible",
                    reason=reasons[0],
                )
            )

    placements = []
    ended = past_end_of_life(start_of(policy, inventory))
    traffic_cost = link_monthly(assignment, units)
    replications = [link for link in units.links if isinstance(link, Replication)]
    if len(replications) < len(units.links):
        warnings.add(
            f"traffic between dependent resources on different sites assumed at "
            f"{policy.colocation.dependency_traffic_gib:g} GiB a month per dependency "
            "(colocation.dependency_traffic_gib), priced as egress of the sending site"
        )
    standing = set(violations(assignment, units, inventory, policy)) if assignment else set()
    unpriced_parts: dict[str, list[str]] = {}
    stand_ins: dict[str, Decimal] = {}

    # each solver-placed resource's placement, for the warnings (``_ChosenNow``)
    placed_at: dict[str, Placement] = {}

    def noted(rid: str, row: Row) -> None:
        for price_id in row.option.unverified_prices:
            warnings.add(f"unverified price used: {price_id}")
        for part in row.option.unpriced_parts:
            unpriced_parts.setdefault(part, []).append(resources[rid].name)
        for part, amount in (row.option.stand_ins or {}).items():
            stand_ins[part] = stand_ins.get(part, Decimal(0)) + amount

    placing = Placing(
        inventory, catalog, policy, units, unit_of, assignment, resources, standing,
        traffic_cost, emptied, ended,
    )  # fmt: skip
    ordered = sorted(assignment.items())
    # Each option's and placement's values shared as it is made, so a large plan never holds
    # them unshared (the options' own dictionaries and amounts were most of a placement); the
    # dated ones as they are dated, and what was added or repriced since at the end.
    sharing = PlacementValues()
    # built here in the order the loop reads them, half by a second process from a size on
    fork = len(ordered) >= fork_from
    build_options([row for _, row in ordered], fork, sharing)
    # from the same size, the later placements made by a second process while this one makes
    # the earlier ones; each comes back without its option, the row's own put back here
    cut = round(len(ordered) * MADE_HERE) if fork else len(ordered)
    with apart(partial(placing.later, ordered, cut), cut < len(ordered), PART) as later:
        for rid, row in ordered[:cut]:
            noted(rid, row)
            placements.append(placing.placement(rid, row))
            sharing.share(placements[-1])
            placed_at[rid] = placements[-1]
        for (rid, row), placement in zip(ordered[cut:], later.each(), strict=True):
            noted(rid, row)
            placement.__dict__["choice"] = row.option
            placements.append(placement)
            sharing.share(placement)
            placed_at[rid] = placement
    # the chosen rows and what explained them are not read again: let them go before the dating
    del ordered, placing, later, traffic_cost, standing
    if units.followers and assignment:
        staying_named = units.kept_named(assignment)
        copies = with_kept(units.copies(assignment), staying_named)
        why = copy_reasons(units.named_at(assignment) + staying_named, copies, units.followers)
        for fid, chosen in copies.items():
            options = [
                row.option if row is not None else kept_option(resources[fid], catalog, policy)
                for _, row in chosen
            ]
            first = next((o for o in options if not o.retain), options[0])
            placements.append(
                Placement(
                    resource_id=fid,
                    kind=resources[fid].kind.value,
                    choice=first,
                    reason=why[fid],
                    copies=[o for o in options if o is not first] or None,
                )
            )
            sharing.share(placements[-1])
    placements += _kept_with(units, assignment, resources, catalog, policy, unplaced)
    placements.sort(key=lambda p: p.resource_id)
    greedy_value = assignment_objective(greedy, units)
    baseline = (
        Baseline(
            objective=quantize(Decimal(str(greedy_value))),
            target_monthly=quantize(
                Decimal(
                    str(
                        sum(r.monthly for r in greedy.values() if r.target)
                        + _replication_monthly(greedy, units, target=True)
                    )
                )
            ),
            violations=greedy_broken,
            saving=quantize(Decimal(str(greedy_value - solution.objective)))
            if solution.objective is not None and emptied is None and not greedy_broken
            else None,
        )
        if greedy
        else None
    )
    points = _frontier(units, policy, assignment, frontier) if frontier and assignment else []
    pruned, sites_chosen = units.pruned, {rid: row.site[0] for rid, row in assignment.items()}
    # What chose the plan is not read past here. Let it go before the rules, the gaps, the
    # warnings' process and the dating, so that none of them holds it beside the placements.
    del units, unit_of, decision, assignment, greedy
    # the runbook lists these too: worked out once (the sites they name do not change after)
    rules_open = open_rules(inventory, placements, resources)
    gaps = balancer_gaps(inventory, placements, resources)
    apart_pairs = split_pairs(inventory, placements, resources)
    split_line = split_dependency_warning(apart_pairs, policy)
    if split_line:
        warnings.add(split_line)
    placed = Placed(
        inventory,
        catalog,
        policy,
        _ChosenNow(placed_at),
        placements,
        unplaced,
        resources,
        unpriced_parts,
        rules_open,
        gaps,
        sites_chosen,
        start_of(policy, inventory),
        stand_ins,
    )
    # read from the placements alone: a second process finds them while this one dates and totals
    with apart(partial(placed_warnings, placed), len(placements) >= fork_from) as child:
        # not forked: found now, before the repricing and dating below change the placements
        found_here = None if child.started else child.result()
        objective = solution.objective if emptied is None else None
        bound = solution.bound if emptied is None else None
        gap = None
        if objective is not None and bound is not None:
            gap = max(0.0, (objective - bound) / abs(objective)) if objective else 0.0
        if gap is not None and (solution.status == SolveStatus.FEASIBLE or solution.time_limited):
            warnings.add(time_limited_warning(policy, gap, solution.status == SolveStatus.OPTIMAL))
        billed = catalog.billed_types()
        ranged_line = ranged_price_warning(placements, catalog)
        if ranged_line:
            warnings.add(ranged_line)
        planned_line = footing.planned_today_warning(inventory, policy)
        if planned_line:
            warnings.add(planned_line)
        result = Plan(
            generated_at=inventory.generated_at,
            policy=policy,
            inventory=inventory,
            placements=placements,
            unplaced=sorted(unplaced, key=lambda u: u.resource_id),
            # Worked out once, below, with the one-off costs dated: nothing reads them before.
            totals=Totals(
                current_monthly=Decimal(0),
                target_monthly=Decimal(0),
                retained_monthly=Decimal(0),
                one_off_migration=Decimal(0),
                horizon_months=policy.horizon_months,
            ),
            solver=SolverInfo(
                solver=solution.solver,
                status=status,
                objective=quantize(Decimal(str(objective))) if objective is not None else None,
                bound=quantize(Decimal(str(bound))) if bound is not None else None,
                gap=round(gap, 6) if gap is not None else None,
                variables=solution.variables,
                constraints=solution.constraints,
                classes=classes,
                pruned_options=pruned,
            ),
            baseline=baseline,
            frontier=points,
            warnings=sorted(warnings),
            split_pairs=apart_pairs,
        )
        # the plan holds them now: dating the one-off costs makes a new option for each
        del placements
        repriced = price_read_replicas(inventory, result.placements, catalog, policy)
        repriced += price_replication(resources, result.placements, replications, policy)
        repriced += price_server_addresses(resources, result.placements)
        waves = None
        if result.placements:
            waves = plan_waves_of(result, resources)
            oneoff.date_one_off(result, catalog, waves, resources, sharing)
        # the totals, the warnings read from them and the sovereignty roll-up read the priced
        # plan only: a second process works them out while this one shares the placements' values
        priced = partial(_priced, result, unplaced, status, billed)
        with apart(priced, len(result.placements) >= fork_from) as rollup:
            late = [*repriced, footing.unverified_today_warning(inventory)]
            if result.placements:
                late.append(concentration.rise_warning(result))
            # what was not shared as it was made or dated: the same values as sharing them all
            sharing.rest(result.placements)
            result.totals, lines, result.sovereignty = rollup.result()
            late += lines
        late += child.result() if found_here is None else found_here
    result.warnings = sorted({*result.warnings, *(line for line in late if line)})
    lowered = lowered_warning(result.sovereignty)
    if lowered:
        result.warnings = sorted({*result.warnings, lowered})
    if worked is not None:
        worked.plan, worked.inventory, worked.placements = (
            result,
            result.inventory,
            result.placements,
        )
        worked.waves = waves
        worked.open_rules, worked.balancer_gaps = rules_open, gaps
    return result, solution.seconds


def _priced(
    result: Plan, unplaced: list[Unplaced], status: SolveStatus, billed: frozenset[str]
) -> tuple[Totals, list[str | None], EstateSovereignty]:
    """The dated plan's totals, the warnings read from them, and its sovereignty roll-up (the
    warnings read from the placements alone are found where this runs beside: the two take about
    as long)."""
    inventory, policy = result.inventory, result.policy
    figures = result.totals = footing.totals(
        inventory, result.placements, policy, unplaced, status, result.stranded, billed
    )
    lines = [
        second_hand_warning(result.placements, figures),
        footing.unpriced_today_warning(inventory, figures),
    ]
    if result.placements:
        lines.extend(assumption_warnings(result.placements, figures, policy, running_cost_data()))
    return figures, lines, estate(result, load_sovereignty())


def _frontier(
    units: Units, policy: Policy, chosen: dict[str, Row], steps: int
) -> list[FrontierPoint]:
    """Cost against sovereignty risk by epsilon-constraint on total jurisdiction points."""
    high = sum(r.jurisdiction for r in chosen.values())
    lowest = milp.solve(units.units, policy, objective="jurisdiction")
    if lowest.objective is None:
        return []
    low = lowest.objective
    points: list[FrontierPoint] = []
    for i in range(steps):
        eps = high - (high - low) * i / max(1, steps - 1)
        found = milp.solve(
            units.units,
            policy,
            max_jurisdiction=eps + 1e-9,
            links=units.links,
            egress_eur_gib=units.egress_eur_gib,
        )
        if found.objective is None:
            continue
        assignment = assignment_of(units, found.counts)
        changed = sum(
            1
            for rid, row in assignment.items()
            if rid not in chosen
            or (chosen[rid].site, chosen[rid].product) != (row.site, row.product)
        )
        points.append(
            FrontierPoint(
                max_jurisdiction_risk=round(eps, 6),
                monthly_cost=quantize(
                    Decimal(
                        str(
                            sum(r.monthly for r in assignment.values())
                            + _replication_monthly(assignment, units)
                        )
                    )
                ),
                risk=round(sum(r.jurisdiction for r in assignment.values()), 6),
                objective=quantize(Decimal(str(found.objective))),
                placements_changed=changed,
            )
        )
    return points


def _replication_monthly(assignment: dict[str, Row], units: Units, target: bool = False) -> float:
    """EUR a month databases send their copies in ``assignment`` (``target``: billed by a target)."""
    sent = replication_sent(assignment, units.links).values()
    return sum(cost for place, cost in sent if not target or place != SOURCE)


def second_hand_warning(placements: list[Placement], figures: Totals) -> str | None:
    """One line: the share of target spend priced from second-hand, undated or stale sources."""
    if not figures.second_hand_monthly:
        return None
    products = sorted(
        {pid for p in placements if not p.choice.retain for pid in p.choice.second_hand_prices}
    )
    shown = ", ".join(products[:5]) + (", ..." if len(products) > 5 else "")
    return (
        f"{figures.second_hand_share:.1%} of target spend (EUR {figures.second_hand_monthly} of "
        f"{figures.target_monthly} a month) rests on second-hand, undated or over-12-month-old "
        f"prices ({counted(len(products), 'product')}: {shown})"
    )


def ranged_price_warning(placements: list[Placement], catalog: Catalog) -> str | None:
    """One line naming the moved resources' prices where sources disagree: plans use the upper
    figure, and the reader should know the lower one exists."""
    ranged: set[str] = set()
    seen: set[tuple[str, str, str]] = set()
    for p in placements:
        choice = p.choice
        if choice.retain or choice.product is None:
            continue
        where = (choice.provider, choice.product, choice.region)
        if where in seen:
            continue
        seen.add(where)
        price = price_in(catalog.product(choice.provider, choice.product), choice.region)
        if price is not None and price.low is not None:
            ranged.add(
                f"{choice.provider}/{choice.product} {price.currency} {price.amount} "
                f"(other source {price.low})"
            )
    if not ranged:
        return None
    shown = sorted(ranged)
    return (
        f"{counted(len(shown), 'target price is', 'target prices are')} the upper of two "
        "disagreeing second-hand figures, used as is until the contracting entity's price list "
        f"is read: {', '.join(shown[:5])}" + (", ..." if len(shown) > 5 else "")
    )


def _not_migratable(catalog: Catalog, native_type: str, kind_reason: str | None) -> str | None:
    """The type's own reason where it has one, else its kind's, naming a type with no mapping."""
    if kind_reason is None:
        return None
    own = catalog.not_migratable_reason(native_type)
    if own:
        return own
    if native_type.lower() not in catalog.source_types:
        return f"{native_type}: {kind_reason}"
    return kind_reason
