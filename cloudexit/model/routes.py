"""Routes a source sends through its managed firewall.

Readers keep a route table's routes in ``details["routes"]`` (name, prefix, next_hop and the
hop's address ``next_hop_ip`` or id ``next_hop_id``), and a managed firewall's own hop values
in ``details["firewall_hops"]``: an Azure Firewall's private addresses, an AWS Network
Firewall's endpoint ids. A route goes through the firewall when its hop is one of them.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind

ROUTES = "routes"
HOPS = "firewall_hops"
THROUGH = frozenset({"virtualappliance", "vpcendpoint"})
"""Next-hop types a managed firewall is reached by: an Azure route to a virtual appliance's
address, an AWS route to a (Network Firewall) VPC endpoint."""


@dataclass(frozen=True)
class Route:
    table: Resource
    name: str
    prefix: str
    hop: str

    @property
    def default(self) -> bool:
        return ipaddress.ip_network(self.prefix, strict=False).prefixlen == 0


def routes_of(table: Resource, holder: Resource | None = None) -> list[Route]:
    """The routes ``holder`` (the table itself, or one route resource of it) gives ``table``
    whose hop may be a firewall; a route with no valid prefix or hop is left out."""
    found = []
    rows = (holder or table).attributes.details.get(ROUTES)
    for row in rows if isinstance(rows, list) else []:
        if not isinstance(row, dict):
            continue
        hop = row.get("next_hop_ip") or row.get("next_hop_id")
        kind = str(row.get("next_hop") or "").lower()
        prefix = row.get("prefix")
        if kind not in THROUGH or not isinstance(hop, str) or not isinstance(prefix, str):
            continue
        if row.get("state") == "blackhole":
            continue  # its target is gone: the route drops what it matches
        try:
            ipaddress.ip_network(prefix, strict=False)
        except ValueError:
            continue
        name = str(row.get("name") or (holder or table).name)
        found.append(Route(table, name, prefix, hop.lower()))
    return found


def hops_of(firewall: Resource) -> frozenset[str]:
    values = firewall.attributes.details.get(HOPS)
    if not isinstance(values, list):
        return frozenset()
    return frozenset(v.lower() for v in values if isinstance(v, str) and v)


def route_holders(resources: Iterable[Resource]) -> dict[str, list[Resource]]:
    """Route table id -> the route resources that add to it (``aws_route``, ``azurerm_route``),
    each depending on its table."""
    tables: dict[str, list[Resource]] = {}
    candidates = [
        r for r in resources if r.kind == Kind.ROUTER and r.attributes.details.get(ROUTES)
    ]
    for r in candidates:
        for dep in r.depends_on:
            if dep != r.id:
                tables.setdefault(dep, []).append(r)
    return tables


def subnet_routes(
    subnet: Resource, resources: Mapping[str, Resource], holders: Mapping[str, list[Resource]]
) -> list[Route]:
    """Every firewall-bound route of the route tables the subnet is associated with."""
    found: list[Route] = []
    for dep in subnet.depends_on:
        table = resources.get(dep)
        if table is None or table.kind != Kind.ROUTER:
            continue
        found += routes_of(table)
        for holder in holders.get(table.id, []):
            found += routes_of(table, holder)
    return found
