"""A balancer, disk or address whose every member or machine stays on the source stays with them:
kept, at its cost today, in the kept-on-source figure, and never written at a target."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cloudexit import api
from cloudexit.catalog import load_catalog
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from cloudexit.optimise import plan
from tests.helpers import resource

HA = [{"tag_key": "ha-pair", "level": "region"}]


def _windows_member(rid: str, region: str) -> Resource:
    """A Windows VM no IONOS server is priced for, behind balancer ``lb``."""
    return Resource.model_validate(
        {
            **resource(rid),
            "region": region,
            "tags": {"ha-pair": "erp"},
            "attributes": {"vcpu": 2, "memory_gib": 8, "os": "windows"},
            "topology": {"attachments": [{"relation": "lb_member", "to": "lb"}]},
        }
    )


def _resource(rid: str, kind: str, type_: str, **more: Any) -> Resource:
    return Resource.model_validate(
        {**resource(rid, kind=kind), "type": type_, "attributes": {}, **more}
    )


def _plan(*resources: Resource, **policy: Any) -> Plan:
    return plan(Inventory(resources=list(resources)), load_catalog(), Policy(**policy))


@pytest.mark.parametrize("apart", [True, False], ids=["held-apart", "attached"])
def test_a_balancer_whose_members_all_stay_stays_with_them(apart: bool, tmp_path: Path) -> None:
    lb = _resource(
        "lb",
        "network.load_balancer",
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        monthly_cost=None,
    )
    regions = ["us-east-1", "eu-west-1"] if apart else ["us-east-1", "us-east-1"]
    result = _plan(
        _windows_member("a", regions[0]),
        _windows_member("b", regions[1]),
        lb,
        targets=["ionos"],
        anti_affinity=HA if apart else [],
    )
    by_id = {p.resource_id: p for p in result.placements}
    assert by_id["a"].choice.retain and by_id["b"].choice.retain
    kept = by_id["lb"]
    assert kept.choice.retain
    assert (kept.choice.provider, kept.choice.region) == ("aws", "us-east-1")
    assert kept.kept_with == "a"
    assert kept.reason == "kept with a (its members stay), which stays on the source"
    api.emit(result, tmp_path, catalog=load_catalog())
    assert not (tmp_path / "terraform").exists() or not list((tmp_path / "terraform").rglob("*.tf"))


def test_a_disk_of_a_kept_machine_is_kept_at_its_cost_today() -> None:
    vm = Resource.model_validate(
        {**resource("erp"), "attributes": {"vcpu": 2, "memory_gib": 8, "os": "windows"}}
    )
    disk = _resource(
        "erp-data",
        "storage.block",
        "AWS::EC2::Volume",
        attributes={"storage_gib": 100},
        monthly_cost={"amount": "10", "currency": "EUR", "source": "test"},
        topology={"attachments": [{"relation": "volume", "to": "erp"}]},
    )
    result = _plan(vm, disk, targets=["ionos"])
    by_id = {p.resource_id: p for p in result.placements}
    assert by_id["erp-data"].choice.retain
    assert by_id["erp-data"].kept_with == "erp"
    assert by_id["erp-data"].choice.monthly_cost == Decimal("10.00")
    assert result.unplaced == []
    assert result.totals.retained_monthly == by_id["erp"].choice.monthly_cost + Decimal(10)
    assert result.totals.unplaced_monthly == 0
    assert result.totals.target_monthly == 0


def test_a_part_of_a_machine_nothing_takes_or_keeps_is_not_placed() -> None:
    vm = Resource.model_validate(
        {**resource("erp"), "attributes": {"vcpu": 2, "memory_gib": 8, "os": "windows"}}
    )
    ip = _resource(
        "erp-ip",
        "network.public_ip",
        "AWS::EC2::EIP",
        monthly_cost=None,
        topology={"attachments": [{"relation": "public_ip", "to": "erp"}]},
    )
    result = _plan(vm, ip, targets=["ionos"], allow_retain=False)
    assert result.placements == []
    reasons = {u.resource_id: u.reason for u in result.unplaced}
    assert reasons["erp-ip"] == "kept with erp (attached to it), which no target takes"


def test_a_group_only_an_interface_of_a_kept_machine_names_is_kept_with_it() -> None:
    vm = Resource.model_validate(
        {**resource("erp"), "attributes": {"vcpu": 2, "memory_gib": 8, "os": "windows"}}
    )
    nic = _resource(
        "erp-nic",
        "network.interface",
        "AWS::EC2::NetworkInterface",
        monthly_cost=None,
        topology={
            "attachments": [{"relation": "network_interface", "to": "erp"}],
            "security_groups": ["erp-sg"],
        },
    )
    group = _resource(
        "erp-sg", "network.security_group", "AWS::EC2::SecurityGroup", monthly_cost=None
    )
    result = _plan(vm, nic, group, targets=["ionos"])
    by_id = {p.resource_id: p for p in result.placements}
    assert result.unplaced == []
    assert by_id["erp-sg"].choice.retain
    assert (
        by_id["erp-sg"].reason
        == "kept with erp (nothing naming it moves), which stays on the source"
    )
