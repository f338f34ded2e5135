"""The priced bound and the search around it against the independent one-binary model.

On random small instances with every constraint family: the bound is never above the optimum,
never below the bound with no estate-wide limit, and the search's plan meets every constraint
and is never below the optimum. A few seeds run with the suite; ``pytest -m slow`` runs more.
"""

from __future__ import annotations

import pytest

from cloudexit.model.plan import SolveStatus
from cloudexit.optimise import highs, lagrange
from cloudexit.optimise.checks import violations
from cloudexit.optimise.decide import assignment_of, decide, separate_bound
from cloudexit.optimise.units import assignment_objective
from tests.optimise.exactness import random_instance, reference_optimum

FAST = [1, 4, 7, 10, 13, 14, 17, 25, 1078, 1151]
SLOW = range(2000, 2150)


def check(seed: int, region_share: bool) -> None:
    instance = random_instance(seed, region_share)
    units, policy = instance.units, instance.policy
    optimum = reference_optimum(instance)
    found = lagrange.bound(units, policy, 30.0)
    assert found.value >= separate_bound(units) - 1e-6
    plan = found.plan()
    if plan is not None:
        # The prices' own choice, kept only when it is a plan.
        assert optimum is not None, f"seed {seed}: a plan for a policy that cannot be met"
        assignment = assignment_of(units, plan)
        assert sorted(assignment) == sorted(instance.rows_of), seed
        assert violations(assignment, units, instance.inventory, policy) == [], seed
        assert assignment_objective(assignment, units) >= optimum - 1e-6, seed
    if optimum is None:
        return
    assert found.value <= optimum + 1e-6 * max(1.0, abs(optimum)), (
        f"seed {seed}: bound {found.value} above the optimum {optimum}"
    )
    counts, _ = lagrange.searched(units, policy, found, 30.0, 1e-4)
    if counts is None:
        return
    assignment = assignment_of(units, counts)
    if len(assignment) < len(instance.rows_of):
        return
    if violations(assignment, units, instance.inventory, policy):
        return
    assert assignment_objective(assignment, units) >= optimum - 1e-6


@pytest.mark.parametrize("region_share", [False, True])
@pytest.mark.parametrize("seed", FAST)
def test_the_priced_bound_is_below_the_optimum(seed: int, region_share: bool) -> None:
    check(seed, region_share)


@pytest.mark.slow
@pytest.mark.parametrize("region_share", [False, True])
@pytest.mark.parametrize("seed", SLOW)
def test_the_priced_bound_is_below_the_optimum_on_many_instances(
    seed: int, region_share: bool
) -> None:
    check(seed, region_share)


def test_the_fast_seeds_reach_every_constraint_family_and_a_priced_limit() -> None:
    seen: set[str] = set()
    for seed in FAST:
        for region_share in (False, True):
            instance = random_instance(seed, region_share)
            p = instance.policy
            optimum = reference_optimum(instance)
            bound = lagrange.bound(instance.units, p, 30.0).value
            seen.update(
                name
                for name, on in [
                    ("colocation", any(u.group for u in instance.units.units)),
                    ("anti_affinity", any(u.anti for u in instance.units.units)),
                    ("providers", p.max_providers is not None),
                    ("spend_share", p.max_spend_share is not None),
                    ("region_share", p.max_region_spend_share is not None),
                    ("capacity", bool(p.capacity)),
                    ("budget", p.monthly_budget is not None),
                    ("feasible", optimum is not None),
                    # The prices raise the bound above the one with no estate-wide limit.
                    ("priced", bound > separate_bound(instance.units) + 1e-6),
                    ("exact", optimum is not None and bound >= optimum - 1e-6),
                ]
                if on
            )
    assert seen == {
        "colocation",
        "anti_affinity",
        "providers",
        "spend_share",
        "region_share",
        "capacity",
        "budget",
        "feasible",
        "priced",
        "exact",
    }


@pytest.mark.parametrize("seed", [6, 29, 49])
def test_the_decision_closes_the_gap_without_the_relaxation(seed: int, monkeypatch) -> None:
    """When the priced bound and the search around it close the gap, the LP relaxation is not
    needed: the plan is optimal with no relaxation solved."""
    from cloudexit.optimise import decide as decide_module

    instance = random_instance(seed)
    optimum = reference_optimum(instance)
    assert optimum is not None

    def no_relaxation(*args: object, **kwargs: object) -> None:
        raise AssertionError("the relaxation was solved")

    monkeypatch.setattr(decide_module, "relax", no_relaxation)
    decision = decide(instance.units, instance.inventory, instance.policy)
    assert decision.solution.status == SolveStatus.OPTIMAL
    assert decision.solution.objective == pytest.approx(optimum, rel=1e-9, abs=1e-6)
    assert decision.solution.bound is not None
    assert decision.solution.bound <= optimum + 1e-6


def test_settling_the_classes_left_one_option_keeps_the_search_optimum() -> None:
    """The search's model holds only the classes still in doubt, the settled ones moving the
    estate-wide rows: its optimum is that of the model of every class with the same options."""
    mixed = 0
    for seed in FAST:
        for region_share in (False, True):
            instance = random_instance(seed, region_share)
            units = instance.units
            exact = instance.policy.solver.model_copy(update={"gap": 0.0})
            policy = instance.policy.model_copy(update={"solver": exact})
            found = lagrange.bound(units, policy, 30.0)
            assert found.flat is not None and found.priced is not None
            natural = lagrange._open(units, found.flat, found.priced, 0.05, None)
            loose, _ = lagrange._settled(units, policy, found.flat, natural)
            mixed += bool(loose.any() and not loose.all())
            parts = [
                lagrange._narrowed(u, natural, int(found.flat.first[i]))[0]
                for i, u in enumerate(units.units)
            ]
            whole = highs.solve(parts, policy, units.links, units.egress_eur_gib, time_limit=30.0)
            counts, _ = lagrange.searched(units, policy, found, 30.0, 0.05)
            if whole.status == SolveStatus.INFEASIBLE:
                assert counts is None, seed
                continue
            assert whole.status == SolveStatus.OPTIMAL and counts is not None, seed
            value = assignment_objective(assignment_of(units, counts), units)
            assert value == pytest.approx(whole.objective, rel=1e-9, abs=1e-6), seed
    assert mixed >= 3


def test_with_passes_at_least_the_prices_go_on_past_a_spent_limit_until_they_give_a_plan() -> None:
    """No time left (as when a loaded machine spends the limit reading the options): the price
    search stops cut, unless it is given passes at least, and then goes on until its prices
    give a plan, or, when none does, ends where a long limit ends."""
    stopped_at_a_plan = converged = 0
    for seed in FAST:
        instance = random_instance(seed)
        units, policy = instance.units, instance.policy
        full = lagrange.bound(units, policy, 30.0)
        if full.evaluations < 3 or full.cut:
            continue
        assert lagrange.bound(units, policy, 0.0).cut
        late = lagrange.bound(units, policy, 0.0, at_least=1e6)
        if late.cut:
            plan = late.plan()
            assert plan is not None, seed
            assignment = assignment_of(units, plan)
            assert violations(assignment, units, instance.inventory, policy) == [], seed
            assert late.evaluations <= full.evaluations and late.value <= full.value, seed
            stopped_at_a_plan += 1
        else:
            assert late.value == full.value and late.evaluations == full.evaluations, seed
            converged += 1
    assert stopped_at_a_plan >= 2 and stopped_at_a_plan + converged >= 3


def test_the_prices_give_a_plan_on_a_good_share_of_instances_that_can_be_met() -> None:
    """The prices' own choice is a plan (a Lagrangian heuristic) on a good share of random
    instances, so a decision cut short often needs neither the search nor the regret greedy."""
    given = met = 0
    for seed in range(40):
        instance = random_instance(seed)
        if reference_optimum(instance) is None:
            continue
        met += 1
        given += lagrange.bound(instance.units, instance.policy, 30.0).has_plan
    assert 3 * given >= met, (given, met)
