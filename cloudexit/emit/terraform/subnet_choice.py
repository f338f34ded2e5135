"""Which of the subnets written at a site a resource goes into when its source does not say.

A machine group naming only its network, a managed database, a balancer or an App Engine
application has a region but no subnet. A network is recreated at a site with every subnet a
placed resource names (a GCP auto-mode network has one per region), so "the network's first
subnet" is whichever region sorts first: a us-central1 group ended up in the copy of asia-east1.
The subnet taken is the one of the resource's own account (project, subscription), in its source
region, in its zone where both are known. Where several remain or none matches, the first in the
site's order (networks, then subnets, by source id) is taken and the choice is said: a comment
above the resource and a warning in the plan, naming the subnet's account where it is not the
resource's (``shared_subnets`` says so where there was nothing to choose).

A subnet copied from another cloud's network is never taken: an Azure VM landing beside only AWS
VPC copies went into one of them, so one cloud's workload joined another's network. Such a
resource goes into a site network made for its cloud alone (``own_network``), and that is said.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cloudexit.model.inventory import NO_REGION, Resource

if TYPE_CHECKING:
    from cloudexit.emit.terraform.site import Site, Subnet

# Regions that say nothing about where a resource runs.
_NO_REGION = frozenset({"", "global", "unknown", "none"})
# App Engine location ids of two regions lack the trailing 1 of the region they run in.
_GCP_LOCATIONS = {"us-central": "us-central1", "europe-west": "europe-west1"}

OWNER = {"gcp": "project", "azure": "subscription", "aws": "account"}
"""What each cloud calls the account a resource belongs to."""

SUBNET_TYPES = frozenset(
    {
        "ionoscloud_cube_server",
        "ionoscloud_inmemorydb_cluster_v2",
        "ionoscloud_k8s_node_pool",
        "ionoscloud_mariadb_cluster",
        "ionoscloud_mongo_cluster",
        "ionoscloud_networkloadbalancer",
        "ionoscloud_pg_cluster",
        "ionoscloud_server",
        "opennebula_virtual_machine",
        "ovh_cloud_instance",
        "ovh_cloud_project_database",
        "ovh_cloud_project_kube",
        "ovh_cloud_project_loadbalancer",
        "scaleway_instance_server",
        "scaleway_k8s_cluster",
        "scaleway_lb",
        "scaleway_mongodb_instance",
        "scaleway_rdb_instance",
        "scaleway_rdb_read_replica",
        "scaleway_redis_cluster",
    }
)
"""Resource types whose template attaches the resource to its subnet (``Item.subnet``)."""


@dataclass(frozen=True)
class Pick:
    subnet: Subnet
    note: str | None = None
    """Why this subnet, where the source left a choice or none matched."""


def region_of(resource: Resource) -> str | None:
    """The source region a resource runs in, None where it names none."""
    region = resource.region.strip().lower()
    if region in _NO_REGION:
        return None
    if resource.provider == "gcp":
        return _GCP_LOCATIONS.get(region, region)
    return region


def zone_of(resource: Resource) -> str | None:
    """The zone a resource or subnet is in (GCP's ``zone``, AWS's ``availability_zone``)."""
    details = resource.attributes.details
    for key in ("zone", "availability_zone"):
        zone = details.get(key)
        if isinstance(zone, str) and zone.strip():
            return zone.strip().lower()
    return None


def _origin(subnet: Subnet) -> Resource | None:
    """The source resource a subnet copies: its subnet, or the network it spans."""
    return subnet.source if subnet.source is not None else subnet.network.source


def cloud_of(subnet: Subnet) -> str | None:
    """The source cloud whose network a subnet copies; None for a site network all share."""
    origin = _origin(subnet)
    return origin.provider if origin is not None else subnet.network.cloud


def _region(subnet: Subnet) -> str | None:
    origin = _origin(subnet)
    return region_of(origin) if origin is not None else None


def _label(subnet: Subnet) -> str:
    region = _region(subnet)
    return f"{subnet.name} ({region})" if region else subnet.name


def pick(resource: Resource, candidates: Sequence[Subnet], among: str) -> Pick | None:
    """The subnet of ``candidates`` (in site order) ``resource`` goes into; None when there is
    none. ``among``: what the candidates are, for the note ("its network default's subnets")."""
    every = list({id(s): s for s in candidates}.values())
    found = [s for s in every if cloud_of(s) in (None, resource.provider)]
    if not found:
        return None
    region = region_of(resource)
    if len(found) == 1 and (region is None or _region(found[0]) in (None, region)):
        return Pick(found[0])  # nothing to choose, and nothing that says it is elsewhere
    own = [s for s in found if (o := _origin(s)) is not None and o.account == resource.account]
    pool = own or found
    if region is None and len(own) == 1:
        return Pick(own[0])  # the one subnet of its own account here
    local = [s for s in pool if region is not None and _region(s) == region]
    zone = zone_of(resource)
    zoned = [s for s in local if zone is not None and (o := s.source) and zone_of(o) == zone]
    for chosen in (zoned, local):
        if len(chosen) == 1:
            return Pick(chosen[0])
    if own and len(own) < len(every):
        among = f"{among} in its account {resource.account}"
    first = (local or pool)[0]
    shown = ", ".join(_label(s) for s in (local or pool)[:4])
    more = len(local or pool) - 4
    if more > 0:
        shown += f" and {more} more"
    if local:
        why = f"{len(local)} of {among} are in its source region {region} ({shown})"
    elif region is None:
        unstated = resource.attributes.details.get(NO_REGION)
        reason = unstated if isinstance(unstated, str) and unstated else "it names no region"
        why = f"{reason} and {len(pool)} of {among} could hold it ({shown})"
    elif all(_region(s) is None for s in pool):
        why = f"{len(pool)} of {among} could hold it and none names a region ({shown})"
    else:
        why = f"none of {among} is in its source region {region} ({shown})"
    which = "the only one" if len(local or pool) == 1 else "the first in the site's order"
    origin = _origin(first)
    if (
        origin is not None
        and origin.account
        and resource.account
        and (origin.account != resource.account)
    ):
        owner = OWNER.get(resource.provider, "account")
        which += f", of {owner} {origin.account}, not of its own {owner} {resource.account}"
    return Pick(
        first,
        f"names no subnet and {why}: attached to {first.name}, {which}; name its subnet in the "
        "inventory (depends_on) to choose another",
    )


def own_network(site: Site, resource: Resource, unique: Callable[[str], str]) -> Pick:
    """The subnet of the site network made for ``resource``'s cloud, made on first use: every
    subnet written at ``site`` copies another cloud's network."""
    from cloudexit.emit.terraform.site import Network, Subnet

    cloud = resource.provider
    net = next((n for n in site.networks if n.cloud == cloud and n.source is None), None)
    if net is None:
        net = Network(unique(f"{cloud}_main"), f"{cloud}-main", None, cloud=cloud)
        net.subnets.append(Subnet(unique(f"{net.local}_default"), f"{net.name}-default", "", net))
        site.networks.append(net)
    others = sorted({c for s in site.subnets if (c := cloud_of(s)) not in (None, cloud)})
    return Pick(
        net.subnets[0],
        f"names no subnet and every network written here copies another cloud's "
        f"({', '.join(others)}): put in a network of its own, {net.name}, not joined to "
        f"theirs; name its subnet in the inventory (depends_on) to choose another",
    )
