"""A machine with two network interfaces is reached through each of them: a subnet NSG that
opens SSH to the internet is reported where one NIC has no NSG of its own, even though the
other NIC's NSG lets only HTTPS in."""

from __future__ import annotations

from typing import Any

import cloudexit
from cloudexit.model.inventory import Inventory
from tests.helpers import inventory, resource

RG = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers"
NET = f"{RG}/Microsoft.Network"
SUBNET = f"{NET}/virtualNetworks/vnet/subnets/app"


def _allow(name: str, port: int) -> dict[str, Any]:
    return {
        "direction": "ingress",
        "priority": 100,
        "protocol": "tcp",
        "ports": [{"low": port, "high": port}],
        "sources": [{"kind": "any"}],
        "destinations": [{"kind": "any"}],
        "name": name,
    }


def _azure(rid: str, kind: str, tf_type: str, **more: Any) -> dict[str, Any]:
    return resource(
        rid,
        kind,
        provider="azure",
        account="00000000-0000-0000-0000-000000000001",
        region="westeurope",
        type=tf_type,
        name=rid.rsplit("/", 1)[-1],
        **more,
    )


def _estate(nic2_group: bool) -> Inventory:
    nsg, subnet_nsg = f"{NET}/networkSecurityGroups/web", f"{NET}/networkSecurityGroups/subnet"
    nic1, nic2 = f"{NET}/networkInterfaces/nic1", f"{NET}/networkInterfaces/nic2"
    group = {"security_groups": [nsg]}
    return Inventory.model_validate(
        inventory(
            _azure(
                f"{RG}/Microsoft.Compute/virtualMachines/vm",
                "compute.vm",
                "Microsoft.Compute/virtualMachines",
                depends_on=[nic1, nic2],
            ),
            _azure(
                nic1,
                "network.interface",
                "Microsoft.Network/networkInterfaces",
                attributes={},
                monthly_cost=None,
                depends_on=[SUBNET],
                topology=group,
            ),
            _azure(
                nic2,
                "network.interface",
                "Microsoft.Network/networkInterfaces",
                attributes={},
                monthly_cost=None,
                depends_on=[SUBNET],
                topology=group if nic2_group else {},
            ),
            _azure(
                SUBNET,
                "network.subnet",
                "Microsoft.Network/virtualNetworks/subnets",
                attributes={},
                monthly_cost=None,
                topology={"cidrs": ["10.0.1.0/24"], "security_groups": [subnet_nsg]},
            ),
            _azure(
                nsg,
                "network.security_group",
                "Microsoft.Network/networkSecurityGroups",
                attributes={},
                monthly_cost=None,
                topology={"firewall_rules": [_allow("https", 443)]},
            ),
            _azure(
                subnet_nsg,
                "network.security_group",
                "Microsoft.Network/networkSecurityGroups",
                attributes={},
                monthly_cost=None,
                topology={"firewall_rules": [_allow("ssh", 22)]},
            ),
        )
    )


def _open(inv: Inventory) -> list[str]:
    plan = cloudexit.plan(inv, cloudexit.Policy(targets=["ovhcloud"]))
    return [w for w in plan.warnings if w.startswith("source firewall rule open to the internet")]


def test_ssh_reaching_the_vm_through_a_nic_without_a_group_is_reported() -> None:
    found = _open(_estate(nic2_group=False))
    assert any("ssh" in w and "SSH 22" in w for w in found), found


def test_ssh_shut_by_the_group_on_every_nic_is_not_reported() -> None:
    found = _open(_estate(nic2_group=True))
    assert not any("SSH 22" in w for w in found), found
