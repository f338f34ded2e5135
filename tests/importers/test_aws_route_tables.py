"""AWS Config snapshots and ``aws ec2 describe-route-tables`` output: route tables keep their
routes (NAT gateway, firewall endpoint, transit gateway ...) and the subnets using them, as the
Terraform importer keeps ``aws_route`` and ``aws_route_table_association``; a subnet no table
names uses its VPC's main table. The fixture follows the fields real AWS Config RouteTable items
carry (routes with every target field, null where unused; associations with ``main`` and a null
``subnetId`` for the main one)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from cloudexit import api
from cloudexit.importers import import_files
from cloudexit.model.routes import route_holders, subnet_routes
from tests.emit.test_firewall_appliance import catalog
from tests.helpers import one_target_policy

SNAPSHOT = "aws-config-routes.json"
APP = "arn:aws:ec2:eu-west-3:210987654321:subnet/subnet-0a1b2c3d4e5f60712"
BATCH = "arn:aws:ec2:eu-west-3:210987654321:subnet/subnet-0c3d4e5f6a7b80934"
PUBLIC = "arn:aws:ec2:eu-west-3:210987654321:subnet/subnet-0b2c3d4e5f6a70823"
TABLES = "arn:aws:ec2:eu-west-3:210987654321:route-table/"


def test_config_route_tables_keep_their_routes_and_subnets(imports_dir: Path):
    inv = import_files([imports_dir / SNAPSHOT])
    by_id = inv.by_id()
    # the old reader kept no route: every table came out with empty details
    main = by_id[TABLES + "rtb-0d0d1e1e2f2f3a3a4"].attributes.details
    assert main["main"] is True
    assert {
        "prefix": "0.0.0.0/0",
        "next_hop": "NatGateway",
        "next_hop_id": "nat-0aa1bb2cc3dd4ee5f",
    } in main["routes"]
    blackhole = next(r for r in main["routes"] if r["prefix"] == "10.99.0.0/16")
    assert blackhole["state"] == "blackhole" and blackhole["next_hop"] == "Instance"
    app_table = by_id[TABLES + "rtb-0a0a1b1b2c2c3d3d4"]
    hops = {
        (r["prefix"], r["next_hop"], r.get("next_hop_id"))
        for r in app_table.attributes.details["routes"]
    }
    assert hops == {
        ("10.20.0.0/16", "Local", None),
        ("0.0.0.0/0", "VpcEndpoint", "vpce-0fee1fee2fee3fee4"),
        ("192.168.0.0/16", "TransitGateway", "tgw-0123456789abcdef0"),
    }
    # each subnet uses its table: the associated one, else its VPC's main table
    assert TABLES + "rtb-0a0a1b1b2c2c3d3d4" in by_id[APP].depends_on
    assert TABLES + "rtb-0e0e1f1f2a2a3b3b4" in by_id[PUBLIC].depends_on
    assert TABLES + "rtb-0d0d1e1e2f2f3a3a4" in by_id[BATCH].depends_on
    assert not any(
        d.startswith(TABLES) for d in by_id[APP].depends_on if d != TABLES + "rtb-0a0a1b1b2c2c3d3d4"
    )
    # the table no longer depends on the subnet that uses it
    assert APP not in app_table.depends_on
    # the firewall's endpoint is its hop; the app subnet's default route goes through it
    firewall = by_id["arn:aws:network-firewall:eu-west-3:210987654321:firewall/edge-fw"]
    assert firewall.attributes.details["firewall_hops"] == ["vpce-0fee1fee2fee3fee4"]
    resources = inv.by_id()
    routes = subnet_routes(by_id[APP], resources, route_holders(inv.resources))
    assert [(r.prefix, r.hop) for r in routes] == [("0.0.0.0/0", "vpce-0fee1fee2fee3fee4")]
    # a blackhole route sends nowhere, so none of the main table's routes is firewall-bound
    assert subnet_routes(by_id[BATCH], resources, route_holders(inv.resources)) == []


def test_the_route_through_the_firewall_reaches_the_terraform(imports_dir: Path, tmp_path: Path):
    plan = api.plan(
        import_files([imports_dir / SNAPSHOT]), one_target_policy("scaleway"), catalog()
    )
    api.emit(plan, tmp_path, catalog=catalog())
    network = "\n".join(p.read_text(encoding="utf-8") for p in sorted(tmp_path.rglob("network.tf")))
    routes = re.findall(r'resource "scaleway_vpc_route" "\w+" \{\n(.*?)\n\}', network, re.DOTALL)
    assert len(routes) == 1, network
    assert 'destination         = "0.0.0.0/0"' in routes[0] and "edge_fw_appliance" in routes[0]
    takes = dict(
        re.findall(
            r'resource "scaleway_vpc_private_network" "(\w+)" \{.*?enable_default_route_propagation = (\w+)',
            network,
            re.DOTALL,
        )
    )
    assert takes["app"] == "true" and takes["batch"] == "false"


def test_cli_route_tables_are_read_like_the_config_items(tmp_path: Path):
    subnets = {
        "Subnets": [
            {
                "AvailabilityZone": "eu-west-3a",
                "CidrBlock": "10.30.1.0/24",
                "State": "available",
                "SubnetId": "subnet-0123abcd0123abcd0",
                "VpcId": "vpc-0123abcd0123abcd0",
                "OwnerId": "210987654321",
                "SubnetArn": "arn:aws:ec2:eu-west-3:210987654321:subnet/subnet-0123abcd0123abcd0",
            },
            {
                "AvailabilityZone": "eu-west-3b",
                "CidrBlock": "10.30.2.0/24",
                "State": "available",
                "SubnetId": "subnet-0456abcd0456abcd0",
                "VpcId": "vpc-0123abcd0123abcd0",
                "OwnerId": "210987654321",
                "SubnetArn": "arn:aws:ec2:eu-west-3:210987654321:subnet/subnet-0456abcd0456abcd0",
            },
        ]
    }
    tables = {
        "RouteTables": [
            {
                "Associations": [
                    {
                        "Main": False,
                        "RouteTableAssociationId": "rtbassoc-0a1a1a1a1a1a1a1a1",
                        "RouteTableId": "rtb-0111aaaa0111aaaa0",
                        "SubnetId": "subnet-0123abcd0123abcd0",
                        "AssociationState": {"State": "associated"},
                    }
                ],
                "PropagatingVgws": [],
                "RouteTableId": "rtb-0111aaaa0111aaaa0",
                "Routes": [
                    {
                        "DestinationCidrBlock": "10.30.0.0/16",
                        "GatewayId": "local",
                        "Origin": "CreateRouteTable",
                        "State": "active",
                    },
                    {
                        "DestinationCidrBlock": "0.0.0.0/0",
                        "NatGatewayId": "nat-0b0b0b0b0b0b0b0b0",
                        "Origin": "CreateRoute",
                        "State": "active",
                    },
                    {
                        "DestinationCidrBlock": "10.40.0.0/16",
                        "NetworkInterfaceId": "eni-0c0c0c0c0c0c0c0c0",
                        "Origin": "CreateRoute",
                        "State": "active",
                    },
                ],
                "Tags": [{"Key": "Name", "Value": "private"}],
                "VpcId": "vpc-0123abcd0123abcd0",
                "OwnerId": "210987654321",
            },
            {
                "Associations": [
                    {
                        "Main": True,
                        "RouteTableAssociationId": "rtbassoc-0b1b1b1b1b1b1b1b1",
                        "RouteTableId": "rtb-0222bbbb0222bbbb0",
                        "AssociationState": {"State": "associated"},
                    }
                ],
                "PropagatingVgws": [],
                "RouteTableId": "rtb-0222bbbb0222bbbb0",
                "Routes": [
                    {
                        "DestinationCidrBlock": "0.0.0.0/0",
                        "GatewayId": "igw-0d0d0d0d0d0d0d0d0",
                        "Origin": "CreateRoute",
                        "State": "active",
                    }
                ],
                "Tags": [],
                "VpcId": "vpc-0123abcd0123abcd0",
                "OwnerId": "210987654321",
            },
        ]
    }
    (tmp_path / "subnets.json").write_text(json.dumps(subnets), encoding="utf-8")
    (tmp_path / "route-tables.json").write_text(json.dumps(tables), encoding="utf-8")
    inv = import_files([tmp_path / "subnets.json", tmp_path / "route-tables.json"])
    by_name = {r.name: r for r in inv.resources}
    private = by_name["private"]
    assert private.attributes.details["routes"] == [
        {"prefix": "10.30.0.0/16", "next_hop": "Local"},
        {"prefix": "0.0.0.0/0", "next_hop": "NatGateway", "next_hop_id": "nat-0b0b0b0b0b0b0b0b0"},
        {
            "prefix": "10.40.0.0/16",
            "next_hop": "NetworkInterface",
            "next_hop_id": "eni-0c0c0c0c0c0c0c0c0",
        },
    ]
    first = next(r for r in inv.resources if r.id.endswith("subnet-0123abcd0123abcd0"))
    second = next(r for r in inv.resources if r.id.endswith("subnet-0456abcd0456abcd0"))
    assert private.id in first.depends_on
    main = next(r for r in inv.resources if r.id.endswith("rtb-0222bbbb0222bbbb0"))
    assert main.id in second.depends_on and main.id not in first.depends_on
