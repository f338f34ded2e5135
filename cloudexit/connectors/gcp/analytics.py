"""Dataproc clusters: their machines and disks, group by group."""

from __future__ import annotations

from typing import Any

from cloudexit.connectors.gcp.registry import Facts, declare, last_segment
from cloudexit.jsonvalues import number

# Dataproc's instance groups, as its Cluster resource names them.
GROUPS = (
    ("master", "config.masterConfig"),
    ("workers", "config.workerConfig"),
    ("secondary_workers", "config.secondaryWorkerConfig"),
)


def _group(facts: Facts, role: str, config: dict[str, Any]) -> dict[str, Any] | None:
    """One instance group: its machine type, count and each machine's boot disk."""
    count = int(number(config.get("numInstances")) or 0)
    if not count:
        return None
    disk = config.get("diskConfig") or {}
    return {
        "role": role,
        "count": count,
        "machine_type": last_segment(config.get("machineTypeUri")),
        "disk_gib": number(disk.get("bootDiskSizeGb")),
        "disk_type": str(disk.get("bootDiskType") or "").lower() or None,
    }


def cluster(facts: Facts) -> None:
    """The whole cluster as one size, as a target runs it on its own machines: the sum of every
    group's vCPU, memory and boot disks, and its machine count. A group whose machine type the
    catalogue does not know leaves vCPU and memory unreported rather than understated."""
    groups = [
        found
        for role, path in GROUPS
        if isinstance(facts.get(path), dict) and (found := _group(facts, role, facts.get(path)))
    ]
    facts.set(state=(facts.get("status.state") or "").lower() or None)
    facts.note(
        groups=[{k: v for k, v in g.items() if v is not None} for g in groups],
        image_version=facts.get("config.softwareConfig.imageVersion"),
        autoscaling_policy=last_segment(facts.get("config.autoscalingConfig.policyUri")),
    )
    if not groups:
        return
    vcpu = memory = 0.0
    for g in groups:
        specs = facts.sizes(g["machine_type"]) if g["machine_type"] else None
        if specs is None or specs.vcpu is None or specs.memory_gib is None:
            facts.details["size_unresolved"] = True
            break
        vcpu += specs.vcpu * g["count"]
        memory += specs.memory_gib * g["count"]
    else:
        facts.set(vcpu=vcpu, memory_gib=memory)
    disks = [g for g in groups if g["disk_gib"]]
    # the workers' disks hold the data (HDFS); the master's where there are no workers
    data = sorted((g for g in disks if g["disk_type"]), key=lambda g: _DATA_FIRST[g["role"]])
    facts.set(
        node_count=sum(g["count"] for g in groups),
        storage_gib=sum(g["disk_gib"] * g["count"] for g in disks) or None,
        storage_class=data[0]["disk_type"] if data else None,
    )


_DATA_FIRST = {"workers": 0, "master": 1, "secondary_workers": 2}


TYPES = [declare("dataproc.googleapis.com/Cluster", cluster)]
