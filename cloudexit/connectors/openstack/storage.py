"""Cinder volumes, the project's own Glance images and Swift containers."""

from __future__ import annotations

from typing import Any

from cloudexit.connectors.openstack.registry import GIB, Context, Facts, declare, tags_of
from cloudexit.model.boot_disks import BOOT_OF


def volume(facts: Facts) -> None:
    item = facts.item
    facts.set(
        storage_gib=float(item.size) if item.size is not None else None,
        storage_class=item.volume_type,
        state="attached" if item.attachments else (item.status or "").lower() or None,
    )
    facts.tags = tags_of(item)
    attached = item.attachments or []
    bootable = str(item.is_bootable).lower() == "true"
    # a bootable volume on the first device of its one server is the disk that server boots
    if (
        bootable
        and len(attached) == 1
        and str(attached[0].get("device") or "/dev/vda").endswith("da")
    ):
        facts.note(**{BOOT_OF: facts.context.rid("server", attached[0].get("server_id"))})
    facts.note(
        bootable=str(item.is_bootable).lower() == "true" or None,
        encrypted=item.is_encrypted or None,
        attached_to=sorted(
            facts.context.rid("server", a.get("server_id")) for a in item.attachments or []
        ),
        availability_zone=item.availability_zone,
    )


def image(facts: Facts) -> None:
    item = facts.item
    if item.owner_id and item.owner_id != facts.context.project_id:
        facts.skip = (
            f"{item.visibility or 'shared'} image of another project: not part of the estate"
        )
        return
    facts.set(
        storage_gib=round(item.size / GIB, 3) if item.size else None,
        os=item.os_distro,
        state=(item.status or "").lower() or None,
    )
    facts.tags = {str(t): "" for t in item.tags or []}
    facts.note(
        visibility=item.visibility, disk_format=item.disk_format, min_disk_gib=item.min_disk or None
    )


def container(facts: Facts) -> None:
    item = facts.item
    facts.set(storage_gib=round((item.bytes_used or 0) / GIB, 3), object_count=int(item.count or 0))


def _volumes(conn: Any, context: Context) -> Any:
    return conn.block_storage.volumes(details=True)


def _images(conn: Any, context: Context) -> Any:
    return context.images.values()


def _containers(conn: Any, context: Context) -> Any:
    return conn.object_store.containers()


TYPES = [
    declare("OS::Cinder::Volume", "volume", "block-storage", _volumes, volume),
    declare("OS::Glance::Image", "image", "image", _images, image),
    declare(
        "OS::Swift::Container",
        "container",
        "object-store",
        _containers,
        container,
        key=lambda c: str(c.name),
    ),
]
