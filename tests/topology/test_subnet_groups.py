"""Azure subnet NSGs reach the VMs in the subnet: a packet passes only when the NIC's NSG and
the subnet's NSG both allow it, so the target's one group holds what both allow, none wider."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from cloudexit.api import inventory as import_inventory
from cloudexit.model.inventory import Inventory
from cloudexit.model.kinds import Kind
from tests.topology.roundtrip import TARGETS, check_errors, render, source_tuples, terraform_rules
from tests.topology.roundtrip import within as inside
from tests.topology.test_end_to_end import DATA, _tag_ranges, assert_vms_keep_their_groups

SUBNET = "/virtualNetworks/shop-vnet/subnets/app"


def _rule(
    name: str, priority: int, ports: str, source: str, access: str = "Allow"
) -> dict[str, Any]:
    return {
        "name": name,
        "properties": {
            "access": access,
            "destinationAddressPrefix": "*",
            "destinationPortRange": ports,
            "direction": "Inbound",
            "priority": priority,
            "protocol": "Tcp",
            "sourceAddressPrefix": source,
            "sourcePortRange": "*",
        },
    }


def _estate(tmp_path: Path, nic_group: bool) -> Inventory:
    """The recorded estate, with the app subnet behind an NSG of its own (shaped on the recorded
    web-nsg): HTTPS from the Internet on 443 only, SSH from half the office range, and port
    8443 denied."""
    rows = json.loads((DATA / "azure" / "resources.json").read_text())["rows"]
    web_nsg = next(r for r in rows if r["name"] == "web-nsg")
    subnet_nsg = copy.deepcopy(web_nsg)
    subnet_nsg["id"] = web_nsg["id"].replace("web-nsg", "app-subnet-nsg")
    subnet_nsg["name"] = "app-subnet-nsg"
    subnet_nsg["properties"]["securityRules"] = [
        _rule("deny-8443", 100, "8443", "*", access="Deny"),
        _rule("allow-https", 110, "443", "Internet"),
        _rule("allow-ssh-office-half", 120, "22", "203.0.113.128/25"),
    ]
    for row in rows:
        for sub in (
            row.get("properties", {}).get("subnets", []) if row["name"] == "shop-vnet" else []
        ):
            if sub["id"].endswith(SUBNET):
                sub["properties"]["networkSecurityGroup"] = {"id": subnet_nsg["id"]}
        if row["name"] == "web-1-nic" and not nic_group:
            del row["properties"]["networkSecurityGroup"]
    listing = tmp_path / "arm.json"
    listing.write_text(json.dumps({"value": [*rows, subnet_nsg]}), encoding="utf-8")
    return import_inventory("import", listing)


def _web(inv: Inventory) -> Any:
    return next(r for r in inv.resources if r.kind == Kind.VM and r.name == "web-1")


def _group(inv: Inventory, name: str) -> Any:
    return next(r for r in inv.resources if r.kind == Kind.SECURITY_GROUP and r.name == name)


def test_a_vm_behind_a_nic_and_a_subnet_nsg_gets_what_both_allow(tmp_path: Path) -> None:
    inv = _estate(tmp_path, nic_group=True)
    vm = _web(inv)
    nic, subnet = _group(inv, "web-nsg"), _group(inv, "app-subnet-nsg")
    assert vm.topology.security_groups == [nic.id]
    assert vm.topology.subnet_security_groups == [subnet.id]
    # Service tags (VirtualNetwork, Internet) as the translator maps them.
    nic_rules = source_tuples(nic.topology.firewall_rules) | _tag_ranges(nic, inv)
    subnet_rules = source_tuples(subnet.topology.firewall_rules) | _tag_ranges(subnet, inv)
    for provider, region in TARGETS:
        out = tmp_path / provider
        written = render(inv, provider, region, out)
        assert check_errors(out) == [], provider
        found: dict[str, set[Any]] = {}
        readme = ""
        for files in written.values():
            found |= terraform_rules(provider, files.get("security_groups.tf", ""))
            readme += files.get("README.md", "")
        layered = [k for k in found if k.endswith(f" {nic.id}&{subnet.id}")]
        assert len(layered) == 1, (provider, sorted(found))
        got = found[layered[0]]
        # Never wider than either layer ...
        assert all(inside(t, nic_rules) and inside(t, subnet_rules) for t in got), (provider, got)
        ingress = {t for t in got if t[0] == "ingress"}
        # ... and what both allow, one for one: 443 from anywhere, SSH from the narrower range.
        assert ("ingress", "tcp", 443, 443, "0.0.0.0/0") in ingress, provider
        assert ("ingress", "tcp", 22, 22, "203.0.113.128/25") in ingress, provider
        assert not any(t[2] == 8443 for t in ingress), provider
        assert ("ingress", "tcp", 22, 22, "203.0.113.0/24") not in ingress, provider
        assert "only what every layer allows" in readme, provider
    assert assert_vms_keep_their_groups(inv) >= len(TARGETS)


@pytest.mark.parametrize(("provider", "region"), TARGETS)
def test_a_vm_behind_a_subnet_nsg_only_gets_its_rules(
    tmp_path: Path, provider: str, region: str
) -> None:
    inv = _estate(tmp_path, nic_group=False)
    vm = _web(inv)
    subnet = _group(inv, "app-subnet-nsg")
    assert vm.topology.security_groups == []
    assert vm.topology.subnet_security_groups == [subnet.id]
    out = tmp_path / provider
    written = render(inv, provider, region, out)
    assert check_errors(out) == []
    text = "".join(f.get("security_groups.tf", "") for f in written.values())
    found = terraform_rules(provider, text)
    local = next(k for k in found if k.endswith(" " + subnet.id))
    assert ("ingress", "tcp", 443, 443, "0.0.0.0/0") in found[local]
    assert assert_vms_keep_their_groups(inv) >= 1
