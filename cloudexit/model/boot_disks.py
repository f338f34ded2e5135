"""A machine's boot (system, OS) disk: the target writes it as the server's root volume, at its
size, booted from the image exported from it, and prices it once, with the server. A data disk
stays a volume of its own.

Sources name it from either side: a GCP instance's attached disk with ``boot: true``, an Azure
VM's ``storageProfile.osDisk``, an AWS instance's root device mapping, an OpenStack server's
volume at boot index 0 name the disk; an Azure managed disk with an ``osType`` (or the
``<vm>_OsDisk_`` name Azure gives one) or a bootable Cinder volume attached to one server names
its machine. ``link_boot_disks`` joins both sides once the inventory is whole."""

from __future__ import annotations

import math
from collections.abc import Mapping

from cloudexit.jsonvalues import number
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind

BOOT_DISK = "boot_disk"
"""Machine detail: the id of the resource standing for its boot disk, as the source names it."""
BOOT_GIB = "boot_disk_gib"
"""Machine detail: the size in GB of its boot disk, from the machine or from that disk."""
BOOT_OF = "boot_of"
"""Disk detail: the machine whose boot disk it is."""

MACHINES = (Kind.VM, Kind.VM_GROUP)


def boot_gib(resource: Resource) -> float | None:
    """GB of the machine's boot disk where the source states it."""
    if resource.kind not in MACHINES:
        return None
    found = number(resource.attributes.details.get(BOOT_GIB))
    return found if found and found > 0 else None


def root_gib(resource: Resource, default: int) -> int:
    """GB of the root volume a target writes for the machine: its boot disk's, else ``default``."""
    found = boot_gib(resource)
    return math.ceil(found) if found else default


def boot_rest_gib(resource: Resource, flavour_gib: float | None) -> float:
    """GB of the machine's boot disk beyond the ``flavour_gib`` of the flavour's own disk it boots
    from (a server written with no root volume of its own), else 0: where no flavour holds the
    whole disk, that rest is written as a volume beside the server (``model.data_disks``)."""
    found = boot_gib(resource)
    if not found or not flavour_gib or found <= flavour_gib:
        return 0.0
    return float(math.ceil(found - flavour_gib))


def boot_of(resource: Resource) -> str | None:
    """The machine this disk is the boot disk of, once linked (``link_boot_disks``)."""
    if resource.kind is not Kind.BLOCK_VOLUME:
        return None
    found = resource.attributes.details.get(BOOT_OF)
    return found if isinstance(found, str) and found else None


def root_device_volume(instance: Mapping[str, object]) -> str | None:
    """The EBS volume id an AWS instance (a DescribeInstances item) boots from: the block device
    mapping at its RootDeviceName."""
    root = instance.get("RootDeviceName")
    mappings = instance.get("BlockDeviceMappings")
    if not isinstance(root, str) or not isinstance(mappings, list):
        return None
    for m in mappings:
        if isinstance(m, dict) and m.get("DeviceName") == root:
            ebs = m.get("Ebs")
            volume = ebs.get("VolumeId") if isinstance(ebs, dict) else None
            return volume if isinstance(volume, str) and volume else None
    return None


def _find(ref: object, by_lower: Mapping[str, Resource]) -> Resource | None:
    if not isinstance(ref, str) or not ref:
        return None
    found = by_lower.get(ref.lower())
    if found is None and "/" not in ref:  # an AWS volume id against its ARN
        found = by_lower.get(f"volume/{ref.lower()}")
    return found


def link_boot_disks(resources: Mapping[str, Resource]) -> None:
    """Join each machine and the disk resource that is its boot disk, in place: the machine gets
    the disk's size (``BOOT_GIB``) where it states none, the disk its machine (``BOOT_OF``). A
    claim whose other side is not in the inventory is dropped from the disk, which then stays a
    volume of its own."""
    by_lower: dict[str, Resource] = {}
    for rid, r in resources.items():
        by_lower[rid.lower()] = r
        if r.kind is Kind.BLOCK_VOLUME and ":volume/" in rid:  # an EBS volume's ARN
            by_lower.setdefault("volume/" + rid.rsplit(":volume/", 1)[1].lower(), r)
    pairs: dict[str, Resource] = {}
    for r in resources.values():
        if r.kind in MACHINES:
            disk = _find(r.attributes.details.get(BOOT_DISK), by_lower)
            if disk is not None and disk.kind is Kind.BLOCK_VOLUME:
                pairs.setdefault(disk.id, r)
    for r in resources.values():
        claimed = r.attributes.details.get(BOOT_OF) if r.kind is Kind.BLOCK_VOLUME else None
        if claimed is None:
            continue
        machine = _find(claimed, by_lower)
        if machine is not None and machine.kind in MACHINES:
            pairs.setdefault(r.id, machine)
    taken: set[str] = set()
    linked: set[str] = set()
    for disk_id in sorted(pairs):
        machine = pairs[disk_id]
        if machine.id in taken:  # one boot disk a machine
            continue
        taken.add(machine.id)
        linked.add(disk_id)
        disk = resources[disk_id]
        disk.attributes.details[BOOT_OF] = machine.id
        machine.attributes.details[BOOT_DISK] = disk.id
        if boot_gib(machine) is None and disk.attributes.storage_gib:
            machine.attributes.details[BOOT_GIB] = disk.attributes.storage_gib
    for r in resources.values():
        if r.kind is Kind.BLOCK_VOLUME and r.id not in linked:
            r.attributes.details.pop(BOOT_OF, None)
