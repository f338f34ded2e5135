"""The source networks a security group guards, and their ranges at a target site.

Azure's VirtualNetwork tag names the group's own virtual network and the networks peered with
it, never every private range of the estate: a site holding networks of several sources would
otherwise admit all of them. A group's networks are those of the resources it is applied to (a
subnet, a network interface, a machine in a subnet) or the network it is declared in (an AWS
security group's VPC), with their peers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind

if TYPE_CHECKING:
    from cloudexit.emit.terraform.firewall import Readdress
    from cloudexit.emit.terraform.site import Site

# Walked from a resource to the network it sits in: a network interface names its subnet, a
# subnet its network.
_THROUGH = {Kind.SUBNET, Kind.NETWORK_INTERFACE}
_DEPTH = 3


def _networks_above(start: Resource, resources: dict[str, Resource]) -> set[str]:
    """Networks ``start`` sits in (itself when it is one); a subnet no network holds counts as
    its own network."""
    found: set[str] = set()
    frontier = [start]
    for _ in range(_DEPTH):
        later = []
        for r in frontier:
            if r.kind == Kind.NETWORK:
                found.add(r.id)
                continue
            parents = [
                resources[d]
                for d in [*r.depends_on, *(a.to for a in r.topology.attachments)]
                if d in resources and d != r.id
            ]
            nets = [p for p in parents if p.kind == Kind.NETWORK]
            found.update(p.id for p in nets)
            if not nets and r.kind == Kind.SUBNET:
                found.add(r.id)
            later += [p for p in parents if p.kind in _THROUGH]
        frontier = later
        if not frontier:
            break
    return found


def group_networks(resources: dict[str, Resource]) -> dict[str, set[str]]:
    """Security group id -> ids of the source networks (and peers) it guards."""
    users: dict[str, list[Resource]] = defaultdict(list)
    for r in resources.values():
        for g in {*r.topology.security_groups, *r.topology.subnet_security_groups}:
            users[g].append(r)
    peers = _peers(resources)
    out: dict[str, set[str]] = {}
    for r in resources.values():
        if r.kind not in (Kind.SECURITY_GROUP, Kind.FIREWALL):
            continue
        own: set[str] = set()
        for d in r.depends_on:
            if d in resources and resources[d].kind in (Kind.NETWORK, Kind.SUBNET):
                own |= _networks_above(resources[d], resources)
        for user in users.get(r.id, []):
            own |= _networks_above(user, resources)
        out[r.id] = own | {p for n in own for p in peers.get(n, ())}
    return out


def _peers(resources: dict[str, Resource]) -> dict[str, set[str]]:
    """Network id -> networks peered with it, from a network's peerings or a peering resource."""
    peers: dict[str, set[str]] = defaultdict(set)
    for r in resources.values():
        if r.kind == Kind.NETWORK:
            named = r.attributes.details.get("peerings")
            for p in named if isinstance(named, list) else []:
                if isinstance(p, str):
                    match = _match(p, resources)
                    if match is not None:
                        peers[r.id].add(match)
                        peers[match].add(r.id)
        elif r.kind == Kind.PEERING:
            ends = {
                d
                for d in [*r.depends_on, *(a.to for a in r.topology.attachments)]
                if d in resources and resources[d].kind == Kind.NETWORK
            }
            for a in ends:
                peers[a] |= ends - {a}
    return peers


def _match(ref: str, resources: dict[str, Resource]) -> str | None:
    """The inventory id a peering names (Azure ids differ in case only)."""
    if ref in resources:
        return ref
    low = ref.lower()
    return next((i for i in resources if i.lower() == low), None)


def site_index(site: Site) -> dict[str, list[str]]:
    """Source network or subnet id -> the ranges of the subnets written for it at this site."""
    index: dict[str, list[str]] = defaultdict(list)
    for net in site.networks:
        for sub in net.subnets:
            if not sub.cidr:
                continue
            ids = {net.source.id} if net.source is not None else set()
            if sub.source is not None:
                ids |= {sub.source.id, *sub.source.depends_on}
            for i in ids:
                index[i].append(sub.cidr)
    return index


def source_ranges(resources: dict[str, Resource]) -> dict[str, list[str]]:
    """Network id -> its source ranges, or its subnets' where it has none of its own."""
    held: dict[str, list[str]] = defaultdict(list)
    for r in resources.values():
        if r.kind == Kind.SUBNET:
            for d in r.depends_on:
                held[d] += r.topology.cidrs
    return {
        r.id: list(r.topology.cidrs) or held.get(r.id, [])
        for r in resources.values()
        if r.kind in (Kind.NETWORK, Kind.SUBNET)
    }


def own_ranges(
    networks: Iterable[str],
    here: dict[str, list[str]],
    elsewhere: dict[str, list[str]],
    readdress: Readdress,
) -> list[str]:
    """The target ranges of ``networks``: their subnets as written at this site (``here``,
    from ``site_index``), or, for a network written elsewhere, its source ranges
    (``elsewhere``, from ``source_ranges``) as the plan re-addresses them."""
    ranges: list[str] = []
    for nid in set(networks):
        ranges += here.get(nid) or [readdress(c) for c in elsewhere.get(nid, [])]
    return sorted(set(ranges))
