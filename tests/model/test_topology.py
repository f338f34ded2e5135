"""Typed topology: attachments implied by dependencies, 1.0 inventories migrated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cloudexit.errors import InputError
from cloudexit.model.inventory import Inventory
from cloudexit.model.io import load_inventory
from tests.helpers import https_in, inventory, resource, v1_security_group


def test_attachments_follow_dependencies_between_kinds_that_live_together() -> None:
    inv = Inventory.model_validate(
        inventory(
            resource("vm", depends_on=["disk", "sg"]),
            resource("disk", kind="storage.block", type="AWS::EC2::Volume"),
            resource("sg", kind="network.security_group", type="AWS::EC2::SecurityGroup"),
            resource(
                "pool", kind="kubernetes.node_pool", type="AWS::EKS::Nodegroup", depends_on=["k8s"]
            ),
            resource("k8s", kind="kubernetes.cluster", type="AWS::EKS::Cluster"),
            resource("app", depends_on=["vm"]),
        )
    )
    by_id = inv.by_id()
    assert [(a.relation, a.to) for a in by_id["disk"].topology.attachments] == [("volume", "vm")]
    assert [(a.relation, a.to) for a in by_id["pool"].topology.attachments] == [
        ("node_pool", "k8s")
    ]
    assert by_id["vm"].topology.security_groups == ["sg"]
    assert by_id["app"].topology.attachments == []  # a plain dependency is no attachment


def test_a_1_0_inventory_is_migrated(tmp_path: Path) -> None:
    data = inventory(
        v1_security_group(
            "sg",
            https_in("0.0.0.0/0"),
            {"direction": "ingress", "protocol": "tcp", "from_port": 22, "to_port": 22},
        ),
        resource(
            "gcp-fw",
            kind="network.security_group",
            type="compute.googleapis.com/Firewall",
            attributes={"details": {"allowed": [{"IPProtocol": "tcp"}], "direction": "INGRESS"}},
        ),
        resource(
            "net",
            kind="network.vpc",
            type="AWS::EC2::VPC",
            attributes={"details": {"cidr_block": "10.1.0.0/16"}},
        ),
    )
    assert data["schema_version"] == "1.0"
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data))
    inv = load_inventory(path)
    by_id = inv.by_id()
    rules = by_id["sg"].topology.firewall_rules
    assert [(r.direction, r.protocol, r.ports[0].low, r.sources[0].value) for r in rules] == [
        ("ingress", "tcp", 443, "0.0.0.0/0")
    ]
    assert by_id["net"].topology.cidrs == ["10.1.0.0/16"]
    problems = {(i.resource_id, i.code) for i in inv.issues}
    # The rule without a range and the GCP-shaped rules are reported, not guessed.
    assert problems == {("sg", "unsupported_rule"), ("gcp-fw", "unsupported_rule")}


def test_an_unknown_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.json"
    path.write_text(json.dumps({"schema_version": "9.0", "resources": []}))
    with pytest.raises(InputError, match="schema_version '9.0' is not supported"):
        load_inventory(path)
