"""A source interface's fixed private address: kept where the target's server can reserve it in
the subnet it lands in, else said to change.

Scaleway reserves an address in a private network's IPAM (``scaleway_ipam_ip`` with
``address``) and gives it to a server through a private NIC (``scaleway_instance_private_nic``
with ``ipam_ip_ids``); its server's own ``private_network`` block takes no address. Other
targets' server templates take the address from the network's pool.
"""

from __future__ import annotations

import ipaddress

from cloudexit.emit.terraform.site import Item, Site
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind

STATIC = "static_private_ips"
RESERVES = {"scaleway": "scaleway_instance_server"}
"""Target -> the server type whose template writes a kept address (reserved, then attached)."""


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


def _fits(address: str, item: Item) -> str | None:
    """Why ``address`` cannot be kept in the item's subnet here, or None."""
    if item.subnet is None:
        return "the machine is written in no subnet here"
    ip = ipaddress.ip_address(address)
    net = item.subnet.block
    if ip.version != net.version or ip not in net:
        return f"not in the subnet it is written in here ({item.subnet.cidr})"
    if ip in (net.network_address, net.network_address + 1, net.broadcast_address):
        return f"the network, gateway or broadcast address of {item.subnet.cidr} here"
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
    for item in site.items:
        if item.resource.kind != Kind.VM:
            continue
        for nic, address in fixed.get(item.resource.id, ()):
            skipped = reasons.get(nic.id)
            why: str | None
            if RESERVES.get(site.provider) != item.rtype:
                why = "this target's server takes its address from the network's pool"
            elif item.kept_address is not None:
                why = "the server's one private NIC here holds another fixed address"
            else:
                why = _fits(address, item)
                used = taken.setdefault(item.subnet.local if item.subnet else "", set())
                if why is None and address in used:
                    why = "another machine here keeps it"
            if why is None:
                item.kept_address, item.kept_from = address, nic.name
                taken[item.subnet.local if item.subnet else ""].add(address)
                said = (
                    f"its fixed private address {address} is kept: reserved in the private "
                    "network's address management (scaleway_ipam_ip) and given to the server "
                    "through its private NIC (scaleway_instance_private_nic), written beside it"
                )
            else:
                said = f"its fixed private address {address} changes ({why}): update what names it"
            if skipped is not None and said not in skipped.reason:
                skipped.reason = skipped.reason.replace(
                    "; its private address is the target's, not the source's", ""
                )
                skipped.reason += f"; {said}"
