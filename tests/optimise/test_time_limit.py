"""A policy that can be met comes back with a plan and an honest gap, however short the time limit."""

from __future__ import annotations

import pytest

import cloudexit
from cloudexit.model import Inventory, Policy
from cloudexit.model.plan import SolveStatus
from cloudexit.optimise.checks import violations
from cloudexit.optimise.decide import decide
from cloudexit.optimise.units import assignment_objective
from tests.helpers import fixture_catalog, inventory, resource
from tests.optimise.exactness import random_instance, reference_optimum

TINY = 0.001


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4, 5, 1078, 1151])
def test_a_tiny_time_limit_still_gives_a_plan_that_meets_the_policy(seed: int) -> None:
    instance = random_instance(seed)
    solver = instance.policy.solver.model_copy(update={"name": "highs", "time_limit_s": TINY})
    instance.policy = instance.policy.model_copy(update={"solver": solver})
    expected = reference_optimum(instance)
    decision = decide(instance.units, instance.inventory, instance.policy)
    if expected is None:
        assert decision.solution.status == SolveStatus.INFEASIBLE
        return
    assert decision.solution.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)
    assert sorted(decision.assignment) == sorted(instance.rows_of)
    assert (
        violations(decision.assignment, instance.units, instance.inventory, instance.policy) == []
    )
    value = assignment_objective(decision.assignment, instance.units)
    assert decision.solution.objective == pytest.approx(value, rel=1e-9, abs=1e-6)
    assert value >= expected - 1e-6
    bound = decision.solution.bound
    assert bound is not None and bound <= expected + 1e-6
    if decision.solution.status == SolveStatus.OPTIMAL:
        assert value == pytest.approx(expected, rel=1e-9, abs=1e-6)


def test_the_plan_at_a_tiny_time_limit_reports_its_bound_and_gap() -> None:
    sizes = [(2, 8), (4, 16), (2, 4), (8, 32), (4, 8), (2, 8)]
    resources = [
        resource(
            f"vm-{i:02d}",
            attributes={"vcpu": vcpu, "memory_gib": memory},
            monthly_cost={"amount": f"{35 * vcpu + i}", "currency": "USD", "source": "test"},
        )
        for i, (vcpu, memory) in enumerate(sizes * 3)
    ]
    policy = Policy(
        targets=["ovhcloud", "scaleway"],
        risk_weights={"jurisdiction": 0},
        allow_retain=False,
        max_spend_share=0.55,
        min_providers=2,
        solver={"name": "highs", "time_limit_s": TINY, "gap": 0},
    )
    plan = cloudexit.plan(
        Inventory.model_validate(inventory(*resources)), policy, catalog=fixture_catalog()
    )
    s = plan.solver
    assert s.solver == "highs"
    assert s.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)
    assert len(plan.placements) == len(resources) and plan.unplaced == []
    assert s.objective is not None and s.bound is not None and s.gap is not None
    assert s.bound <= s.objective
    assert s.gap == pytest.approx(float((s.objective - s.bound) / s.objective), abs=1e-6)
    spend: dict[str, float] = {}
    for p in plan.placements:
        spend[p.choice.provider] = spend.get(p.choice.provider, 0.0) + float(p.choice.monthly_cost)
    assert len(spend) == 2 and max(spend.values()) <= 0.55 * sum(spend.values()) + 1e-6
