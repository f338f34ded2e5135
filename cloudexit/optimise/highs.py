"""Solve the array model with HiGHS (highspy): a start from the caller, bound and gap from HiGHS's
own result, the best plan found at the time limit."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np

from cloudexit.model.plan import SolveStatus
from cloudexit.model.policy import Policy
from cloudexit.optimise import arrays
from cloudexit.optimise.milp import Solution
from cloudexit.optimise.units import Link, Replication, Site, Unit


@contextmanager
def _stdout_silenced() -> Iterator[None]:
    """HiGHS prints its banner to the process's stdout when constructed, before any option can
    turn output off; plan's stdout may be a pipe another program reads."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


MIN_RUN_S = 0.01
"""HiGHS's own time limit at least, when building the model took the time given."""


def new_highs(time_limit: float, gap: float) -> Any:
    import highspy

    with _stdout_silenced():
        h = highspy.Highs()  # type: ignore[no-untyped-call]
    for name, value in (
        ("output_flag", False),
        ("log_to_console", False),
        ("threads", 1),
        ("random_seed", 0),
        ("time_limit", float(time_limit)),
        ("mip_rel_gap", float(gap)),
    ):
        h.setOptionValue(name, value)
    return h


def pass_model(h: Any, model: arrays.Model, relax: bool = False) -> None:
    import highspy

    floats = np.float64
    lp = highspy.HighsLp()
    lp.num_col_ = model.columns
    lp.num_row_ = model.rows
    lp.col_cost_ = np.asarray(model.cost, dtype=floats)
    lp.offset_ = model.offset
    lp.col_lower_ = np.asarray(model.lower, dtype=floats)
    lp.col_upper_ = np.asarray(model.upper, dtype=floats)
    lp.row_lower_ = np.asarray(model.row_lower, dtype=floats)
    lp.row_upper_ = np.asarray(model.row_upper, dtype=floats)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.num_col_ = model.columns
    lp.a_matrix_.num_row_ = model.rows
    lp.a_matrix_.start_ = np.asarray(model.starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.asarray(model.index, dtype=np.int32)
    lp.a_matrix_.value_ = np.asarray(model.value, dtype=floats)
    if not relax:
        kinds = highspy.HighsVarType
        lp.integrality_ = [kinds.kInteger if i else kinds.kContinuous for i in model.integer]
    h.passModel(lp)


def start_vector(
    model: arrays.Model, units: list[Unit], counts: Mapping[tuple[str, int], int]
) -> list[float]:
    """Column values for a start: the counts, and every auxiliary column at its least feasible value.

    HiGHS completes auxiliary columns itself when given only part of a solution; the x columns
    are what matter."""
    values = [float("nan")] * model.columns
    for key, col in model.x.items():
        values[col] = float(counts.get(key, 0))
    return values


def solve(
    units: list[Unit],
    policy: Policy,
    links: Sequence[Link] = (),
    egress_eur_gib: Mapping[Site, float] | None = None,
    time_limit: float | None = None,
    start: Mapping[tuple[str, int], int] | None = None,
    model: arrays.Model | None = None,
) -> Solution:
    """``model``: the same units already built as arrays, to save building them again.
    ``time_limit`` counts building the model too."""
    import highspy

    limit = time_limit if time_limit is not None else policy.solver.time_limit_s
    started = time.perf_counter()
    model = model or arrays.build(units, policy, links, egress_eur_gib)
    h = new_highs(max(limit - (time.perf_counter() - started), MIN_RUN_S), policy.solver.gap)
    pass_model(h, model)
    if start and any(isinstance(link, Replication) for link in links):
        # HiGHS 1.16's presolve took a start of the counts only for optimal on a model with
        # replication columns, at an objective no plan has (a random instance: 29,196 said
        # optimal where 28,737 is; presolve off or no start finds 28,737): solved without one.
        start = None
    if start:
        # A start for the counts only; HiGHS completes the auxiliary columns itself.
        columns = sorted(model.x.values())
        key_of = {col: key for key, col in model.x.items()}
        values = [float(start.get(key_of[col], 0)) for col in columns]
        h.setSolution(
            len(columns), np.asarray(columns, dtype=np.int32), np.asarray(values, dtype=np.float64)
        )
    h.run()
    seconds = time.perf_counter() - started
    status = h.getModelStatus()
    info = h.getInfo()
    has_point = info.primal_solution_status == 2  # kSolutionStatusFeasible
    if status == highspy.HighsModelStatus.kInfeasible:
        return Solution(
            status=SolveStatus.INFEASIBLE,
            seconds=seconds,
            variables=model.columns,
            constraints=model.rows,
            solver="highs",
        )
    if not has_point:
        return Solution(
            status=SolveStatus.NOT_SOLVED,
            seconds=seconds,
            variables=model.columns,
            constraints=model.rows,
            solver="highs",
        )
    values = h.getSolution().col_value
    counts = {key: round(values[col]) for key, col in model.x.items() if round(values[col])}
    optimal = status == highspy.HighsModelStatus.kOptimal
    # When presolve proves a start optimal, HiGHS 1.16 reports 0 as both objective and dual
    # bound: the objective is recomputed from the plan, and "optimal" proves the gap tolerance.
    objective = model.offset + float(
        np.dot(np.asarray(values, dtype=np.float64), np.asarray(model.cost))
    )
    bound = float(info.mip_dual_bound)
    if optimal:
        bound = max(bound, objective - policy.solver.gap * abs(objective))
    return Solution(
        status=SolveStatus.OPTIMAL if optimal else SolveStatus.FEASIBLE,
        counts=counts,
        objective=objective,
        bound=min(bound, objective),
        seconds=seconds,
        variables=model.columns,
        constraints=model.rows,
        solver="highs",
    )
