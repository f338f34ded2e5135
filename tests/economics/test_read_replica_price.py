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


def test_the_decision_prices_a_replica_as_its_primary_node_type(tmp_path: Path) -> None:
    """A micro replica was decided at its own price and repriced as its primary's node type
    after: the objective and baseline left the difference out, said so in a warning, and a
    budget the decision held could break. The solver now compares what is built."""
    plan = _plan(tmp_path, "scaleway", tier="db-f1-micro")
    placed = {p.resource_id: p.choice for p in plan.placements}
    assert placed[REPLICA].product == placed[PRIMARY].product
    assert placed[REPLICA].replicas == 1
    assert not [w for w in plan.warnings if w.startswith("solver objective and baseline")]
    moved = sum((p.choice.monthly_cost for p in plan.placements if not p.choice.retain), Decimal(0))
    assert plan.baseline is not None and plan.baseline.target_monthly == moved


def test_a_budget_holds_with_the_replica_priced_as_built(tmp_path: Path) -> None:
    """Under a budget just below the cheapest plan with the replica priced as built, the old
    decision placed everything (the replica at its own price) and warned that the budget broke
    after; no plan breaks it now, and the one nearest says by how much it cannot."""
    cheapest = _plan(tmp_path, "scaleway", tier="db-f1-micro").totals.target_monthly
    budget = cheapest - Decimal(10)
    plan = _plan(tmp_path, "scaleway", tier="db-f1-micro", budget=str(budget))
    assert plan.placements == [] or plan.totals.target_monthly <= budget
    assert not [w for w in plan.warnings if w.startswith(f"monthly_budget {budget}:")]
    (infeasible,) = [w for w in plan.warnings if w.startswith("infeasible: monthly_budget")]
    assert f"EUR {cheapest:,} a month" in infeasible


def test_the_solver_options_of_a_replica_are_the_primary_node_type(tmp_path: Path) -> None:
    from cloudexit.optimise.units import build_units

    plan = _plan(tmp_path, "scaleway", tier="db-f1-micro")
    inventory, policy = plan.inventory, plan.policy
    units = build_units(inventory, load_catalog(), policy, inventory.resources)
    rows = {
        rid: {row.site: row for row in unit.all_rows if row.target}
        for unit in units.units
        for rid in unit.members
        if rid in (PRIMARY, REPLICA)
    }
    assert rows[REPLICA].keys() == rows[PRIMARY].keys()
    for site, row in rows[REPLICA].items():
        primary = rows[PRIMARY][site]
        assert row.product == primary.product
        assert row.monthly_cost == row.option.monthly_cost
        assert abs(row.option.costs["compute"] - primary.option.costs["compute"]) <= Decimal("0.01")


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
