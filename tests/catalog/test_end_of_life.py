"""A plan warns when the engine version it puts on a target is past its end of life, from dated,
sourced release-line facts; checked on real exports (MySQL 5.7 and PostgreSQL 9.6 in a Cloud
Asset export, Elasticsearch 2.3 in a Terraform plan)."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest

import cloudexit
from cloudexit.catalog.lifecycle import load_lifecycles
from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from cloudexit.model.plan import EngineVersionChoice, Plan
from cloudexit.model.policy import Policy


@functools.cache
def catalog() -> Catalog:
    return load_catalog()


def corpus(shared_dir: Path, name: str) -> Inventory:
    return import_files([shared_dir / "corpus" / name], planned=True)


def eol_lines(plan: Plan) -> list[str]:
    return [w for w in plan.warnings if w.startswith("end of life: ")]


def test_every_line_has_a_dated_source_and_eol_dates_are_distinct_per_line():
    facts = load_lifecycles()
    assert {"mysql", "postgresql", "mariadb", "redis", "mongodb"} <= {
        e.engine for e in facts.engines
    }
    for engine in facts.engines:
        assert isinstance(engine.source.published, dt.date)
        assert engine.source.retrieved >= engine.source.published
        assert engine.source.evidence is not None and engine.source.note
        names = [line.line for line in engine.lines]
        assert len(names) == len(set(names)), engine.engine


def test_the_named_lines_carry_their_published_end_of_life():
    facts = load_lifecycles()
    mysql = facts.find("mysql", "5.7.19")
    assert mysql is not None and (mysql.line, mysql.eol) == ("5.7", dt.date(2023, 10, 31))
    postgres = facts.find("PostgreSQL", "11")  # a target's display name counts
    assert postgres is not None and postgres.eol == dt.date(2023, 11, 9)
    old = facts.find("elasticsearch", "2.3")
    assert old is not None and old.older_than == "6"
    # A bare '8' names MySQL 8.0 to 8.4: each is kept, the earliest end of life first judged.
    bare = facts.find("mysql", "8")
    assert bare is not None and bare.line == "8"
    assert [e.line for e in bare.among] == ["8.4", "8.3", "8.2", "8.1", "8.0"]
    assert bare.eol == dt.date(2023, 10, 25)
    # A bare '9' of Valkey names one listed line only: that line.
    one = facts.find("valkey", "9")
    assert one is not None and (one.line, one.among) == ("9.0", [])
    assert facts.find("cockroachdb", "23.1") is None


def test_mysql_5_7_and_postgresql_9_6_installed_on_vms_are_past_end_of_life(shared_dir):
    inventory = corpus(shared_dir, "gcp-cai-export-forseti.jsonl")
    plan = cloudexit.plan(inventory, Policy(targets=["opennebula"]), catalog=catalog())
    installed = {
        (p.engine_version.engine, p.engine_version.version)
        for p in plan.placements
        if p.engine_version is not None and p.engine_version.status == "self_managed"
    }
    assert {("mysql", "5.7"), ("postgresql", "9.6")} <= installed
    lines = eol_lines(plan)
    mysql = next(w for w in lines if w.startswith("end of life: mysql 5.7 on opennebula "))
    assert "(installed on its VMs) reached its end of life on 2023-10-31" in mysql
    assert "endoflife.date" in mysql and "products/mysql.md" in mysql
    assert any(w.startswith("end of life: postgresql 9.6 on opennebula ") for w in lines)

    # Before those dates nothing was past its end of life.
    early = Policy(targets=["opennebula"], switching={"start_date": "2021-01-04"})
    assert eol_lines(cloudexit.plan(inventory, early, catalog=catalog())) == []


def _postgresql(plan: Plan) -> EngineVersionChoice:
    """The one version choice the plan makes for its PostgreSQL databases."""
    choices = [
        p.engine_version
        for p in plan.placements
        if p.engine_version is not None and p.engine_version.source_engine == "postgresql"
    ]
    assert choices and all(c == choices[0] for c in choices)
    return choices[0]


def test_an_upgrade_skips_offered_lines_past_their_end_of_life(shared_dir):
    inventory = corpus(shared_dir, "gcp-cai-export-forseti.jsonl")
    plan = cloudexit.plan(inventory, Policy(targets=["ionos"]), catalog=catalog())
    choice = _postgresql(plan)
    # 9.6 must be upgraded anyway: IONOS's oldest line, 14, ended on 2026-11-12, so 15.
    assert choice.offered[0] == "14" and choice.version == "15"
    assert "14 past end of life when the plan starts" in (choice.note or "")
    assert not [w for w in eol_lines(plan) if "postgresql" in w]

    # Before 14's end the closest newer line is taken and no line is skipped.
    early = Policy(targets=["ionos"], switching={"start_date": "2026-06-01"})
    before = _postgresql(cloudexit.plan(inventory, early, catalog=catalog()))
    assert before.version == "14" and "past end of life" not in (before.note or "")


def test_a_line_the_source_runs_is_kept_even_past_its_end_of_life_and_named(shared_dir):
    inventory = corpus(shared_dir, "gcp-cai-export-forseti.jsonl")
    for r in inventory.resources:
        if r.attributes.engine == "postgresql":
            r.attributes.engine_version = "14.9"
    plan = cloudexit.plan(inventory, Policy(targets=["ionos"]), catalog=catalog())
    choice = _postgresql(plan)
    assert (choice.version, choice.status) == ("14", "same")
    (line,) = [w for w in eol_lines(plan) if "postgresql 14" in w]
    assert line.startswith("end of life: postgresql 14 on ionos (managed) reached its end of ")
    assert "2026-11-12" in line


@pytest.mark.parametrize("target", ["ionos", "opennebula"])
def test_elasticsearch_2_3_on_vms_is_older_than_every_supported_line(shared_dir, target):
    inventory = corpus(shared_dir, "tfplan-aws-55res-checkov.json")
    planned = cloudexit.plan(inventory, Policy(targets=[target]), catalog=catalog())
    (search,) = [p for p in planned.placements if p.kind == "analytics.search"]
    # only the Terraform plan holds it: nothing to copy, so the ended line is not installed
    assert search.engine_version is not None
    assert (search.engine_version.engine, search.engine_version.version) == ("elasticsearch", None)
    assert "no reason to install elasticsearch 2.3" in search.engine_version.note
    for r in inventory.resources:
        if r.kind.value == "analytics.search":
            r.planned = False
    plan = cloudexit.plan(inventory, Policy(targets=[target]), catalog=catalog())
    (search,) = [p for p in plan.placements if p.kind == "analytics.search"]
    assert search.engine_version is not None
    assert (search.engine_version.engine, search.engine_version.version) == ("elasticsearch", "2.3")
    (line,) = [w for w in eol_lines(plan) if "elasticsearch" in w]
    assert "is older than 6, whose end of life was 2022-02-10" in line


def test_a_bare_mysql_8_on_the_target_is_judged_ambiguous(shared_dir):
    inventory = corpus(shared_dir, "tfplan-aws-infracost-v0.14.json")
    plan = cloudexit.plan(inventory, Policy(targets=["ovhcloud"]), catalog=catalog())
    (db,) = {
        (p.engine_version.engine, p.engine_version.version)
        for p in plan.placements
        if p.engine_version is not None and p.engine_version.source_engine == "mysql"
    }
    assert db == ("mysql", "8")
    (line,) = [w for w in eol_lines(plan) if w.startswith("end of life: mysql 8 on ovhcloud")]
    assert "(managed) is ambiguous: it names release lines 8.4 (end of life 2032-04-30), " in line
    assert "8.0 (end of life 2026-04-30), 4 of 5 past their end of life" in line
    assert "; confirm which line the target runs, then plan the upgrade" in line
    # the running one and the one the plan adds, told apart
    assert line.endswith(
        ": demodb (123123123123/us-east-1), "
        "demodb (module.db.module.db_2.module.db_instance.aws_db_instance.this[0])"
    )

    # Before 8.1 ended, no line it names was past its end of life.
    early = Policy(targets=["ovhcloud"], switching={"start_date": "2023-10-01"})
    assert not [
        w for w in eol_lines(cloudexit.plan(inventory, early, catalog=catalog())) if "mysql 8" in w
    ]
