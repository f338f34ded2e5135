"""azurerm and google Terraform resources read by the live scans' own per-type declarations.

Each Terraform type is lifted into the body the cloud's API returns for it (ARM for azurerm, the
resource data Cloud Asset carries for google): only names change, no sizing is read here. The
connector's declaration of that type then gives the sizes, typed fields and dependencies, so a
VM in a state and the same VM in a scan or an export carry the same facts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cloudexit.catalog.classes import size_specs
from cloudexit.catalog.loader import Catalog
from cloudexit.importers.terraform_sizing import block, blocks, mapping, text
from cloudexit.jsonvalues import number
from cloudexit.model.kinds import Kind

Values = dict[str, Any]
Lift = Callable[[Values], dict[str, Any]]
GIB = 1024**3


@dataclass
class Declared:
    """What a declaration read from one Terraform resource."""

    attributes: dict[str, Any]
    depends_on: set[str] = field(default_factory=set)
    kind: Kind | None = None
    skip: str | None = None
    problem: str | None = None
    children: list[tuple[str, str, dict[str, Any], set[str]]] = field(default_factory=list)
    """(id, native type, attributes, dependencies) of nested resources the declaration reports"""


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value if v is not None]
    return value


def _ids(values: Any) -> list[dict[str, str]]:
    return [{"id": v} for v in values if isinstance(v, str)] if isinstance(values, list) else []


# --- azurerm -> ARM --------------------------------------------------------------------------

_SKU_TIERS = {
    "B": "Basic",
    "GP": "GeneralPurpose",
    "MO": "MemoryOptimized",
    "BC": "BusinessCritical",
    "HS": "Hyperscale",
}
_VCORE_SKU = re.compile(r"^(B|GP|MO|BC|HS)_(?:S_)?(?:Gen\d+|[A-Z0-9]+)_(\d+)$", re.IGNORECASE)


def _vcore_sku(name: str | None) -> dict[str, Any] | None:
    """GP_Gen5_4 -> {name, tier GeneralPurpose, capacity 4}; S1 or P2 (DTU) -> {name}."""
    if not name:
        return None
    match = _VCORE_SKU.match(name)
    if not match:
        return {"name": name}
    return {
        "name": name,
        "tier": _SKU_TIERS[match.group(1).upper()],
        "capacity": int(match.group(2)),
    }


def _flexible_sku(name: str | None) -> dict[str, Any] | None:
    """GP_Standard_D2s_v3 -> {name Standard_D2s_v3, tier GeneralPurpose} as ARM spells it."""
    if not name:
        return None
    prefix, _, size = name.partition("_")
    tier = _SKU_TIERS.get(prefix.upper())
    return {"name": size, "tier": tier} if tier and size else {"name": name}


def _image(source: Values) -> dict[str, Any]:
    return {k: source.get(k) for k in ("publisher", "offer", "sku", "version") if source.get(k)}


def _new_vm(os_type: str) -> Lift:
    def lift(v: Values) -> dict[str, Any]:
        disk = block(v, "os_disk")
        zone = text(v.get("zone"))
        return {
            "zones": [zone] if zone else None,
            "properties": {
                "hardwareProfile": {"vmSize": text(v.get("size"))},
                "storageProfile": {
                    "osDisk": {
                        "osType": os_type,
                        "diskSizeGB": number(disk.get("disk_size_gb")),
                        "managedDisk": {
                            "storageAccountType": text(disk.get("storage_account_type"))
                        },
                    },
                    "imageReference": _image(block(v, "source_image_reference")),
                },
                "networkProfile": {"networkInterfaces": _ids(v.get("network_interface_ids"))},
                "availabilitySet": {"id": text(v.get("availability_set_id"))},
                "virtualMachineScaleSet": {"id": text(v.get("virtual_machine_scale_set_id"))},
            },
        }

    return lift


def _legacy_vm(v: Values) -> dict[str, Any]:
    os_disk = block(v, "storage_os_disk")
    os_type = (
        "Windows"
        if blocks(v, "os_profile_windows_config")
        else "Linux"
        if blocks(v, "os_profile_linux_config")
        else text(os_disk.get("os_type"))
    )
    data = [
        {
            "diskSizeGB": number(d.get("disk_size_gb")),
            "managedDisk": {
                "id": text(d.get("managed_disk_id")),
                "storageAccountType": text(d.get("managed_disk_type")),
            },
        }
        for d in blocks(v, "storage_data_disk")
    ]
    return {
        "zones": v.get("zones") if isinstance(v.get("zones"), list) else None,
        "properties": {
            "hardwareProfile": {"vmSize": text(v.get("vm_size"))},
            "storageProfile": {
                "osDisk": {
                    "osType": os_type,
                    "diskSizeGB": number(os_disk.get("disk_size_gb")),
                    "managedDisk": {"id": text(os_disk.get("managed_disk_id"))},
                },
                "dataDisks": data,
                "imageReference": _image(block(v, "storage_image_reference")),
            },
            "networkProfile": {"networkInterfaces": _ids(v.get("network_interface_ids"))},
            "availabilitySet": {"id": text(v.get("availability_set_id"))},
        },
    }


def _scale_set(os_type: str | None) -> Lift:
    def lift(v: Values) -> dict[str, Any]:
        sku = v.get("sku")
        if isinstance(sku, str):
            sku_body = {"name": sku, "capacity": v.get("instances")}
        else:
            legacy = block(v, "sku")
            sku_body = {"name": text(legacy.get("name")), "capacity": legacy.get("capacity")}
        nics = [
            {
                "properties": {
                    "ipConfigurations": [
                        {
                            "properties": {
                                "subnet": {"id": text(ip.get("subnet_id"))},
                                "loadBalancerBackendAddressPools": _ids(
                                    ip.get("load_balancer_backend_address_pool_ids")
                                ),
                            }
                        }
                        for ip in blocks(nic, "ip_configuration")
                    ]
                }
            }
            for nic in blocks(v, "network_interface") + blocks(v, "network_profile")
        ]
        return {
            "sku": sku_body,
            "properties": {
                "virtualMachineProfile": {
                    "storageProfile": {"osDisk": {"osType": os_type}},
                    "networkProfile": {"networkInterfaceConfigurations": nics},
                },
                "upgradePolicy": {"mode": text(v.get("upgrade_mode"))},
            },
        }

    return lift


def _managed_disk(v: Values) -> dict[str, Any]:
    return {
        "sku": {"name": text(v.get("storage_account_type"))},
        "properties": {
            "diskSizeGB": number(v.get("disk_size_gb")),
            "diskIOPSReadWrite": v.get("disk_iops_read_write"),
            "diskMBpsReadWrite": v.get("disk_mbps_read_write"),
            "osType": text(v.get("os_type")),
        },
    }


def _flexible_server(v: Values) -> dict[str, Any]:
    storage_mb = number(v.get("storage_mb"))
    ha = block(v, "high_availability")
    return {
        "sku": _flexible_sku(text(v.get("sku_name"))),
        "properties": {
            "version": text(v.get("version")),
            "storage": {
                "storageSizeGB": storage_mb / 1024 if storage_mb else number(v.get("storage_gb")),
                "iops": v.get("iops") or block(v, "storage").get("iops"),
            },
            "highAvailability": {"mode": text(ha.get("mode"))},
            "createMode": text(v.get("create_mode")),
            "sourceServerResourceId": text(v.get("source_server_id")),
            "network": {
                "delegatedSubnetResourceId": text(v.get("delegated_subnet_id")),
                "privateDnsZoneArmResourceId": text(v.get("private_dns_zone_id")),
            },
        },
    }


def _single_server(v: Values) -> dict[str, Any]:
    storage_mb = number(v.get("storage_mb")) or number(
        block(v, "storage_profile").get("storage_mb")
    )
    return {
        "sku": _vcore_sku(text(v.get("sku_name"))),
        "properties": {
            "version": text(v.get("version")),
            "storageProfile": {"storageMB": storage_mb},
            "createMode": text(v.get("create_mode")),
            "sourceServerId": text(v.get("creation_source_server_id")),
        },
    }


def _sql_server(v: Values) -> dict[str, Any]:
    return {
        "properties": {
            "version": text(v.get("version")),
            "fullyQualifiedDomainName": text(v.get("fully_qualified_domain_name")),
        }
    }


def _sql_database(v: Values) -> dict[str, Any]:
    size = number(v.get("max_size_gb"))
    return {
        "sku": _vcore_sku(text(v.get("sku_name"))),
        "properties": {
            "maxSizeBytes": size * GIB if size else None,
            "zoneRedundant": v.get("zone_redundant"),
            "elasticPoolId": text(v.get("elastic_pool_id")),
            "createMode": text(v.get("create_mode")),
            # azurerm_mssql_database, then the older azurerm_sql_database
            "sourceDatabaseId": text(v.get("creation_source_database_id"))
            or text(v.get("source_database_id")),
        },
    }


def _cosmos(v: Values) -> dict[str, Any]:
    return {
        "kind": text(v.get("kind")),
        "properties": {
            "capabilities": [{"name": text(c.get("name"))} for c in blocks(v, "capabilities")],
            "locations": [
                {"locationName": text(g.get("location"))} for g in blocks(v, "geo_location")
            ],
            "consistencyPolicy": {
                "defaultConsistencyLevel": text(
                    block(v, "consistency_policy").get("consistency_level")
                )
            },
            "enableMultipleWriteLocations": v.get("multiple_write_locations_enabled")
            if "multiple_write_locations_enabled" in v
            else v.get("enable_multiple_write_locations"),
            "virtualNetworkRules": _ids([r.get("id") for r in blocks(v, "virtual_network_rule")]),
        },
    }


def _redis(v: Values) -> dict[str, Any]:
    return {
        "properties": {
            "sku": {
                "name": text(v.get("sku_name")),
                "family": text(v.get("family")),
                "capacity": v.get("capacity"),
            },
            "redisVersion": text(v.get("redis_version")),
            "shardCount": v.get("shard_count"),
            "subnetId": text(v.get("subnet_id")),
        }
    }


def _aks(v: Values) -> dict[str, Any]:
    pool = block(v, "default_node_pool")
    return {
        "sku": {"tier": text(v.get("sku_tier"))},
        "properties": {
            "kubernetesVersion": text(v.get("kubernetes_version")),
            "currentKubernetesVersion": text(v.get("current_kubernetes_version")),
            "agentPoolProfiles": [_agent_pool(pool)] if pool else [],
            "networkProfile": {
                "networkPlugin": text(block(v, "network_profile").get("network_plugin"))
            },
            "apiServerAccessProfile": {
                "enablePrivateCluster": v.get("private_cluster_enabled"),
            },
        },
    }


def _agent_pool(v: Values) -> dict[str, Any]:
    autoscaling = v.get("auto_scaling_enabled", v.get("enable_auto_scaling"))
    return {
        "name": text(v.get("name")),
        "vmSize": text(v.get("vm_size")),
        "count": v.get("node_count"),
        "osType": text(v.get("os_type")),
        "osDiskSizeGB": v.get("os_disk_size_gb"),
        "osDiskType": text(v.get("os_disk_type")),
        "mode": text(v.get("mode")),
        "enableAutoScaling": autoscaling,
        "minCount": v.get("min_count"),
        "maxCount": v.get("max_count"),
        "vnetSubnetID": text(v.get("vnet_subnet_id")),
    }


def _storage_account(v: Values) -> dict[str, Any]:
    tier, replication = text(v.get("account_tier")), text(v.get("account_replication_type"))
    return {
        "kind": text(v.get("account_kind")),
        "sku": {"name": f"{tier}_{replication}" if tier and replication else tier},
        "properties": {
            "accessTier": text(v.get("access_tier")),
            "isHnsEnabled": v.get("is_hns_enabled"),
            "isSftpEnabled": v.get("sftp_enabled"),
            "networkAcls": {
                "virtualNetworkRules": _ids(
                    mapping(block(v, "network_rules")).get("virtual_network_subnet_ids")
                )
            },
        },
    }


def _service_plan(v: Values) -> dict[str, Any]:
    sku = block(v, "sku")
    os_type = (text(v.get("os_type")) or text(v.get("kind")) or "").lower()
    return {
        "kind": os_type or None,
        "sku": {
            "name": text(v.get("sku_name")) or text(sku.get("size")),
            "tier": text(sku.get("tier")),
            "capacity": v.get("worker_count") or sku.get("capacity"),
        },
        "properties": {"reserved": v.get("reserved", os_type == "linux" or None)},
    }


def _network_interface(v: Values) -> dict[str, Any]:
    return {
        "properties": {
            "ipConfigurations": [
                {
                    "properties": {
                        "subnet": {"id": text(ip.get("subnet_id"))},
                        "publicIPAddress": {"id": text(ip.get("public_ip_address_id"))},
                        "privateIPAddress": text(ip.get("private_ip_address")),
                        "privateIPAllocationMethod": text(ip.get("private_ip_address_allocation")),
                    }
                }
                for ip in blocks(v, "ip_configuration")
            ]
        }
    }


AZURERM: dict[str, tuple[str, Lift]] = {
    "azurerm_linux_virtual_machine": ("microsoft.compute/virtualmachines", _new_vm("Linux")),
    "azurerm_windows_virtual_machine": ("microsoft.compute/virtualmachines", _new_vm("Windows")),
    "azurerm_virtual_machine": ("microsoft.compute/virtualmachines", _legacy_vm),
    "azurerm_virtual_machine_scale_set": (
        "microsoft.compute/virtualmachinescalesets",
        _scale_set(None),
    ),
    "azurerm_linux_virtual_machine_scale_set": (
        "microsoft.compute/virtualmachinescalesets",
        _scale_set("Linux"),
    ),
    "azurerm_windows_virtual_machine_scale_set": (
        "microsoft.compute/virtualmachinescalesets",
        _scale_set("Windows"),
    ),
    "azurerm_managed_disk": ("microsoft.compute/disks", _managed_disk),
    "azurerm_postgresql_flexible_server": (
        "microsoft.dbforpostgresql/flexibleservers",
        _flexible_server,
    ),
    "azurerm_mysql_flexible_server": ("microsoft.dbformysql/flexibleservers", _flexible_server),
    "azurerm_postgresql_server": ("microsoft.dbforpostgresql/servers", _single_server),
    "azurerm_mysql_server": ("microsoft.dbformysql/servers", _single_server),
    "azurerm_mariadb_server": ("microsoft.dbformariadb/servers", _single_server),
    "azurerm_mssql_server": ("microsoft.sql/servers", _sql_server),
    "azurerm_sql_server": ("microsoft.sql/servers", _sql_server),
    "azurerm_mssql_database": ("microsoft.sql/servers/databases", _sql_database),
    "azurerm_sql_database": ("microsoft.sql/servers/databases", _sql_database),
    "azurerm_cosmosdb_account": ("microsoft.documentdb/databaseaccounts", _cosmos),
    "azurerm_redis_cache": ("microsoft.cache/redis", _redis),
    "azurerm_kubernetes_cluster": ("microsoft.containerservice/managedclusters", _aks),
    "azurerm_kubernetes_cluster_node_pool": (
        "microsoft.containerservice/managedclusters/agentpools",
        lambda v: {"properties": _agent_pool(v)},
    ),
    "azurerm_storage_account": ("microsoft.storage/storageaccounts", _storage_account),
    "azurerm_service_plan": ("microsoft.web/serverfarms", _service_plan),
    "azurerm_app_service_plan": ("microsoft.web/serverfarms", _service_plan),
    "azurerm_network_interface": ("microsoft.network/networkinterfaces", _network_interface),
}


def _azure(tf_type: str, values: Values, rid: str, catalog: Catalog) -> Declared:
    # imported here, as in _google: a state of one cloud never loads the other's describers
    from cloudexit.connectors.azure.describe import attributes_of, normalise
    from cloudexit.connectors.azure.describe import describe as describe_arm

    arm_type, lift = AZURERM[tf_type]
    body = _drop_none(lift(values))
    raw = {
        **body,
        # a planned resource has no id yet: nested pools are named under the one it will get
        "id": text(values.get("id")) or rid,
        "type": arm_type,
        "name": text(values.get("name")),
        "location": text(values.get("location")),
        "tags": values.get("tags") if isinstance(values.get("tags"), dict) else {},
    }
    item = normalise(raw)
    facts, problem = describe_arm(item, lambda size: size_specs(catalog, "azure", size))
    children = []
    for child in facts.children:
        child_item = normalise(child)
        child_facts, _ = describe_arm(child_item, lambda size: size_specs(catalog, "azure", size))
        children.append(
            (
                child_item["id"],
                child_item["type"],
                attributes_of(child_facts),
                child_facts.depends_on,
            )
        )
    return Declared(
        attributes=attributes_of(facts),
        depends_on=facts.depends_on,
        kind=facts.kind,
        skip=facts.skip,
        problem=problem,
        children=children,
    )


# --- google -> Cloud Asset resource data -----------------------------------------------------


def _compute_instance(v: Values) -> dict[str, Any]:
    boot = block(v, "boot_disk")
    params = block(boot, "initialize_params")
    disks = [
        {"boot": True, "source": text(boot.get("source")), "diskSizeGb": number(params.get("size"))}
    ]
    disks += [{"source": text(d.get("source"))} for d in blocks(v, "attached_disk")]
    scheduling = block(v, "scheduling")
    tags = v.get("tags")
    return {
        "machineType": text(v.get("machine_type")),
        "zone": text(v.get("zone")),
        "status": text(v.get("current_status")),
        "disks": disks,
        "guestAccelerators": [
            {"acceleratorCount": g.get("count"), "acceleratorType": text(g.get("type"))}
            for g in blocks(v, "guest_accelerator")
        ],
        "networkInterfaces": [
            {"network": text(n.get("network")), "subnetwork": text(n.get("subnetwork"))}
            for n in blocks(v, "network_interface")
        ],
        "scheduling": {
            "preemptible": scheduling.get("preemptible"),
            "provisioningModel": text(scheduling.get("provisioning_model")),
        },
        "tags": {"items": tags if isinstance(tags, list) else []},
        "labels": v.get("labels") if isinstance(v.get("labels"), dict) else None,
    }


def _compute_disk(v: Values) -> dict[str, Any]:
    return {
        "sizeGb": number(v.get("size")),
        "type": text(v.get("type")),
        "zone": text(v.get("zone")),
        "region": text(v.get("region")),
        "provisionedIops": v.get("provisioned_iops"),
        "provisionedThroughput": v.get("provisioned_throughput"),
        "users": v.get("users") if isinstance(v.get("users"), list) else [],
    }


def _sql_instance(v: Values) -> dict[str, Any]:
    settings = block(v, "settings")
    network = block(settings, "ip_configuration")
    return {
        "databaseVersion": text(v.get("database_version")),
        "region": text(v.get("region")),
        "masterInstanceName": text(v.get("master_instance_name")),
        "settings": {
            "tier": text(settings.get("tier")),
            "dataDiskSizeGb": settings.get("disk_size"),
            "dataDiskType": text(settings.get("disk_type")),
            "availabilityType": text(settings.get("availability_type")),
            "activationPolicy": text(settings.get("activation_policy")),
            "edition": text(settings.get("edition")),
            "ipConfiguration": {"privateNetwork": text(network.get("private_network"))},
            "userLabels": settings.get("user_labels"),
        },
    }


def _node_config(v: Values) -> dict[str, Any]:
    return {
        "machineType": text(v.get("machine_type")),
        "diskSizeGb": v.get("disk_size_gb"),
        "diskType": text(v.get("disk_type")),
        "imageType": text(v.get("image_type")),
        "spot": v.get("spot"),
        "preemptible": v.get("preemptible"),
    }


def _gke_cluster(v: Values) -> dict[str, Any]:
    return {
        "location": text(v.get("location")),
        "currentMasterVersion": text(v.get("master_version")),
        "network": text(v.get("network")),
        "subnetwork": text(v.get("subnetwork")),
        "locations": v.get("node_locations") if isinstance(v.get("node_locations"), list) else [],
        "autopilot": {"enabled": v.get("enable_autopilot")},
    }


def _gke_pool(v: Values) -> dict[str, Any]:
    autoscaling = block(v, "autoscaling")
    return {
        "config": _node_config(block(v, "node_config")),
        "initialNodeCount": v.get("node_count", v.get("initial_node_count")),
        "locations": v.get("node_locations") if isinstance(v.get("node_locations"), list) else [],
        "version": text(v.get("version")),
        "autoscaling": {
            # the block is there when the pool autoscales
            "enabled": True if autoscaling else None,
            "minNodeCount": autoscaling.get("min_node_count"),
            "maxNodeCount": autoscaling.get("max_node_count"),
        },
    }


def _redis_instance(v: Values) -> dict[str, Any]:
    return {
        "memorySizeGb": v.get("memory_size_gb"),
        "tier": text(v.get("tier")),
        "redisVersion": text(v.get("redis_version")),
        "replicaCount": v.get("replica_count"),
        "locationId": text(v.get("location_id")) or text(v.get("region")),
        "authorizedNetwork": text(v.get("authorized_network")),
    }


def _bucket(v: Values) -> dict[str, Any]:
    return {
        "storageClass": text(v.get("storage_class")),
        "location": text(v.get("location")),
        "versioning": {"enabled": block(v, "versioning").get("enabled")},
        "lifecycle": {"rule": blocks(v, "lifecycle_rule")},
        "labels": v.get("labels") if isinstance(v.get("labels"), dict) else None,
    }


GOOGLE: dict[str, tuple[str, Lift]] = {
    "google_compute_instance": ("compute.googleapis.com/Instance", _compute_instance),
    "google_compute_disk": ("compute.googleapis.com/Disk", _compute_disk),
    "google_compute_region_disk": ("compute.googleapis.com/RegionDisk", _compute_disk),
    "google_sql_database_instance": ("sqladmin.googleapis.com/Instance", _sql_instance),
    "google_container_cluster": ("container.googleapis.com/Cluster", _gke_cluster),
    "google_container_node_pool": ("container.googleapis.com/NodePool", _gke_pool),
    "google_redis_instance": ("redis.googleapis.com/Instance", _redis_instance),
    "google_storage_bucket": ("storage.googleapis.com/Bucket", _bucket),
}


def _google(tf_type: str, values: Values, rid: str, catalog: Catalog) -> Declared:
    from cloudexit.connectors.gcp.describe import describe as describe_asset

    asset_type, lift = GOOGLE[tf_type]
    data = _drop_none(lift(values))
    project = text(values.get("project"))
    read = describe_asset(
        rid,
        asset_type,
        data,
        project,
        lambda size: size_specs(catalog, "gcp", size),
        lambda _name: None,
    )
    return Declared(
        attributes=read.attributes,
        # only full resource names: a name made from a Terraform id would point nowhere
        depends_on={d for d in read.depends_on if d.startswith("//") and d != rid},
        kind=read.kind,
        problem=read.problem,
    )


def declared(tf_type: str, values: Values, rid: str, catalog: Catalog) -> Declared | None:
    """What the scan's declaration reads from an azurerm or google resource; None for the types
    no declaration covers (they keep the Terraform readers)."""
    if tf_type in AZURERM:
        return _azure(tf_type, values, rid, catalog)
    if tf_type in GOOGLE:
        return _google(tf_type, values, rid, catalog)
    return None
