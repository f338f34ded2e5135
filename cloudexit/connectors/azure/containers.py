"""AKS clusters and their node pools, container registries."""

from __future__ import annotations

from typing import Any

from cloudexit.connectors.azure.registry import Facts, declare, parent_id
from cloudexit.model.scaling import scaling_bounds

AGENT_POOL = "microsoft.containerservice/managedclusters/agentpools"
ACS_CLUSTER = "microsoft.containerservice/containerservices"
ACS_POOL = "microsoft.containerservice/containerservices/agentpools"


def _pools(facts: Facts, pools: list[dict[str, Any]], unnamed: str, pool_type: str) -> None:
    """Each pool a cluster lists in its own properties, reported as a resource of its own."""
    for pool in pools:
        facts.depend(pool.get("vnetSubnetID"))
        name = pool.get("name") or unnamed
        facts.child(
            {"id": f"{facts.item['id']}/agentpools/{name}", "name": name, "properties": pool},
            pool_type,
        )


def managed_cluster(facts: Facts) -> None:
    pools = [p for p in facts.prop("agentPoolProfiles", []) if isinstance(p, dict)]
    facts.set(
        engine="kubernetes",
        engine_version=facts.prop("currentKubernetesVersion") or facts.prop("kubernetesVersion"),
        node_count=sum(int(p.get("count") or 0) for p in pools),
        state=(facts.prop("powerState.code") or "").lower() or None,
    )
    facts.details.update(
        {
            k: v
            for k, v in (
                ("network_plugin", facts.prop("networkProfile.networkPlugin")),
                ("tier", facts.sku("tier")),
                ("private_cluster", facts.prop("apiServerAccessProfile.enablePrivateCluster")),
            )
            if v is not None
        }
    )
    _pools(facts, pools, "pool", AGENT_POOL)


def container_service(facts: Facts) -> None:
    """An Azure Container Service (ACS) cluster: its orchestrator, masters and the agent pools
    it lists in ``agentPoolProfiles``, each reported as a pool of its own."""
    pools = [p for p in facts.prop("agentPoolProfiles", []) if isinstance(p, dict)]
    orchestrator = str(facts.prop("orchestratorProfile.orchestratorType") or "").lower()
    facts.set(
        engine=orchestrator or None,
        engine_version=facts.prop("orchestratorProfile.orchestratorVersion"),
        node_count=sum(int(p.get("count") or 0) for p in pools) or None,
    )
    masters = facts.prop("masterProfile.count")
    if masters is not None:
        facts.details["masters"] = masters
    _pools(facts, pools, "agent", ACS_POOL)


def agent_pool(facts: Facts) -> None:
    facts.size(facts.prop("vmSize"))
    facts.set(
        node_count=int(facts.prop("count") or 0),
        os=(facts.prop("osType") or "").lower() or None,
        storage_gib=float(facts.prop("osDiskSizeGB")) if facts.prop("osDiskSizeGB") else None,
        **scaling_bounds(
            facts.prop("count"),
            facts.prop("minCount"),
            facts.prop("maxCount"),
            facts.prop("enableAutoScaling"),
        ),
    )
    facts.details.update(
        {
            k: v
            for k, v in (
                ("mode", facts.prop("mode")),
                ("os_disk_type", (facts.prop("osDiskType") or "").lower() or None),
                ("autoscaling", facts.prop("enableAutoScaling")),
                ("min_count", facts.prop("minCount")),
                ("max_count", facts.prop("maxCount")),
            )
            if v is not None
        }
    )
    facts.depend(parent_id(facts.item["id"]), facts.prop("vnetSubnetID"))


def registry(facts: Facts) -> None:
    facts.set(storage_class=facts.sku())
    facts.details["login_server"] = facts.prop("loginServer")


TYPES = [
    declare("microsoft.containerservice/managedclusters", "2024-09-01", managed_cluster),
    declare(AGENT_POOL, "2024-09-01", agent_pool),
    declare(ACS_CLUSTER, "2017-07-01", container_service),
    declare(ACS_POOL, "2017-07-01", agent_pool),
    declare("microsoft.containerregistry/registries", "2023-07-01", registry),
]
