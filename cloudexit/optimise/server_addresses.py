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
from cloudexit.optimise.address_hosts import SERVER_ADDRESS, Role, kept_by_server, neighbours, role
from cloudexit.wording import first_few, plural

PART = "public_ip (the server's own public interface)"


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
    carried: list[str] = []
    for p in addresses:
        choice = p.choice
        roles: list[Role] = []
        for rid in neighbours(resources[p.resource_id], resources, users):
            host = placed.get(rid)
            if host is None or (host.choice.provider, host.choice.region) != (
                choice.provider,
                choice.region,
            ):
                continue
            found = role(resources[rid], host.choice)
            if found is not None:
                roles.append(found)
        if not kept_by_server(choice.terraform, roles):
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
