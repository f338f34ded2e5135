"""Magnum Kubernetes clusters, sized by their node flavour."""

from __future__ import annotations

from typing import Any

from cloudexit.connectors.openstack.compute import flavor_specs
from cloudexit.connectors.openstack.registry import Context, Facts, declare


def cluster(facts: Facts) -> None:
    item, context = facts.item, facts.context
    flavor = context.flavors.get(item.flavor_id or "")
    if flavor is not None:
        specs = flavor_specs(flavor)
        facts.set(
            instance_type=specs["instance_type"], vcpu=specs["vcpu"], memory_gib=specs["memory_gib"]
        )
    else:
        facts.set(instance_type=item.flavor_id)
    facts.set(
        engine="kubernetes",
        engine_version=item.coe_version,
        node_count=item.node_count,
        state=(item.status or "").lower() or None,
    )
    facts.tags = {str(k): str(v) for k, v in (item.labels or {}).items()}
    facts.note(
        master_count=item.master_count,
        master_flavor=item.master_flavor_id,
        api_address=item.api_address,
    )
    facts.depend("network", item.fixed_network)
    facts.depend("subnet", item.fixed_subnet)


def _clusters(conn: Any, context: Context) -> Any:
    return conn.container_infrastructure_management.clusters()


TYPES = [
    declare(
        "OS::Magnum::Cluster",
        "cluster",
        "container-infrastructure-management",
        _clusters,
        cluster,
        key=lambda c: str(c.uuid or c.id),
    )
]
