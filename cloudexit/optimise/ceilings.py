"""What an autoscaling node pool may cost at its ceiling: the plan prices the size the pool
runs at, the Terraform lets it grow to the bounds its source sets (``model.scaling``)."""

from __future__ import annotations

from decimal import Decimal

from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.money import quantize
from cloudexit.model.plan import Option, Placement

# Node pool types whose template writes the source's autoscaling bounds.
AUTOSCALED = frozenset(
    {"scaleway_k8s_pool", "ovh_cloud_project_kube_nodepool", "ionoscloud_k8s_node_pool"}
)


def ceiling_monthly(choice: Option, resource: Resource) -> tuple[int, int, Decimal] | None:
    """Nodes priced, nodes at the ceiling and the monthly cost there (each node at the priced
    pool's cost per node), for a pool whose source sets autoscaling bounds; None otherwise."""
    a = resource.attributes
    if resource.kind != Kind.KUBERNETES_NODE_POOL or a.min_nodes is None or a.max_nodes is None:
        return None
    nodes = max(1, a.node_count or int(choice.quantity or 1) or 1)
    ceiling = max(a.max_nodes, nodes)
    return nodes, ceiling, quantize(Decimal(choice.monthly_cost) * ceiling / nodes)


def ceiling_warnings(
    placements: list[Placement], resources: dict[str, Resource], names: dict[str, str]
) -> list[str]:
    """One line per node pool written to autoscale: what it may cost a month at its ceiling
    beside what the plan priced."""
    lines = []
    for p in placements:
        resource = resources.get(p.resource_id)
        if resource is None or p.choice.retain or p.choice.terraform not in AUTOSCALED:
            continue
        found = ceiling_monthly(p.choice, resource)
        if found is None:
            continue
        nodes, ceiling, monthly = found
        lines.append(
            f"node pool {names.get(p.resource_id, p.resource_id)} on {p.choice.provider} "
            f"autoscales as its source does, {resource.attributes.min_nodes} to {ceiling} nodes: "
            f"priced at {nodes} nodes, EUR {p.choice.monthly_cost} a month; up to "
            f"EUR {monthly} a month at {ceiling} nodes, not in the target cost"
        )
    return lines
