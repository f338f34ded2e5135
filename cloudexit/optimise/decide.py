"""From units to an assignment: the greedy when it meets the policy, else the solver, re-checked."""

from __future__ import annotations

import itertools
import math
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from cloudexit.errors import RuntimeFailure
from cloudexit.model.inventory import Inventory
from cloudexit.model.plan import SolveStatus
from cloudexit.model.policy import Policy
from cloudexit.optimise import arrays, components, highs, lagrange, milp
from cloudexit.optimise.budget import Budget
from cloudexit.optimise.checks import violations
from cloudexit.optimise.regret import regret_greedy
from cloudexit.optimise.rounding import neighbourhood, relax, round_relaxation
from cloudexit.optimise.units import (
    Replication,
    Row,
    Site,
    Units,
    assignment_objective,
    group_site,
)


@dataclass
class Decision:
    assignment: dict[str, Row]
    """resource id -> chosen option; empty when no plan was found"""
    solution: milp.Solution
    greedy: dict[str, Row]
    """each resource's own best option, the baseline"""
    greedy_broken: list[str]
    """the policy constraints the greedy breaks"""


def assignment_of(units: Units, counts: dict[tuple[str, int], int]) -> dict[str, Row]:
    """Counts back to resources: members in id order take options in option order."""
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for (key, k), n in counts.items():
        if n > 0:
            taken[key].append((k, n))
    # The resources and their options gathered first, the mapping made in one go.
    ids: list[Iterable[str]] = []
    rows: list[Iterable[Row]] = []
    for unit in units.units:
        chosen = taken.get(unit.key)
        if not chosen:
            continue
        if len(chosen) > 1:
            chosen.sort()
        at = 0
        for k, n in chosen:
            ids.append(unit.members[at : at + n] if at or n < len(unit.members) else unit.members)
            rows.append(itertools.repeat(unit.rows[k], n))
            at += n
    return dict(zip(itertools.chain.from_iterable(ids), itertools.chain.from_iterable(rows)))


def counts_of(units: Units, assignment: dict[str, Row]) -> dict[tuple[str, int], int]:
    """An assignment as the solver's counts (the inverse of ``assignment_of``)."""
    counts: dict[tuple[str, int], int] = {}
    for unit in units.units:
        index = {id(row): k for k, row in enumerate(unit.rows)}
        for rid in unit.members:
            row = assignment.get(rid)
            if row is not None and id(row) in index:
                key = (unit.key, index[id(row)])
                counts[key] = counts.get(key, 0) + 1
    return counts


BOUND_SHARE = 0.5
"""Share of the time left the priced bound takes at most."""
SEARCH_SHARE = 0.8
"""Share of the time then left the search among the options it leaves in doubt takes at most."""
LAGRANGE_TOLERANCE = 1e-4
"""Options whose priced score is within this fraction of their class's least stay open to the
search around the priced bound: the classes the prices leave in doubt."""
SEARCH_PASSES = 2.0
"""The search around the priced bound takes about this many passes over every option
(``lagrange.Bound.seconds_flat``; at 100,000 resources choosing the options in doubt, settling
the rest and building the model of the classes left take about one, HiGHS about one): also the
least it gets when the prices converged and no plan is in hand, less than the regret greedy
takes (``REGRET_PASSES``)."""
REGRET_PASSES = 4.0
"""The regret greedy takes about this many passes over every option (at 100,000 resources)."""
ASCENT_PASSES = 1.5
"""Passes over every option (``lagrange.Bound.seconds_flat``) the price search gets at least while
no plan is in hand: at 100,000 resources its twenty-odd evaluations take about one and a half."""
BUILD_PASSES = 15.0
"""The whole model (its relaxation, the search over it) is built only when the time left is at
least this many passes over every option (``lagrange.Bound.seconds_flat``): building it takes
about eight, solving its relaxation as many again."""
CHECK_PASSES = 2.5
"""The final check of a plan (its counts back to resources, every constraint in plain Python)
takes about this many checks of the greedy baseline, which the decision times first: that much
of the limit is kept for it."""

FIRST_PLAN_S = 10.0
"""Seconds the relaxation and the search of the whole model get at least when no other method
has found a plan by the time limit: the one case the decision runs past the limit, so that a
policy that can be met comes back with a plan and "no plan" is a proven verdict."""


def separate_bound(units: Units) -> float:
    """The optimum with no estate-wide limit: each co-location group on its cheapest common site,
    every other class on its own best option, each followed network object's cheapest copy.
    Every plan costs at least this (the limits only remove plans, traffic between sites and
    further copies only add)."""
    total = sum(min(r.score for r in f.at.values()) for f in units.followers.values())
    at_site: dict[str, list[dict[Site, float]]] = defaultdict(list)
    for u in units.units:
        if u.group is None:
            total += u.rows[0].score * u.count
            continue
        best: dict[Site, float] = {}
        for r in u.rows:
            site = group_site(r)
            best[site] = min(best.get(site, r.score), r.score)
        at_site[u.group].append({s: v * u.count for s, v in best.items()})
    for members in at_site.values():
        common = set.intersection(*(set(m) for m in members))
        total += min(
            (sum(m[s] for m in members) for s in common),
            default=sum(min(m.values()) for m in members),
        )
    return total


def _shares_replication(units: Units, policy: Policy) -> bool:
    shares = policy.max_spend_share is not None or policy.max_region_spend_share is not None
    return shares and any(isinstance(link, Replication) for link in units.links)


def _gap(value: float, bound: float) -> float:
    return max(0.0, (value - bound) / abs(value)) if value else 0.0


def _solve_highs(
    units: Units,
    inventory: Inventory,
    policy: Policy,
    greedy: dict[str, Row],
    greedy_broken: list[str],
    budget: Budget,
    options: lagrange.Read,
) -> tuple[milp.Solution, dict[str, Row] | None]:
    """A plan first, then a better one while the budget lasts; with it the plan's assignment
    when it was checked against every constraint here.

    First plans: the greedy when it meets the policy; the search among the options the priced
    bound (``lagrange``) leaves in doubt, started from the plan in hand; the regret greedy when
    no plan is in hand. Bounds: the priced bound (else the optimum with no estate-wide limit),
    and, only when those leave a gap and the whole model can be built in the time left, the LP
    relaxation (with the search around it, ``rounding.neighbourhood``). When the best plan is
    within the policy's gap of the best bound the search stops there, else HiGHS searches the
    whole model from that plan for the time left. Every phase stops by the budget's end, and at
    the end the best plan found comes back with the best bound proven. Only when no plan is in
    hand does the search go on past the limit (``FIRST_PLAN_S``): "no plan" only when HiGHS
    proves the policy cannot be met, or when no method found one even then."""
    gap = policy.solver.gap
    proposed = False
    cut = False
    """whether the time limit stopped or skipped a step: then the plan depends on timing"""
    valued: list[tuple[float, dict[tuple[str, int], int], dict[str, Row]]] = []

    def consider(counts: dict[tuple[str, int], int] | None) -> None:
        """Keep a plan, valued, when it places everything and meets every constraint."""
        nonlocal proposed
        if counts is None:
            return
        proposed = True
        assignment = assignment_of(units, counts)
        if len(assignment) == len(greedy) and not violations(assignment, units, inventory, policy):
            valued.append((assignment_objective(assignment, units), counts, assignment))

    def best() -> tuple[float, dict[tuple[str, int], int], dict[str, Row]] | None:
        return min(valued, key=lambda v: v[0]) if valued else None

    def open_gap(bound: float) -> bool:
        found = best()
        return found is None or _gap(found[0], bound) > gap

    def time_left() -> bool:
        """Whether the budget lasts; a step it ends for is cut."""
        nonlocal cut
        cut = cut or budget.over
        return not budget.over

    if not greedy_broken:
        # The greedy was checked by the caller: it is the plan its counts give back.
        proposed = True
        baseline = {(u.key, 0): u.count for u in units.units}
        valued.append((assignment_objective(greedy, units), baseline, greedy))
    # The estate-wide limits priced (``lagrange``): a bound as tight as the relaxation's at a
    # fraction of its cost, a plan from the prices' own choices when one of them meets the policy
    # (``spare``), and a search over the few options they leave in doubt, before the regret
    # greedy (a plan whatever the prices say, at several times the search's cost). The
    # relaxation only when these do not close the gap and there is time to build it.
    found = best()
    enough = found[0] - gap * abs(found[0]) if found is not None else math.inf
    # With no plan in hand the prices get at least ``ASCENT_PASSES`` to find one or converge,
    # past the limit if need be: converged prices and the search among the options they leave
    # in doubt cost less than the regret greedy, and find a plan near the bound. When the search
    # would not fit in the time the price search leaves, the price search takes all of it.
    priced = lagrange.bound(
        units,
        policy,
        budget.share(BOUND_SHARE),
        enough,
        at_least=ASCENT_PASSES if found is None else 0.0,
        after=SEARCH_PASSES,
        left=budget.left(),
        options=options,
    )
    bound = priced.value if math.isfinite(priced.value) else separate_bound(units)
    if _shares_replication(units, policy):
        # the prices leave replication out of the spend-share rows, where it can loosen one
        # provider's limit as much as it tightens another's: no proven bound then
        bound = separate_bound(units)
    cut = priced.cut
    spare = priced.has_plan
    """whether the prices chose a plan (``priced.plan()``), counted and checked only when the
    time runs out before a better one: with it in hand nothing runs past the limit"""
    # When the prices are as good as converged (the cutting plane's ceiling within the policy's
    # gap of the bound), the search among the options they leave in doubt first: with no plan
    # in hand it gets at least about what the regret greedy would cost, past the limit if need
    # be, and its plan lies near the bound where the greedy's is some percent above it.
    # Otherwise, when the time left is short of what the search takes at this size, a plan
    # first: the regret greedy (to its end, past the limit if need be), and the search starts
    # from it. The greedy also runs whenever the search finds no plan. With a plan in hand and
    # the time left short of the search, the search is not started.
    converged = priced.spread <= gap
    short = budget.left() < SEARCH_PASSES * priced.seconds_flat
    hurry = short and not converged
    cut = cut or (hurry and bool(greedy_broken))
    if greedy_broken and hurry and not spare:
        consider(regret_greedy(units, policy))
    first = best() is None and not spare and converged
    in_hand = best() is not None or spare
    if open_gap(bound) and (first or (time_left() and not (short and in_hand))):
        found = best()
        # All the time left when the whole model could not be built after it anyway.
        share = SEARCH_SHARE if budget.left() >= BUILD_PASSES * priced.seconds_flat else 1.0
        limit = budget.share(share)
        if first:
            floor = SEARCH_PASSES * priced.seconds_flat
            cut = cut or limit < floor
            limit = max(limit, floor)
        counts, stopped = lagrange.searched(
            units,
            policy,
            priced,
            limit,
            LAGRANGE_TOLERANCE,
            start=found[1] if found is not None else None,
        )
        consider(counts)
        cut = cut or stopped
    elif open_gap(bound):
        cut = True
    regret_fits = not spare or budget.left() >= REGRET_PASSES * priced.seconds_flat
    if greedy_broken and best() is None and not hurry and regret_fits:
        # No plan in hand: the regret greedy runs to its end, past the limit if need be.
        regret = regret_greedy(units, policy)
        consider(regret)
        if regret is not None and open_gap(bound) and time_left():
            # The options left in doubt held no plan: the regret plan's stay open too.
            counts, stopped = lagrange.searched(
                units, policy, priced, budget.share(SEARCH_SHARE), LAGRANGE_TOLERANCE, start=regret
            )
            consider(counts)
            cut = cut or stopped
    spare_tried = False

    def fall_back() -> None:
        """The prices' plan, checked, when no other plan is in hand."""
        nonlocal spare_tried
        if best() is None and spare and not spare_tried:
            spare_tried = True
            consider(priced.plan())

    if best() is None and not time_left():
        fall_back()

    def whole_fits() -> bool:
        """Whether the whole model can be built and used in the time left; a step skipped
        for want of it is cut."""
        nonlocal cut
        fits = budget.left() >= BUILD_PASSES * priced.seconds_flat
        cut = cut or not fits
        return fits

    def none_yet() -> bool:
        """No plan in hand: a step that could find one runs past the limit if need be."""
        return best() is None and not spare

    relaxed = None
    if (best() is None and (not spare or whole_fits())) or (open_gap(bound) and whole_fits()):
        relaxed = relax(
            units.units,
            policy,
            units.links,
            units.egress_eur_gib,
            time_limit=max(budget.left(), FIRST_PLAN_S) if none_yet() else budget.left(),
        )
        cut = cut or budget.over
    if relaxed is not None:
        bound = max(relaxed.bound, bound)
        if (best() is None and (not spare or time_left())) or (open_gap(bound) and time_left()):
            consider(
                neighbourhood(
                    relaxed,
                    policy,
                    max(budget.left(), FIRST_PLAN_S) if none_yet() else budget.share(0.5),
                )
            )
            cut = cut or budget.over
    if best() is None and spare and not (time_left() and whole_fits()):
        fall_back()
    if not proposed and (not spare or time_left()):
        rounded = round_relaxation(
            units.units,
            policy,
            units.links,
            units.egress_eur_gib,
            time_limit=max(budget.share(0.5), FIRST_PLAN_S),
            bound=False,
        )
        if rounded is not None:
            consider(rounded.counts)
    found = best()
    model = relaxed.model if relaxed is not None else None
    if found is not None and (
        not open_gap(bound) or not time_left() or (model is None and not whole_fits())
    ):
        return _kept(found[0], found[1], bound, policy, budget, model, cut), found[2]
    solution = highs.solve(
        units.units,
        policy,
        units.links,
        units.egress_eur_gib,
        time_limit=budget.left() if found is not None else max(budget.left(), FIRST_PLAN_S),
        start=found[1] if found is not None else None,
        model=model,
    )
    solution.seconds = budget.spent()
    solution.time_limited = cut or solution.status == SolveStatus.FEASIBLE
    if solution.bound is not None:
        solution.bound = max(solution.bound, bound)
    if found is None:
        if solution.status not in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE):
            fall_back()
            found = best()
            if found is not None:
                return _kept(found[0], found[1], bound, policy, budget, model, True), found[2]
        return solution, None
    # A plan that met every constraint in plain Python proves the policy can be met: HiGHS
    # saying otherwise on the whole model (presolve tolerances on a large model) is no verdict.
    if solution.status != SolveStatus.INFEASIBLE and (
        solution.objective is not None and solution.objective <= found[0]
    ):
        return solution, None
    proven = solution.bound if solution.bound is not None else bound
    kept = _kept(found[0], found[1], proven, policy, budget, model, solution.time_limited)
    kept.variables, kept.constraints = solution.variables, solution.constraints
    return kept, found[2]


def _kept(
    value: float,
    counts: dict[tuple[str, int], int],
    bound: float,
    policy: Policy,
    budget: Budget,
    model: arrays.Model | None,
    cut: bool,
) -> milp.Solution:
    """A plan checked here, with the best bound proven and the status its gap gives."""
    bound = min(bound, value)
    return milp.Solution(
        status=SolveStatus.OPTIMAL
        if _gap(value, bound) <= policy.solver.gap
        else SolveStatus.FEASIBLE,
        counts=counts,
        objective=value,
        bound=bound,
        seconds=budget.spent(),
        variables=model.columns if model else 0,
        constraints=model.rows if model else 0,
        solver="highs",
        time_limited=cut,
    )


def decide(units: Units, inventory: Inventory, policy: Policy) -> Decision:
    """The policy's ``solver.time_limit_s`` is a budget for all of this (the baseline and its
    check, bounds, searches, the final check), not for building the classes before it nor for
    reading their options into arrays (``lagrange.read``)."""
    budget = Budget.of(policy.solver.time_limit_s)
    greedy = {rid: u.rows[0] for u in units.units for rid in u.members}
    checking = time.perf_counter()
    greedy_broken = violations(greedy, units, inventory, policy)
    check_s = time.perf_counter() - checking
    if not units.units:
        return Decision(
            {},
            milp.Solution(status=SolveStatus.TRIVIAL, objective=0.0, bound=0.0, solver="none"),
            greedy,
            greedy_broken,
        )
    if not greedy_broken and not units.links and not units.followers:
        # Without priced links or copies the objective is a sum over resources: when each resource's
        # own best option meets every constraint, that assignment is optimal and no solver is needed.
        value = assignment_objective(greedy, units)
        return Decision(
            greedy,
            milp.Solution(status=SolveStatus.OPTIMAL, objective=value, bound=value, solver="none"),
            greedy,
            greedy_broken,
        )
    checked: dict[str, Row] | None = None
    if policy.solver.name == "highs" and not components.estate_wide(policy):
        solution = components.solve(units, policy)
    elif policy.solver.name == "highs":
        # Reading the options into arrays is the last of building the classes, off the clock;
        # the steps stop early enough for the final check of their plan to end by the limit.
        options = lagrange.read(units, policy)
        steps = budget.later(options.seconds).less(CHECK_PASSES * check_s)
        solution, checked = _solve_highs(
            units, inventory, policy, greedy, greedy_broken, steps, options
        )
    else:
        solution = milp.solve(
            units.units, policy, links=units.links, egress_eur_gib=units.egress_eur_gib
        )
    if solution.status not in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE):
        return Decision({}, solution, greedy, greedy_broken)
    if solution.bound is None:
        solution.bound = milp.lp_bound(
            units.units, policy, links=units.links, egress_eur_gib=units.egress_eur_gib
        )
    assignment = checked if checked is not None else assignment_of(units, solution.counts)
    broken = [] if checked is not None else violations(assignment, units, inventory, policy)
    if broken or len(assignment) != len(greedy):
        raise RuntimeFailure(
            f"solver {solution.solver} returned a plan that breaks the policy: "
            f"{broken[0] if broken else 'resources left unassigned'}"
        )
    if units.followers:
        # Within the gap a solver may keep a copy no resource needs; the plan writes only the
        # copies its resources need, so its objective is the value of what is written.
        solution.objective = assignment_objective(assignment, units)
    return Decision(assignment, solution, greedy, greedy_broken)
