"""A plan in hand before the search: the LP relaxation, rounded and repaired.

Two ways. ``neighbourhood`` keeps every count the relaxation already gives whole and lets HiGHS
decide only the fractional ones, each between its floor and its ceiling, against the exact
model: almost every class comes out of the relaxation whole (only as many are fractional as
the spend share, capacity and budget rows bind), so that search is small and what it finds
meets every constraint. ``round_relaxation`` needs no solver beyond the LP: the relaxation is
solved with the coupling limits (spend share, capacity, budget) tightened a little, so that
rounding the few fractional counts rarely pushes a limit over; co-location groups go whole to
the site the relaxation favours, anti-affinity members to distinct places. The caller checks
every result against every constraint before using it; this module only proposes.
"""

from __future__ import annotations

import math
import time
from array import array
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from cloudexit.model.policy import Policy
from cloudexit.optimise import arrays
from cloudexit.optimise.highs import MIN_RUN_S, new_highs, pass_model
from cloudexit.optimise.units import Link, Row, Site, Unit, group_site

MARGIN = 0.01


@dataclass
class Rounded:
    counts: dict[tuple[str, int], int]
    bound: float | None
    """the untightened relaxation's optimum when it was solved, a proven lower bound"""


@dataclass
class Relaxed:
    model: arrays.Model
    values: list[float]
    bound: float
    """the relaxation's optimum, a proven lower bound on every plan"""


def relax(
    units: list[Unit],
    policy: Policy,
    links: Sequence[Link] = (),
    egress_eur_gib: Mapping[Site, float] | None = None,
    time_limit: float = 30.0,
) -> Relaxed | None:
    """The exact model's LP relaxation, or None when it is not solved in time (or infeasible).
    ``time_limit`` counts building the model too."""
    started = time.perf_counter()
    model = arrays.build(units, policy, links, egress_eur_gib)
    solved = _relaxation(model, max(time_limit - (time.perf_counter() - started), MIN_RUN_S))
    if solved is None:
        return None
    return Relaxed(model, *solved)


def neighbourhood(
    relaxed: Relaxed, policy: Policy, time_limit: float
) -> dict[tuple[str, int], int] | None:
    """The best plan HiGHS finds in time with every count between the floor and the ceiling of
    its relaxed value, or None."""
    model = relaxed.model
    lower, upper = array("d", model.lower), array("d", model.upper)
    for col in model.x.values():
        value = relaxed.values[col]
        lower[col] = float(math.floor(value + 1e-6))
        upper[col] = float(math.ceil(value - 1e-6))
    h = new_highs(time_limit, policy.solver.gap)
    pass_model(h, arrays.Model(**{**vars(model), "lower": lower, "upper": upper}))
    h.run()
    if h.getInfo().primal_solution_status != 2:  # kSolutionStatusFeasible
        return None
    values = h.getSolution().col_value
    return {key: round(values[col]) for key, col in model.x.items() if round(values[col])}


def _relaxation(model: arrays.Model, time_limit: float) -> tuple[list[float], float] | None:
    import highspy

    h = new_highs(time_limit, 0.0)
    pass_model(h, model, relax=True)
    h.run()
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    return list(h.getSolution().col_value), float(h.getInfo().objective_function_value)


def _place(row: Row, level: str) -> Site | str:
    return row.site if level == "region" else row.site[0]


def round_relaxation(
    units: list[Unit],
    policy: Policy,
    links: Sequence[Link] = (),
    egress_eur_gib: Mapping[Site, float] | None = None,
    time_limit: float = 30.0,
    bound: bool = True,
) -> Rounded | None:
    """``bound``: also solve the untightened relaxation for its bound."""
    model = arrays.build(units, policy, links, egress_eur_gib, margin=MARGIN)
    solved = _relaxation(model, time_limit)
    if solved is None:
        return None
    values, _ = solved
    counts: dict[tuple[str, int], int] = {}
    taken: dict[str, set[Site | str]] = defaultdict(set)

    def value(u: Unit, k: int) -> float:
        return values[model.x[(u.key, k)]]

    grouped: dict[str, list[Unit]] = defaultdict(list)
    for u in units:
        if u.group is not None:
            grouped[u.group].append(u)
    for _, members in sorted(grouped.items()):
        weight: dict[Site, float] = defaultdict(float)
        for u in members:
            for k, r in enumerate(u.rows):
                weight[group_site(r)] += value(u, k)
        for site in sorted(weight, key=lambda s: (-weight[s], s)):
            chosen = [
                next((k for k, r in enumerate(u.rows) if group_site(r) == site), None)
                for u in members
            ]
            if all(pick is not None for pick in chosen):
                for u, pick in zip(members, chosen, strict=True):
                    assert pick is not None
                    counts[(u.key, pick)] = u.count
                    for a in u.anti:
                        taken[a].add(_place(u.rows[pick], a.rsplit("@", 1)[1]))
                break
        else:
            return None
    for u in units:
        if u.group is not None:
            continue
        order = sorted(range(len(u.rows)), key=lambda k: (-value(u, k), u.rows[k].score, k))
        if u.anti:
            for _ in range(u.count):
                free = [
                    k
                    for k in order
                    if all(_place(u.rows[k], a.rsplit("@", 1)[1]) not in taken[a] for a in u.anti)
                ]
                k = free[0] if free else order[0]
                counts[(u.key, k)] = counts.get((u.key, k), 0) + 1
                for a in u.anti:
                    taken[a].add(_place(u.rows[k], a.rsplit("@", 1)[1]))
            continue
        floors = {k: int(value(u, k) + 1e-9) for k in range(len(u.rows))}
        left = u.count - sum(floors.values())
        by_remainder = sorted(
            range(len(u.rows)), key=lambda k: (-(value(u, k) - floors[k]), u.rows[k].score, k)
        )
        for k in by_remainder[: max(0, left)]:
            floors[k] += 1
        if sum(floors.values()) != u.count:
            return None
        for k, n in floors.items():
            if n:
                counts[(u.key, k)] = n
    if not bound:
        return Rounded(counts, None)
    exact = relax(units, policy, links, egress_eur_gib, time_limit)
    return Rounded(counts, exact.bound if exact else None)
