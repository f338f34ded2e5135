"""A Kubernetes pool whose target writes no disk for its nodes keeps their data on the flavour's
local disk: the flavours whose local disk holds the source node's disk, unless that disk is the
source's default (GKE's 100 GB boot disk, AKS's OS disk by the VM's vCPUs, 128 GB below 8; an
EKS managed node group's 20 GiB root volume, 50 on Windows), which states no need of the
workload."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from cloudexit.catalog.boot import load_boot_volumes
from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.schema import Product
from cloudexit.catalog.sizing import _Same
from cloudexit.errors import InputError
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.node_disks import default_node_disk
from cloudexit.model.plan import Placement


def holding(products: tuple[Product, ...], gib: float) -> tuple[Product, ...]:
    """The products among ``products`` with a local disk of at least ``gib``: the same tuple
    for the same list and size, so the rankings made from it are kept too."""
    return _holding(_Same(products), gib)


@lru_cache(maxsize=4096)
def _holding(products: _Same, gib: float) -> tuple[Product, ...]:
    offered: tuple[Product, ...] = products.obj  # type: ignore[assignment]
    return tuple(p for p in offered if (p.specs.local_storage_gib or 0) >= gib)


DEFAULT_NOT_HELD = (
    "the source's {gib:g} GB node disk is {whose}, not a size the workload "
    "states, so the flavour is chosen by CPU and memory and its own local disk ({local}) is the "
    "node's disk; the target's pool writes no disk for its nodes, which keep no data (OVHcloud "
    "reinstalls nodes on repair and upgrade and keeps data on Persistent Volumes): check the "
    "pods' ephemeral storage and images fit before cut-over"
)


def node_disk_held(resource: Resource) -> float | None:
    """The node disk a flavour's local disk must hold where the target writes none: the source
    node's disk, unless it is the source's default, which says nothing of what the nodes hold."""
    disk = resource.attributes.storage_gib
    if not disk:
        return None
    default = default_node_disk(resource)
    if default is not None and disk == default[0]:
        return None
    return disk


def default_disk_warnings(
    inventory: Inventory, placements: Iterable[Placement], catalog: Catalog
) -> list[str]:
    """One line per moved node pool whose source's default disk was not held by its flavour."""
    from cloudexit.model.labels import readable_names

    by_id = inventory.by_id()
    lines = []
    names: dict[str, str] | None = None
    for p in placements:
        r = by_id.get(p.resource_id)
        if (
            p.choice.retain
            or r is None
            or r.kind is not Kind.KUBERNETES_NODE_POOL
            or not r.attributes.storage_gib
            or node_disk_held(r) is not None
            or p.choice.product is None
            or load_boot_volumes().for_server(p.choice.provider, p.choice.terraform) is not None
        ):
            continue
        try:
            local = catalog.product(p.choice.provider, p.choice.product).specs.local_storage_gib
        except (KeyError, InputError):
            local = None
        names = names or readable_names(inventory.resources)
        size = (
            f"{local:g} GB on {p.choice.product}"
            if local
            else f"none listed for {p.choice.product}"
        )
        default = default_node_disk(r)
        whose = default[1] if default is not None else "the source's default"
        lines.append(
            f"node pool {names[r.id]} on {p.choice.provider}/{p.choice.region}: "
            + DEFAULT_NOT_HELD.format(gib=r.attributes.storage_gib, whose=whose, local=size)
        )
    return sorted(lines)
