"""AWS route tables: their routes in the API's shape, and which table each subnet uses.

``describe-route-tables`` (the live scan and the AWS CLI alike) and AWS Config (after
``pascal``) spell a table the same way; one reader turns it into the ``details`` the Terraform
importer also keeps (``routes`` as an ``aws_route``, the associated subnets, whether it is its
VPC's main table). The model reads a subnet's tables from its dependencies, as the Terraform
importer records ``aws_route_table_association``; a subnet no table names uses its VPC's main
table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cloudexit.model.inventory import Resource

TABLE = "AWS::EC2::RouteTable"
SUBNET = "AWS::EC2::Subnet"


_TARGETS = (
    ("NatGatewayId", "NatGateway"),
    ("InstanceId", "Instance"),
    ("NetworkInterfaceId", "NetworkInterface"),
    ("TransitGatewayId", "TransitGateway"),
    ("VpcPeeringConnectionId", "VpcPeeringConnection"),
    ("EgressOnlyInternetGatewayId", "EgressOnlyInternetGateway"),
    ("LocalGatewayId", "LocalGateway"),
    ("CarrierGatewayId", "CarrierGateway"),
    ("CoreNetworkArn", "CoreNetwork"),
)
# GatewayId holds several kinds of target, told apart by the id's prefix; a Gateway Load
# Balancer or Network Firewall endpoint is a vpce- id there.
_GATEWAYS = (
    ("vpce-", "VpcEndpoint"),
    ("igw-", "InternetGateway"),
    ("vgw-", "VirtualPrivateGateway"),
)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _route(r: Any) -> dict[str, Any] | None:
    """One route, as the Terraform importer keeps an ``aws_route``: prefix, next-hop type and
    id; a blackhole route keeps its state."""
    if not isinstance(r, dict):
        return None
    row: dict[str, Any] = {
        "prefix": _text(r.get("DestinationCidrBlock")) or _text(r.get("DestinationIpv6CidrBlock")),
        "prefix_list": _text(r.get("DestinationPrefixListId")),
    }
    for key, hop in _TARGETS:
        if _text(r.get(key)):
            row["next_hop"], row["next_hop_id"] = hop, _text(r.get(key))
            break
    else:
        gateway = _text(r.get("GatewayId"))
        if gateway == "local":
            row["next_hop"] = "Local"
        elif gateway:
            row["next_hop"] = next((h for p, h in _GATEWAYS if gateway.startswith(p)), "Gateway")
            row["next_hop_id"] = gateway
    state = _text(r.get("State"))
    if state and state != "active":
        row["state"] = state
    return {k: v for k, v in row.items() if v is not None} if "next_hop" in row else None


def _live(association: Any) -> bool:
    if not isinstance(association, dict):
        return False
    state = association.get("AssociationState")
    state = _text(state.get("State")) if isinstance(state, dict) else None
    return state in (None, "associated", "associating")


def route_table_details(table: dict[str, Any]) -> dict[str, Any]:
    """Its routes, the subnets associated with it and whether it is its VPC's main table;
    empty values left out."""
    associations = [a for a in table.get("Associations") or [] if _live(a)]
    rows = [_route(x) for x in table.get("Routes") or []]
    details = {
        "routes": [x for x in rows if x],
        "vpc_id": _text(table.get("VpcId")),
        "associated_subnets": sorted({s for a in associations if (s := _text(a.get("SubnetId")))}),
        "main": any(a.get("Main") is True for a in associations) or None,
    }
    return {k: v for k, v in details.items() if v not in (None, [])}


def _native(resource_id: str) -> str:
    return resource_id.replace(":", "/").rsplit("/", 1)[-1].lower()


def associate_route_tables(resources: Mapping[str, Resource]) -> None:
    """Add each AWS route table to the dependencies of the subnets it routes; in place."""
    tables = sorted(
        (r for r in resources.values() if r.provider == "aws" and r.type == TABLE),
        key=lambda r: r.id,
    )
    if not tables:
        return
    subnets: dict[str, list[Resource]] = {}
    for r in resources.values():
        if r.provider == "aws" and r.type == SUBNET:
            subnets.setdefault(_native(r.id), []).append(r)
    named: set[str] = set()
    for table in tables:
        for native in table.attributes.details.get("associated_subnets") or []:
            for subnet in subnets.get(str(native).lower(), []):
                if subnet.account in (table.account, "") or table.account == "":
                    _add(subnet, table)
                    named.add(subnet.id)
    for table in tables:
        vpc = table.attributes.details.get("vpc_id")
        if table.attributes.details.get("main") is not True or not isinstance(vpc, str):
            continue
        for found in subnets.values():
            for subnet in found:
                if subnet.id not in named and subnet.attributes.details.get("vpc_id") == vpc:
                    _add(subnet, table)


def _add(subnet: Resource, table: Resource) -> None:
    """The subnet uses the table; AWS Config's "Is associated with Subnet" on the table, read
    as the table depending on the subnet, is dropped so the two do not name each other."""
    if table.id not in subnet.depends_on:
        subnet.depends_on = sorted({*subnet.depends_on, table.id})
    if subnet.id in table.depends_on:
        table.depends_on = [d for d in table.depends_on if d != subnet.id]
