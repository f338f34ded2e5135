"""From units to an assignment: the greedy when it meets the policy, else the solver, re-checked."""

from __future__ import annotations

from dataclasses import dataclass

from cloudexit.errors import RuntimeFailure
from cloudexit.model.inventory import Inventory
from cloudexit.model.plan import SolveStatus
from cloudexit.model.policy import Policy
from cloudexit.optimise import highs, milp
from cloudexit.optimise.checks import violations
from cloudexit.optimise.rounding import round_relaxation
from cloudexit.optimise.units import Row, Units, assignment_objective


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
    result: dict[str, Row] = {}
    for unit in units.units:
        members = iter(unit.members)
        for k, row in enumerate(unit.rows):
            for _ in range(counts.get((unit.key, k), 0)):
                result[next(members)] = row
    return result


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


def _solve_highs(
    units: Units,
    inventory: Inventory,
    policy: Policy,
    greedy: dict[str, Row],
    greedy_broken: list[str],
) -> milp.Solution:
    """HiGHS from a start that meets the policy: the greedy when it does, else the rounded
    relaxation when it does; at the time limit without a better plan, that start is the plan."""
    limit = policy.solver.time_limit_s
    start: dict[tuple[str, int], int] | None = None
    bound: float | None = None
    if not greedy_broken:
        start = counts_of(units, greedy)
    else:
        rounded = round_relaxation(
            units.units, policy, units.links, units.egress_eur_gib, time_limit=limit / 2
        )
        if rounded is not None:
            bound = rounded.bound
            candidate = assignment_of(units, rounded.counts)
            if len(candidate) == len(greedy) and not violations(
                candidate, units, inventory, policy
            ):
                start = rounded.counts
    solution = highs.solve(
        units.units, policy, units.links, units.egress_eur_gib, time_limit=limit, start=start
    )
    if solution.status == SolveStatus.NOT_SOLVED and start is not None:
        value = assignment_objective(assignment_of(units, start), units)
        return milp.Solution(
            status=SolveStatus.FEASIBLE,
            counts=start,
            objective=value,
            bound=bound,
            seconds=solution.seconds,
            variables=solution.variables,
            constraints=solution.constraints,
            solver="highs",
        )
    return solution


def decide(units: Units, inventory: Inventory, policy: Policy) -> Decision:
    greedy = {rid: u.rows[0] for u in units.units for rid in u.members}
    greedy_broken = violations(greedy, units, inventory, policy)
    if not units.units:
        return Decision(
            {},
            milp.Solution(status=SolveStatus.TRIVIAL, objective=0.0, bound=0.0, solver="none"),
            greedy,
            greedy_broken,
        )
    if not greedy_broken and not units.links:
        # Without priced links the objective is a sum over resources: when each resource's own best
        # option meets every constraint, that assignment is optimal and no solver is needed.
        value = assignment_objective(greedy, units)
        return Decision(
            greedy,
            milp.Solution(status=SolveStatus.OPTIMAL, objective=value, bound=value, solver="none"),
            greedy,
            greedy_broken,
        )
    if policy.solver.name == "highs":
        solution = _solve_highs(units, inventory, policy, greedy, greedy_broken)
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
    assignment = assignment_of(units, solution.counts)
    broken = violations(assignment, units, inventory, policy)
    if broken or len(assignment) != len(greedy):
        raise RuntimeFailure(
            f"solver {solution.solver} returned a plan that breaks the policy: "
            f"{broken[0] if broken else 'resources left unassigned'}"
        )
    return Decision(assignment, solution, greedy, greedy_broken)
