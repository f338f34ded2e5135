"""Which placed resources a public address can attach to, and whether a server keeps it.

The plan prices an address and the Terraform writes it from this one decision: an address whose
type attaches only to a load balancer (``SERVER_ADDRESS``) and that only servers hold is written
as the server's own public interface and left out of the cost (``optimise.server_addresses``);
one a load balancer holds too is written as the balancer's floating IP and priced as one."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Option
from cloudexit.optimise.inspection import tier

SERVER_ADDRESS = frozenset({"ovh_cloud_floating_ip"})
"""Address types a target attaches to a load balancer only (OVHcloud: a floating IP attaches to a
load balancer or, through a gateway, to a private instance)."""

Role = Literal["server", "balancer"]


def role(resource: Resource, option: Option) -> Role | None:
    """What ``resource``, placed on ``option``, is to an address: a server (a VM, or a managed
    firewall rebuilt on a VM of the target, the appliance the plan prices for it), a load
    balancer, or neither."""
    if resource.kind == Kind.VM:
        return "server"
    if resource.kind == Kind.LOAD_BALANCER:
        return "balancer"
    if (
        resource.kind == Kind.FIREWALL
        and tier(resource) is not None
        and option.fidelity == "self_managed"
        and option.product
    ):
        return "server"
    return None


def neighbours(
    address: Resource, resources: Mapping[str, Resource], users: Mapping[str, Iterable[str]]
) -> list[str]:
    """The ids, sorted, of what the address names or is named by (``users``: id -> what names
    it), and of the machines behind a network interface holding it (an Azure public IP sits on a
    NIC, the NIC on the VM)."""
    found = set(address.depends_on) | set(users.get(address.id, ()))
    nics = {a.to for a in address.topology.attachments if a.relation == "public_ip"}
    for nid in sorted(nics | set(address.depends_on)):
        nic = resources.get(nid)
        if nic is not None and nic.kind == Kind.NETWORK_INTERFACE:
            found |= {a.to for a in nic.topology.attachments if a.relation == "network_interface"}
    found.discard(address.id)
    return sorted(found)


def kept_by_server(address_type: str | None, roles: Iterable[Role]) -> bool:
    """Whether an address of ``address_type`` held by hosts of ``roles`` (those at its site) is
    the public interface of a server rather than an address resource: its type attaches only to
    a load balancer, and a server, and no load balancer, holds it."""
    held = list(roles)
    return address_type in SERVER_ADDRESS and bool(held) and all(r == "server" for r in held)
