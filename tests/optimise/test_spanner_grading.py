"""Cloud Spanner is not PostgreSQL: a Spanner instance is graded as a rewrite (GoogleSQL) or an
adaptation (PostgreSQL dialect) and moved by the runbook's Spanner method, never as a native
PostgreSQL move by logical replication."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.catalog import load_catalog
from cloudexit.catalog.loader import Catalog
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Placement
from cloudexit.optimise.inspection import graded_for
from tests.helpers import corpus_file, one_target_policy, tfstate, tfstate_resource

INSTANCE = "//spanner.googleapis.com/projects/project2/instances/test123"


@functools.cache
def catalog() -> Catalog:
    return load_catalog()


def spanner_lines(dialect: str | None) -> list[str]:
    """The corpus export's Spanner instance and database, the database given ``dialect``."""
    lines = [
        line
        for line in corpus_file("gcp-cai-export-forseti.jsonl").read_text().splitlines()
        if '"spanner.googleapis.com/' in line
    ]
    assert len(lines) == 2
    if dialect is None:
        return lines
    out = []
    for line in lines:
        asset = json.loads(line)
        if asset["asset_type"] == "spanner.googleapis.com/Database":
            asset["resource"]["data"]["databaseDialect"] = dialect
        out.append(json.dumps(asset))
    return out


def placed(tmp_path: Path, dialect: str | None, target: str = "scaleway") -> Placement:
    path = tmp_path / "assets.jsonl"
    path.write_text("\n".join(spanner_lines(dialect)) + "\n")
    inventory = import_files([path], catalog=catalog())
    plan = api.plan(inventory, one_target_policy(target), catalog())
    return next(p for p in plan.placements if p.resource_id == INSTANCE)


def test_the_database_is_a_part_of_its_instance(tmp_path: Path) -> None:
    path = tmp_path / "assets.jsonl"
    path.write_text("\n".join(spanner_lines("POSTGRESQL")) + "\n")
    inventory = import_files([path], catalog=catalog())
    (instance,) = inventory.resources
    assert instance.id == INSTANCE
    assert instance.attributes.details["database_dialects"] == ["POSTGRESQL"]


@pytest.mark.parametrize("target", ["scaleway", "ovhcloud", "ionos"])
def test_googlesql_spanner_is_a_rewrite_not_native_postgresql(tmp_path: Path, target: str) -> None:
    c = placed(tmp_path, None, target).choice
    assert (c.fidelity, c.strategy, c.effort_days) == ("none", "refactor", 20.0)


def test_a_dialect_the_export_does_not_name_is_said_assumed(tmp_path: Path) -> None:
    inventory = import_files([_write(tmp_path, spanner_lines(None))], catalog=catalog())
    target = catalog().kinds[Kind.POSTGRESQL].targets["scaleway"]
    graded = graded_for(inventory.resources[0], target)
    assert graded is not None
    lost = " | ".join(graded.loses)
    assert "GoogleSQL, Spanner's default, assumed" in lost
    for what in ("TrueTime", "interleaved tables", "commit timestamps"):
        assert what in lost


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "named.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_postgresql_dialect_is_adapted(tmp_path: Path) -> None:
    c = placed(tmp_path, "POSTGRESQL").choice
    assert (c.fidelity, c.strategy, c.effort_days) == ("compatible", "refactor", 8.0)


def test_self_managed_postgresql_stays_self_managed_but_is_a_rewrite(tmp_path: Path) -> None:
    c = placed(tmp_path, "GOOGLE_STANDARD_SQL", "opennebula").choice
    assert (c.fidelity, c.strategy, c.effort_days) == ("self_managed", "refactor", 20.0)


def test_terraform_spanner_database_gives_its_dialect(tmp_path: Path) -> None:
    state = tfstate(
        [
            tfstate_resource(
                "google",
                "google_spanner_instance",
                "main",
                {
                    "id": "projects/p/instances/main",
                    "name": "main",
                    "num_nodes": 2,
                    "config": "regional-europe-west1",
                    "project": "p",
                },
                [],
            ),
            tfstate_resource(
                "google",
                "google_spanner_database",
                "db",
                {
                    "id": "main/db",
                    "name": "db",
                    "instance": "main",
                    "database_dialect": "POSTGRESQL",
                    "project": "p",
                },
                ["google_spanner_instance.main"],
            ),
        ]
    )
    path = tmp_path / "state.tfstate"
    path.write_text(json.dumps(state))
    inventory: Inventory = import_files([path], catalog=catalog())
    (instance,) = [r for r in inventory.resources if r.type == "google_spanner_instance"]
    assert instance.attributes.engine == "spanner"
    assert instance.attributes.details.get("database_dialects") == ["POSTGRESQL"]
    assert not [r for r in inventory.resources if r.type == "google_spanner_database"]


def test_the_runbook_rewrites_spanner_instead_of_replicating_it(tmp_path: Path) -> None:
    path = _write(tmp_path, spanner_lines(None))
    inventory = import_files([path], catalog=catalog())
    plan = api.plan(inventory, one_target_policy("scaleway"), catalog())
    api.emit(plan, tmp_path / "out", catalog=catalog())
    runbook = (tmp_path / "out" / "runbook.md").read_text()
    assert "Rewrite the Cloud Spanner schema and queries for PostgreSQL" in runbook
    assert "interleaved" in runbook
    assert "create a publication on the source" not in runbook
