"""A source interface's fixed private address: kept where the target's server can reserve it in
the subnet it lands in, else said to change.

Scaleway reserves an address in a private network's IPAM (``scaleway_ipam_ip`` with
``address``) and gives it to a server through a private NIC (``scaleway_instance_private_nic``
with ``ipam_ip_ids``); its server's own ``private_network`` block takes no address. An OVHcloud
instance's network entry takes it (``networks`` ``ip``, in the subnet's ``cidr``), as an
OpenNebula NIC does (``nic`` ``ip``, inside the network's address range). An IONOS NIC takes
addresses (``ips``), but its LAN has no IPv4 range of its own to hold the source's subnet: the
address is said to change there.
"""

from __future__ import annotations

import ipaddress

from cloudexit.emit.terraform.site import Item, Site
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind

STATIC = "static_private_ips"
RESERVES = {
    "scaleway": "scaleway_instance_server",
    "ovhcloud": "ovh_cloud_instance",
    "opennebula": "opennebula_virtual_machine",
}
"""Target -> the server type whose template writes a kept address."""
HOW = {
    "scaleway": "reserved in the private network's address management (scaleway_ipam_ip) and "
    "given to the server through its private NIC (scaleway_instance_private_nic), written beside it",
    "ovhcloud": "written as the address of the server's private network entry (networks ip)",
    "opennebula": "written as the address of the server's NIC (nic ip), inside its network's "
    "address range",
}
"""How each target keeps it, for the README."""
UNKEPT = {
    "ionos": "an IONOS LAN has no IPv4 range of its own to hold the source's subnet: its DHCP "
    "gives the server's address"
}
"""Why a target keeps no source address, where it is not its pool's say alone."""
AR_SIZE = 1000
"""The most addresses an OpenNebula network's address range is written with (network.tf)."""


def fixed_by_machine(resources: dict[str, Resource]) -> dict[str, list[tuple[Resource, str]]]:
    """Machine id -> the interfaces attached to it that hold a fixed private address, with it;
    made in one pass over the inventory, not once for every machine."""
    found: dict[str, list[tuple[Resource, str]]] = {}
    for nic in resources.values():
        if nic.kind != Kind.NETWORK_INTERFACE or not nic.attributes.details.get(STATIC):
            continue
        machines = {
            link.to for link in nic.topology.attachments if link.relation == "network_interface"
        }
        for machine in machines:
            found.setdefault(machine, []).extend(
                (nic, str(ip)) for ip in nic.attributes.details[STATIC]
            )
    for held in found.values():
        held.sort(key=lambda ni: (ni[0].id, ni[1]))
    return found


def _fits(address: str, item: Item, provider: str) -> str | None:
    """Why ``address`` cannot be kept in the item's subnet here, or None."""
    if item.subnet is None:
        return "the machine is written in no subnet here"
    ip = ipaddress.ip_address(address)
    net = item.subnet.block
    if ip.version != net.version or ip not in net:
        return f"not in the subnet it is written in here ({item.subnet.cidr})"
    if ip in (net.network_address, net.network_address + 1, net.broadcast_address):
        return f"the network, gateway or broadcast address of {item.subnet.cidr} here"
    if provider == "opennebula":
        start, size = item.subnet.pool
        offset = int(ip) - int(net.network_address)
        if not start <= offset < start + min(size, AR_SIZE):
            first, last = item.subnet.host(start), item.subnet.host(start + min(size, AR_SIZE) - 1)
            return f"outside the network's address range here ({first} to {last})"
    return None


def settle(
    site: Site,
    resources: dict[str, Resource],
    fixed: dict[str, list[tuple[Resource, str]]] | None = None,
) -> None:
    """Give each machine here the fixed address of its source interface where the target keeps
    it (``Item.kept_address``), and say in the README's "not written here" line of each
    interface whether its address is kept or changes."""
    if fixed is None:
        fixed = fixed_by_machine(resources)
    if not fixed:
        return
    reasons = {s.resource.id: s for s in site.skipped}
    taken: dict[str, set[str]] = {}
    # the addresses the site itself gives machines behind a load balancer (``Item.machine_ips``)
    given: dict[str, set[int]] = {}
    if site.provider == "ovhcloud":
        for other in site.items:
            if other.behind_load_balancer and other.subnet is not None:
                for ip in other.machine_ips[: other.pooled]:
                    given.setdefault(ip, set()).add(id(other))
    for item in site.items:
        if item.resource.kind != Kind.VM:
            continue
        for nic, address in fixed.get(item.resource.id, ()):
            skipped = reasons.get(nic.id)
            why: str | None
            if RESERVES.get(site.provider) != item.rtype:
                why = UNKEPT.get(
                    site.provider, "this target's server takes its address from the network's pool"
                )
            elif item.kept_address is not None:
                why = "the server's one private NIC here holds another fixed address"
            else:
                why = _fits(address, item, site.provider)
                used = taken.setdefault(item.subnet.local if item.subnet else "", set())
                if why is None and address in used:
                    why = "another machine here keeps it"
                if why is None and given.get(address, {id(item)}) != {id(item)}:
                    why = "the site gives it to another machine behind a load balancer"
            if why is None:
                item.kept_address, item.kept_from = address, nic.name
                taken[item.subnet.local if item.subnet else ""].add(address)
                said = f"its fixed private address {address} is kept: {HOW[site.provider]}"
            else:
                said = f"its fixed private address {address} changes ({why}): update what names it"
            if skipped is not None and said not in skipped.reason:
                skipped.reason = skipped.reason.replace(
                    "; its private address is the target's, not the source's", ""
                )
                skipped.reason += f"; {said}"
