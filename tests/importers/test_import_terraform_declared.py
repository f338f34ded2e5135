"""azurerm and google resources in Terraform read through the scans' own declarations: a state
and an export of the same resources give the same sizes and typed fields."""

from __future__ import annotations

import json
from pathlib import Path

from cloudexit.importers import import_file
from tests.helpers import tfstate

SUB = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-app/providers"
VM = f"{SUB}/Microsoft.Compute/virtualMachines/app-1"
PG = f"{SUB}/Microsoft.DBforPostgreSQL/flexibleServers/orders"
MYSQL = f"{SUB}/Microsoft.DBforMySQL/servers/legacy"
AKS = f"{SUB}/Microsoft.ContainerService/managedClusters/k8s"
FIELDS = (
    "instance_type",
    "vcpu",
    "memory_gib",
    "os",
    "storage_gib",
    "engine",
    "engine_version",
    "high_availability",
    "node_count",
)


def _state(resources: list[tuple[str, str, dict]]) -> dict:
    return tfstate(
        [
            {
                "mode": "managed",
                "type": tf_type,
                "name": name,
                "provider": 'provider["registry.terraform.io/hashicorp/x"]',
                "instances": [{"schema_version": 0, "attributes": values}],
            }
            for tf_type, name, values in resources
        ]
    )


def _write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _facts(resource) -> tuple:
    return tuple(getattr(resource.attributes, f) for f in FIELDS)


def test_azurerm_state_reads_as_the_arm_export_of_the_same_resources(tmp_path: Path) -> None:
    state = _state(
        [
            (
                "azurerm_linux_virtual_machine",
                "app",
                {
                    "id": VM,
                    "name": "app-1",
                    "location": "westeurope",
                    "size": "Standard_D2s_v3",
                    "os_disk": [{"disk_size_gb": 64, "storage_account_type": "Premium_LRS"}],
                    "network_interface_ids": [],
                },
            ),
            (
                "azurerm_postgresql_flexible_server",
                "orders",
                {
                    "id": PG,
                    "name": "orders",
                    "location": "westeurope",
                    "sku_name": "GP_Standard_D4s_v3",
                    "version": "16",
                    "storage_mb": 131072,
                    "high_availability": [{"mode": "ZoneRedundant"}],
                },
            ),
            (
                "azurerm_mysql_server",
                "legacy",
                {
                    "id": MYSQL,
                    "name": "legacy",
                    "location": "westeurope",
                    "sku_name": "GP_Gen5_2",
                    "version": "5.7",
                    "storage_mb": 51200,
                },
            ),
            (
                "azurerm_kubernetes_cluster",
                "k8s",
                {
                    "id": AKS,
                    "name": "k8s",
                    "location": "westeurope",
                    "kubernetes_version": "1.30",
                    "default_node_pool": [
                        {"name": "system", "vm_size": "Standard_D4s_v3", "node_count": 3}
                    ],
                },
            ),
        ]
    )
    arm = {
        "value": [
            {
                "id": VM,
                "name": "app-1",
                "type": "Microsoft.Compute/virtualMachines",
                "location": "westeurope",
                "properties": {
                    "hardwareProfile": {"vmSize": "Standard_D2s_v3"},
                    "storageProfile": {"osDisk": {"osType": "Linux", "diskSizeGB": 64}},
                },
            },
            {
                "id": PG,
                "name": "orders",
                "type": "Microsoft.DBforPostgreSQL/flexibleServers",
                "location": "westeurope",
                "sku": {"name": "Standard_D4s_v3", "tier": "GeneralPurpose"},
                "properties": {
                    "version": "16",
                    "storage": {"storageSizeGB": 128},
                    "highAvailability": {"mode": "ZoneRedundant"},
                },
            },
            {
                "id": MYSQL,
                "name": "legacy",
                "type": "Microsoft.DBforMySQL/servers",
                "location": "westeurope",
                "sku": {"name": "GP_Gen5_2", "tier": "GeneralPurpose", "capacity": 2},
                "properties": {"version": "5.7", "storageProfile": {"storageMB": 51200}},
            },
            {
                "id": AKS,
                "name": "k8s",
                "type": "Microsoft.ContainerService/managedClusters",
                "location": "westeurope",
                "properties": {
                    "kubernetesVersion": "1.30",
                    "agentPoolProfiles": [
                        {"name": "system", "vmSize": "Standard_D4s_v3", "count": 3}
                    ],
                },
            },
        ]
    }
    from_state = {r.id: r for r in import_file(_write(tmp_path, "azure.tfstate", state)).resources}
    from_arm = {r.id: r for r in import_file(_write(tmp_path, "arm.json", arm)).resources}
    assert set(from_state) == set(from_arm)  # the AKS system pool is a resource in both
    for rid, exported in from_arm.items():
        assert _facts(from_state[rid]) == _facts(exported), rid
    mysql = from_state[MYSQL.lower()].attributes
    assert (mysql.vcpu, mysql.memory_gib, mysql.storage_gib) == (2, 10, 50)
    assert from_state[PG.lower()].attributes.high_availability is True


def test_google_state_reads_as_the_cloud_asset_export_of_the_same_resources(
    tmp_path: Path,
) -> None:
    link = "https://www.googleapis.com/compute/v1/projects/shop/zones/europe-west1-b/instances/web"
    state = _state(
        [
            (
                "google_compute_instance",
                "web",
                {
                    "id": "projects/shop/zones/europe-west1-b/instances/web",
                    "self_link": link,
                    "name": "web",
                    "project": "shop",
                    "zone": "europe-west1-b",
                    "machine_type": "n2-standard-4",
                    "current_status": "RUNNING",
                    "boot_disk": [{"initialize_params": [{"size": 50}]}],
                },
            ),
            (
                "google_sql_database_instance",
                "db",
                {
                    "id": "orders",
                    "self_link": "https://sqladmin.googleapis.com/sql/v1beta4/projects/shop/instances/orders",
                    "name": "orders",
                    "project": "shop",
                    "region": "europe-west1",
                    "database_version": "POSTGRES_15",
                    "settings": [
                        {"tier": "db-f1-micro", "disk_size": 20, "availability_type": "REGIONAL"}
                    ],
                },
            ),
        ]
    )
    assets = [
        {
            "name": "//compute.googleapis.com/projects/shop/zones/europe-west1-b/instances/web",
            "asset_type": "compute.googleapis.com/Instance",
            "resource": {
                "data": {
                    "name": "web",
                    "zone": "europe-west1-b",
                    "machineType": "zones/europe-west1-b/machineTypes/n2-standard-4",
                    "status": "RUNNING",
                    "disks": [{"diskSizeGb": "50"}],
                },
                "location": "europe-west1-b",
            },
        },
        {
            "name": "//cloudsql.googleapis.com/projects/shop/instances/orders",
            "asset_type": "sqladmin.googleapis.com/Instance",
            "resource": {
                "data": {
                    "name": "orders",
                    "region": "europe-west1",
                    "databaseVersion": "POSTGRES_15",
                    "settings": {
                        "tier": "db-f1-micro",
                        "dataDiskSizeGb": "20",
                        "availabilityType": "REGIONAL",
                    },
                },
                "location": "europe-west1",
            },
        },
    ]
    export = tmp_path / "assets.jsonl"
    export.write_text("\n".join(json.dumps(a) for a in assets) + "\n", encoding="utf-8")
    from_state = {r.name: r for r in import_file(_write(tmp_path, "gcp.tfstate", state)).resources}
    from_export = {r.name: r for r in import_file(export).resources}
    assert set(from_state) == set(from_export) == {"web", "orders"}
    for name, exported in from_export.items():
        assert _facts(from_state[name]) == _facts(exported), name
        assert from_state[name].region == exported.region
    db = from_state["orders"].attributes
    assert (db.instance_type, db.vcpu, db.memory_gib) == ("db-f1-micro", 1, 0.6)


def test_a_planned_cluster_names_its_pool_under_its_own_id(tmp_path: Path) -> None:
    cluster = {"name": "k8s", "location": "westeurope", "default_node_pool": [{"name": "system"}]}
    plan = {
        "format_version": "1.2",
        "resource_changes": [
            {
                "address": "azurerm_kubernetes_cluster.k8s",
                "mode": "managed",
                "type": "azurerm_kubernetes_cluster",
                "change": {"actions": ["create"], "before": None, "after": cluster},
            }
        ],
    }
    ids = sorted(
        r.id for r in import_file(_write(tmp_path, "p.json", plan), planned=True).resources
    )
    assert ids == [
        "terraform:p.json:azurerm_kubernetes_cluster.k8s",
        "terraform:p.json:azurerm_kubernetes_cluster.k8s/agentpools/system",
    ]
