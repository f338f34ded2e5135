"""A solver stopped early reports infinities; the plan must carry no bound rather than crash."""

from __future__ import annotations

import math

from cloudexit.model.plan import SolveStatus
from cloudexit.optimise.milp import Solution


def test_infinite_bound_and_objective_are_no_figures():
    stopped = Solution(SolveStatus.NOT_SOLVED, objective=math.inf, bound=-math.inf)
    assert stopped.objective is None and stopped.bound is None


def test_finite_figures_are_kept():
    found = Solution(SolveStatus.FEASIBLE, objective=12.5, bound=12.0)
    assert (found.objective, found.bound) == (12.5, 12.0)
