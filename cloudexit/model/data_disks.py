"""Disks a machine holds inline, with no resource of their own in the inventory: an Azure VM's
unmanaged (VHD) data disks, an AWS instance's ebs_block_device volumes. The machine's
storage_gib counts them; the target writes each as a block volume attached to its server."""

from __future__ import annotations

from dataclasses import dataclass

from cloudexit.jsonvalues import number
from cloudexit.model.boot_disks import boot_rest_gib
from cloudexit.model.inventory import EBS_BLOCKS, Resource

DATA_DISKS = "data_disks"
"""Detail key: a machine's inline data disks, each {"name", "gib"} and, where the source states
it, {"storage_class"} (Azure's storage account type)."""

# Source disk classes by medium, as the clouds name them (lower case): an SSD class is written on
# the target's block storage for disks (the class its storage.block mapping selects), a magnetic
# one may take the cheapest. AWS: EBS volume types; Azure: managed disk storage account types.
SOLID_STATE = frozenset(
    {
        "gp2",
        "gp3",
        "io1",
        "io2",
        "premium_lrs",
        "premium_zrs",
        "premiumv2_lrs",
        "standardssd_lrs",
        "standardssd_zrs",
        "ultrassd_lrs",
    }
)
MAGNETIC = frozenset({"standard", "st1", "sc1", "standard_lrs"})


@dataclass(frozen=True)
class DataDisk:
    name: str
    gib: float
    storage_class: str | None = None
    """as the source names it, lower case; None where it states none"""

    @property
    def solid_state(self) -> bool:
        return self.storage_class in SOLID_STATE


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
        stated = disk.get("storage_class") or disk.get("volume_type")
        found.append(
            DataDisk(
                str(name) if name else f"data-{n + 1}",
                float(gib),
                str(stated).lower() if stated else None,
            )
        )
    return found


def inline_data_gib(resource: Resource) -> float:
    return sum(d.gib for d in inline_data_disks(resource))


BOOT_REST = "boot-rest"
"""Name of the volume holding the part of a boot disk its server's flavour disk does not."""


def written_data_disks(resource: Resource, flavour_gib: float | None) -> list[DataDisk]:
    """The disks written as volumes beside the machine's server: its inline data disks and, where
    the server boots from a flavour's own disk of ``flavour_gib`` smaller than the source's boot
    disk, the rest of the boot disk (``boot_rest_gib``)."""
    held = inline_data_disks(resource)
    rest = boot_rest_gib(resource, flavour_gib)
    return [*held, DataDisk(BOOT_REST, rest)] if rest else held


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
