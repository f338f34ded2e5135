"""GKE clusters and node pools, Artifact Registry repositories."""

from __future__ import annotations

import re

from cloudexit.connectors.gcp.registry import Facts, cai_ref, declare, last_segment, region_of
from cloudexit.jsonvalues import number
from cloudexit.model.scaling import scaling_bounds

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
    zones = facts.get("locations", [])
    for pool in facts.get("nodePools", []):
        if pool.get("name"):
            # a pool naming no zones runs in the cluster's (NodePool.locations defaults to them)
            data = pool if pool.get("locations") or not zones else {**pool, "locations": zones}
            facts.child(f"{facts.name}/nodePools/{pool['name']}", NODE_POOL, data)


def _default_disk(version: object) -> str:
    """The boot disk type GKE gives a pool's nodes when the pool names none: pd-balanced from
    GKE 1.24, pd-standard up to 1.23 (Google Cloud, "Configuring a custom boot disk",
    https://cloud.google.com/kubernetes-engine/docs/how-to/custom-boot-disks, publication date
    not shown, read 2026-12-07). A pool of unknown version is taken as a current one."""
    found = re.match(r"(\d+)\.(\d+)", str(version or ""))
    if found and (int(found.group(1)), int(found.group(2))) < (1, 24):
        return "pd-standard"
    return "pd-balanced"


def _zones(facts: Facts) -> int:
    """Zones the pool's nodes run in: the zones it names, else those of its instance groups (GKE
    makes one per zone), else one."""
    named = {z for z in facts.get("locations", []) if isinstance(z, str) and z}
    if not named:
        named = {
            found.group(1)
            for url in facts.get("instanceGroupUrls", [])
            if isinstance(url, str) and (found := re.search(r"/zones/([^/]+)/", url))
        }
    return max(1, len(named))


def _times(value: object, zones: int) -> int | None:
    found = number(value)
    return int(found) * zones if found is not None and found >= 0 else None


def node_pool(facts: Facts) -> None:
    facts.size(facts.get("config.machineType"))
    disk_type = facts.get("config.diskType")
    assumed = None if disk_type else _default_disk(facts.get("version"))
    # GKE counts a pool's nodes and its minNodeCount/maxNodeCount per zone; totalMin/MaxNodeCount
    # are the whole pool's
    zones = _zones(facts)
    per_zone = int(facts.get("initialNodeCount") or 0) or None
    low = _times(facts.get("autoscaling.minNodeCount"), zones)
    high = _times(facts.get("autoscaling.maxNodeCount"), zones)
    facts.set(
        node_count=per_zone * zones if per_zone else None,
        storage_gib=number(facts.get("config.diskSizeGb")),
        # each node's boot disk
        storage_class=str(disk_type or assumed).lower() if facts.get("config.diskSizeGb") else None,
        state=(facts.get("status") or "").lower() or None,
        engine_version=facts.get("version"),
        **scaling_bounds(
            per_zone * zones if per_zone else None,
            low if low is not None else facts.get("autoscaling.totalMinNodeCount"),
            high if high is not None else facts.get("autoscaling.totalMaxNodeCount"),
            facts.get("autoscaling.enabled"),
        ),
    )
    facts.note(
        zones=zones if zones > 1 else None,
        nodes_per_zone=per_zone if zones > 1 else None,
        # the export names no disk type: the cost says which one was assumed
        disk_type_assumed=assumed if facts.get("config.diskSizeGb") else None,
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
