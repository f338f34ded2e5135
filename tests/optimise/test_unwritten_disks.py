"""A machine's disk is warned about as not carried over only when no volume of its own writes it."""

from __future__ import annotations

from cloudexit.api import load_catalog, load_inventory, load_policy
from cloudexit.api import plan as make_plan
from cloudexit.model.inventory import Inventory
from cloudexit.model.kinds import Kind
from cloudexit.optimise.assumptions import unwritten_disk_warnings
from tests.helpers import EXAMPLE


def _estate() -> Inventory:
    return load_inventory(EXAMPLE / "inventory.json")


def test_disks_held_as_volumes_of_their_own_are_not_said_to_be_dropped() -> None:
    plan = make_plan(_estate(), load_policy(EXAMPLE / "policy.yaml"))
    assert not [w for w in plan.warnings if w.startswith("disk not carried over")]


def test_a_disk_no_volume_stands_for_is_still_named() -> None:
    inventory = _estate()
    plan = make_plan(inventory, load_policy(EXAMPLE / "policy.yaml"))
    resources = inventory.by_id()
    volumes = {r.id for r in inventory.resources if r.kind is Kind.BLOCK_VOLUME}
    vm = resources["arn:aws:ec2:us-east-1:123456789012:instance/i-0app01"]
    for rid in volumes:
        resources[rid].topology.attachments = [
            a for a in resources[rid].topology.attachments if a.to != vm.id
        ]
    lines = unwritten_disk_warnings(plan.placements, resources, load_catalog())
    assert [line for line in lines if "shop-app-1 (" in line], lines
    assert not [line for line in lines if "shop-app-2 (" in line], lines
