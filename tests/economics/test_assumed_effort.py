"""Engineer days per move and operations hours are user-set planning assumptions: marked so in
the data, set per kind in the policy, and the plan says how much of its cost rests on them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from cloudexit.catalog import load_catalog
from cloudexit.emit import emit
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.io import load_inventory, load_policy
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from cloudexit.optimise import plan
from cloudexit.optimise.running import running_cost_data
from tests.helpers import EXAMPLE, resource


def _example(**running: Any) -> Plan:
    policy = load_policy(EXAMPLE / "policy.yaml")
    if running:
        policy = policy.model_copy(
            update={"running_costs": policy.running_costs.model_copy(update=running)}
        )
    return plan(load_inventory(EXAMPLE / "inventory.json"), load_catalog(), policy)


def test_both_engineer_figures_are_marked_user_set_with_the_policy_field_that_sets_them() -> None:
    evidence = running_cost_data().evidence
    assert {k: v.evidence for k, v in evidence.items()} == {
        "operations_hours_month": "user_set",
        "effort_days": "user_set",
    }
    for figure, found in evidence.items():
        assert found.override == f"running_costs.{figure}"
        assert figure in type(Policy().running_costs).model_fields


def test_the_example_states_the_share_of_its_one_off_resting_on_engineer_days(
    tmp_path: Path,
) -> None:
    result = _example()
    t = result.totals
    assert t.assumed_one_off == t.one_off_parts["engineering"] > 0
    assert t.assumed_one_off_share == round(float(t.assumed_one_off / t.one_off_migration), 4)
    operations = sum(
        (
            p.choice.costs.get("operations", Decimal(0))
            for p in result.placements
            if not p.choice.retain
        ),
        Decimal(0),
    )
    assert t.assumed_monthly == operations > 0
    line = next(w for w in result.warnings if "rests on engineer days per move" in w)
    assert line.startswith(f"{t.assumed_one_off_share:.1%} of the one-off (EUR {t.assumed_one_off}")
    assert "running_costs.effort_days" in line
    assert any("operations hours" in w and "operations_hours_month" in w for w in result.warnings)
    emit(result, tmp_path, catalog=load_catalog())
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    assert "Resting on user-set planning assumptions no published source gives" in runbook


def test_the_policy_sets_the_engineer_days_of_a_kind_on_every_target() -> None:
    vm = Resource.model_validate(resource("vm"))
    chosen = Policy(
        targets=["ovhcloud", "scaleway", "ionos"],
        allow_retain=False,
        day_rate=Decimal(1000),
        running_costs={"effort_days": {Kind.VM: 3}},
    )
    result = plan(Inventory(resources=[vm]), load_catalog(), chosen)
    (placed,) = result.placements
    assert placed.choice.effort_days == 3
    assert placed.choice.one_off["engineering"] == Decimal(3000)
    line = next(w for w in result.warnings if "rests on engineer days per move" in w)
    assert "the policy's figures for every kind" in line


def test_no_engineering_no_assumption_line() -> None:
    vm = Resource.model_validate(resource("vm"))
    chosen = Policy(
        targets=["scaleway"], allow_retain=False, running_costs={"effort_days": {Kind.VM: 0}}
    )
    result = plan(Inventory(resources=[vm]), load_catalog(), chosen)
    assert result.totals.assumed_one_off == 0
    assert not [w for w in result.warnings if "engineer days per move" in w]
