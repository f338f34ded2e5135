"""Compute Engine: instances, disks, images, snapshots, instance groups."""

from __future__ import annotations

from cloudexit.connectors.gcp.registry import (
    Facts,
    cai_ref,
    declare,
    last_segment,
    state_of,
)
from cloudexit.jsonvalues import number
from cloudexit.model.boot_disks import BOOT_DISK, BOOT_GIB


def instance(facts: Facts) -> None:
    facts.size(last_segment(facts.get("machineType")))
    licenses = [lic for disk in facts.get("disks", []) for lic in disk.get("licenses", [])]
    os_name = None
    if licenses:
        os_name = "windows" if any("windows-cloud" in lic for lic in licenses) else "linux"
    gpus = sum(int(a.get("acceleratorCount") or 0) for a in facts.get("guestAccelerators", []))
    sizes = [number(disk.get("diskSizeGb")) for disk in facts.get("disks", [])]
    facts.set(
        state=state_of(facts.get("status")),
        os=os_name,
        gpu_count=gpus or None,
        storage_gib=sum(s for s in sizes if s) or None,
    )
    if gpus:
        facts.set(gpu_model=last_segment(facts.get("guestAccelerators")[0].get("acceleratorType")))
    facts.location = last_segment(facts.get("zone"))
    facts.note(
        zone=facts.location,
        preemptible=facts.get("scheduling.preemptible") or None,
        provisioning_model=facts.get("scheduling.provisioningModel"),
        network_tags=sorted(facts.get("tags.items", [])),
    )
    for disk in facts.get("disks", []):
        facts.depend(disk.get("source"))
        if disk.get("boot") is True:
            facts.note(
                **{
                    BOOT_DISK: cai_ref(disk.get("source")),
                    BOOT_GIB: number(disk.get("diskSizeGb")),
                }
            )
    for nic in facts.get("networkInterfaces", []):
        facts.depend(nic.get("subnetwork") or nic.get("network"))
    for item in facts.get("metadata.items", []):
        if item.get("key") == "created-by" and "instanceGroupManagers" in str(item.get("value")):
            facts.note(
                managed_by=cai_ref(
                    f"projects/{facts.project}/{str(item['value']).split('/', 2)[2]}"
                )
            )


def disk(facts: Facts) -> None:
    facts.set(
        storage_gib=number(facts.get("sizeGb")),
        storage_class=last_segment(facts.get("type")),
        iops=int(facts.get("provisionedIops")) if facts.get("provisionedIops") else None,
        throughput_mibps=number(facts.get("provisionedThroughput")),
        state="attached" if facts.get("users") else "unattached",
    )
    facts.location = last_segment(facts.get("zone")) or last_segment(facts.get("region"))
    facts.note(
        attached_to=sorted(filter(None, (cai_ref(u) for u in facts.get("users", [])))),
        replica_zones=sorted(last_segment(z) or "" for z in facts.get("replicaZones", [])),
    )


def image(facts: Facts) -> None:
    archive = number(facts.get("archiveSizeBytes"))
    facts.set(storage_gib=number(facts.get("diskSizeGb")))
    facts.note(
        archive_gib=round(archive / 1024**3, 3) if archive else None, family=facts.get("family")
    )
    facts.depend(facts.get("sourceDisk"))


def snapshot(facts: Facts) -> None:
    stored = number(facts.get("storageBytes"))
    facts.set(storage_gib=round(stored / 1024**3, 3) if stored else number(facts.get("diskSizeGb")))
    facts.note(disk_size_gib=number(facts.get("diskSizeGb")))
    facts.depend(facts.get("sourceDisk"))


def instance_group_manager(facts: Facts) -> None:
    facts.set(node_count=int(facts.get("targetSize") or 0))
    template = cai_ref(facts.get("instanceTemplate"))
    facts.location = last_segment(facts.get("zone")) or last_segment(facts.get("region"))
    if template:
        facts.note(instance_template=template)
        found = facts.lookup(template)
        if found:
            properties = found.get("properties") or {}
            facts.size(last_segment(properties.get("machineType")))
            # the group's machines are on the networks its template names, as an instance is
            for nic in properties.get("networkInterfaces") or []:
                facts.depend(nic.get("subnetwork") or nic.get("network"))
            facts.note(network_tags=sorted((properties.get("tags") or {}).get("items") or []))
    facts.depend(facts.get("instanceGroup"))


def instance_template(facts: Facts) -> None:
    facts.size(last_segment(facts.get("properties.machineType")))
    facts.location = last_segment(facts.get("region"))


def autoscaler(facts: Facts) -> None:
    """An autoscaler names the group it scales; its policy is kept for the group's target."""
    facts.location = last_segment(facts.get("zone")) or last_segment(facts.get("region"))
    target = facts.get("target")
    facts.note(
        target=target,
        min_replicas=facts.get("autoscalingPolicy.minNumReplicas"),
        max_replicas=facts.get("autoscalingPolicy.maxNumReplicas"),
        cpu_target=facts.get("autoscalingPolicy.cpuUtilization.utilizationTarget"),
        mode=facts.get("autoscalingPolicy.mode"),
    )
    if "/instanceGroupManagers/" in str(target):
        facts.depend(target)


def instance_group(facts: Facts) -> None:
    facts.set(node_count=int(facts.get("size") or 0) or None)
    facts.note(instances=sorted(filter(None, (cai_ref(u) for u in facts.get("instance_urls", [])))))
    facts.location = last_segment(facts.get("zone")) or last_segment(facts.get("region"))
    facts.depend(facts.get("subnetwork") or facts.get("network"))


TYPES = [
    declare("compute.googleapis.com/Instance", instance),
    declare("compute.googleapis.com/Disk", disk),
    declare("compute.googleapis.com/RegionDisk", disk),
    declare("compute.googleapis.com/Image", image),
    declare("compute.googleapis.com/Snapshot", snapshot),
    declare("compute.googleapis.com/InstanceGroupManager", instance_group_manager),
    declare("compute.googleapis.com/RegionInstanceGroupManager", instance_group_manager),
    declare("compute.googleapis.com/InstanceGroup", instance_group),
    declare("compute.googleapis.com/InstanceTemplate", instance_template),
    declare("compute.googleapis.com/Autoscaler", autoscaler),
]
