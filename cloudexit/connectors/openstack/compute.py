"""Nova servers, sized by their flavour."""

from __future__ import annotations

from typing import Any

from cloudexit.connectors.openstack.registry import Context, Facts, declare, state_of, tags_of
from cloudexit.model.boot_disks import BOOT_GIB


def gpus(extra_specs: dict[str, Any] | None) -> tuple[int, str | None]:
    """GPUs a flavour passes through: ``pci_passthrough:alias`` = ``name:count[,name:count]``."""
    alias = (extra_specs or {}).get("pci_passthrough:alias") or ""
    count, model = 0, None
    for part in str(alias).split(","):
        name, _, number = part.strip().partition(":")
        if name:
            count += int(number or 1)
            model = model or name
    return count, model


def flavor_specs(flavor: Any) -> dict[str, Any]:
    """A flavour (embedded in the server or from the flavour list) as sizing attributes."""
    count, model = gpus(getattr(flavor, "extra_specs", None))
    ram, vcpus, disk = (
        getattr(flavor, "ram", None),
        getattr(flavor, "vcpus", None),
        getattr(flavor, "disk", None),
    )
    return {
        "instance_type": getattr(flavor, "original_name", None) or getattr(flavor, "name", None),
        "vcpu": float(vcpus) if vcpus is not None else None,
        "memory_gib": round(float(ram) / 1024, 3) if ram is not None else None,
        "storage_gib": float(disk) if disk else None,
        "gpu_count": count or None,
        "gpu_model": model,
    }


def server(facts: Facts) -> None:
    item, context = facts.item, facts.context
    flavor: Any = item.flavor
    if not getattr(
        flavor, "vcpus", None
    ):  # before compute 2.47 a server names its flavour by id only
        flavor = context.flavors.get(getattr(flavor, "id", None) or "")
    if flavor is not None:
        specs = flavor_specs(flavor)
        facts.set(**specs)
        # a server started from an image boots from its flavour's root disk; one started from a
        # volume has no image and boots from that volume (``model.boot_disks``)
        if getattr(item.image, "id", None) and specs["storage_gib"]:
            facts.details[BOOT_GIB] = specs["storage_gib"]
    else:
        facts.details["size_unresolved"] = True
    image = context.images.get(str(getattr(item.image, "id", None) or ""))
    os_name = getattr(image, "os_distro", None) if image is not None else None
    facts.set(state=state_of(item.status), os=os_name)
    facts.tags = tags_of(item)
    facts.note(
        availability_zone=item.availability_zone,
        key_name=item.key_name,
        image=getattr(image, "name", None),
        addresses=sorted(a["addr"] for net in (item.addresses or {}).values() for a in net),
    )
    facts.depend("volume", *(v.get("id") for v in item.attached_volumes or []))
    ports = context.ports_of(item.id)
    for port in ports:
        facts.depend("subnet", *(ip.get("subnet_id") for ip in port.fixed_ips or []))
        facts.depend("security_group", *(port.security_group_ids or []))
    port_ids = {p.id for p in ports}
    facts.depend("floating_ip", *(f.id for f in context.floating_ips if f.port_id in port_ids))


def _servers(conn: Any, context: Context) -> Any:
    return conn.compute.servers(details=True)


TYPES = [declare("OS::Nova::Server", "server", "compute", _servers, server)]
