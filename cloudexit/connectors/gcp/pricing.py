"""What a Google Cloud disk, GKE pool's node disks, bucket, Cloud SQL or Memorystore instance, address, forwarding rule,
GKE cluster or DNS zone is billed as, in catalogue products (machines are compute_cost's). No
product, or a part without a price in the region, means no figure: a missing cost is None, never
zero."""

from __future__ import annotations

import re
from decimal import Decimal

from cloudexit.connectors.common import Billed
from cloudexit.model.inventory import Resource

_DISKS = {"pd-standard", "pd-balanced", "pd-ssd", "pd-extreme"}
# Memorystore for Redis capacity tiers: the per-GiB rate falls with the provisioned size
# (M1 1-4 GB, M2 5-10, M3 11-35, M4 36-100, M5 over 100):
# https://cloud.google.com/memorystore/docs/redis/pricing
_REDIS_TIERS = ((4, "M1"), (10, "M2"), (35, "M3"), (100, "M4"))
_REDIS_SERVICE = {"BASIC": "basic", "STANDARD_HA": "standard"}
_SQL_ENGINES = {"postgresql", "mysql"}
# A dedicated-core tier, db-custom-<vCPUs>-<MiB>, is billed as its vCPUs plus its memory:
# https://cloud.google.com/sql/pricing
_SQL_CUSTOM = re.compile(r"^db-custom-(\d+)-(\d+)$")


def _gib(value: float) -> Decimal:
    return Decimal(str(value))


def _disk(resource: Resource) -> list[Billed]:
    a = resource.attributes
    # A regional disk (two replica zones) has its own rate, which the catalogue does not hold.
    if a.storage_class not in _DISKS or not a.storage_gib or a.details.get("replica_zones"):
        return []
    return [Billed(a.storage_class, _gib(a.storage_gib), f", {a.storage_gib} GiB")]


def _node_disks(resource: Resource) -> list[Billed]:
    """A GKE pool's node boot disks, one per node, billed as persistent disks beside the
    machines (compute_cost prices those)."""
    a = resource.attributes
    if a.storage_class not in _DISKS or not a.storage_gib or not a.node_count:
        return []
    assumed = a.details.get("disk_type_assumed")
    default = (
        f", type {assumed} assumed (GKE's default for the pool's version; the export names none)"
        if assumed
        else ""
    )
    return [
        Billed(
            a.storage_class,
            _gib(a.storage_gib) * a.node_count,
            f", {a.node_count} node disks of {a.storage_gib} GiB{default}",
        )
    ]


def _sql(resource: Resource) -> list[Billed]:
    a = resource.attributes
    if a.engine not in _SQL_ENGINES or not a.instance_type:
        return []
    copies = 2 if a.high_availability else 1
    standby = ", x2 for the regional standby" if copies == 2 else ""
    parts = []
    custom = _SQL_CUSTOM.match(a.instance_type)
    if a.state != "stopped" and custom:
        vcpu, memory = int(custom.group(1)), Decimal(custom.group(2)) / 1024
        parts += [
            Billed("cloudsql-vcpu", Decimal(vcpu * copies), f", {vcpu} vCPU{standby}"),
            Billed("cloudsql-memory", memory * copies, f", {memory.normalize():f} GiB{standby}"),
        ]
    elif a.state != "stopped":
        parts.append(Billed(f"cloudsql/{a.engine}/{a.instance_type}", Decimal(copies), standby))
    if a.storage_gib and a.storage_class == "pd_ssd":
        parts.append(
            Billed(
                "cloudsql-ssd-storage",
                _gib(a.storage_gib) * copies,
                f", {a.storage_gib} GiB{standby}",
            )
        )
    elif a.storage_gib:
        return []  # HDD storage has no catalogue product: a figure without it would be short
    return parts


def _redis(resource: Resource) -> list[Billed]:
    a = resource.attributes
    service = _REDIS_SERVICE.get(a.instance_type or "")
    if service is None or not a.memory_gib:
        return []
    tier = next((name for top, name in _REDIS_TIERS if a.memory_gib <= top), "M5")
    return [
        Billed(
            f"memorystore-redis/{service}/{tier}",
            _gib(a.memory_gib),
            f", {a.memory_gib} GiB provisioned",
        )
    ]


def _address(resource: Resource) -> list[Billed]:
    d = resource.attributes.details
    if str(d.get("address_type") or "EXTERNAL") != "EXTERNAL":
        return []
    status = d.get("status")
    if status == "RESERVED":
        return [Billed("static-ip-unused", Decimal(1))]
    users = d.get("users") or []
    if status == "IN_USE" and users and all("/instances/" in str(u) for u in users):
        return [Billed("static-ip-in-use", Decimal(1))]
    return []


def billed(resource: Resource) -> list[Billed]:
    """The catalogue products a resource is billed as, or [] when the catalogue cannot say."""
    native = resource.type
    a = resource.attributes
    if native == "compute.googleapis.com/Disk":
        return _disk(resource)
    if native == "container.googleapis.com/NodePool":
        return _node_disks(resource)
    if native == "sqladmin.googleapis.com/Instance":
        return _sql(resource)
    if native == "redis.googleapis.com/Instance":
        return _redis(resource)
    if (
        native == "storage.googleapis.com/Bucket"
        and a.storage_class == "standard"
        and a.storage_gib
    ):
        return [
            Billed(
                "gcs-standard",
                _gib(a.storage_gib),
                f", {a.storage_gib} GiB stored; operations and transfer not included",
            )
        ]
    if native in ("compute.googleapis.com/Address", "compute.googleapis.com/GlobalAddress"):
        return _address(resource)
    if native == "compute.googleapis.com/ForwardingRule":
        return [Billed("forwarding-rule", Decimal(1), "; data processed not included")]
    if native == "container.googleapis.com/Cluster":
        return [Billed("gke-cluster-management", Decimal(1), "; nodes priced as their pool")]
    if native == "dns.googleapis.com/ManagedZone":
        return [Billed("cloud-dns-zone", Decimal(1), "; queries not included")]
    return []
