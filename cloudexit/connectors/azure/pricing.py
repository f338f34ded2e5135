"""What an Azure disk, storage account, database server, cache or network resource is billed as,
in catalogue products (machines are compute_cost's). No product, or a part without a price in the
region, means no figure: a missing cost is None, never zero."""

from __future__ import annotations

from decimal import Decimal

from cloudexit.connectors.common import Billed
from cloudexit.model.inventory import Resource
from cloudexit.model.node_disks import aks_os_disk_gib

# Managed disk tiers (number, GiB), as Microsoft lists them; a disk is billed as the smallest tier
# that holds it: https://learn.microsoft.com/en-us/azure/virtual-machines/disks-types
_DISK_TIERS = (
    (1, 4),
    (2, 8),
    (3, 16),
    (4, 32),
    (6, 64),
    (10, 128),
    (15, 256),
    (20, 512),
    (30, 1024),
    (40, 2048),
    (50, 4096),
    (60, 8192),
    (70, 16384),
    (80, 32767),
)
_DISK_LETTERS = {"premium_lrs": "P", "standardssd_lrs": "E", "standard_lrs": "S"}
_FLEXIBLE_TIERS = {"burstable": "B", "generalpurpose": "GP", "memoryoptimized": "MO"}
_FLEXIBLE_ENGINES = {
    "microsoft.dbforpostgresql/flexibleservers": "postgresql",
    "microsoft.dbformysql/flexibleservers": "mysql",
}
# An AKS node's managed OS disk where the pool sets no size: a Premium SSD tier chosen by the
# VM's vCPUs (Microsoft, "Storage options for applications in AKS", default OS disk sizing,
# MicrosoftDocs/azure-aks-docs articles/aks/concepts-storage.md, ms.date 2026-07-30, read 2026-12-07)
_AKS_TIERS = {"free": "aks-free", "standard": "aks-standard"}
# DTU sizes by tier, as Microsoft lists them; a scan reports the tier and the DTUs, Terraform the name:
# https://learn.microsoft.com/en-us/azure/azure-sql/database/resource-limits-dtu-single-databases
_DTU_NAMES = {
    "basic": {5: "Basic"},
    "standard": {10: "S0", 20: "S1", 50: "S2", 100: "S3", 200: "S4", 400: "S6", 800: "S7"}
    | {1600: "S9", 3000: "S12"},
    "premium": {125: "P1", 250: "P2", 500: "P4", 1000: "P6", 1750: "P11", 4000: "P15"},
}
_VCORE_STORAGE = {"GP": "general-purpose", "BC": "business-critical", "HS": "business-critical"}


def _disk(resource: Resource) -> list[Billed]:
    a = resource.attributes
    letter = _DISK_LETTERS.get((a.storage_class or "").lower())
    if letter is None or not a.storage_gib:
        return []
    for number, gib in _DISK_TIERS:
        if a.storage_gib <= gib and not (letter == "S" and number < 4):
            return [
                Billed(f"managed-disk/{letter}{number}", Decimal(1), f", as tier {letter}{number}")
            ]
    return []


def _node_disks(resource: Resource) -> list[Billed]:
    """An AKS pool's OS disks, one per node: none billed when ephemeral (they live on the VM's
    cache or temp disk, in its price); a managed one is billed as the Premium SSD tier that holds
    it. A part without a product names what cannot be priced."""
    a = resource.attributes
    kind = str(a.details.get("os_disk_type") or "")
    nodes = a.node_count or 0
    if kind == "ephemeral" or not nodes:
        return []
    gib = a.storage_gib
    if gib is None and a.vcpu:
        gib = aks_os_disk_gib(a.vcpu)
    if kind != "managed" or not gib:
        what = "managed or ephemeral unknown" if kind != "managed" else "size unknown"
        return [Billed("", Decimal(nodes), f"; {nodes} node OS disks not included ({what})")]
    tier = next((n for n, size in _DISK_TIERS if gib <= size), None)
    if tier is None:
        return [Billed("", Decimal(nodes), f"; {nodes} node OS disks of {gib:g} GiB not included")]
    return [
        Billed(
            f"managed-disk/P{tier}",
            Decimal(nodes),
            f", {nodes} node OS disks of {gib:g} GiB as tier P{tier}",
        )
    ]


def _flexible_server(resource: Resource, engine: str) -> list[Billed]:
    a = resource.attributes
    tier = _FLEXIBLE_TIERS.get(str(a.details.get("tier") or "").lower())
    copies = 2 if a.high_availability else 1
    standby = ", x2 for the high-availability standby" if copies == 2 else ""
    parts = []
    if tier and a.instance_type and a.state != "stopped":
        parts.append(
            Billed(f"{engine}-flexible/{tier}_{a.instance_type}", Decimal(copies), standby)
        )
    if a.storage_gib:
        # A stopped server bills its storage only.
        stopped = "; stopped: storage only" if a.state == "stopped" else ""
        parts.append(
            Billed(
                f"{engine}-flexible-storage",
                Decimal(str(a.storage_gib)) * copies,
                f", {a.storage_gib} GiB{standby}{stopped}",
            )
        )
    return parts if tier else []


def _redis(resource: Resource) -> list[Billed]:
    tier, _, size = (resource.attributes.instance_type or "").partition(" ")
    if not tier or not size:
        return []
    shards = resource.attributes.node_count or 1
    # The catalogue prices a cache node; Standard and Premium run a primary and a replica per shard.
    nodes = shards * (2 if tier.lower() in ("standard", "premium") else 1)
    note = f", x{nodes} nodes" if nodes > 1 else ""
    return [Billed(f"redis-cache/{tier}_{size}", Decimal(nodes), note)]


def _storage_account(resource: Resource) -> list[Billed]:
    a = resource.attributes
    hot = str(a.details.get("access_tier") or "").lower() == "hot"
    if (a.storage_class or "").lower() != "standard_lrs" or not hot or a.storage_gib is None:
        return []
    return [
        Billed(
            "blob-hot-lrs",
            Decimal(str(a.storage_gib)),
            f", {a.storage_gib} GiB stored; transactions and transfer not included",
        )
    ]


def _sql_database(resource: Resource) -> list[Billed]:
    """A single database: its vCore or DTU size, and a vCore database's storage at its maximum size.
    Serverless and elastic-pool databases bill otherwise and get no figure."""
    a = resource.attributes
    name = a.instance_type or ""
    tier, _, rest = name.partition("_")
    if tier.upper() in _VCORE_STORAGE and a.vcpu and not rest.upper().startswith("S_"):
        family = rest.rsplit("_", 1)[0] if rest.rsplit("_", 1)[-1].isdigit() else rest
        zone = "/zone-redundant" if a.high_availability else ""
        parts = [Billed(f"sql-database/{tier.upper()}_{family}_{int(a.vcpu)}{zone}", Decimal(1))]
        if not a.storage_gib:
            return []
        storage = f"sql-database-storage/{_VCORE_STORAGE[tier.upper()]}{zone}"
        return [*parts, Billed(storage, Decimal(str(a.storage_gib)), f", {a.storage_gib} GiB")]
    dtu = a.details.get("dtu")
    size = _DTU_NAMES.get(name.lower(), {}).get(dtu) if isinstance(dtu, int) else name
    if not size or a.high_availability:
        return []
    return [
        Billed(
            f"sql-database/{size}",
            Decimal(1),
            "; storage past the tier's included size not included",
        )
    ]


def _firewall(resource: Resource) -> list[Billed]:
    """A firewall's deployment hours at its tier; a tier not stated (a plan leaves it to Azure)
    gets no figure rather than a guessed one. Data processed depends on traffic no export gives."""
    tier = str(resource.attributes.details.get("sku_tier") or "").capitalize()
    if tier not in ("Basic", "Standard", "Premium"):
        return []
    return [Billed(f"azure-firewall/{tier}", Decimal(1), "; data processed not included")]


def _dns_zone(resource: Resource) -> Billed:
    """A public zone has location global: Retail Prices lists its meter under a billing zone,
    not a region, so a global zone is billed at the Zone 1 meter, an assumption its figure names."""
    if resource.region == "global":
        return Billed(
            "dns-zone/global",
            Decimal(1),
            "; billed at the Zone 1 meter (assumed for a zone with location global); "
            "queries not included",
        )
    return Billed("dns-zone", Decimal(1), "; queries not included")


def billed(resource: Resource) -> list[Billed]:
    """The catalogue products a resource is billed as, or [] when the catalogue cannot say."""
    native = resource.type
    a = resource.attributes
    if native == "microsoft.compute/disks":
        return _disk(resource)
    if native in (
        "microsoft.containerservice/managedclusters/agentpools",
        "azurerm_kubernetes_cluster_node_pool",
    ):
        return _node_disks(resource)
    if native in _FLEXIBLE_ENGINES:
        return _flexible_server(resource, _FLEXIBLE_ENGINES[native])
    if native == "microsoft.sql/servers/databases":
        return _sql_database(resource)
    if native == "microsoft.cache/redis":
        return _redis(resource)
    if native == "microsoft.storage/storageaccounts":
        return _storage_account(resource)
    if native == "microsoft.network/publicipaddresses" and (a.instance_type or "") == "Standard":
        return [Billed("public-ip-static", Decimal(1))]
    if native == "microsoft.containerservice/managedclusters":
        product = _AKS_TIERS.get(str(a.details.get("tier") or "").lower())
        return [Billed(product, Decimal(1), "; nodes priced as their pool")] if product else []
    if native in ("microsoft.network/azurefirewalls", "azurerm_firewall"):
        return _firewall(resource)
    if native == "microsoft.network/loadbalancers" and (a.instance_type or "") == "Basic":
        return [Billed("lb-basic", Decimal(1), "; the Basic SKU bears no charge")]
    if native in ("microsoft.network/dnszones", "azurerm_dns_zone"):
        return [_dns_zone(resource)]
    return []
