"""An Azure machine behind a subnet NSG and a NIC NSG is reached only where both allow: a port
one of them opens to the internet and the other shuts is not reported open, and the Terraform
written for the machine is no wider than what both let through."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import hcl2
import pytest

import cloudexit
from cloudexit.importers import import_files

# the subnet's group as azurerm writes it: only RDP from anywhere (SSH falls to DenyAllInBound)
_SUBNET_RULE = {
    "access": "Allow",
    "description": "",
    "destination_address_prefix": "*",
    "destination_address_prefixes": [],
    "destination_application_security_group_ids": [],
    "destination_port_range": "3389",
    "destination_port_ranges": [],
    "direction": "Inbound",
    "name": "allow_rdp_in",
    "priority": 100,
    "protocol": "Tcp",
    "source_address_prefix": "*",
    "source_address_prefixes": [],
    "source_application_security_group_ids": [],
    "source_port_range": "*",
    "source_port_ranges": [],
}


def _with_subnet_group(plan: dict[str, Any]) -> dict[str, Any]:
    """The real plan, its one subnet given a network security group of its own."""
    out = copy.deepcopy(plan)
    out["resource_changes"] += [
        {
            "address": "azurerm_network_security_group.subnet",
            "mode": "managed",
            "type": "azurerm_network_security_group",
            "name": "subnet",
            "provider_name": "azurerm",
            "change": {
                "actions": ["create"],
                "before": None,
                "after": {
                    "name": "internal-nsg",
                    "resource_group_name": "tfctagcheck-rg",
                    "location": "westeurope",
                    "security_rule": [_SUBNET_RULE],
                    "timeouts": None,
                },
                "after_unknown": {"id": True},
            },
        },
        {
            "address": "azurerm_subnet_network_security_group_association.internal",
            "mode": "managed",
            "type": "azurerm_subnet_network_security_group_association",
            "name": "internal",
            "provider_name": "azurerm",
            "change": {
                "actions": ["create"],
                "before": None,
                "after": {"timeouts": None},
                "after_unknown": {"id": True, "subnet_id": True, "network_security_group_id": True},
            },
        },
    ]
    out["configuration"]["root_module"]["resources"] += [
        {
            "address": "azurerm_network_security_group.subnet",
            "mode": "managed",
            "type": "azurerm_network_security_group",
            "name": "subnet",
            "provider_config_key": "azurerm",
            "expressions": {"name": {"constant_value": "internal-nsg"}},
            "schema_version": 0,
        },
        {
            "address": "azurerm_subnet_network_security_group_association.internal",
            "mode": "managed",
            "type": "azurerm_subnet_network_security_group_association",
            "name": "internal",
            "provider_config_key": "azurerm",
            "expressions": {
                "subnet_id": {"references": ["azurerm_subnet.internal"]},
                "network_security_group_id": {
                    "references": ["azurerm_network_security_group.subnet"]
                },
            },
            "schema_version": 0,
        },
    ]
    return out


def _layered(shared_dir: Path, folder: Path, target: str) -> cloudexit.Plan:
    source = shared_dir / "corpus" / "tfplan-azure-vms-tfcompliance.json"
    path = folder / "plan.json"
    path.write_text(json.dumps(_with_subnet_group(json.loads(source.read_text()))))
    inventory = import_files([path], planned=True)
    machines = [r for r in inventory.resources if r.kind.value == "compute.vm"]
    assert len(machines) == 2
    assert all(len(m.topology.subnet_security_groups) == 1 for m in machines)
    return cloudexit.plan(inventory, cloudexit.Policy(targets=[target]))


@pytest.fixture(scope="module")
def layered_plan(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> cloudexit.Plan:
    return _layered(shared_dir, tmp_path_factory.mktemp("nsg"), "ovhcloud")


def _open(plan: cloudexit.Plan) -> list[str]:
    return [w for w in plan.warnings if w.startswith("source firewall rule open to the internet")]


def test_ssh_the_nic_group_opens_and_the_subnet_group_shuts_is_not_open(
    layered_plan: cloudexit.Plan,
) -> None:
    assert not [w for w in _open(layered_plan) if "SSH 22" in w]


def test_rdp_both_groups_open_is_open_in_each_of_them(shared_dir: Path, tmp_path: Path) -> None:
    # Scaleway prices the Windows machine's licence: it moves, behind both groups
    moved = _layered(shared_dir, tmp_path, "scaleway")
    rdp = [w for w in _open(moved) if "RDP 3389" in w]
    assert any("in group mywinvm-nsg " in w for w in rdp)
    assert any("in group internal-nsg " in w for w in rdp)
    assert len(_open(moved)) == len(rdp) == 2


def test_the_group_of_a_machine_kept_on_the_source_is_not_warned(
    layered_plan: cloudexit.Plan,
) -> None:
    # OVHcloud prices no Windows licence: the Windows machine and its NIC group stay on Azure
    assert not [w for w in _open(layered_plan) if "in group mywinvm-nsg " in w]


def test_the_linux_machine_s_written_group_does_not_open_ssh_to_the_internet(
    layered_plan: cloudexit.Plan, tmp_path: Path
) -> None:
    cloudexit.emit(layered_plan, tmp_path / "out")
    blocks: dict[tuple[str, str], dict[str, Any]] = {}
    for path in sorted((tmp_path / "out" / "terraform").rglob("*.tf")):
        for entry in hcl2.loads(path.read_text()).get("resource", []):
            for rtype, named in entry.items():
                for name, body in named.items():
                    blocks[(rtype.strip('"'), name.strip('"'))] = body
    servers = [b for (t, _), b in blocks.items() if t == "ovh_cloud_instance"]
    assert len(servers) == 1  # the Windows machine has no licence price on this target
    (ref,) = servers[0]["security_group_ids"]
    group = blocks[("ovh_cloud_security_group", ref.strip("${}").split(".")[1])]
    inbound = [
        {k: str(v).strip('"') for k, v in r.items()}
        for r in group["rule"]
        if str(r["direction"]).strip('"') == "ingress"
    ]
    assert any(r.get("port_range_min") == "22" for r in inbound)
    assert not [
        r
        for r in inbound
        if r.get("port_range_min") == "22" and r["remote_ip_prefix"] == "0.0.0.0/0"
    ]
