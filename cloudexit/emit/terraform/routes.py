"""Routes the source sends through a managed firewall, rebuilt through its appliance server.

A subnet whose route table sends a range to the firewall (an Azure route to a virtual
appliance's address, an AWS route to a Network Firewall endpoint) sends it to the appliance
server written for that firewall at the same site, where the target's Terraform can say so
without reaching further than the source's table; elsewhere the route is a runbook step, and
the Terraform says why in a comment.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from cloudexit.emit.terraform.site import Item, Site, Subnet
from cloudexit.model.inventory import Resource
from cloudexit.model.routes import Route, hops_of, route_holders, subnet_routes

NO_ROUTE_RESOURCE = {
    "ionos": "the ionoscloud provider has no route resource: a LAN carries no routes",
    "opennebula": "the opennebula provider has no route to a machine: a virtual network's "
    "gateway is an address of its own range, and a virtual router is a router appliance of "
    "its own",
    "ovhcloud": "the ovh provider has no route resource: a private subnet's gateway_ip is an "
    "address of its own range, where the appliance is not",
}
"""Why a target's Terraform cannot send a subnet's route to a machine."""
WIDER = (
    "a Scaleway custom route to a range other than the default one is advertised to every "
    "private network of the VPC, wider than the source's route table"
)
SPLIT = (
    "subnets of this VPC send their default route to different appliances, and every private "
    "network taking default routes would take both"
)


@dataclass
class ApplianceRoute:
    subnet: Subnet
    appliance: Item
    route: Route
    reason: str | None = None
    """Why the Terraform does not write it; None where it does."""
    local: str = ""
    """The route resource's local name, shared by the subnets of one VPC it serves."""

    @property
    def label(self) -> str:
        return f"route {self.route.name} ({self.route.prefix}) of {self.route.table.name}"


def appliance_routes(
    site: Site,
    resources: Mapping[str, Resource],
    subnets: Mapping[str, Subnet],
    unique: Callable[[str, str], str],
) -> list[ApplianceRoute]:
    """Each route a subnet written here sends to a firewall whose appliance is written here."""
    by_hop: dict[str, Item] = {}
    for item in site.items:
        if item.appliance == "firewall":
            for hop in hops_of(item.resource):
                by_hop.setdefault(hop, item)
    if not by_hop:
        return []
    holders = route_holders(resources.values())
    found = []
    for source_id, subnet in sorted(subnets.items()):
        if subnet.source is None or subnet.source.id != source_id:
            continue  # a subnet group written into one of its members
        for route in subnet_routes(subnet.source, resources, holders):
            appliance = by_hop.get(route.hop)
            if appliance is not None:
                found.append(ApplianceRoute(subnet, appliance, route))
    found.sort(key=lambda r: (r.subnet.local, r.route.prefix, r.route.table.id, r.route.name))
    if site.provider != "scaleway":
        for r in found:
            r.reason = NO_ROUTE_RESOURCE.get(site.provider, "no route resource on this target")
        return found
    shared: dict[tuple[str, str], list[ApplianceRoute]] = defaultdict(list)
    for r in found:
        appliance_net = (r.appliance.subnet or next(iter(site.subnets), None) or r.subnet).network
        if not r.route.default:
            r.reason = WIDER
        elif appliance_net is not r.subnet.network:
            r.reason = (
                f"the appliance is in another VPC here ({appliance_net.name}), and a Scaleway "
                "route's next hop must be in the route's VPC"
            )
        else:
            shared[(r.subnet.network.local, r.route.prefix)].append(r)
    for (network, prefix), routes in sorted(shared.items()):
        if len({id(r.appliance) for r in routes}) > 1:
            for r in routes:
                r.reason = SPLIT
            continue
        local = unique(f"{network}_default_{'v4' if '.' in prefix else 'v6'}", "scaleway_vpc_route")
        for r in routes:
            r.local = local
    return found


def propagation(routes: list[ApplianceRoute]) -> dict[str, bool]:
    """Per private network (local name) of a VPC a default route is written in: whether it takes
    default routes, so only the subnets whose source table had the route receive it."""
    written = [r for r in routes if r.reason is None]
    routed = {r.subnet.local for r in written}
    out: dict[str, bool] = {}
    for network in {id(r.subnet.network): r.subnet.network for r in written}.values():
        for sub in network.subnets:
            out[sub.local] = sub.local in routed
    return out
