"""A database the plan converts to PostgreSQL (SQL Server, Oracle) has no backup that restores
onto its target: every runbook step for it says convert and load, never restore."""

from __future__ import annotations

from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.emit.upgrades import checks_for
from cloudexit.model.kinds import Kind
from tests.helpers import corpus_inventory, one_target_policy


@pytest.mark.parametrize("target", ["scaleway", "ionos"])
def test_the_recorded_azure_sql_database_is_converted_in_every_step(
    target: str, tmp_path: Path
) -> None:
    recorded = corpus_inventory("azure-arm-resources-list-c7n.json")
    (db,) = [r for r in recorded.resources if r.kind == Kind.SQLSERVER]
    catalog = load_catalog()
    plan = api.plan(
        recorded.model_copy(update={"resources": [db]}), one_target_policy(target), catalog
    )
    (placed,) = plan.placements
    assert placed.engine_version is not None and placed.engine_version.status == "engine_change"
    api.emit(plan, tmp_path, catalog=catalog)
    runbook = (tmp_path / "runbook.md").read_text()
    checks = runbook[runbook.lower().index("what to test on postgresql:") :]
    checks = checks[: checks.index("\n\n")]
    assert "Convert the schema, stored procedures and queries of the sqlserver source" in checks
    assert "Run ANALYZE after loading the data" in checks
    assert "restore" not in checks.replace("not a dump and restore", "")
    assert "extension the source uses" not in checks
    method = "**Convert the SQL Server database to PostgreSQL, load its data, then cut over**"
    assert method in runbook
    steps = runbook[runbook.index(method) :].split("\n\n")[1]
    assert "pgloader" in steps and "ANALYZE" in steps
    assert "BACPAC" not in runbook and "restore to SQL Server" not in runbook


def test_postgresql_sources_beside_a_converted_one_keep_their_own_checks() -> None:
    checks = checks_for("PostgreSQL", ["sqlserver", "postgres"])
    assert checks[0].startswith(
        "Convert the schema, stored procedures and queries of the sqlserver"
    )
    restores = [c for c in checks if "restore" in c.replace("not a dump and restore", "")]
    assert restores and all(
        c.startswith("For the sources that are PostgreSQL already: ") for c in restores
    )


def test_a_spanner_database_rewritten_for_postgresql_is_told_no_restore() -> None:
    checks = checks_for("postgresql", ["spanner"])
    assert checks[0].startswith("Rewrite the schema and queries of the spanner source")
    assert not [c for c in checks if "restore" in c.replace("not a dump and restore", "")]
