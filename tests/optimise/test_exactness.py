"""The aggregated, pruned model against an independent one-binary model on random instances.

A few seeds run with the suite; ``pytest -m slow`` runs a hundred more.
"""

from __future__ import annotations

import dataclasses

import pytest

from cloudexit.model.plan import SolveStatus
from cloudexit.optimise.checks import violations
from cloudexit.optimise.decide import decide
from cloudexit.optimise.units import assignment_objective
from tests.optimise.exactness import Instance, random_instance, reference_optimum

# 1078 and 1151 once caught pruning under a spend-share cap: one too dear, one declared infeasible.
FAST = [*range(6), 1078, 1151]
REPLICATED = [*range(6), 1027, 1043, 1061, 1091]
"""seeds where replication changes the optimum: 1027 and 1061 cheaper, 1043 feasible only with
it (what the primary sends counts in the total of target spend), 1091 dearer"""
SLOW = range(1000, 1100)
SOLVERS = ["cbc", "highs"]
# With a balancer: in 1, 1000, 1009 and 1027 its own best site holds none of its members.
BALANCER = [*range(6), 1000, 1009, 1027]


def reaches_reference(instance, seed: int):
    """The decision on ``instance`` against the one-binary reference: the same verdict, a plan
    breaking no limit, the reference's value. None when both find no plan."""
    expected = reference_optimum(instance)
    decision = decide(instance.units, instance.inventory, instance.policy)
    status = decision.solution.status
    if expected is None:
        assert status == SolveStatus.INFEASIBLE, (
            f"seed {seed}: reference infeasible, model says {status}"
        )
        return None
    assert status == SolveStatus.OPTIMAL, (
        f"seed {seed}: reference optimum {expected}, model says {status}"
    )
    assert (
        violations(decision.assignment, instance.units, instance.inventory, instance.policy) == []
    )
    value = assignment_objective(decision.assignment, instance.units)
    assert value == pytest.approx(expected, rel=1e-9, abs=1e-6), (
        f"seed {seed}: {value} against {expected}"
    )
    return decision, expected


def check(seed: int, solver: str, replication: bool = False, balancer: bool = False) -> None:
    instance = random_instance(seed, replication=replication, balancer=balancer)
    instance.policy = instance.policy.model_copy(
        update={"solver": instance.policy.solver.model_copy(update={"name": solver})}
    )
    reached = reaches_reference(instance, seed)
    if reached is None:
        return
    decision, expected = reached
    assert sorted(decision.assignment) == sorted(instance.rows_of)
    for rid, row in decision.assignment.items():
        assert row in instance.rows_of[rid]
    assert decision.solution.objective == pytest.approx(expected, rel=1e-9, abs=1e-6)
    assert decision.solution.bound is not None and decision.solution.bound <= expected + 1e-6


@pytest.mark.parametrize("solver", SOLVERS)
@pytest.mark.parametrize("seed", FAST)
def test_model_matches_the_one_binary_reference(seed: int, solver: str) -> None:
    check(seed, solver)


@pytest.mark.slow
@pytest.mark.parametrize("solver", SOLVERS)
@pytest.mark.parametrize("seed", SLOW)
def test_model_matches_the_one_binary_reference_on_many_instances(seed: int, solver: str) -> None:
    check(seed, solver)


@pytest.mark.parametrize("solver", SOLVERS)
@pytest.mark.parametrize("seed", REPLICATED)
def test_replication_matches_the_pairwise_reference(seed: int, solver: str) -> None:
    """A primary's replication to its copy, priced in the reference on each pair of their
    options, in the objective, the budget and the spend of the primary's provider and site."""
    check(seed, solver, replication=True)


@pytest.mark.parametrize("solver", SOLVERS)
@pytest.mark.parametrize("seed", BALANCER)
def test_a_balancer_beside_a_member_matches_the_reference(seed: int, solver: str) -> None:
    check(seed, solver, balancer=True)


@pytest.mark.slow
@pytest.mark.parametrize("solver", SOLVERS)
@pytest.mark.parametrize("seed", SLOW)
def test_replication_matches_the_pairwise_reference_on_many_instances(
    seed: int, solver: str
) -> None:
    check(seed, solver, replication=True)


@pytest.mark.slow
@pytest.mark.parametrize("solver", SOLVERS)
@pytest.mark.parametrize("seed", SLOW)
def test_a_balancer_beside_a_member_matches_the_reference_on_many_instances(
    seed: int, solver: str
) -> None:
    check(seed, solver, balancer=True)


def test_the_balancer_changes_the_optimum_of_the_seeds_that_test_it() -> None:
    """Not vacuous: without the balancer's row the reference finds a cheaper plan."""
    changed = 0
    for seed in BALANCER:
        instance = random_instance(seed, balancer=True)
        with_row = reference_optimum(instance)
        without = reference_optimum(dataclasses.replace(instance, balancers={}))
        if with_row is not None and without is not None:
            changed += with_row > without + 1e-6
    assert changed >= 4


def test_the_generator_reaches_every_constraint_family() -> None:
    seen: set[str] = set()
    for seed in FAST:
        instance = random_instance(seed)
        p = instance.policy
        seen.update(
            name
            for name, on in [
                ("colocation", any(u.group for u in instance.units.units)),
                ("anti_affinity", any(u.anti for u in instance.units.units)),
                ("providers", p.min_providers > 1 or p.max_providers is not None),
                ("spend_share", p.max_spend_share is not None),
                ("capacity", bool(p.capacity)),
                ("budget", p.monthly_budget is not None),
                ("pruning", instance.units.pruned > 0),
                ("infeasible", reference_optimum(instance) is None),
            ]
            if on
        )
    assert seen == {
        "colocation",
        "anti_affinity",
        "providers",
        "spend_share",
        "capacity",
        "budget",
        "pruning",
        "infeasible",
    }


@pytest.mark.parametrize("seed", FAST)
def test_at_the_time_limit_the_first_plan_is_the_plan(seed: int, monkeypatch) -> None:
    """When HiGHS's search stops without a plan, the first plan (from the relaxation) comes back
    with its bound; never a plan that breaks a constraint, and "infeasible" only from the solver."""
    from cloudexit.optimise import decide as decide_module
    from cloudexit.optimise.milp import Solution

    instance = random_instance(seed)
    expected = reference_optimum(instance)
    monkeypatch.setattr(
        decide_module.highs, "solve", lambda *a, **k: Solution(status=SolveStatus.NOT_SOLVED)
    )
    decision = decide(instance.units, instance.inventory, instance.policy)
    if not decision.greedy_broken:
        assert decision.solution.status == SolveStatus.OPTIMAL
        return
    if decision.solution.status == SolveStatus.NOT_SOLVED:
        assert decision.assignment == {}
        return
    assert expected is not None
    assert decision.solution.status in (SolveStatus.FEASIBLE, SolveStatus.OPTIMAL)
    assert (
        violations(decision.assignment, instance.units, instance.inventory, instance.policy) == []
    )
    value = assignment_objective(decision.assignment, instance.units)
    assert value >= expected - 1e-6
    if decision.solution.status == SolveStatus.OPTIMAL:
        # Stopped before the search: the first plan met the relaxation's bound.
        assert value == pytest.approx(expected, rel=1e-9, abs=1e-6)
    assert decision.solution.bound is not None and decision.solution.bound <= expected + 1e-6


def test_the_rounded_relaxation_usually_meets_the_policy() -> None:
    from cloudexit.optimise.decide import assignment_of
    from cloudexit.optimise.rounding import round_relaxation

    met = tried = 0
    for seed in range(40):
        instance = random_instance(seed)
        greedy = {rid: u.rows[0] for u in instance.units.units for rid in u.members}
        if not violations(greedy, instance.units, instance.inventory, instance.policy):
            continue
        if reference_optimum(instance) is None:
            continue
        tried += 1
        rounded = round_relaxation(instance.units.units, instance.policy)
        if rounded is None:
            continue
        plan = assignment_of(instance.units, rounded.counts)
        met += not violations(plan, instance.units, instance.inventory, instance.policy)
    assert tried >= 10 and met >= tried // 2, (met, tried)


def _without_estate_wide_limits(instance: Instance) -> None:
    """Drop every limit that binds the whole estate, so the parts may be solved alone (HiGHS)."""
    instance.policy = instance.policy.model_copy(
        update={
            "min_providers": 1,
            "max_providers": None,
            "max_spend_share": None,
            "capacity": [],
            "monthly_budget": None,
            "solver": instance.policy.solver.model_copy(update={"name": "highs"}),
        }
    )


@pytest.mark.parametrize("seed", range(40))
def test_without_estate_wide_limits_the_parts_solved_alone_give_the_reference_optimum(
    seed: int,
) -> None:
    from cloudexit.optimise import components

    instance = random_instance(seed)
    _without_estate_wide_limits(instance)
    assert not components.estate_wide(instance.policy)
    parts = components.components(instance.units)
    grouped = {u.key for u in instance.units.units if u.group or u.anti}
    assert {u.key for units, _ in parts for u in units} == grouped
    reached = reaches_reference(instance, seed)
    if reached is not None:
        decision, expected = reached
        assert decision.solution.objective == pytest.approx(expected, rel=1e-9, abs=1e-6)


@pytest.mark.parametrize("seed", BALANCER)
def test_without_estate_wide_limits_a_balancer_is_solved_with_its_members(seed: int) -> None:
    from cloudexit.optimise import components

    instance = random_instance(seed, balancer=True)
    _without_estate_wide_limits(instance)
    (balancer,) = [u for u in instance.units.units if u.fronts]
    (part,) = [units for units, _ in components.components(instance.units) if balancer in units]
    in_part = {rid for u in part for rid in u.members}
    assert set(balancer.fronts) <= in_part
    reaches_reference(instance, seed)


def test_the_regret_greedy_puts_a_balancer_beside_a_member() -> None:
    from cloudexit.optimise.decide import assignment_of
    from cloudexit.optimise.regret import regret_greedy

    planned = 0
    for seed in BALANCER:
        instance = random_instance(seed, balancer=True)
        counts = regret_greedy(instance.units, instance.policy)
        if counts is None:
            continue
        planned += 1
        plan = assignment_of(instance.units, counts)
        (members,) = instance.balancers.values()
        assert plan["lb"].site in {plan[m].site for m in members}, seed
    assert planned >= 3
