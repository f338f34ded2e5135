from __future__ import annotations

import json
from decimal import Decimal

import pytest

import cloudexit
from cloudexit.cli.main import run
from cloudexit.model import Inventory, Policy
from cloudexit.optimise import diagnose, plan_timed
from tests.helpers import FIXTURE_CATALOG, fixture_catalog, inventory, resource


def vms(n: int, **extra) -> list[dict]:
    return [resource(f"vm-{i:02d}", **extra) for i in range(n)]


def solve(resources: list[dict], **policy):
    policy.setdefault("targets", ["ovhcloud", "scaleway"])
    # Jurisdiction risk off unless a test sets it, so prices alone decide between the fixture providers.
    policy.setdefault("risk_weights", {"jurisdiction": 0})
    inv = Inventory.model_validate(inventory(*resources))
    return cloudexit.plan(inv, Policy(**policy), catalog=fixture_catalog())


def sites(plan) -> dict[str, str]:
    return {p.resource_id: f"{p.choice.provider}/{p.choice.region}" for p in plan.placements}


def test_unconstrained_plan_takes_each_resources_cheapest_option_without_a_solver():
    plan = solve(vms(3), allow_retain=False)
    # gp-2-8 at Scaleway (0.045 EUR/h) beats b-2-8 at OVHcloud (0.05) in the fixture catalogue.
    assert {p.choice.product for p in plan.placements} == {"gp-2-8"}
    assert plan.solver.solver == "none" and plan.solver.status.value == "optimal"
    assert plan.solver.gap == 0
    assert plan.baseline.violations == [] and plan.baseline.saving == 0


def test_identical_resources_share_one_class():
    plan = solve(vms(30), allow_retain=False, max_spend_share=0.6)
    assert plan.solver.classes == 1
    counts = {}
    for p in plan.placements:
        counts[p.choice.provider] = counts.get(p.choice.provider, 0) + 1
    # 30 VMs, no provider above 60 % of spend: the known optimum puts as many as allowed on the cheaper one.
    spend = {
        p: sum(float(x.choice.monthly_cost) for x in plan.placements if x.choice.provider == p)
        for p in counts
    }
    assert max(spend.values()) <= 0.6 * sum(spend.values()) + 1e-6
    assert counts["scaleway"] == 18 and counts["ovhcloud"] == 12


def test_a_region_no_better_than_another_of_the_same_provider_is_pruned_but_still_the_runner_up():
    plan = solve(vms(3), targets=["ovhcloud"], allow_retain=False)
    # b-2-8 costs the same in GRA and PAR: PAR adds nothing the solver could need.
    assert plan.solver.pruned_options == 1
    assert {p.choice.region for p in plan.placements} == {"GRA"}
    assert {(p.runner_up.region, p.runner_up.monthly_cost_delta) for p in plan.placements} == {
        ("PAR", 0)
    }


def test_a_regional_capacity_limit_keeps_every_region_of_its_provider():
    cap = [{"provider": "ovhcloud", "region": "GRA", "max_vcpu": 2}]
    plan = solve(vms(3), targets=["ovhcloud"], allow_retain=False, capacity=cap)
    assert plan.solver.pruned_options == 0
    # GRA and PAR cost the same: any split with at most one 2-vCPU machine in GRA is optimal.
    regions = [p.choice.region for p in plan.placements]
    assert len(regions) == 3 and regions.count("GRA") <= 1


def test_co_located_resources_keep_every_option():
    plan = solve(
        vms(3, tags={"app": "shop"}),
        targets=["ovhcloud"],
        allow_retain=False,
        colocation={"tag_keys": ["app"]},
    )
    assert plan.solver.pruned_options == 0
    assert len({p.choice.region for p in plan.placements}) == 1


def test_min_providers_forces_a_second_provider():
    plan = solve(vms(2), allow_retain=False, min_providers=2)
    assert {p.choice.provider for p in plan.placements} == {"ovhcloud", "scaleway"}
    assert plan.baseline.violations == ["min_providers 2: only 1 used"]
    assert Decimal(plan.baseline.objective) < Decimal(plan.solver.objective)


def test_max_providers_keeps_to_one():
    plan = solve(
        [
            *vms(1),
            resource(
                "pg",
                kind="database.postgresql",
                type="AWS::RDS::DBInstance",
                attributes={"vcpu": 4, "memory_gib": 16},
            ),
        ],
        allow_retain=False,
        max_providers=1,
    )
    assert {p.choice.provider for p in plan.placements} == {"ovhcloud"}


def test_colocation_by_tag_puts_the_group_on_one_site():
    group = [
        resource("a", tags={"app": "x"}),
        resource(
            "pg",
            kind="database.postgresql",
            type="AWS::RDS::DBInstance",
            attributes={"vcpu": 4, "memory_gib": 16},
            tags={"app": "x"},
        ),
    ]
    plan = solve(group, allow_retain=False, colocation={"tag_keys": ["app"]})
    assert len(set(sites(plan).values())) == 1
    assert any("co-location" in v for v in plan.baseline.violations)


def _app_and_db() -> list[dict]:
    # Alone, the VM is cheapest at Scaleway and the database at OVHcloud (the fixture has no Scaleway PG).
    return [
        resource("a", depends_on=["pg"]),
        resource(
            "pg",
            kind="database.postgresql",
            type="AWS::RDS::DBInstance",
            attributes={"vcpu": 4, "memory_gib": 16},
        ),
    ]


def test_heavy_traffic_between_dependencies_keeps_them_together():
    plan = solve(
        _app_and_db(),
        allow_retain=False,
        colocation={"from_dependencies": True, "dependency_traffic_gib": 20000},
    )
    assert len(set(sites(plan).values())) == 1
    assert all(p.inter_site_monthly == 0 for p in plan.placements)


def test_light_traffic_between_dependencies_is_priced_not_forced():
    plan = solve(
        _app_and_db(),
        allow_retain=False,
        colocation={"from_dependencies": True, "dependency_traffic_gib": 10},
    )
    assert {p.resource_id: p.choice.provider for p in plan.placements} == {
        "a": "scaleway",
        "pg": "ovhcloud",
    }
    # 10 GiB a month, half sent from each side at 0.01 EUR/GiB.
    assert {p.resource_id: p.inter_site_monthly for p in plan.placements} == {
        "a": Decimal("0.05"),
        "pg": Decimal("0.05"),
    }
    assert any("dependency_traffic_gib" in w for w in plan.warnings)


def test_a_dependency_only_the_source_can_take_never_makes_the_plan_infeasible():
    # The role has no target (not migratable); the VM still moves and pays for its traffic back to the source.
    group = [
        resource("a", depends_on=["role"]),
        resource("role", kind="security.identity", type="AWS::IAM::Role"),
    ]
    plan = solve(group, colocation={"from_dependencies": True, "dependency_traffic_gib": 10})
    assert plan.solver.status.value == "optimal"
    assert sites(plan)["a"] in (
        "scaleway/fr-par",
        "scaleway/nl-ams",
        "ovhcloud/GRA",
        "ovhcloud/PAR",
    )


def _vm_and_disk(attached: bool) -> list[dict]:
    disk = resource(
        "disk", kind="storage.block", type="AWS::EC2::Volume", attributes={"storage_gib": 500}
    )
    # The disk alone is cheapest at OVHcloud (0.04 EUR/GiB against 0.08), the VM at Scaleway.
    return [resource("vm", depends_on=["disk"] if attached else []), disk]


def test_an_attached_disk_goes_where_its_vm_goes_whatever_the_policy():
    apart = solve(_vm_and_disk(attached=False), allow_retain=False)
    assert len(set(sites(apart).values())) == 2
    together = solve(_vm_and_disk(attached=True), allow_retain=False)
    assert len(set(sites(together).values())) == 1
    assert together.baseline.violations
    assert together.baseline.violations[0].startswith("the attachment of disk and vm, split over")


def test_a_co_location_group_no_target_can_hold_stays_together_on_the_source():
    # vm-x can only go to Scaleway, vm-y only to OVHcloud: no common target site, so both are kept.
    group = [resource("vm-x", tags={"app": "x"}), resource("vm-y", tags={"app": "x"})]
    rules = [
        {"match": {"ids": ["vm-x"]}, "pin": "scaleway"},
        {"match": {"ids": ["vm-y"]}, "pin": "ovhcloud"},
    ]
    plan = solve(group, colocation={"tag_keys": ["app"]}, providers=rules)
    assert plan.solver.status.value == "optimal"
    assert {p.choice.retain for p in plan.placements} == {True}
    refused = solve(group, colocation={"tag_keys": ["app"]}, providers=rules, allow_retain=False)
    assert refused.solver.status.value == "infeasible"
    # The message says where each member could go, so the conflict can be seen and fixed.
    reasons = {u.reason for u in refused.unplaced}
    assert any(
        "co-location group app=x" in r
        and "vm-x: only scaleway/" not in r  # two Scaleway regions in the fixture
        and "vm-x: scaleway/fr-par, scaleway/nl-ams" in r
        and "vm-y: ovhcloud/GRA, ovhcloud/PAR" in r
        for r in reasons
    ), reasons


def test_a_group_with_no_common_site_is_named_without_a_solver_run_per_constraint_family(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Read off the options, the conflict is proven; dropping each family in turn would build and
    solve the whole model six more times, which at 100,000 resources costs more than the plan."""
    group = [resource("vm-x", tags={"app": "x"}), resource("vm-y", tags={"app": "x"})]
    rules = [
        {"match": {"ids": ["vm-x"]}, "pin": "scaleway"},
        {"match": {"ids": ["vm-y"]}, "pin": "ovhcloud"},
    ]

    def no_probe(*args, **kwargs):
        raise AssertionError("a constraint family was probed")

    monkeypatch.setattr(diagnose.milp, "solve", no_probe)
    refused = solve(group, colocation={"tag_keys": ["app"]}, providers=rules, allow_retain=False)
    assert refused.solver.status.value == "infeasible"
    assert any("co-location group app=x" in w for w in refused.warnings), refused.warnings


def test_anti_affinity_splits_a_pair_across_regions():
    pair = vms(2, tags={"ha": "web"})
    plan = solve(pair, allow_retain=False, anti_affinity=[{"tag_key": "ha", "level": "region"}])
    assert len(set(sites(plan).values())) == 2
    plan = solve(pair, allow_retain=False, anti_affinity=[{"tag_key": "ha", "level": "provider"}])
    assert {p.choice.provider for p in plan.placements} == {"ovhcloud", "scaleway"}


def test_capacity_limits_a_provider():
    plan = solve(vms(4), allow_retain=False, capacity=[{"provider": "scaleway", "max_vcpu": 4}])
    on_scaleway = [p for p in plan.placements if p.choice.provider == "scaleway"]
    assert len(on_scaleway) == 2


def test_flavours_a_site_offers_limit_its_compute_products():
    only_gra = {"allowed_regions": ["ovhcloud/GRA"]}
    cheapest = solve(vms(2), targets=["ovhcloud"], allow_retain=False, residency=only_gra)
    assert {p.choice.product for p in cheapest.placements} == {"b-2-8"}
    offered = {"provider": "ovhcloud", "region": "GRA", "flavors": ["b-4-16", "c-8-16"]}
    plan = solve(
        vms(2), targets=["ovhcloud"], allow_retain=False, residency=only_gra, capacity=[offered]
    )
    assert {p.choice.product for p in plan.placements} == {"b-4-16"}


def test_a_site_offering_no_fitting_flavour_is_excluded_with_the_reason():
    offered = {"provider": "ovhcloud", "flavors": ["b-2-8"]}
    plan = solve(
        [resource("big", attributes={"vcpu": 8, "memory_gib": 16})],
        targets=["ovhcloud"],
        allow_retain=False,
        capacity=[offered],
    )
    assert plan.placements == []
    assert (
        "fits the sizing among the flavours the policy's capacity lists" in plan.unplaced[0].reason
    )


def test_budget_trades_risk_for_cost():
    expensive_risk = solve(vms(2), allow_retain=False, risk_weights={"jurisdiction": 1000})
    assert {p.choice.provider for p in expensive_risk.placements} == {"ovhcloud"}
    budget = Decimal(70)
    cheap = solve(
        vms(2), allow_retain=False, risk_weights={"jurisdiction": 1000}, monthly_budget=budget
    )
    assert sum(p.choice.monthly_cost for p in cheap.placements) <= budget
    assert "scaleway" in {p.choice.provider for p in cheap.placements}


def test_impossible_budget_names_the_constraint_and_the_cheapest_cost():
    plan = solve(vms(2), allow_retain=False, monthly_budget=Decimal(10))
    assert plan.solver.status.value == "infeasible"
    assert any("monthly_budget EUR 10 is below the cheapest placement" in w for w in plan.warnings)
    assert {u.code for u in plan.unplaced} == {"infeasible"}


def test_missing_certification_names_resources_and_kind():
    secret = vms(3, tags={"classification": "secret"})
    plan = solve(
        secret,
        allow_retain=False,
        targets=["scaleway"],
        certifications=[
            {"match": {"tags": {"classification": "secret"}}, "certifications": ["SecNumCloud"]}
        ],
    )
    assert (
        "3 resources tagged classification=secret need SecNumCloud; no option offers it for kind compute.vm"
        in plan.warnings
    )


def test_conflicting_colocation_and_anti_affinity_are_explained():
    pair = vms(2, tags={"ha": "x", "app": "y"})
    plan = solve(
        pair,
        allow_retain=False,
        colocation={"tag_keys": ["app"]},
        anti_affinity=[{"tag_key": "ha", "level": "region"}],
    )
    assert plan.solver.status.value == "infeasible"
    assert any("anti-affinity ha=x" in w and "co-location" in w for w in plan.warnings)


def test_runner_up_and_explain(tmp_path, capsys):
    plan = solve(vms(1), allow_retain=False)
    ru = plan.placements[0].runner_up
    assert ru is not None and (ru.provider, ru.region) != (
        plan.placements[0].choice.provider,
        plan.placements[0].choice.region,
    )
    cloudexit.emit(plan, tmp_path, catalog=fixture_catalog())
    assert run(["explain", str(tmp_path / "plan.json"), "vm-00"]) == 0
    out = capsys.readouterr().out
    assert "placed: scaleway/" in out and "runner-up:" in out
    assert run(["explain", str(tmp_path / "plan.json"), "nope"]) == 2


def test_frontier_trades_cost_for_sovereignty():
    inv = Inventory.model_validate(inventory(*vms(4)))
    plan, _ = plan_timed(
        inv,
        fixture_catalog(),
        Policy(targets=["ovhcloud", "scaleway"], allow_retain=False, min_providers=1),
        frontier=3,
    )
    risks = [p.risk for p in plan.frontier]
    costs = [Decimal(p.monthly_cost) for p in plan.frontier]
    assert risks == sorted(risks, reverse=True) and risks[-1] == 0
    assert costs == sorted(costs)


def test_cli_exit_2_on_infeasible_policy_keeps_the_plan(tmp_path, capsys):
    inv = tmp_path / "inventory.json"
    inv.write_text(json.dumps(inventory(*vms(2))))
    policy = tmp_path / "policy.yaml"
    policy.write_text("targets: [ovhcloud, scaleway]\nallow_retain: false\nmonthly_budget: 1\n")
    code = run(
        [
            "plan",
            str(inv),
            "--policy",
            str(policy),
            "--catalog",
            str(FIXTURE_CATALOG),
            "--out",
            str(tmp_path / "o"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "monthly_budget EUR 1 is below the cheapest placement" in err.splitlines()[-1]
    assert (tmp_path / "o" / "plan.json").exists()


@pytest.mark.parametrize("solver", ["cbc", "highs"])
def test_solvers_agree_and_runs_are_deterministic(solver):
    pytest.importorskip("highspy") if solver == "highs" else None
    resources = [
        *vms(2, tags={"ha": "a"}),
        *[resource(f"x-{i}", attributes={"vcpu": 4, "memory_gib": 16}) for i in range(5)],
    ]
    policy = {
        "allow_retain": False,
        "max_spend_share": 0.7,
        "anti_affinity": [{"tag_key": "ha", "level": "provider"}],
        "solver": {"name": solver},
    }
    first, second = solve(resources, **policy), solve(resources, **policy)
    assert first.model_dump_json() == second.model_dump_json()
    reference = solve(resources, **{**policy, "solver": {"name": "cbc"}})
    assert abs(float(first.solver.objective) - float(reference.solver.objective)) <= 1e-3 * float(
        reference.solver.objective
    )


CBC_STOPPED_ON_GAP = """Cbc0010I After 0 nodes, 1 on tree, 1878 best solution, best possible 1860.5 (0.07 seconds)
Cbc0010I After 100 nodes, 8 on tree, 1875 best solution, best possible 1871.25 (0.20 seconds)

Result - Optimal solution found (within gap tolerance)

Objective value:                1875.00000000
Lower bound:                    1873.883
Gap:                            0.00
Enumerated nodes:               100
"""

CBC_COMPLETED = """Cbc0010I After 0 nodes, 1 on tree, 1890 best solution, best possible 1860.5 (0.07 seconds)

Result - Optimal solution found

Objective value:                1887.00000000
Enumerated nodes:               4
"""


@pytest.mark.parametrize(
    ("log", "bound"),
    [
        (CBC_STOPPED_ON_GAP, 1873.883),
        (CBC_COMPLETED, 1887.0),
        ("Cbc0010I After 0 nodes, best possible 1860.5\n", None),
    ],
)
def test_cbc_bound_comes_from_the_final_result_not_a_progress_line(tmp_path, log, bound):
    from cloudexit.optimise.milp import _cbc_bound

    path = tmp_path / "cbc.log"
    path.write_text(log)
    assert _cbc_bound(path) == bound


def test_two_families_that_exclude_each_other_are_named_as_a_pair():
    # One resource cannot spread over two providers nor keep any one under 70 % of the spend;
    # each limit alone can be met, so dropping a single family does not help.
    plan = solve(vms(1), allow_retain=False, min_providers=2, max_spend_share=0.7)
    assert plan.solver.status.value == "infeasible"
    assert any("providers with spend_share" in w for w in plan.warnings)
    assert any("only 1 resource can move, fewer than min_providers" in w for w in plan.warnings)
    assert not any("conflict only in combination" in w for w in plan.warnings)
