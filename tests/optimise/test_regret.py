"""The regret greedy proposes a plan with no solver; what it proposes keeps the limits it promises."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cloudexit.model.plan import SolveStatus
from cloudexit.optimise import decide as deciding
from cloudexit.optimise.checks import violations
from cloudexit.optimise.decide import assignment_of, decide, separate_bound
from cloudexit.optimise.milp import Solution
from cloudexit.optimise.regret import regret_greedy
from cloudexit.optimise.units import Row, assignment_objective
from tests.optimise.exactness import Instance, random_instance, reference_optimum

KEPT = ("co-location", "anti-affinity", "capacity", "monthly_budget", "max_providers")
"""the families the greedy keeps by construction; spend shares and min_providers it only aims at"""


@pytest.mark.parametrize("seed", range(40))
def test_a_proposed_plan_places_every_resource_and_keeps_the_monotone_limits(seed: int) -> None:
    instance = random_instance(seed)
    counts = regret_greedy(instance.units, instance.policy)
    if counts is None:
        return
    assignment = assignment_of(instance.units, counts)
    assert sorted(assignment) == sorted(instance.rows_of)
    for unit in instance.units.units:
        assert sum(n for (key, _), n in counts.items() if key == unit.key) == unit.count
    broken = violations(assignment, instance.units, instance.inventory, instance.policy)
    assert [line for line in broken if line.startswith(KEPT)] == []
    if not broken:  # a plan that meets the whole policy is no better than the optimum
        expected = reference_optimum(instance)
        value = assignment_objective(assignment, instance.units)
        assert expected is not None and value >= expected - 1e-6


def test_it_finds_plans_where_each_resource_s_own_best_breaks_the_policy() -> None:
    found = 0
    for seed in range(40):
        instance = random_instance(seed)
        counts = regret_greedy(instance.units, instance.policy)
        if counts is None:
            continue
        assignment = assignment_of(instance.units, counts)
        own = {rid: u.rows[0] for u in instance.units.units for rid in u.members}
        if violations(own, instance.units, instance.inventory, instance.policy) and not violations(
            assignment, instance.units, instance.inventory, instance.policy
        ):
            found += 1
    assert found >= 5


def _greedy_only_plans(**solver: float) -> Iterator[tuple[Instance, dict[str, Row]]]:
    """Random instances, solved by HiGHS with these settings, where each resource's own best
    option breaks the policy and the regret greedy proposes a plan that meets it."""
    for seed in range(40):
        instance = random_instance(seed)
        chosen = instance.policy.solver.model_copy(update={"name": "highs", **solver})
        instance.policy = instance.policy.model_copy(update={"solver": chosen})
        counts = regret_greedy(instance.units, instance.policy)
        own = {rid: u.rows[0] for u in instance.units.units for rid in u.members}
        if counts is None or not violations(
            own, instance.units, instance.inventory, instance.policy
        ):
            continue
        proposed = assignment_of(instance.units, counts)
        if not violations(proposed, instance.units, instance.inventory, instance.policy):
            yield instance, proposed


def test_with_no_relaxation_in_time_the_regret_plan_comes_back_with_a_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The relaxation not solved (as at a short limit on a large estate): the regret greedy's plan
    is kept, with each class's own best option as the proven bound."""
    monkeypatch.setattr(deciding, "relax", lambda *args, **kwargs: None)
    monkeypatch.setattr(deciding, "round_relaxation", lambda *args, **kwargs: None)
    monkeypatch.setattr(deciding, "FIRST_PLAN_S", 0.0)
    checked = 0
    for instance, _ in _greedy_only_plans(time_limit_s=0.0):
        decision = decide(instance.units, instance.inventory, instance.policy)
        s = decision.solution
        assert s.status in (SolveStatus.FEASIBLE, SolveStatus.OPTIMAL)
        assert (
            violations(decision.assignment, instance.units, instance.inventory, instance.policy)
            == []
        )
        expected = reference_optimum(instance)
        assert expected is not None and s.bound is not None and s.objective is not None
        assert s.bound <= expected + 1e-6 <= s.objective + 2e-6
        checked += 1
    assert checked >= 3


def test_a_solver_verdict_of_infeasible_does_not_discard_a_plan_that_meets_the_policy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """HiGHS can call a large model infeasible on tolerances; a plan in hand that every constraint
    was re-checked on proves otherwise, so it comes back with its bound instead of "no plan"."""
    monkeypatch.setattr(deciding, "neighbourhood", lambda *args, **kwargs: None)
    monkeypatch.setattr(
        deciding.highs,
        "solve",
        lambda *args, **kwargs: Solution(status=SolveStatus.INFEASIBLE, solver="highs"),
    )
    checked = 0
    for instance, proposed in _greedy_only_plans(gap=0.0):
        decision = decide(instance.units, instance.inventory, instance.policy)
        s = decision.solution
        assert s.status in (SolveStatus.FEASIBLE, SolveStatus.OPTIMAL)
        assert decision.assignment == proposed
        expected = reference_optimum(instance)
        assert expected is not None and s.bound is not None and s.objective is not None
        assert s.bound <= expected + 1e-6 <= s.objective + 2e-6
        checked += 1
    assert checked >= 3


def test_the_bound_without_estate_wide_limits_never_passes_the_optimum() -> None:
    """Groups on their cheapest common site: at least each class's own best, at most the optimum."""
    tighter = 0
    for seed in range(40):
        instance = random_instance(seed)
        expected = reference_optimum(instance)
        bound = separate_bound(instance.units)
        own = sum(u.rows[0].score * u.count for u in instance.units.units)
        assert bound >= own - 1e-9
        if expected is not None:
            assert bound <= expected + 1e-6
        tighter += bound > own + 1e-6
    assert tighter >= 3
