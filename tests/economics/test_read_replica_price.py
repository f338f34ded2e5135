"""A read replica written as Scaleway's `scaleway_rdb_read_replica` runs its primary's node type
(the resource takes no node type of its own): Forseti's Cloud Asset export with a larger read
replica of its MySQL instance `project2:forseti` added, as Cloud SQL reports one. The replica
was priced at a node type of its own size, a product nobody builds."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import cloudexit
from cloudexit.importers import import_files
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
