"""A Cloud Asset export, imported, equals the live scan of the same recorded assets: the same
project, region, name, labels, sizes, dependencies and typed topology (firewall rules, ranges,
the firewalls applied to each instance)."""

from __future__ import annotations

import json

import pytest
from google.auth.credentials import AnonymousCredentials

from cloudexit.connectors.gcp import GcpScan, collect
from cloudexit.importers import import_files
from tests.connectors.gcp.fake_cai import DATA
from tests.connectors.gcp.fake_monitoring import END

COMPARED = ("id", "kind", "type", "account", "region", "name", "tags", "topology", "monthly_cost")
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


def _export_lines(cai, path):
    """What `gcloud asset export` wrote: the recorded file itself."""
    path.write_text((DATA / "assets.jsonl").read_text())
    return path


def _list_response(cai, path):
    """What `assets.list` returns for the same assets, locations and ancestors included."""
    path.write_text(json.dumps({"assets": [cai._rest_asset(a) for a in cai.exported]}))
    return path


@pytest.mark.parametrize("export", [_export_lines, _list_response], ids=["export", "list"])
def test_an_export_imports_as_the_scan_reads_it(own_cai, connector_catalog, tmp_path, export):
    scanned = collect(
        GcpScan(
            scope="organizations/111222333",
            endpoint_url=own_cai.server.url,
            metrics=False,
            retries=1,
        ),
        credentials=AnonymousCredentials(),
        catalog=connector_catalog,
        now=END,
    )
    imported = import_files([export(own_cai, tmp_path / "assets.json")], catalog=connector_catalog)

    live, mine = scanned.by_id(), imported.by_id()
    assert sorted(mine) == sorted(live)
    for name, theirs in live.items():
        ours = mine[name]
        for field in COMPARED:
            assert getattr(ours, field) == getattr(theirs, field), (name, field)
        for field in SIZING:
            assert getattr(ours.attributes, field) == getattr(theirs.attributes, field), (
                name,
                field,
            )
        # an import keeps the links to what it imported; the scan also names what it did not see
        assert ours.depends_on == [d for d in theirs.depends_on if d in live], name

    by_type = {r.type for r in mine.values()}
    assert {
        "compute.googleapis.com/Instance",
        "compute.googleapis.com/Disk",
        "sqladmin.googleapis.com/Instance",
        "storage.googleapis.com/Bucket",
    } <= by_type
    instance = next(r for r in mine.values() if r.type == "compute.googleapis.com/Instance")
    assert instance.attributes.vcpu
    assert any("/disks/" in d for d in instance.depends_on)
    rules = [r for r in mine.values() if r.topology.firewall_rules]
    assert {r.type for r in rules} == {"compute.googleapis.com/Firewall"}
    assert any(r.topology.security_groups for r in mine.values() if r.type.endswith("/Instance"))
    assert any(r.topology.cidrs for r in mine.values() if r.type.endswith("/Subnetwork"))

    def unsupported(inventory):  # type: ignore[no-untyped-def]
        return sorted(
            (i.resource_id, i.message) for i in inventory.issues if i.code == "unsupported_rule"
        )

    assert unsupported(imported) == unsupported(scanned)
    database = next(r for r in mine.values() if r.type == "sqladmin.googleapis.com/Instance")
    assert database.attributes.engine_version and database.account == "shop-prod"
