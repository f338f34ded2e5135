"""A policy that can be met comes back with a plan and an honest gap, however short the time limit."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

import cloudexit
from cloudexit.model import Inventory, Policy
from cloudexit.model.plan import SolveStatus
from cloudexit.optimise import decide as deciding
from cloudexit.optimise import lagrange
from cloudexit.optimise.checks import violations
from cloudexit.optimise.decide import decide
from cloudexit.optimise.planner import time_limited_warning
from cloudexit.optimise.units import assignment_objective
from tests.helpers import fixture_catalog, inventory, resource
from tests.optimise.exactness import Instance, random_instance, reference_optimum

TINY = 0.001
LIMIT = 0.05


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
    cut = [w for w in plan.warnings if w.startswith("the solver's time limit")]
    assert len(cut) == (1 if s.status == SolveStatus.FEASIBLE else len(cut))
    assert len(cut) <= 1
    spend: dict[str, float] = {}
    for p in plan.placements:
        spend[p.choice.provider] = spend.get(p.choice.provider, 0.0) + float(p.choice.monthly_cost)
    assert len(spend) == 2 and max(spend.values()) <= 0.55 * sum(spend.values()) + 1e-6


def _with_limit(instance: Instance, seconds: float) -> Instance:
    solver = instance.policy.solver.model_copy(update={"name": "highs", "time_limit_s": seconds})
    instance.policy = instance.policy.model_copy(update={"solver": solver})
    return instance


def _greedy_breaks_policy(seeds: int) -> Iterator[tuple[int, Instance]]:
    """Seeded random instances, with the time limit, where each class's cheapest row breaks the
    policy, so the decision must search."""
    for seed in range(seeds):
        instance = _with_limit(random_instance(seed), LIMIT)
        greedy = {rid: u.rows[0] for u in instance.units.units for rid in u.members}
        if violations(greedy, instance.units, instance.inventory, instance.policy):
            yield seed, instance


def _recorder(started: list[str]) -> Any:
    """Wraps a phase so that starting it is written down in ``started``."""

    def record(name: str, real: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            started.append(name)
            return real(*args, **kwargs)

        return run

    return record


def test_once_the_limit_has_passed_with_a_plan_in_hand_no_further_phase_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The search around the priced bound runs past the limit (as on a loaded machine): the plan
    it found comes back with its bound, and the regret greedy, the relaxation and the search of
    the whole model never start."""
    started: list[str] = []
    record = _recorder(started)
    search = lagrange.searched

    def slow_search(*args: Any, **kwargs: Any) -> Any:
        found = search(*args, **kwargs)
        time.sleep(LIMIT * 1.5)
        return found

    monkeypatch.setattr(deciding.lagrange, "searched", slow_search)
    for name in ("regret_greedy", "relax", "neighbourhood", "round_relaxation"):
        monkeypatch.setattr(deciding, name, record(name, getattr(deciding, name)))
    monkeypatch.setattr(deciding.highs, "solve", record("highs", deciding.highs.solve))
    checked = 0
    for seed, instance in _greedy_breaks_policy(40):
        started.clear()
        decision = decide(instance.units, instance.inventory, instance.policy)
        if decision.solution.status not in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE):
            continue
        if "regret_greedy" in started:
            continue  # the search found no plan: the greedy must run, past the limit if need be
        # HiGHS ran only inside the priced search, whose own limit had passed
        assert started in ([], ["highs"]), (seed, started)
        expected = reference_optimum(instance)
        assert expected is not None
        s = decision.solution
        assert s.bound is not None and s.objective is not None
        assert s.bound <= expected + 1e-6 <= s.objective + 2e-6
        checked += 1
    assert checked >= 3


def test_a_plan_cut_by_the_time_limit_says_so() -> None:
    policy = Policy(
        targets=["ovhcloud", "scaleway"],
        solver={"name": "highs", "time_limit_s": 7, "gap": 0.001},
    )
    above = time_limited_warning(policy, 0.0312, within=False)
    assert "7 s" in above and "3.12% above" in above and "0.10%" in above
    assert "machine's speed" in above
    within = time_limited_warning(policy, 0.0004, within=True)
    assert "within solver.gap (0.10%)" in within and "machine's speed" in within


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_a_decision_with_time_to_spare_is_not_marked_cut_and_repeats_exactly(seed: int) -> None:
    instance = _with_limit(random_instance(seed), 60.0)
    first = decide(instance.units, instance.inventory, instance.policy)
    again = decide(instance.units, instance.inventory, instance.policy)
    assert not first.solution.time_limited
    assert first.assignment == again.assignment
    assert first.solution.bound == again.solution.bound


def test_a_decision_the_limit_cuts_is_marked_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """The search around the priced bound outlasts the limit: whatever plan comes back says
    that the time limit shaped it."""
    search = lagrange.searched

    def slow(*args: Any, **kwargs: Any) -> Any:
        found = search(*args, **kwargs)
        time.sleep(LIMIT * 1.5)
        return found

    monkeypatch.setattr(deciding.lagrange, "searched", slow)
    marked = 0
    for seed in range(40):
        instance = _with_limit(random_instance(seed), LIMIT)
        decision = decide(instance.units, instance.inventory, instance.policy)
        s = decision.solution
        if s.status not in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE) or s.solver != "highs":
            continue
        if s.status == SolveStatus.OPTIMAL and s.objective == s.bound:
            continue
        assert s.time_limited or s.status == SolveStatus.OPTIMAL, seed
        marked += s.time_limited
    assert marked >= 3


def test_with_prices_converged_and_no_plan_in_hand_the_search_goes_before_the_regret_greedy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The priced bound converged but used up the time (as on a loaded machine) and the
    greedy baseline breaks the policy: the search among the options the prices leave in doubt
    still runs, past the limit, and its plan comes back marked cut, without the regret greedy."""
    priced = lagrange.bound
    started: list[str] = []

    def converged_late(units: Any, policy: Any, time_limit: float, *args: Any, **kw: Any) -> Any:
        found = priced(units, policy, 60.0, *args, **kw)
        time.sleep(LIMIT * 1.5)
        return found

    def regret(*args: Any, **kwargs: Any) -> Any:
        started.append("regret_greedy")
        return deciding.regret_greedy.__wrapped__(*args, **kwargs)  # type: ignore[attr-defined]

    real_regret = deciding.regret_greedy
    regret.__wrapped__ = real_regret  # type: ignore[attr-defined]
    monkeypatch.setattr(deciding.lagrange, "bound", converged_late)
    monkeypatch.setattr(deciding, "regret_greedy", regret)
    checked = 0
    for seed, instance in _greedy_breaks_policy(40):
        found = priced(instance.units, instance.policy, 60.0)
        if found.spread > instance.policy.solver.gap or not deciding.math.isfinite(found.value):
            continue
        expected = reference_optimum(instance)
        if expected is None:
            continue
        started.clear()
        decision = decide(instance.units, instance.inventory, instance.policy)
        s = decision.solution
        assert s.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE), seed
        if started:
            continue  # the options in doubt held no plan: the greedy must run
        assert s.time_limited, seed
        assert s.bound is not None and s.objective is not None
        assert s.bound <= expected + 1e-6 <= s.objective + 2e-6
        checked += 1
    assert checked >= 3


def test_with_the_prices_plan_in_hand_nothing_runs_past_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The priced bound used up the time (as on a loaded machine) and its prices chose a plan:
    neither the search, the regret greedy, the relaxation nor HiGHS's whole-model search starts,
    and the prices' plan comes back, checked, with its bound and marked cut."""
    priced = lagrange.bound
    started: list[str] = []
    record = _recorder(started)

    def late(units: Any, policy: Any, time_limit: float, *args: Any, **kw: Any) -> Any:
        found = priced(units, policy, 60.0, *args, **kw)
        time.sleep(LIMIT * 1.5)
        return found

    monkeypatch.setattr(deciding.lagrange, "bound", late)
    monkeypatch.setattr(deciding.lagrange, "searched", record("search", lagrange.searched))
    for name in ("regret_greedy", "relax", "neighbourhood", "round_relaxation"):
        monkeypatch.setattr(deciding, name, record(name, getattr(deciding, name)))
    monkeypatch.setattr(deciding.highs, "solve", record("highs", deciding.highs.solve))
    checked = 0
    for seed, instance in _greedy_breaks_policy(40):
        if not priced(instance.units, instance.policy, 60.0).has_plan:
            continue
        expected = reference_optimum(instance)
        assert expected is not None, seed
        started.clear()
        decision = decide(instance.units, instance.inventory, instance.policy)
        s = decision.solution
        assert started == [], (seed, started)
        assert s.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE), seed
        assert s.time_limited, seed
        assert (
            violations(decision.assignment, instance.units, instance.inventory, instance.policy)
            == []
        )
        assert s.bound is not None and s.objective is not None
        assert s.bound <= expected + 1e-6 <= s.objective + 2e-6
        checked += 1
    assert checked >= 3
