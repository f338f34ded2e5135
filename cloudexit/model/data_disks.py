"""Disks a machine holds inline, with no resource of their own in the inventory: an Azure VM's
unmanaged (VHD) data disks, an AWS instance's ebs_block_device volumes. The machine's
storage_gib counts them; the target writes each as a block volume attached to its server."""

from __future__ import annotations

from dataclasses import dataclass

from cloudexit.jsonvalues import number
from cloudexit.model.inventory import EBS_BLOCKS, Resource

DATA_DISKS = "data_disks"
"""Detail key: a machine's inline data disks, each {"name", "gib"}."""


@dataclass(frozen=True)
class DataDisk:
    name: str
    gib: float


def inline_data_disks(resource: Resource) -> list[DataDisk]:
    """The machine's data disks no other resource of the inventory stands for, in source order."""
    details = resource.attributes.details
    found = []
    for n, disk in enumerate([*(details.get(DATA_DISKS) or []), *(details.get(EBS_BLOCKS) or [])]):
        if not isinstance(disk, dict):
            continue
        gib = number(disk.get("gib"))
        if not gib or gib <= 0:
            continue
        name = disk.get("name") or disk.get("device_name") or disk.get("volume_id")
        found.append(DataDisk(str(name) if name else f"data-{n + 1}", float(gib)))
    return found


def inline_data_gib(resource: Resource) -> float:
    return sum(d.gib for d in inline_data_disks(resource))


def drop_held_disks(resources: dict[str, Resource]) -> None:
    """Keep as inline only the data disks no resource of the inventory stands for, in place: a
    managed disk listed on its own is written and priced as that volume, not twice."""
    held = {rid.lower() for rid in resources}
    for resource in resources.values():
        disks = resource.attributes.details.get(DATA_DISKS)
        if not disks:
            continue
        kept = [d for d in disks if str(d.get("id") or "").lower() not in held]
        if kept:
            resource.attributes.details[DATA_DISKS] = kept
        else:
            del resource.attributes.details[DATA_DISKS]
