"""GKE clusters and node pools, Artifact Registry repositories."""

from __future__ import annotations

from cloudexit.connectors.gcp.registry import Facts, cai_ref, declare, last_segment, region_of
from cloudexit.jsonvalues import number

NODE_POOL = "container.googleapis.com/NodePool"


def cluster(facts: Facts) -> None:
    facts.set(
        engine="kubernetes",
        engine_version=facts.get("currentMasterVersion"),
        node_count=int(facts.get("currentNodeCount") or 0) or None,
        state=(facts.get("status") or "").lower() or None,
    )
    facts.location = facts.get("location") or facts.get("zone")
    facts.note(
        autopilot=facts.get("autopilot.enabled") or None,
        locations=sorted(facts.get("locations", [])),
        private_nodes=facts.get("privateClusterConfig.enablePrivateNodes") or None,
    )
    network = facts.get("networkConfig.network") or facts.get("network")
    subnet = facts.get("networkConfig.subnetwork")
    if not subnet and facts.get("subnetwork"):
        subnet = f"projects/{facts.project}/regions/{region_of(facts.location)}/subnetworks/{facts.get('subnetwork')}"
    facts.depend(network, subnet)
    for pool in facts.get("nodePools", []):
        if pool.get("name"):
            facts.child(f"{facts.name}/nodePools/{pool['name']}", NODE_POOL, pool)


def node_pool(facts: Facts) -> None:
    facts.size(facts.get("config.machineType"))
    facts.set(
        node_count=int(facts.get("initialNodeCount") or 0) or None,
        storage_gib=number(facts.get("config.diskSizeGb")),
        # each node's boot disk; the API documents pd-standard where none is set
        storage_class=str(facts.get("config.diskType") or "pd-standard").lower()
        if facts.get("config.diskSizeGb")
        else None,
        state=(facts.get("status") or "").lower() or None,
        engine_version=facts.get("version"),
    )
    facts.note(
        autoscaling_min=facts.get("autoscaling.minNodeCount"),
        autoscaling_max=facts.get("autoscaling.maxNodeCount"),
        spot=facts.get("config.spot") or facts.get("config.preemptible") or None,
        image=facts.get("config.imageType"),
        instance_groups=sorted(
            filter(None, (cai_ref(u) for u in facts.get("instanceGroupUrls", [])))
        ),
    )
    facts.depends_on.add(facts.name.split("/nodePools/", 1)[0])


def repository(facts: Facts) -> None:
    size = number(facts.get("sizeBytes"))
    facts.set(
        storage_gib=round(size / 1024**3, 3) if size else None,
        engine=(facts.get("format") or "").lower() or None,
    )
    facts.note(mode=facts.get("mode"), location=last_segment(facts.name.split("/repositories/")[0]))


TYPES = [
    declare("container.googleapis.com/Cluster", cluster),
    declare(NODE_POOL, node_pool),
    declare("artifactregistry.googleapis.com/Repository", repository),
]
