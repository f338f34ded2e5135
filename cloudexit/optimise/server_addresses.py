"""A public address a server carries on its own public interface is no address product.

On OVHcloud a floating IP attaches only to a load balancer or, through a gateway, to a private
instance; a server keeping its public address gets a public interface of its own instead
(``auto_assign_public_ip``, see the Terraform site), and no floating IP is written for it. Its
price is then not the floating IP's: no price list here gives the price of an instance's own
public address, so it is recorded as an unpriced part, never as the floating IP's price nor as
zero."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Placement
from cloudexit.wording import first_few, plural

SERVER_ADDRESS = frozenset({"ovh_cloud_floating_ip"})
"""Address types written for a load balancer only (the Terraform site's ``SERVER_ADDRESS``)."""

PART = "public_ip (the server's own public interface)"
_HOSTS = (Kind.VM, Kind.LOAD_BALANCER, Kind.FIREWALL)


def _related(
    address: Resource, resources: Mapping[str, Resource], users: Mapping[str, set[str]]
) -> set[str]:
    """What the address names or is named by (``users``: id -> what names it), and the machines
    behind a network interface holding it (an Azure public IP sits on a NIC, the NIC on the VM)."""
    found = set(address.depends_on) | users.get(address.id, set())
    nics = {a.to for a in address.topology.attachments if a.relation == "public_ip"}
    for nid in sorted(nics | set(address.depends_on)):
        nic = resources.get(nid)
        if nic is not None and nic.kind == Kind.NETWORK_INTERFACE:
            found |= {a.to for a in nic.topology.attachments if a.relation == "network_interface"}
    return found


def _server(host: Placement) -> bool:
    """A VM, or a managed firewall rebuilt on a VM of the target (the appliance the plan prices
    for it); a load balancer is not a server."""
    if host.kind == Kind.VM.value:
        return True
    return (
        host.kind == Kind.FIREWALL.value
        and host.choice.fidelity == "self_managed"
        and host.choice.product is not None
    )


def price_server_addresses(
    resources: Mapping[str, Resource], placements: list[Placement]
) -> list[str]:
    """Reprice, in place, every address written as a server's public interface: out of the
    target cost, an unpriced part. Returns the warning naming them."""
    addresses = [
        p
        for p in placements
        if p.kind == Kind.PUBLIC_IP.value
        and not p.choice.retain
        and p.choice.terraform in SERVER_ADDRESS
    ]
    if not addresses:
        return []
    users: dict[str, set[str]] = {}
    for r in resources.values():
        for dep in r.depends_on:
            users.setdefault(dep, set()).add(r.id)
    placed = {p.resource_id: p for p in placements}
    host_kinds = {k.value for k in _HOSTS}
    carried: list[str] = []
    for p in addresses:
        choice = p.choice
        hosts = [
            placed[rid]
            for rid in sorted(_related(resources[p.resource_id], resources, users))
            if rid in placed
            and placed[rid].kind in host_kinds
            and (placed[rid].choice.provider, placed[rid].choice.region)
            == (choice.provider, choice.region)
        ]
        if not hosts or not all(_server(h) for h in hosts):
            continue
        p.choice = choice.model_copy(
            update={
                "monthly_cost": Decimal(0),
                "costs": {},
                "product": None,
                "product_name": None,
                "unverified_prices": [],
                "second_hand_prices": [],
                "second_hand_monthly": Decimal(0),
                "unpriced_parts": sorted({*choice.unpriced_parts, PART}),
            }
        )
        carried.append(resources[p.resource_id].name)
    if not carried:
        return []
    line = (
        "not in the target cost, for want of a list price: the public address a server keeps, "
        "written as the server's own public interface (no floating IP, which attaches only to "
        f"a load balancer or through a gateway), on {len(carried)} "
        f"{plural(len(carried), 'placement')} ({first_few(sorted(carried))}); no price list here "
        "says whether the instance price includes it"
    )
    return [line]
