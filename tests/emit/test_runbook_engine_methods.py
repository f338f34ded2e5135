"""The database method steps agree with the engine change the runbook announces.

The real export is forseti's Cloud Asset dump: a Cloud SQL PostgreSQL 9.6 and a MySQL 5.7,
both upgraded on the way (9.6 is offered nowhere), and a PostgreSQL 9.6 has no publications.
"""

from __future__ import annotations

import pytest

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.model.policy import Policy


@pytest.fixture(scope="module")
def runbook(shared_dir, tmp_path_factory):
    catalog = load_catalog()
    inventory = api.inventory("import", shared_dir / "corpus" / "gcp-cai-export-forseti.jsonl")
    plan = api.plan(inventory, Policy(targets=["ovhcloud"], allow_retain=False), catalog)
    out = tmp_path_factory.mktemp("plan")
    api.emit(plan, out, catalog=catalog)
    return (out / "runbook.md").read_text()


def _steps(runbook: str, title: str) -> str:
    start = runbook.index(f"**{title}**")
    return runbook[start : runbook.index("\n\n", runbook.index("\n1. ", start))]


def test_the_postgresql_steps_do_not_ask_for_the_major_version_the_plan_upgrades(runbook):
    assert "| postgresql 9.6 | postgresql 15 |" in runbook
    steps = _steps(runbook, "PostgreSQL logical replication to the target, then cut-over")
    assert "same major version" not in steps
    assert "version in the engine versions table" in steps


def test_the_postgresql_steps_say_publications_need_version_10(runbook):
    steps = _steps(runbook, "PostgreSQL logical replication to the target, then cut-over")
    assert "PostgreSQL 10" in steps
