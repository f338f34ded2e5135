"""Azure Resource Graph / az resource list, and Cloud Asset search output."""

from __future__ import annotations

import json
from pathlib import Path

from cloudexit.importers import import_file, import_files
from cloudexit.model.io import dumps
from cloudexit.model.kinds import Kind


def test_graph_query_object_array(imports_dir: Path) -> None:
    ctx = import_file(imports_dir / "azure-graph-query.json")
    assert ctx.format == "resource-graph"
    found = {r.name: r for r in ctx.resources}
    vm = found["shop-vm1"]
    assert (vm.attributes.instance_type, vm.attributes.os, vm.attributes.storage_gib) == (
        "Standard_D4s_v5",
        "windows",
        640,
    )
    assert vm.attributes.state == "running"
    # the file keeps what the VM declares; the inventory keeps the links to what was imported
    assert vm.depends_on == sorted(
        [
            f"{vm.id[: vm.id.index('/providers/')]}/providers/microsoft.compute/disks/shop-vm1-os",
            found["shop-nic1"].id,
        ]
    )
    linked = import_files([imports_dir / "azure-graph-query.json"]).by_id()
    assert linked[vm.id].depends_on == [found["shop-nic1"].id]
    # the NIC's subnet is part of the virtual network in the export
    assert linked[found["shop-nic1"].id].depends_on == [found["shop-vnet"].id]
    db = found["shop-db"]
    assert (db.kind, db.region, db.attributes.storage_gib, db.attributes.high_availability) == (
        Kind.POSTGRESQL,
        "westeurope",
        256,
        True,
    )
    text = dumps(import_files([imports_dir / "azure-graph-query.json"]))
    assert "GraphFakePw" not in text


def test_az_resource_list(imports_dir: Path) -> None:
    ctx = import_file(imports_dir / "az-resource-list.json")
    found = {r.name: r for r in ctx.resources}
    assert found["fn-orders"].kind is Kind.FUNCTION
    assert found["fnorderssa"].attributes.storage_class == "Standard_ZRS"
    assert found["fnorderssa"].account == "00000000-1111-2222-3333-444444444444"
    assert ctx.skipped == 1


def test_cloud_asset_search_results(imports_dir: Path) -> None:
    ctx = import_file(imports_dir / "gcp-search-all-resources.json")
    assert ctx.format == "cloud-asset"
    found = {r.name: r for r in ctx.resources}
    assert set(found) == {"etl-1", "etl-old", "acme-data-lake"}
    etl = found["etl-1"]
    assert (etl.attributes.instance_type, etl.region, etl.account, etl.tags) == (
        "e2-standard-4",
        "europe-west4",
        "acme-data",
        {"team": "data"},
    )
    # a stopped Compute Engine instance still exists (its disks are billed)
    assert found["etl-old"].attributes.state == "stopped"
    reasons = sorted(i.message for i in ctx.issues if i.code == "skipped")
    assert len(reasons) == 2 and "deleted" in reasons[1]


def test_cloud_asset_search_api_page(imports_dir: Path) -> None:
    [cluster] = import_file(imports_dir / "gcp-search-api.json").resources
    assert cluster.kind is Kind.KUBERNETES_CLUSTER and cluster.region == "europe-west4"


def test_cloud_asset_export_lines(imports_dir: Path) -> None:
    ctx = import_file(imports_dir / "gcp-asset-export.jsonl")
    assert ctx.format == "cloud-asset"
    found = {r.type: r for r in ctx.resources}
    vm, disk = found["compute.googleapis.com/Instance"], found["compute.googleapis.com/Disk"]
    assert (vm.attributes.vcpu, vm.attributes.memory_gib, vm.attributes.storage_gib) == (8, 32, 100)
    assert (vm.region, vm.account, vm.tags) == ("europe-west9", "acme-web", {"tier": "front"})
    # the instance uses the disk; the disk's list of users is not a dependency back
    assert vm.depends_on == [disk.id] and disk.depends_on == []
    cache = next(r for r in ctx.resources if r.kind is Kind.REDIS)
    assert cache.attributes.memory_gib == 5
    assert ctx.skipped == 1
    text = dumps(import_files([imports_dir / "gcp-asset-export.jsonl"]))
    assert "gce-fake-token" not in text and "redis-fake-auth" not in text


def test_a_terraform_state_and_a_graph_export_name_an_azure_resource_alike(tmp_path: Path) -> None:
    vm_id = (
        "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/Shop/providers/"
        "Microsoft.Compute/virtualMachines/shop-vm1"
    )
    state = {
        "version": 4,
        "terraform_version": "1.9.0",
        "resources": [
            {
                "mode": "managed",
                "type": "azurerm_linux_virtual_machine",
                "name": "vm",
                "provider": 'provider["registry.terraform.io/hashicorp/azurerm"]',
                "instances": [
                    {
                        "attributes": {
                            "id": vm_id,
                            "name": "shop-vm1",
                            "location": "westeurope",
                            "size": "Standard_D4s_v5",
                        }
                    }
                ],
            }
        ],
    }
    graph = {
        "totalRecords": 1,
        "data": [
            {
                "id": vm_id.upper().replace("SHOP-VM1", "shop-vm1"),
                "name": "shop-vm1",
                "type": "Microsoft.Compute/virtualMachines",
                "location": "westeurope",
                "properties": {"hardwareProfile": {"vmSize": "Standard_D4s_v5"}},
            }
        ],
    }
    (tmp_path / "main.tfstate").write_text(json.dumps(state))
    (tmp_path / "graph.json").write_text(json.dumps(graph))
    inventory = import_files([tmp_path / "main.tfstate", tmp_path / "graph.json"])
    assert [r.id for r in inventory.resources] == [vm_id.lower()]


def test_an_imported_disk_gets_todays_list_price_as_a_scan_would(tmp_path: Path) -> None:
    """A Premium SSD of 100 GiB in UK South is billed as tier P10 (128 GiB), the scan's rule."""
    disk = {
        "id": "/subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourceGroups/rg-erp"
        "/providers/Microsoft.Compute/disks/erp-data",
        "name": "erp-data",
        "type": "Microsoft.Compute/disks",
        "location": "uksouth",
        "sku": {"name": "Premium_LRS", "tier": "Premium"},
        "properties": {"diskSizeGB": 100, "diskState": "Attached"},
    }
    path = tmp_path / "resources.json"
    path.write_text(json.dumps({"value": [disk]}))
    (imported,) = import_files([path]).resources
    assert imported.kind is Kind.BLOCK_VOLUME
    assert imported.monthly_cost is not None
    assert "managed-disk/P10" in imported.monthly_cost.source
    assert "as tier P10" in imported.monthly_cost.source


def test_an_imported_public_dns_zone_counts_in_todays_cost(tmp_path: Path) -> None:
    """A zone as a Resource Graph export and a Terraform state give it (location global, or no
    location at all) is priced at the Zone 1 meter, not left out of today's cost."""
    zone_id = (
        "/subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourceGroups/rg-web"
        "/providers/Microsoft.Network/dnszones/shop.example"
    )
    graph = {
        "id": zone_id,
        "name": "shop.example",
        "type": "microsoft.network/dnszones",
        "location": "global",
        "properties": {"zoneType": "Public", "numberOfRecordSets": 4},
    }
    (tmp_path / "graph.json").write_text(
        json.dumps({"count": 1, "data": [graph], "skip_token": None, "total_records": 1})
    )
    state = {
        "version": 4,
        "terraform_version": "1.9.8",
        "resources": [
            {
                "mode": "managed",
                "type": "azurerm_dns_zone",
                "name": "web",
                "provider": 'provider["registry.terraform.io/hashicorp/azurerm"]',
                "instances": [
                    {
                        "attributes": {
                            "id": zone_id.replace("shop.example", "web.example"),
                            "name": "web.example",
                            "resource_group_name": "rg-web",
                        }
                    }
                ],
            }
        ],
    }
    (tmp_path / "main.tfstate").write_text(json.dumps(state))
    for name in ("graph.json", "main.tfstate"):
        (zone,) = import_files([tmp_path / name]).resources
        assert zone.region == "global", name
        assert zone.monthly_cost is not None, name
        assert zone.monthly_cost.amount > 0
        assert "azure/dns-zone/global global (unverified)" in zone.monthly_cost.source
        assert "assumed for a zone with location global" in zone.monthly_cost.source
