"""Virtual machines, scale sets, managed disks, snapshots and images."""

from __future__ import annotations

from cloudexit.connectors.azure.registry import Facts, arm_id, declare, owner_of
from cloudexit.jsonvalues import dig, number
from cloudexit.model.boot_disks import BOOT_DISK, BOOT_GIB, BOOT_OF
from cloudexit.model.data_disks import DATA_DISKS


def _power_state(facts: Facts) -> str | None:
    code = facts.prop("extended.instanceView.powerState.code")
    if not isinstance(code, str):
        return None
    state = code.split("/", 1)[-1].lower()
    return {"deallocated": "stopped", "deallocating": "stopped"}.get(state, state)


def virtual_machine(facts: Facts) -> None:
    facts.size(facts.prop("hardwareProfile.vmSize"))
    os_disk = facts.prop("storageProfile.osDisk", {})
    os_type = os_disk.get("osType") or facts.prop("extended.instanceView.osType")
    disks = [os_disk, *facts.prop("storageProfile.dataDisks", [])]
    facts.set(
        os=os_type.lower() if isinstance(os_type, str) else None,
        state=_power_state(facts),
        storage_gib=sum(number(d.get("diskSizeGB")) or 0 for d in disks) or None,
    )
    os_ref = arm_id(dig(os_disk, "managedDisk.id")) if isinstance(os_disk, dict) else None
    os_gib = number(os_disk.get("diskSizeGB")) if isinstance(os_disk, dict) else None
    if os_ref:
        facts.details[BOOT_DISK] = os_ref
    if os_gib:
        facts.details[BOOT_GIB] = os_gib
    image = facts.prop("storageProfile.imageReference")
    if isinstance(image, dict):
        facts.details["image"] = {
            k: image[k] for k in ("publisher", "offer", "sku", "version") if image.get(k)
        }
    if facts.item.get("zones"):
        facts.details["zones"] = sorted(facts.item["zones"])
    # a data disk the inventory does not hold as a resource of its own (an unmanaged VHD, a
    # managed disk the export left out) is written with the machine (``drop_held_disks``)
    inline = [
        {
            "name": str(d.get("name") or f"lun-{d.get('lun')}"),
            "gib": size,
            **({"id": str(ref)} if (ref := dig(d, "managedDisk.id")) else {}),
            **(
                {"storage_class": str(sku)}
                if (sku := dig(d, "managedDisk.storageAccountType"))
                else {}
            ),
        }
        for d in facts.prop("storageProfile.dataDisks", [])
        if isinstance(d, dict) and (size := number(d.get("diskSizeGB")))
    ]
    if inline:
        facts.details[DATA_DISKS] = inline
    facts.depend(*(dig(d, "managedDisk.id") for d in disks))
    facts.depend(*facts.prop("networkProfile.networkInterfaces", []))
    facts.depend(facts.prop("availabilitySet"), facts.prop("virtualMachineScaleSet"))


def scale_set(facts: Facts) -> None:
    facts.size(facts.sku())
    facts.set(node_count=int(facts.sku("capacity") or 0))
    os_type = facts.prop("virtualMachineProfile.storageProfile.osDisk.osType")
    facts.set(os=os_type.lower() if isinstance(os_type, str) else None)
    for nic in facts.prop(
        "virtualMachineProfile.networkProfile.networkInterfaceConfigurations", []
    ):
        for ip in dig(nic, "properties.ipConfigurations", []):
            facts.depend(dig(ip, "properties.subnet"))
            facts.depend(*dig(ip, "properties.loadBalancerBackendAddressPools", []))
    facts.depends_on = {owner_of(ref) for ref in facts.depends_on}
    facts.details["upgrade_policy"] = facts.prop("upgradePolicy.mode")


def managed_disk(facts: Facts) -> None:
    facts.set(
        storage_gib=number(facts.prop("diskSizeGB")),
        storage_class=facts.sku(),
        iops=int(facts.prop("diskIOPSReadWrite")) if facts.prop("diskIOPSReadWrite") else None,
        throughput_mibps=number(facts.prop("diskMBpsReadWrite")),
        os=(facts.prop("osType") or "").lower() or None,
        state=(facts.prop("diskState") or "").lower() or None,
    )
    owner = facts.item.get("managedBy")
    if owner:
        facts.details["attached_to"] = owner.lower()
        # an OS disk states its OS type; an export without properties keeps the name Azure gives
        # the OS disk it creates with a VM (<vm>_OsDisk_<n>_<id>)
        if facts.prop("osType") or "_osdisk_" in str(facts.item.get("name") or "").lower():
            facts.details[BOOT_OF] = owner.lower()


def snapshot(facts: Facts) -> None:
    facts.set(storage_gib=number(facts.prop("diskSizeGB")), storage_class=facts.sku())
    facts.depend(facts.prop("creationData.sourceResourceId"))


def image(facts: Facts) -> None:
    os_disk = facts.prop("storageProfile.osDisk", {})
    facts.set(
        storage_gib=number(os_disk.get("diskSizeGB")),
        os=(os_disk.get("osType") or "").lower() or None,
    )
    facts.depend(dig(facts.item, "properties.sourceVirtualMachine"))


TYPES = [
    declare("microsoft.compute/virtualmachines", "2024-07-01", virtual_machine, metrics="vm"),
    declare("microsoft.compute/virtualmachinescalesets", "2024-07-01", scale_set, metrics="vm"),
    declare("microsoft.compute/disks", "2024-03-02", managed_disk),
    declare("microsoft.compute/snapshots", "2024-03-02", snapshot),
    declare("microsoft.compute/images", "2024-07-01", image),
]
