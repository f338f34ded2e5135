from __future__ import annotations

import json

import pytest

from cloudexit.cli.main import run
from cloudexit.dependence.check import measure
from cloudexit.dependence.estate import after, before
from cloudexit.model.io import load_inventory, save
from cloudexit.model.limits import Limits
from cloudexit.model.policy import Policy
from tests.dependence.conftest import register, small_estate, write_yaml
from tests.emit.whole_plans import whole_plan
from tests.helpers import EXAMPLE


def metric(metrics, name):
    return next(m for m in metrics if m.name == name)


def test_non_eu_share_counts_us_clouds_and_not_eu_targets(catalog):
    inv = small_estate()
    today = measure(before(inv, Policy()), catalog, Limits(max_non_eu_spend_share=0.5))
    assert metric(today, "non_eu_spend_share").value == pytest.approx(1.0)
    assert metric(today, "non_eu_spend_share").status == "fail"
    moved = measure(
        after(whole_plan(inv, "ionos", "de/fra")), catalog, Limits(max_non_eu_spend_share=0.5)
    )
    assert metric(moved, "non_eu_resource_share").value == 0
    assert metric(moved, "non_eu_spend_share").status == "pass"


def test_provider_and_region_limits(catalog):
    limits = Limits(
        providers={"aws": {"max_resource_share": 0.4}},
        regions={"azure/westeurope": {"max_spend_share": 0.3}},
    )
    metrics = measure(before(small_estate(), Policy()), catalog, limits)
    assert metric(metrics, "provider_resource_share[aws]").value == pytest.approx(0.5)
    assert metric(metrics, "provider_resource_share[aws]").status == "fail"
    assert metric(metrics, "region_spend_share[azure/westeurope]").status == "pass"


def test_critical_functions_on_non_eu_suppliers(catalog):
    limits = Limits(max_critical_functions_on_non_eu_suppliers=1)
    metrics = measure(before(small_estate(), Policy()), catalog, limits, register())
    assert metric(metrics, "critical_functions_on_non_eu_suppliers").value == 2
    assert metric(metrics, "critical_functions_on_non_eu_suppliers").status == "fail"
    assert metric(metrics, "non_eu_critical_function_share").value == pytest.approx(0.5)


@pytest.fixture()
def example_plan(tmp_path):
    path = tmp_path / "plan.json"
    save(whole_plan(load_inventory(EXAMPLE / "inventory.json"), "scaleway", "fr-par"), path)
    return path


def test_check_fails_the_example_today_under_a_ten_percent_limit(tmp_path, capsys):
    policy = write_yaml(tmp_path / "p.yaml", {"limits": {"max_non_eu_spend_share": 0.10}})
    code = run(["check", str(EXAMPLE / "inventory.json"), "--policy", str(policy)])
    out = capsys.readouterr().out
    assert code == 1
    assert "FAILED" in out and "**FAIL**" in out


def test_check_passes_the_example_plan_under_the_example_policy_limits(example_plan, capsys):
    code = run(
        [
            "check",
            str(example_plan),
            "--policy",
            str(EXAMPLE / "policy.yaml"),
            "--suppliers",
            str(EXAMPLE / "suppliers.yaml"),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    assert "passed" in out


def test_check_reports_a_regression_against_a_baseline(tmp_path, example_plan, capsys):
    baseline = tmp_path / "baseline.json"
    assert run(["check", str(example_plan), "--format", "json", "--output", str(baseline)]) == 0
    capsys.readouterr()
    code = run(
        ["check", str(EXAMPLE / "inventory.json"), "--baseline", str(baseline), "--format", "json"]
    )
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert "non_eu_spend_share" in {r["name"] for r in report["regressions"]}


def test_terraform_plan_additions_are_flagged_and_checked(tmp_path, capsys):
    tfplan = tmp_path / "plan.json"
    tfplan.write_text(
        json.dumps(
            {
                "format_version": "1.2",
                "terraform_version": "1.9.0",
                "planned_values": {
                    "root_module": {
                        "resources": [
                            {
                                "address": "aws_route53_zone.main",
                                "mode": "managed",
                                "type": "aws_route53_zone",
                                "name": "main",
                                "provider_name": "registry.terraform.io/hashicorp/aws",
                                "values": {"name": "example.com"},
                            },
                            {
                                "address": "aws_instance.extra",
                                "mode": "managed",
                                "type": "aws_instance",
                                "name": "extra",
                                "provider_name": "registry.terraform.io/hashicorp/aws",
                                "values": {
                                    "instance_type": "m5.large",
                                    "availability_zone": "eu-west-1a",
                                },
                            },
                        ]
                    }
                },
                "resource_changes": [
                    {
                        "address": "aws_route53_zone.main",
                        "mode": "managed",
                        "type": "aws_route53_zone",
                        "name": "main",
                        "provider_name": "registry.terraform.io/hashicorp/aws",
                        "change": {
                            "actions": ["create"],
                            "before": None,
                            "after": {"name": "example.com"},
                        },
                    },
                    {
                        "address": "aws_instance.extra",
                        "mode": "managed",
                        "type": "aws_instance",
                        "name": "extra",
                        "provider_name": "registry.terraform.io/hashicorp/aws",
                        "change": {
                            "actions": ["create"],
                            "before": None,
                            "after": {
                                "instance_type": "m5.large",
                                "availability_zone": "eu-west-1a",
                            },
                        },
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    inv = tmp_path / "inventory.json"
    save(small_estate(), inv)
    code = run(["check", str(inv), "--terraform-plan", str(tfplan), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    added = {a["type"]: a for a in report["additions"]}
    assert added["aws_route53_zone"]["control_planes"] == ["aws Route 53 (us-east-1)"]
    assert added["aws_instance"]["jurisdiction"] == "non-EU"
    assert "provider_resource_share[aws]" in {r["name"] for r in report["regressions"]}


def test_sovereignty_limits_read_the_plans_roll_up(catalog):
    from cloudexit.model.sovereignty import EstateRollup, EstateSovereignty, ObjectiveRollup

    def rollup(stage, score, below):
        objective = ObjectiveRollup(
            objective="SOV-2",
            title="legal and jurisdictional",
            distribution={"3": 1.0},
            mean_level=3,
            below_minimum_share=below,
        )
        return EstateRollup(stage=stage, score=score, weight_total=1, objectives=[objective])

    plan = whole_plan(small_estate(), "ionos", "de/fra")
    plan.sovereignty = EstateSovereignty(
        weighting="spend", before=rollup("before", 20, 1.0), after=rollup("after", 61.5, 0.25)
    )
    limits = Limits(min_sovereignty_score=70, max_below_seal_share={"SOV-2": 0.3})
    metrics = measure(after(plan), catalog, limits)
    assert metric(metrics, "sovereignty_score").value == 61.5
    assert metric(metrics, "sovereignty_score").status == "fail"
    assert metric(metrics, "below_seal_share[SOV-2]").status == "pass"
