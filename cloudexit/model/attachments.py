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

# (child kind, parent kinds, relation): the child is attached to the parent.
PAIRS: tuple[tuple[Kind, frozenset[Kind], AttachmentRelation], ...] = (
    (Kind.BLOCK_VOLUME, frozenset({Kind.VM, Kind.VM_GROUP}), "volume"),
    (Kind.NETWORK_INTERFACE, frozenset({Kind.VM}), "network_interface"),
    (Kind.PUBLIC_IP, frozenset({Kind.VM, Kind.LOAD_BALANCER, Kind.NETWORK_INTERFACE}), "public_ip"),
    (Kind.KUBERNETES_NODE_POOL, frozenset({Kind.KUBERNETES_CLUSTER}), "node_pool"),
    (Kind.TARGET_GROUP, frozenset({Kind.LOAD_BALANCER}), "target_group"),
    (Kind.SUBNET, frozenset({Kind.NETWORK}), "subnet"),
)
_BY_CHILD = {child: (parents, relation) for child, parents, relation in PAIRS}


def link_attachments(resources: Sequence[Resource]) -> None:
    """Add implied attachments and applied security groups, in place; idempotent."""
    by_id = {r.id: r for r in resources}
    for resource in resources:
        for dep_id in resource.depends_on:
            other = by_id.get(dep_id)
            if other is None:
                continue
            _pair(resource, other)
            _pair(other, resource)
            applies = other.kind == Kind.SECURITY_GROUP and resource.kind != Kind.SECURITY_GROUP
            if applies and other.id not in resource.topology.security_groups:
                resource.topology.security_groups = sorted(
                    {*resource.topology.security_groups, other.id}
                )
    _through_interfaces(resources)


def _through_interfaces(resources: Sequence[Resource]) -> None:
    """A VM takes the security groups of its network interfaces (an Azure NIC's NSG): the
    targets apply groups to the server."""
    vms = {r.id: r for r in resources if r.kind == Kind.VM}
    for nic in resources:
        if nic.kind != Kind.NETWORK_INTERFACE or not nic.topology.security_groups:
            continue
        owners = {a.to for a in nic.topology.attachments if a.relation == "network_interface"}
        owners |= {d for d in nic.depends_on if d in vms}
        owners |= {v.id for v in vms.values() if nic.id in v.depends_on}
        for owner in sorted(owners & set(vms)):
            vm = vms[owner]
            missing = set(nic.topology.security_groups) - set(vm.topology.security_groups)
            if missing:
                vm.topology.security_groups = sorted({*vm.topology.security_groups, *missing})


def _pair(child: Resource, parent: Resource) -> None:
    rule = _BY_CHILD.get(child.kind)
    if rule is None or parent.kind not in rule[0]:
        return
    link = Attachment(relation=rule[1], to=parent.id)
    if link not in child.topology.attachments:
        child.topology.attachments = sorted(
            [*child.topology.attachments, link], key=lambda a: (a.relation, a.to)
        )
