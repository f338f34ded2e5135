"""Resources written into the copy of a subnet another project, subscription or account owns.

A GCP shared VPC puts a service project's machines into the host project's subnets; Azure and
AWS share subnets across subscriptions and accounts the same way. At the target the resource
joins that subnet's copy, whoever then owns it. A resource that names no subnet can also be put
into another project's subnet of its region when its own project's network is not written at
the site. Either way the plan names both owners, for the architect to decide whose project the
network goes to and who may attach to it. (A subnet chosen among several says so in its own
warning, owner included: ``subnet_choice.pick``.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from cloudexit.emit.terraform.subnet_choice import OWNER, SUBNET_TYPES

if TYPE_CHECKING:
    from cloudexit.emit.terraform.site import Site


def shared_subnet_warnings(built: Iterable[Site]) -> list[str]:
    """One line per resource written into the copy of a subnet (or network) of its own cloud
    that another of its projects, subscriptions or accounts owns."""
    lines = []
    for site in built:
        for item in site.items:
            subnet = item.subnet
            if subnet is None or item.rtype not in SUBNET_TYPES or item.subnet_note:
                continue  # written into no subnet, or the choice is said already
            origin = subnet.source if subnet.source is not None else subnet.network.source
            r = item.resource
            if origin is None or origin.provider != r.provider:
                continue
            if not origin.account or not r.account or origin.account == r.account:
                continue
            owner = OWNER.get(r.provider, "account")
            what = "subnet" if subnet.source is not None else "network"
            network = subnet.network.source
            named = origin.id in r.depends_on or (
                network is not None and network.id in r.depends_on
            )
            how = (
                f"names {what} {origin.name} of {owner} {origin.account}, a shared network, and "
                f"is written into its copy {subnet.name}"
                if named
                else f"names no subnet and is written into {subnet.name}, the copy of {what} "
                f"{origin.name} of {owner} {origin.account} in its region"
            )
            lines.append(
                f"subnet of another {owner} on {site.provider}/{site.region}: {r.name} ({r.id}) "
                f"of {owner} {r.account} {how}: decide which {owner} holds that network at the "
                f"target and whether {r.account}'s resources may join it, or give it a subnet of "
                "its own"
            )
    return sorted(lines)
