"""A read replica written as Scaleway's `scaleway_rdb_read_replica` runs its primary's node type
(the resource takes no node type of its own): Forseti's Cloud Asset export with a larger read
replica of its MySQL instance `project2:forseti` added, as Cloud SQL reports one. The replica
was priced at a node type of its own size, a product nobody builds."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import cloudexit
from cloudexit.catalog.loader import load_catalog
from cloudexit.importers import import_files
from cloudexit.optimise.read_replicas import price_read_replicas
from tests.helpers import CORPUS

PRIMARY = "//cloudsql.googleapis.com/projects/project2/instances/forseti"
REPLICA = PRIMARY + "-replica"


def _plan(
    tmp_path: Path, target: str, tier: str = "db-n1-standard-8", budget: str | None = None
) -> cloudexit.Plan:
    lines = (CORPUS / "gcp-cai-export-forseti.jsonl").read_text().splitlines()
    (primary,) = [x for x in lines if json.loads(x)["name"] == PRIMARY]
    asset = json.loads(primary)
    asset["name"] = REPLICA
    data = asset["resource"]["data"]
    data.update(
        name="forseti-replica",
        instanceType="READ_REPLICA_INSTANCE",
        masterInstanceName="project2:forseti",
        connectionName="project2:us-west1:forseti-replica",
    )
    data["settings"]["tier"] = tier
    path = tmp_path / "cai.jsonl"
    path.write_text("\n".join([*lines, json.dumps(asset)]) + "\n")
    policy = cloudexit.Policy(
        targets=[target],
        min_providers=1,
        allow_retain=False,
        monthly_budget=Decimal(budget) if budget else None,
    )
    return cloudexit.plan(import_files([path]), policy)


def test_a_read_replica_is_priced_as_its_primary_node_type(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "scaleway")
    placed = {p.resource_id: p.choice for p in plan.placements}
    primary, replica = placed[PRIMARY], placed[REPLICA]
    assert replica.product == primary.product
    assert replica.costs["compute"] == primary.costs["compute"]
    assert replica.monthly_cost == replica.costs["compute"] + replica.costs.get(
        "storage", Decimal(0)
    )
    moved = [p.choice.monthly_cost for p in plan.placements if not p.choice.retain]
    assert plan.totals.target_monthly == sum(moved, Decimal(0))
    cloudexit.emit(plan, tmp_path / "out")
    (written,) = [
        p.read_text()
        for p in (tmp_path / "out" / "terraform").rglob("databases.tf")
        if "forseti_replica" in p.read_text()
    ]
    assert 'resource "scaleway_rdb_read_replica" "forseti_replica"' in written
    of = written.split('resource "scaleway_rdb_instance" "forseti_project2_us_west1"', 1)[1]
    built = written.split('resource "scaleway_rdb_read_replica" "forseti_replica"', 1)[1]
    of, built = (block.split("\n}", 1)[0] for block in (of, built))
    assert "scaleway_rdb_instance.forseti_project2_us_west1.id" in built
    assert "node_type" not in built
    assert re.search(rf'node_type\s*=\s*"{primary.product}"', of)


def test_a_replica_written_as_a_database_of_its_own_keeps_its_own_size(tmp_path: Path) -> None:
    """OVHcloud has no read replica type here: the replica is written as a database of its own,
    at its own size."""
    plan = _plan(tmp_path, "ovhcloud")
    placed = {p.resource_id: p.choice for p in plan.placements}
    assert placed[REPLICA].product != placed[PRIMARY].product


def test_a_budget_broken_by_repricing_a_replica_is_warned(tmp_path: Path) -> None:
    """A micro replica is decided at its own price, within the budget; priced as its primary's
    node type, the plan costs more than the budget, and the plan says so and by how much."""
    plan = _plan(tmp_path, "scaleway", tier="db-f1-micro", budget="8800")
    placed = {p.resource_id: p.choice for p in plan.placements}
    assert placed[REPLICA].product == placed[PRIMARY].product
    assert plan.totals.target_monthly > Decimal(8800)
    over = [w for w in plan.warnings if w.startswith("monthly_budget 8800")]
    assert len(over) == 1
    assert "forseti-replica" in over[0]
    assert f"{plan.totals.target_monthly - Decimal(8800)} over" in over[0]
    left_out = [w for w in plan.warnings if w.startswith("solver objective and baseline")]
    assert len(left_out) == 1
    assert "forseti-replica" in left_out[0]


def test_a_replica_of_a_primary_node_without_a_price_is_left_unpriced(tmp_path: Path) -> None:
    """The read replica is written on the primary's node type: with no list price for it, the
    replica's compute is reported unpriced, never kept at a product of its own that is not
    built."""
    plan = _plan(tmp_path, "scaleway")
    catalog = load_catalog()
    placed = {p.resource_id: p for p in plan.placements}
    primary = placed[PRIMARY].choice
    own = placed[REPLICA].choice.model_copy(
        update={
            "product": "DB-PLAY2-PICO",
            "costs": {"compute": Decimal("18.00"), "storage": Decimal("0.99")},
            "monthly_cost": Decimal("18.99"),
        }
    )
    placed[REPLICA].choice = own
    scaleway = catalog.provider("scaleway")
    unlisted = [
        p.model_copy(update={"prices": []}) if p.id == primary.product else p
        for p in scaleway.products
    ]
    without = replace(
        catalog, providers={"scaleway": scaleway.model_copy(update={"products": unlisted})}
    )
    warnings = price_read_replicas(plan.inventory, plan.placements, without, plan.policy)
    replica = placed[REPLICA].choice
    assert replica.product == primary.product
    assert "compute" not in replica.costs
    assert replica.unpriced_parts == ["compute"]
    assert replica.monthly_cost == replica.costs["storage"]
    assert any(w.startswith("not in the target cost") and "forseti-replica" in w for w in warnings)


def test_a_replica_is_priced_from_the_node_price_not_the_primary_part_to_the_cent(
    tmp_path: Path,
) -> None:
    """The primary's parts are each rounded to the cent so that they add up to its total: its
    compute line may carry a cent of its storage's rounding. The replica's node is one node's
    list price, rounded on its own (DB-POP2-2C-8G: 0.1434 an hour, 104.682 a month)."""
    plan = _plan(tmp_path, "scaleway")
    placed = {p.resource_id: p for p in plan.placements}
    placed[PRIMARY].choice = placed[PRIMARY].choice.model_copy(
        update={
            "product": "DB-POP2-2C-8G",
            "costs": {"compute": Decimal("104.69"), "storage": Decimal("0.99")},
            "monthly_cost": Decimal("105.68"),
        }
    )
    price_read_replicas(plan.inventory, plan.placements, load_catalog(), plan.policy)
    replica = placed[REPLICA].choice
    assert replica.product == "DB-POP2-2C-8G"
    assert replica.costs["compute"] == Decimal("104.68")
