"""Attachments implied by a dependency between two kinds that only exist together.

A mapper records the attachments its source states (a volume's attachment list, a replica's
primary); this adds the ones a dependency between such a pair of kinds implies, whichever
side names the other, so every source shape gives placement the same hard relations.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cloudexit.model.kinds import Kind
from cloudexit.model.topology import Attachment, AttachmentRelation

if TYPE_CHECKING:
    from cloudexit.model.inventory import Resource

_BALANCERS = frozenset({Kind.LOAD_BALANCER, Kind.TARGET_GROUP})
VOLUME_OWNERS = frozenset({Kind.VM, Kind.VM_GROUP})
"""The only kinds a block volume can be attached to: a snapshot or an image made from a volume
names it without owning it."""

# (child kind, parent kinds, relation): the child is attached to the parent, whichever names
# the other. A load balancer's targets are its members: a balancer cannot reach instances in
# another region, so they move as one.
PAIRS: tuple[tuple[Kind, frozenset[Kind], AttachmentRelation], ...] = (
    (Kind.BLOCK_VOLUME, VOLUME_OWNERS, "volume"),
    (Kind.NETWORK_INTERFACE, frozenset({Kind.VM}), "network_interface"),
    (
        Kind.PUBLIC_IP,
        frozenset({Kind.VM, Kind.LOAD_BALANCER, Kind.NETWORK_INTERFACE, Kind.FIREWALL}),
        "public_ip",
    ),
    (Kind.KUBERNETES_NODE_POOL, frozenset({Kind.KUBERNETES_CLUSTER}), "node_pool"),
    (Kind.TARGET_GROUP, frozenset({Kind.LOAD_BALANCER}), "target_group"),
    (Kind.SUBNET, frozenset({Kind.NETWORK}), "subnet"),
    (Kind.VM, _BALANCERS, "lb_member"),
    (Kind.VM_GROUP, _BALANCERS, "lb_member"),
    (Kind.NETWORK_INTERFACE, _BALANCERS, "lb_member"),
)
_BY_CHILD: dict[Kind, list[tuple[frozenset[Kind], AttachmentRelation]]] = {}
for _child, _parents, _relation in PAIRS:
    _BY_CHILD.setdefault(_child, []).append((_parents, _relation))

# Same-kind parts: only the side that names the other is attached. Listeners, rules and proxies
# of a load balancer (all kind load_balancer), pool members of a pool (both target groups).
SAME_KIND: dict[Kind, AttachmentRelation] = {
    Kind.LOAD_BALANCER: "listener",
    Kind.TARGET_GROUP: "target_group",
}

# A database or cache resource naming one of the same category whose native type is a cluster is
# a member of it: Aurora, DocumentDB and Neptune cluster instances, ElastiCache nodes of a
# replication group. They serve one data set and cannot be split.
_GROUPS = ("replicationgroup", "replication_group")
_CLUSTERED_CATEGORIES = frozenset({"database", "cache"})


def _member(child: Resource, parent: Resource) -> bool:
    """Engines refine kinds apart (a plan may not know an instance's engine): the category
    is what must agree. An ElastiCache cache cluster is itself a node of a replication group."""
    if child.kind.category != parent.kind.category:
        return False
    if child.kind.category not in _CLUSTERED_CATEGORIES:
        return False
    whole, part = parent.type.lower(), child.type.lower()
    if whole.endswith(_GROUPS):
        return not part.endswith(_GROUPS)
    return whole.endswith("cluster") and not part.endswith(("cluster", *_GROUPS))


def link_attachments(resources: Sequence[Resource]) -> None:
    """Add implied attachments and applied security groups, in place; idempotent."""
    by_id = {r.id: r for r in resources}
    for resource in resources:
        for dep_id in resource.depends_on:
            other = by_id.get(dep_id)
            if other is None:
                continue
            if _member(resource, other):
                _attach(resource, other, "cluster_member")
            elif other.kind == resource.kind:
                if resource.kind in SAME_KIND:
                    _attach(resource, other, SAME_KIND[resource.kind])
            else:
                _pair(resource, other)
                _pair(other, resource)
            applies = other.kind == Kind.SECURITY_GROUP and resource.kind != Kind.SECURITY_GROUP
            if applies and other.id not in resource.topology.security_groups:
                resource.topology.security_groups = sorted(
                    {*resource.topology.security_groups, other.id}
                )
    _through_interfaces(resources)
    _through_subnets(resources)


def machine_interfaces(resources: Sequence[Resource]) -> dict[str, list[Resource]]:
    """VM id -> its network interfaces, whichever side names the other."""
    vms = {r.id: r for r in resources if r.kind == Kind.VM}
    found: dict[str, list[Resource]] = {}
    for nic in resources:
        if nic.kind != Kind.NETWORK_INTERFACE:
            continue
        owners = {a.to for a in nic.topology.attachments if a.relation == "network_interface"}
        owners |= {d for d in nic.depends_on if d in vms}
        owners |= {v.id for v in vms.values() if nic.id in v.depends_on}
        for owner in sorted(owners & set(vms)):
            found.setdefault(owner, []).append(nic)
    return found


def _through_interfaces(resources: Sequence[Resource]) -> None:
    """A VM takes the security groups of its network interfaces (an Azure NIC's NSG): the
    targets apply groups to the server."""
    vms = {r.id: r for r in resources if r.kind == Kind.VM}
    for owner, nics in machine_interfaces(resources).items():
        vm = vms[owner]
        groups = {g for nic in nics for g in nic.topology.security_groups}
        if groups - set(vm.topology.security_groups):
            vm.topology.security_groups = sorted({*vm.topology.security_groups, *groups})


def _through_subnets(resources: Sequence[Resource]) -> None:
    """A VM sits behind the security groups of its subnets too (an Azure subnet NSG). Kept
    apart from its own groups: a packet must pass both layers, which the targets can only say
    as one group holding what both allow."""
    by_id = {r.id: r for r in resources}
    nics = machine_interfaces(resources)
    for vm in resources:
        if vm.kind != Kind.VM:
            continue
        named = {*vm.depends_on, *(d for nic in nics.get(vm.id, []) for d in nic.depends_on)}
        subnets = [by_id[d] for d in sorted(named) if d in by_id and by_id[d].kind == Kind.SUBNET]
        groups = {g for s in subnets for g in s.topology.security_groups}
        if groups - set(vm.topology.subnet_security_groups):
            vm.topology.subnet_security_groups = sorted(
                {*vm.topology.subnet_security_groups, *groups}
            )


def _pair(child: Resource, parent: Resource) -> None:
    for parents, relation in _BY_CHILD.get(child.kind, []):
        if parent.kind in parents:
            _attach(child, parent, relation)
            return


def _attach(child: Resource, parent: Resource, relation: AttachmentRelation) -> None:
    link = Attachment(relation=relation, to=parent.id)
    if link not in child.topology.attachments:
        child.topology.attachments = sorted(
            [*child.topology.attachments, link], key=lambda a: (a.relation, a.to)
        )
