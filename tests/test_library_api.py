from __future__ import annotations

import json

import pytest

import cloudexit
from tests.helpers import fixture_catalog, inventory, resource


def test_load_plan_emit_from_python(tmp_path):
    path = tmp_path / "inventory.json"
    path.write_text(
        json.dumps(
            inventory(
                resource("i-1"),
                {
                    **resource("i-2", kind="security.identity", type="AWS::IAM::Role"),
                    "monthly_cost": None,
                },
            )
        )
    )
    inv = cloudexit.load_inventory(path)
    plan = cloudexit.plan(inv, cloudexit.Policy(targets=["scaleway"]), catalog=fixture_catalog())
    assert [p.choice.provider for p in plan.placements] == ["scaleway"]
    assert plan.placements[0].choice.product == "gp-2-8"
    assert [(u.resource_id, u.code) for u in plan.unplaced] == [("i-2", "not_migratable")]
    written = cloudexit.emit(plan, tmp_path / "out")
    assert tmp_path / "out" / "plan.json" in written
    assert cloudexit.Plan.model_validate_json((tmp_path / "out" / "plan.json").read_text()) == plan


def test_errors_are_typed_with_exit_codes(tmp_path):
    with pytest.raises(cloudexit.InputError) as error:
        cloudexit.load_inventory(tmp_path / "missing.json")
    assert error.value.exit_code == 2


def test_load_several_inventories_merges_them(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps(inventory(resource("i-1"))))
    b.write_text(json.dumps(inventory(resource("i-2"))))
    assert [r.id for r in cloudexit.load_inventory(a, b).resources] == ["i-1", "i-2"]
    b.write_text(json.dumps(inventory(resource("i-1"))))
    with pytest.raises(
        cloudexit.InputError, match="duplicate resource id 'i-1' across inventories"
    ):
        cloudexit.load_inventory(a, b)


def test_plan_with_retained_resources_round_trips_through_json(tmp_path):
    inv = cloudexit.Inventory.model_validate(
        inventory(resource("i-1"), resource("i-2", kind="security.identity", type="AWS::IAM::Role"))
    )
    plan = cloudexit.plan(inv, cloudexit.Policy(targets=["scaleway"]), catalog=fixture_catalog())
    retained = [p for p in plan.placements if p.choice.retain]
    assert retained and retained[0].choice.product is None
    cloudexit.emit(plan, tmp_path, catalog=fixture_catalog())
    assert cloudexit.Plan.model_validate_json((tmp_path / "plan.json").read_text()) == plan


def test_inventory_from_exports_through_the_library(tmp_path):
    state = tmp_path / "terraform.tfstate"
    state.write_text(
        json.dumps(
            {
                "version": 4,
                "terraform_version": "1.9.0",
                "resources": [
                    {
                        "mode": "managed",
                        "type": "aws_instance",
                        "name": "web",
                        "provider": 'provider["registry.terraform.io/hashicorp/aws"]',
                        "instances": [
                            {
                                "attributes": {
                                    "id": "i-1",
                                    "arn": "arn:aws:ec2:eu-west-1:1:instance/i-1",
                                    "instance_type": "m5.large",
                                    "tags": {"Name": "web"},
                                }
                            }
                        ],
                    }
                ],
            }
        )
    )
    inv = cloudexit.inventory("import", state)
    assert [(r.kind.value, r.attributes.instance_type) for r in inv.resources] == [
        ("compute.vm", "m5.large")
    ]
    with pytest.raises(cloudexit.InputError, match="unknown inventory source 'ibm'"):
        cloudexit.inventory("ibm")
