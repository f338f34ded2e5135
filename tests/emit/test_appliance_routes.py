"""Routes an Azure route table sends through the managed firewall are sent to the appliance
server written for it where the target's Terraform has a route to a machine (Scaleway), only
for the subnets that had them; elsewhere the Terraform says why it writes none."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from tests.emit.test_firewall_appliance import catalog
from tests.helpers import one_target_policy, tfstate, tfstate_resource

RG = "/subscriptions/5c1f6e38-2b7a-4f0e-9d41-7e0a3c9b8d21/resourceGroups/hub"
NET = f"{RG}/providers/Microsoft.Network"
VNET = f"{NET}/virtualNetworks/hub"
TABLE = f"{NET}/routeTables/to-firewall"


def res(tf_type: str, name: str, values: dict[str, object], deps: list[str]) -> dict[str, object]:
    return tfstate_resource("azurerm", tf_type, name, values, deps)


def subnet(name: str, cidr: str) -> dict[str, object]:
    return res(
        "azurerm_subnet",
        name,
        {
            "id": f"{VNET}/subnets/{name}",
            "name": name,
            "resource_group_name": "hub",
            "virtual_network_name": "hub",
            "address_prefixes": [cidr],
        },
        ["azurerm_virtual_network.hub"],
    )


def estate(tmp_path: Path) -> Inventory:
    resources = [
        res(
            "azurerm_resource_group",
            "hub",
            {"id": RG, "name": "hub", "location": "francecentral"},
            [],
        ),
        res(
            "azurerm_virtual_network",
            "hub",
            {
                "id": VNET,
                "name": "hub",
                "location": "francecentral",
                "resource_group_name": "hub",
                "address_space": ["10.0.0.0/16"],
            },
            ["azurerm_resource_group.hub"],
        ),
        subnet("AzureFirewallSubnet", "10.0.1.0/26"),
        subnet("app", "10.0.2.0/24"),
        subnet("ops", "10.0.3.0/24"),
        res(
            "azurerm_firewall",
            "hub",
            {
                "id": f"{NET}/azureFirewalls/hub-fw",
                "name": "hub-fw",
                "location": "francecentral",
                "resource_group_name": "hub",
                "sku_name": "AZFW_VNet",
                "sku_tier": "Standard",
                "ip_configuration": [
                    {
                        "name": "config",
                        "subnet_id": f"{VNET}/subnets/AzureFirewallSubnet",
                        "private_ip_address": "10.0.1.4",
                    }
                ],
            },
            ["azurerm_subnet.AzureFirewallSubnet"],
        ),
        res(
            "azurerm_route_table",
            "to_firewall",
            {
                "id": TABLE,
                "name": "to-firewall",
                "location": "francecentral",
                "resource_group_name": "hub",
                "route": [
                    {
                        "name": "default",
                        "address_prefix": "0.0.0.0/0",
                        "next_hop_type": "VirtualAppliance",
                        "next_hop_in_ip_address": "10.0.1.4",
                    },
                    {
                        "name": "partner",
                        "address_prefix": "192.168.50.0/24",
                        "next_hop_type": "VirtualAppliance",
                        "next_hop_in_ip_address": "10.0.1.4",
                    },
                    {
                        "name": "local",
                        "address_prefix": "10.0.0.0/16",
                        "next_hop_type": "VnetLocal",
                    },
                ],
            },
            ["azurerm_resource_group.hub"],
        ),
        res(
            "azurerm_subnet_route_table_association",
            "app",
            {
                "id": f"{VNET}/subnets/app",
                "subnet_id": f"{VNET}/subnets/app",
                "route_table_id": TABLE,
            },
            ["azurerm_subnet.app", "azurerm_route_table.to_firewall"],
        ),
    ]
    path = tmp_path / "terraform.tfstate"
    path.write_text(json.dumps(tfstate(resources)), encoding="utf-8")
    return import_files([path])


def emitted(tmp_path: Path, target: str) -> tuple[str, str]:
    plan = api.plan(estate(tmp_path), one_target_policy(target), catalog())
    api.emit(plan, tmp_path / "out", catalog=catalog())
    root = tmp_path / "out" / "terraform"
    network = "\n".join(p.read_text(encoding="utf-8") for p in sorted(root.rglob("network.tf")))
    return network, (tmp_path / "out" / "runbook.md").read_text(encoding="utf-8")


def blocks_of(text: str, rtype: str) -> dict[str, str]:
    return dict(re.findall(rf'resource "{rtype}" "([^"]+)" {{\n(.*?)\n}}', text, re.DOTALL))


def test_the_default_route_goes_to_the_appliance_for_the_routed_subnet_only(tmp_path, shared_dir):
    network, runbook = emitted(tmp_path, "scaleway")
    from cloudexit.tfcheck.run import check_folder

    schemas = shared_dir / "reference" / "terraform-provider-schemas.json"
    report = check_folder(tmp_path / "out" / "terraform", schemas)
    assert [f.line() for f in report.errors] == []
    routes = blocks_of(network, "scaleway_vpc_route")
    assert len(routes) == 1, network
    (body,) = routes.values()
    assert 'destination         = "0.0.0.0/0"' in body
    assert re.search(
        r"nexthop_resource_id = scaleway_instance_server\.hub_fw_appliance\.private_network\[0\]"
        r"\.pnic_id",
        body,
    ), body
    networks = blocks_of(network, "scaleway_vpc_private_network")
    takes = {
        name: re.search(r"enable_default_route_propagation = (\w+)", body)
        for name, body in networks.items()
    }
    # the subnet whose table had the route receives it; its neighbours, the firewall's own too,
    # do not: the route is no wider than the source's table
    assert {n: m.group(1) if m else None for n, m in takes.items()} == {
        "app": "true",
        "azurefirewallsubnet": "false",
        "ops": "false",
    }
    # the partner range would reach every private network of the VPC: left to the runbook
    assert "route partner (192.168.50.0/24) of to-firewall of subnet app" in network
    assert "advertised to every private network of the VPC" in network
    row = next(line for line in runbook.splitlines() if "hub_fw_appliance" in line)
    assert "scaleway_vpc_route." in row and "route partner (192.168.50.0/24)" in row


@pytest.mark.parametrize("target", ["ovhcloud", "ionos", "opennebula"])
def test_targets_without_a_route_resource_say_why_in_the_terraform(tmp_path, target):
    network, runbook = emitted(tmp_path, target)
    assert "route" not in "".join(re.findall(r'resource "(\w+)"', network))
    said = re.findall(
        r"# route (\w+) \(([^)]+)\) of to-firewall of subnet app .*not written here", network
    )
    assert sorted(said) == [("default", "0.0.0.0/0"), ("partner", "192.168.50.0/24")]
    assert "has no route" in network
    row = next(line for line in runbook.splitlines() if "_appliance" in line and "|" in line)
    assert "set by hand" in row and "route default (0.0.0.0/0)" in row


def aws_estate(tmp_path: Path) -> Inventory:
    account, region = "123456789012", "eu-west-1"
    arn = f"arn:aws:ec2:{region}:{account}"

    def aws(
        tf_type: str, name: str, values: dict[str, object], deps: list[str]
    ) -> dict[str, object]:
        return tfstate_resource("aws", tf_type, name, values, deps)

    def subnet(name: str, native: str, cidr: str) -> dict[str, object]:
        return aws(
            "aws_subnet",
            name,
            {
                "id": native,
                "arn": f"{arn}:subnet/{native}",
                "vpc_id": "vpc-0a1b2c3d",
                "cidr_block": cidr,
                "tags": {"Name": name},
            },
            ["aws_vpc.main"],
        )

    resources = [
        aws(
            "aws_vpc",
            "main",
            {"id": "vpc-0a1b2c3d", "arn": f"{arn}:vpc/vpc-0a1b2c3d", "cidr_block": "10.1.0.0/16"},
            [],
        ),
        subnet("firewall", "subnet-0f0f0f0f", "10.1.0.0/28"),
        subnet("app", "subnet-0a0a0a0a", "10.1.1.0/24"),
        aws(
            "aws_networkfirewall_firewall",
            "edge",
            {
                "id": f"arn:aws:network-firewall:{region}:{account}:firewall/edge",
                "arn": f"arn:aws:network-firewall:{region}:{account}:firewall/edge",
                "name": "edge",
                "vpc_id": "vpc-0a1b2c3d",
                "subnet_mapping": [{"subnet_id": "subnet-0f0f0f0f"}],
                "firewall_status": [
                    {
                        "sync_states": [
                            {
                                "availability_zone": f"{region}a",
                                "attachment": [
                                    {
                                        "endpoint_id": "vpce-0e0e0e0e0e",
                                        "subnet_id": "subnet-0f0f0f0f",
                                    }
                                ],
                            }
                        ]
                    }
                ],
            },
            ["aws_subnet.firewall"],
        ),
        aws(
            "aws_route_table",
            "app",
            {
                "id": "rtb-0b0b0b0b",
                "arn": f"{arn}:route-table/rtb-0b0b0b0b",
                "vpc_id": "vpc-0a1b2c3d",
                "route": [
                    {"cidr_block": "0.0.0.0/0", "vpc_endpoint_id": "vpce-0e0e0e0e0e"},
                    {"cidr_block": "172.16.0.0/12", "gateway_id": "vgw-0c0c0c0c"},
                ],
                "tags": {"Name": "app-routes"},
            },
            ["aws_vpc.main"],
        ),
        aws(
            "aws_route_table_association",
            "app",
            {
                "id": "rtbassoc-0d0d0d0d",
                "subnet_id": "subnet-0a0a0a0a",
                "route_table_id": "rtb-0b0b0b0b",
            },
            ["aws_subnet.app", "aws_route_table.app"],
        ),
    ]
    path = tmp_path / "terraform.tfstate"
    path.write_text(json.dumps(tfstate(resources)), encoding="utf-8")
    return import_files([path])


def test_an_aws_route_to_the_network_firewall_endpoint_goes_to_its_appliance(tmp_path):
    plan = api.plan(aws_estate(tmp_path), one_target_policy("scaleway"), catalog())
    api.emit(plan, tmp_path / "out", catalog=catalog())
    root = tmp_path / "out" / "terraform"
    network = "\n".join(p.read_text(encoding="utf-8") for p in sorted(root.rglob("network.tf")))
    routes = blocks_of(network, "scaleway_vpc_route")
    assert len(routes) == 1, network
    (body,) = routes.values()
    assert 'destination         = "0.0.0.0/0"' in body and "edge_appliance" in body
    takes = {
        name: re.search(r"enable_default_route_propagation = (\w+)", body)
        for name, body in blocks_of(network, "scaleway_vpc_private_network").items()
    }
    assert {n: m.group(1) if m else None for n, m in takes.items()} == {
        "app": "true",
        "firewall": "false",
    }
    # the route to the VPN gateway does not go through the firewall: nothing is said of it
    assert "172.16.0.0/12" not in network
