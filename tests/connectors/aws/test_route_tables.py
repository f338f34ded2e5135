"""The live scan reads route tables as the AWS Config and AWS CLI importers do: their routes
(NAT gateway, internet gateway ...), the subnets associated with them and the VPC's main table,
each subnet depending on the table it uses; page after page, with a read the guard admits."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3

from cloudexit.connectors.aws import RESOURCE_TYPES, scan
from cloudexit.connectors.aws.permissions import guard, policy
from cloudexit.importers import import_files
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind
from tests.connectors.aws.estate import clear_default_network
from tests.connectors.aws.fakes import Proxy, ec2_in_two_pages

REGION = "eu-west-1"
TABLE = "AWS::EC2::RouteTable"


def _estate(ec2: Any) -> dict[str, str]:
    """A VPC whose private subnet routes out through a NAT gateway and whose public subnet takes
    the main table, routed to the internet gateway."""
    clear_default_network(ec2)
    vpc = ec2.create_vpc(CidrBlock="10.8.0.0/16")["Vpc"]["VpcId"]
    private, public = (
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.8.{n}.0/24", AvailabilityZone=f"{REGION}a")[
            "Subnet"
        ]["SubnetId"]
        for n in (1, 2)
    )
    igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
    nat = ec2.create_nat_gateway(SubnetId=public)["NatGateway"]["NatGatewayId"]
    (main,) = ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [vpc]}])[
        "RouteTables"
    ]
    ec2.create_route(
        RouteTableId=main["RouteTableId"], DestinationCidrBlock="0.0.0.0/0", GatewayId=igw
    )
    table = ec2.create_route_table(
        VpcId=vpc,
        TagSpecifications=[
            {"ResourceType": "route-table", "Tags": [{"Key": "Name", "Value": "private"}]}
        ],
    )["RouteTable"]["RouteTableId"]
    ec2.create_route(RouteTableId=table, DestinationCidrBlock="0.0.0.0/0", NatGatewayId=nat)
    ec2.associate_route_table(RouteTableId=table, SubnetId=private)
    return {
        "vpc": vpc,
        "private": private,
        "public": public,
        "igw": igw,
        "nat": nat,
        "main": main["RouteTableId"],
        "table": table,
    }


def native(resource_id: str) -> str:
    return resource_id.replace(":", "/").rsplit("/", 1)[-1]


def _ending(resources: list[Resource], native_id: str) -> Resource:
    (found,) = [r for r in resources if native(r.id) == native_id]
    return found


def test_the_scan_reads_route_tables_page_by_page(moto: str) -> None:
    ec2 = boto3.client("ec2", region_name=REGION, endpoint_url=moto)
    ids = _estate(ec2)
    with Proxy(moto, rewrite=ec2_in_two_pages("DescribeRouteTables", "routeTableSet")) as proxy:
        inventory = scan(regions=[REGION], endpoint_url=proxy.url, services=["ec2"], metrics_days=0)
    assert proxy.seen[(REGION, "ec2", "DescribeRouteTables")] == 2  # both pages were read
    tables = [r for r in inventory.resources if r.type == TABLE]
    assert len(tables) == 2 and {r.kind for r in tables} == {Kind.ROUTER}
    private = _ending(tables, ids["table"])
    assert private.name == "private"
    assert private.attributes.details == {
        "routes": [
            {"prefix": "10.8.0.0/16", "next_hop": "Local"},
            {"prefix": "0.0.0.0/0", "next_hop": "NatGateway", "next_hop_id": ids["nat"]},
        ],
        "vpc_id": ids["vpc"],
        "associated_subnets": [ids["private"]],
    }
    main = _ending(tables, ids["main"])
    assert main.attributes.details["main"] is True
    assert {"prefix": "0.0.0.0/0", "next_hop": "InternetGateway", "next_hop_id": ids["igw"]} in (
        main.attributes.details["routes"]
    )
    # each subnet uses its own table: the associated one, else its VPC's main table
    subnets = {k: _ending(inventory.resources, ids[k]) for k in ("private", "public")}
    assert private.id in subnets["private"].depends_on
    assert main.id not in subnets["private"].depends_on
    assert main.id in subnets["public"].depends_on
    assert private.id not in subnets["public"].depends_on
    assert not any(s.id in t.depends_on for s in subnets.values() for t in tables)
    assert inventory.issues == []


def _export(body: dict[str, Any], path: Path) -> Path:
    body.pop("ResponseMetadata", None)
    path.write_text(json.dumps(body, default=str), encoding="utf-8")
    return path


def test_scanned_route_tables_equal_the_cli_export_imported(moto: str, tmp_path: Path) -> None:
    ec2 = boto3.client("ec2", region_name=REGION, endpoint_url=moto)
    _estate(ec2)
    scanned = scan(regions=[REGION], endpoint_url=moto, services=["ec2"], metrics_days=0)
    imported = import_files(
        [
            _export(ec2.describe_subnets(), tmp_path / "subnets.json"),
            _export(ec2.describe_route_tables(), tmp_path / "route-tables.json"),
        ]
    )

    def network(resources: list[Resource]) -> dict[str, tuple[Any, ...]]:
        """By native id: the CLI's output names no region, so an imported table's id is local."""
        return {
            native(r.id): (r.kind, r.name, r.attributes.details)
            for r in resources
            if r.type == TABLE
        }

    def uses(resources: list[Resource]) -> dict[str, list[str]]:
        return {
            native(r.id): sorted(native(d) for d in r.depends_on if "rtb-" in d)
            for r in resources
            if r.type == "AWS::EC2::Subnet"
        }

    assert network(scanned.resources) == network(imported.resources)
    assert len(network(scanned.resources)) == 2
    assert uses(scanned.resources) == uses(imported.resources)
    assert sorted(len(v) for v in uses(scanned.resources).values()) == [1, 1]


def test_route_tables_are_read_with_an_allowed_read_only_call() -> None:
    admitted = guard(RESOURCE_TYPES, org=False)
    assert admitted.admits("ec2", "DescribeRouteTables")
    assert not admitted.admits("ec2", "CreateRoute")
    assert not admitted.admits("ec2", "ReplaceRouteTableAssociation")
    actions = policy(RESOURCE_TYPES, org=False)["Statement"][0]["Action"]
    assert "ec2:DescribeRouteTables" in actions
