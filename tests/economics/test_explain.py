"""Explanations answer why: the binding constraint, the best other provider, every provider's reason."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import cloudexit
from cloudexit import api
from cloudexit.cli.main import app
from cloudexit.model import Inventory
from cloudexit.optimise.explain import unplaced_reason
from tests.helpers import inventory, resource


@pytest.fixture(scope="module")
def catalog():
    return api.load_catalog()


def estate() -> Inventory:
    return Inventory.model_validate(
        inventory(
            *(
                resource(
                    f"vm{i}",
                    attributes={"vcpu": 2, "memory_gib": 8},
                    monthly_cost={"amount": "90", "currency": "EUR", "source": "test"},
                )
                for i in range(4)
            )
        )
    )


def test_a_placement_off_its_best_option_names_the_constraint_that_binds(catalog):
    policy = cloudexit.Policy.model_validate(
        {"targets": ["ovhcloud", "scaleway"], "allow_retain": False, "max_spend_share": 0.75}
    )
    plan = cloudexit.plan(estate(), policy, catalog=catalog)
    forced = [p for p in plan.placements if not p.reason.startswith("lowest")]
    assert forced
    assert all("which would break max_spend_share 75%" in p.reason for p in forced)
    assert all("capacity" not in p.reason and "monthly budget" not in p.reason for p in forced)


def test_runner_up_is_on_another_provider(catalog):
    policy = cloudexit.Policy.model_validate(
        {"targets": ["ovhcloud", "scaleway"], "allow_retain": False}
    )
    plan = cloudexit.plan(estate(), policy, catalog=catalog)
    for p in plan.placements:
        assert p.runner_up is not None and p.runner_up.provider != p.choice.provider
        assert p.runner_up.score_delta is not None and p.runner_up.score_delta >= 0


def test_unplaced_reasons_name_every_provider():
    excluded = [
        "ovhcloud/GRA9: lacks SecNumCloud",
        "ovhcloud/SBG5: lacks SecNumCloud",
        "scaleway/fr-par: no database product on scaleway/fr-par fits the sizing",
        "ionos/de/fra: lacks SecNumCloud",
        "opennebula/default: no egress price for gcp/global",
    ]
    text = unplaced_reason(excluded)
    for provider in ("ionos", "opennebula", "ovhcloud", "scaleway"):
        assert f"{provider}: " in text
    assert "lacks SecNumCloud (2 regions)" in text


def test_explain_prints_the_binding_constraint_and_runner_up(catalog, tmp_path):
    policy = cloudexit.Policy.model_validate(
        {"targets": ["ovhcloud", "scaleway"], "allow_retain": False, "max_spend_share": 0.75}
    )
    plan = cloudexit.plan(estate(), policy, catalog=catalog)
    cloudexit.emit(plan, tmp_path, catalog=catalog)
    forced = next(p for p in plan.placements if not p.reason.startswith("lowest"))
    result = CliRunner().invoke(app, ["explain", str(tmp_path / "plan.json"), forced.resource_id])
    assert result.exit_code == 0, result.output
    assert "which would break max_spend_share" in result.output
    assert "runner-up: " in result.output and "EUR over 36 months" in result.output


def test_explain_prints_the_one_off_by_part(catalog, tmp_path):
    policy = cloudexit.Policy.model_validate({"targets": ["scaleway"], "allow_retain": False})
    plan = cloudexit.plan(estate(), policy, catalog=catalog)
    cloudexit.emit(plan, tmp_path, catalog=catalog)
    moved = next(p for p in plan.placements if p.choice.one_off.get("double_running"))
    result = CliRunner().invoke(app, ["explain", str(tmp_path / "plan.json"), moved.resource_id])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if x.startswith("  one-off: "))
    assert f"double running {moved.choice.one_off['double_running']:.2f}" in line
    assert f"engineering {moved.choice.one_off['engineering']:.2f}" in line
