"""Which AWS route table each subnet uses, from the tables' own associations.

``describe-route-tables`` and AWS Config name a table's subnets on the table; the model reads a
subnet's tables from its dependencies, as the Terraform importer records
``aws_route_table_association``. A subnet no table names uses its VPC's main table.
"""

from __future__ import annotations

from collections.abc import Mapping

from cloudexit.model.inventory import Resource

TABLE = "AWS::EC2::RouteTable"
SUBNET = "AWS::EC2::Subnet"


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
