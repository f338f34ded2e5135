"""Resources share repeated strings and field sets, and never see each other's changes."""

from __future__ import annotations

import copy
import json
from decimal import Decimal

from cloudexit.model.inventory import Inventory, MonthlyCost
from cloudexit.model.io import load_inventory
from cloudexit.model.plan import Option, PlacementValues
from tests.helpers import https_in, inventory, resource, v1_security_group


def _two() -> Inventory:
    data = inventory(
        resource("i-1", tags={"team": "payments", "env": "prod"}),
        resource("i-2", tags={"team": "payments", "env": "prod"}),
    )
    parsed = json.loads(json.dumps(data))  # one string object per value, as read from a file
    assert parsed["resources"][0]["region"] is not parsed["resources"][1]["region"]
    return Inventory.model_validate(parsed)


def test_equal_strings_and_field_sets_are_one_object():
    first, second = _two().resources
    assert first.region is second.region
    assert first.tags["team"] is second.tags["team"]
    assert first.model_fields_set is second.model_fields_set
    assert first.attributes.model_fields_set is second.attributes.model_fields_set


def test_a_field_given_later_is_set_on_that_model_only():
    first, second = _two().resources
    first.utilisation = None
    first.topology.security_groups = ["sg-1"]
    first.attributes.os = "linux"
    assert "utilisation" in first.model_fields_set
    assert "utilisation" not in second.model_fields_set
    assert "security_groups" not in second.topology.model_fields_set
    assert "os" not in second.attributes.model_fields_set
    assert second.model_dump(exclude_unset=True) == _two().resources[1].model_dump(
        exclude_unset=True
    )


def test_copies_keep_their_own_field_sets():
    first, second = _two().resources
    changed = first.model_copy(update={"planned": True})
    assert "planned" in changed.model_fields_set
    assert "planned" not in second.model_fields_set
    deep = copy.deepcopy(second)
    deep.monthly_cost = MonthlyCost(amount="1", currency="EUR", source="test")
    assert deep.model_fields_set == second.model_fields_set


def test_a_1_0_file_reads_as_the_same_inventory_as_its_content(tmp_path):
    data = inventory(
        v1_security_group("sg-1", https_in("10.0.0.0/8")),
        resource("i-1"),
    )
    path = tmp_path / "inventory.json"
    path.write_text(json.dumps(data))
    read = load_inventory(path)
    assert read == Inventory.model_validate(data)
    assert read.by_id()["sg-1"].topology.firewall_rules[0].ports[0].low == 443


def _plan_read_back():
    from cloudexit.model.plan import Plan
    from tests.emit.whole_plans import whole_plan

    plan = whole_plan(_two(), "scaleway", "fr-par")
    return Plan.model_validate_json(plan.model_dump_json()), plan


def test_placements_share_field_sets_and_keep_their_own_changes():
    read, built = _plan_read_back()
    for plan in (read, built):
        first, second = plan.placements
        assert first.model_fields_set is second.model_fields_set
        assert first.choice.model_fields_set is second.choice.model_fields_set
        assert first.choice.risk.model_fields_set is second.choice.risk.model_fields_set
    first, second = built.placements
    unchanged = second.model_dump(exclude_unset=True)
    first.size_after = "2 vCPU, 4 GiB"
    first.choice.risk.stake = 2.0
    first.choice.replicas = 2
    assert "size_after" in first.model_fields_set
    assert "size_after" not in second.model_fields_set
    assert "stake" not in second.choice.risk.model_fields_set
    assert second.model_dump(exclude_unset=True) == unchanged
    copied = second.model_copy(update={"reason": "moved"})
    assert copied.model_fields_set is not second.model_fields_set


def test_a_plan_read_back_with_shared_sets_writes_the_same_json():
    read, built = _plan_read_back()
    assert read.model_dump_json() == built.model_dump_json()


def _option(**given: object) -> Option:
    fields: dict[str, object] = {
        "provider": "ovhcloud",
        "region": "GRA",
        "monthly_cost": "12.30",
        "migration_cost": "40.00",
        "risk": {"jurisdiction": 1.0, "total": 1.0},
        "strategy": "rehost",
        "fidelity": "equivalent",
        "costs": {"compute": "12.30"},
        "one_off": {"engineering": "40.00"},
    }
    return Option.model_validate({**fields, **given})


def _dated(option: Option) -> Option:
    """As the one-off dating copies an option: new migration cost, egress and one-off parts."""
    return option.model_copy(
        update={
            "migration_cost": Decimal("52.30"),
            "switching_egress": Decimal("12.30"),
            "one_off": {"engineering": Decimal("40.00"), "switching_egress": Decimal("12.30")},
        }
    )


def test_a_dated_option_shares_its_new_values_with_those_already_shared() -> None:
    sharing = PlacementValues()
    undated = _option()
    sharing.option(undated)
    dated = _dated(undated)
    sharing.dated(dated, undated)
    assert dated.switching_egress is undated.monthly_cost  # the same text, one object
    assert dated.one_off["switching_egress"] is undated.monthly_cost
    assert dated.one_off["engineering"] is undated.migration_cost
    # what the copy holds of the undated option stays the one shared object
    assert dated.costs is undated.costs and dated.risk is undated.risk
    assert dated.model_dump() == _dated(_option()).model_dump()


def test_a_dated_option_whose_undated_one_was_not_shared_is_shared_whole() -> None:
    sharing = PlacementValues()
    first = _option(
        monthly_cost="7.00", costs={"compute": "7.00"}
    )  # alive, as placements keep theirs
    sharing.option(first)
    undated = _option(costs={"compute": "7.00", "storage": "5.30"})
    dated = _dated(undated)
    sharing.dated(dated, undated)
    seen = sharing._amounts
    assert dated.costs["compute"] is seen["7.00"]
    assert dated.one_off["switching_egress"] is seen["12.30"]
    assert first.costs["compute"] is seen["7.00"]
