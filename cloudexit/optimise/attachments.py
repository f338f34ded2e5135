"""Attachment: parts that only work together (a disk and its VM, a node pool and its cluster).

An attached group is placed as one unit whatever the policy says. Until the inventory carries
attachments as typed data, they are read from what it has: a ``depends_on`` link between kinds
that can only be attached, or a native ``attached_to``/``replica_of`` fact kept in details.
"""

from __future__ import annotations

from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.kinds import Kind

ATTACHED_KINDS: frozenset[tuple[Kind, Kind]] = frozenset(
    {
        (Kind.VM, Kind.BLOCK_VOLUME),
        (Kind.VM_GROUP, Kind.BLOCK_VOLUME),
        (Kind.VM, Kind.NETWORK_INTERFACE),
        (Kind.VM, Kind.PUBLIC_IP),
        (Kind.NETWORK_INTERFACE, Kind.PUBLIC_IP),
        (Kind.LOAD_BALANCER, Kind.PUBLIC_IP),
        (Kind.LOAD_BALANCER, Kind.TARGET_GROUP),
        (Kind.KUBERNETES_NODE_POOL, Kind.KUBERNETES_CLUSTER),
        (Kind.SUBNET, Kind.NETWORK),
    }
)
"""(kind, kind) pairs a depends_on link between means attachment, in either direction."""

_NATIVE_KEYS = ("attached_to", "replica_of", "primary")


def _native(resource: Resource) -> list[str]:
    found: list[str] = []
    for key in _NATIVE_KEYS:
        value = resource.attributes.details.get(key)
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list):
            found.extend(v for v in value if isinstance(v, str))
    return found


def attachments(inventory: Inventory) -> list[tuple[str, str]]:
    """Every attached (part, whole) pair of resource ids, sorted; both ends are in the inventory."""
    by_id = inventory.by_id()
    pairs: set[tuple[str, str]] = set()
    for r in inventory.resources:
        for other in r.depends_on:
            dep = by_id.get(other)
            if (
                dep is not None
                and dep.id != r.id
                and ((r.kind, dep.kind) in ATTACHED_KINDS or (dep.kind, r.kind) in ATTACHED_KINDS)
            ):
                pairs.add((r.id, dep.id))
        for link in r.topology.attachments:
            if link.to in by_id and link.to != r.id:
                pairs.add((r.id, link.to))
        for other in _native(r):
            if other in by_id and other != r.id:
                pairs.add((r.id, other))
    return sorted(pairs)
