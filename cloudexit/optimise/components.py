"""The model split into independent parts when no policy limit spans the whole estate.

Without a budget, spend shares, capacity or a provider count, the objective is a sum over
resources and every constraint lies within one co-location group, anti-affinity set, priced
dependency, followed network object or balancer with its members: units joined by those (a component) are solved alone and the plans added up, which
gives the same optimum as one model. A unit outside every such structure takes its best option.
With any estate-wide limit the parts compete for the same allowance and no split is exact, so
the whole model is solved.
"""

from __future__ import annotations

import time
from collections import defaultdict

from cloudexit.model.plan import SolveStatus
from cloudexit.model.policy import Policy
from cloudexit.optimise import highs
from cloudexit.optimise.follow import closure
from cloudexit.optimise.milp import Solution
from cloudexit.optimise.partition import Partition
from cloudexit.optimise.units import Link, Unit, Units

ORDER = [SolveStatus.INFEASIBLE, SolveStatus.NOT_SOLVED, SolveStatus.FEASIBLE, SolveStatus.OPTIMAL]
"""A combined status is the weakest of its parts'."""


def estate_wide(policy: Policy) -> bool:
    """Whether some limit couples every resource's choice with every other's."""
    return (
        policy.monthly_budget is not None
        or policy.max_spend_share is not None
        or policy.max_region_spend_share is not None
        or any(cap.limits() for cap in policy.capacity)
        or policy.min_providers > 1
        or policy.max_providers is not None
    )


def components(units: Units) -> list[tuple[list[Unit], list[Link]]]:
    """Units tied by a co-location group, an anti-affinity set, a priced link, a network object
    they name (directly or through others) or a balancer and its members, with their links;
    untied units left out. In the order of their first unit."""
    sets = Partition(u.key for u in units.units)
    find, union = sets.find, sets.union

    first: dict[str, str] = {}
    for u in units.units:
        for name in ([u.group] if u.group is not None else []) + [f"anti:{a}" for a in u.anti]:
            union(first.setdefault(name, u.key), u.key)
        for f in closure(u.follows):
            union(first.setdefault(f"follow:{f.id}", u.key), u.key)
    unit_of = {rid: u.key for u in units.units for rid in u.members}
    for link in units.links:
        if link.a in unit_of and link.b in unit_of:
            union(unit_of[link.a], unit_of[link.b])
    for u in units.units:
        for member in u.fronts:
            if member in unit_of:
                union(u.key, unit_of[member])
    tied = {
        u.key
        for u in units.units
        if u.group is not None or u.anti or u.linked or u.follows or u.fronts
    }
    members: dict[str, list[Unit]] = defaultdict(list)
    for u in units.units:
        if u.key in tied or find(u.key) in tied:
            members[find(u.key)].append(u)
    links: dict[str, list[Link]] = defaultdict(list)
    for link in units.links:
        if link.a in unit_of:
            links[find(unit_of[link.a])].append(link)
    return [(group, links[root]) for root, group in members.items()]


def solve(units: Units, policy: Policy) -> Solution:
    """Each component alone with HiGHS, in the time the policy allows for the whole."""
    limit = policy.solver.time_limit_s
    started = time.perf_counter()
    counts: dict[tuple[str, int], int] = {}
    parts = components(units)
    in_part = {u.key for group, _ in parts for u in group}
    objective = bound = 0.0
    for u in units.units:
        if u.key not in in_part:
            counts[(u.key, 0)] = u.count
            objective += u.rows[0].score * u.count
            bound += u.rows[0].score * u.count
    status = SolveStatus.OPTIMAL
    variables = constraints = 0
    for group, links in parts:
        left = max(limit - (time.perf_counter() - started), 1.0)
        found = highs.solve(group, policy, links, units.egress_eur_gib, time_limit=left)
        variables += found.variables
        constraints += found.constraints
        status = min(status, found.status, key=ORDER.index)
        if found.status not in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE):
            break
        counts.update(found.counts)
        objective += found.objective or 0.0
        bound += found.bound if found.bound is not None else float("-inf")
    seconds = time.perf_counter() - started
    if status not in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE):
        return Solution(status, seconds=seconds, solver="highs")
    return Solution(
        status=status,
        counts=counts,
        objective=objective,
        bound=bound if bound != float("-inf") else None,
        seconds=seconds,
        variables=variables,
        constraints=constraints,
        solver="highs",
    )
