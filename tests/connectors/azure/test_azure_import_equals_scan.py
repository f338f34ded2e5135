"""A Resource Graph export or an ARM list body, imported, equals the live scan of the same
recorded resources: one id spelling, the same sizes and the same dependencies."""

from __future__ import annotations

import json

import pytest

from cloudexit.connectors.azure import AzureScan, collect
from cloudexit.importers import import_files
from tests.connectors.azure.conftest import NOW
from tests.connectors.azure.fake_arm import StaticToken

COMPARED = ("id", "kind", "type", "account", "region", "name", "tags", "monthly_cost")
SIZING = (
    "instance_type",
    "vcpu",
    "memory_gib",
    "storage_gib",
    "engine",
    "engine_version",
    "high_availability",
    "node_count",
)


def _graph_export(rows, path):
    path.write_text(json.dumps({"totalRecords": len(rows), "count": len(rows), "data": rows}))
    return path


def _arm_list(rows, path):
    body = [
        {k: v for k, v in r.items() if k not in {"subscriptionId", "resourceGroup"}} for r in rows
    ]
    path.write_text(json.dumps({"value": body}))
    return path


@pytest.mark.parametrize("export", [_graph_export, _arm_list], ids=["resource-graph", "arm-list"])
def test_an_export_imports_as_the_scan_reads_it(arm, connector_catalog, tmp_path, export):
    scanned = collect(
        AzureScan(
            endpoint_url=arm.server.url,
            subscriptions=(arm.subscription,),
            metrics=False,
            retries=1,
        ),
        credential=StaticToken(),
        catalog=connector_catalog,
        now=NOW,
    )
    rows = [r for r in arm.graph_rows if r["subscriptionId"] == arm.subscription]
    imported = import_files([export(rows, tmp_path / "export.json")], catalog=connector_catalog)

    live, mine = scanned.by_id(), imported.by_id()
    assert sorted(mine) == sorted(live)
    for rid, theirs in live.items():
        ours = mine[rid]
        for field in COMPARED:
            assert getattr(ours, field) == getattr(theirs, field), (rid, field)
        for field in SIZING:
            assert getattr(ours.attributes, field) == getattr(theirs.attributes, field), (
                rid,
                field,
            )
        # an import keeps the links to what it imported; the scan also names what it did not see
        assert ours.depends_on == [d for d in theirs.depends_on if d in live], rid

    vm = mine[next(rid for rid in mine if rid.endswith("/virtualmachines/web-1"))]
    assert vm.id == vm.id.lower() and vm.attributes.vcpu == 2
    assert any("/disks/" in d for d in vm.depends_on)
    assert any("/networkinterfaces/" in d for d in vm.depends_on)
    kinds = {r.type for r in mine.values()}
    assert {
        "microsoft.dbforpostgresql/flexibleservers",
        "microsoft.storage/storageaccounts",
        "microsoft.compute/disks",
    } <= kinds
