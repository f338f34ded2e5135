"""A SQL Server or Oracle database converted to PostgreSQL is written at a PostgreSQL version the
target offers, never at its source's own version number (Oracle 19 is no PostgreSQL 19)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.model.inventory import Inventory
from tests.helpers import inventory, one_target_policy, resource

SOURCES = {
    "billing": ("database.sqlserver", "sqlserver-se", "13.00.6300.2.v1"),
    "ledger": ("database.oracle", "oracle-ee", "19.0.0.0.ru-2023-04.rur-2023-04.r1"),
}
# target -> the attribute naming the version, how it is read, the PostgreSQL versions offered
WRITTEN = {
    "scaleway": (r'engine\s+= "PostgreSQL-(\d+)"', {"14", "15", "16", "17"}),
    "ionos": (r'postgres_version\s+= "(\d+)"', {"14", "15", "16"}),
}


@pytest.mark.parametrize("target", sorted(WRITTEN))
def test_a_converted_database_gets_an_offered_postgresql_version(target, tmp_path: Path) -> None:
    resources = [
        resource(
            f"arn:aws:rds:eu-west-3:123456789012:db:{name}",
            kind,
            type="AWS::RDS::DBInstance",
            name=name,
            region="eu-west-3",
            attributes={
                "vcpu": 2,
                "memory_gib": 8,
                "storage_gib": 100,
                "engine": engine,
                "engine_version": version,
            },
        )
        for name, (kind, engine, version) in SOURCES.items()
    ]
    catalog = load_catalog()
    plan = api.plan(
        Inventory.model_validate(inventory(*resources)), one_target_policy(target), catalog
    )
    assert {p.resource_id.rsplit(":", 1)[1] for p in plan.placements} == set(SOURCES)
    api.emit(plan, tmp_path, catalog=catalog)
    text = "".join(p.read_text() for p in sorted((tmp_path / "terraform").rglob("*.tf")))
    pattern, offered = WRITTEN[target]
    written = re.findall(pattern, text)
    assert len(written) == len(SOURCES)
    assert set(written) <= offered, written
    changes = {p.resource_id.rsplit(":", 1)[1]: p.engine_version for p in plan.placements}
    for name, choice in changes.items():
        assert choice is not None and choice.status == "engine_change", name
        assert choice.engine.lower() == "postgresql" and choice.version in offered
    runbook = (tmp_path / "runbook.md").read_text()
    assert "becomes postgresql" in runbook.lower()
    # converted, not dumped and restored
    assert "pg_dump of the source" not in runbook
    assert (
        "Convert the schema, stored procedures and queries of the oracle and sqlserver" in runbook
    )


@pytest.mark.parametrize("target", ["ionos", "ovhcloud"])
def test_an_oracle_database_alone_gets_the_site_network(target, tmp_path: Path) -> None:
    # Nothing else in the inventory asks for a network: the database's own does.
    name, (kind, engine, version) = "ledger", SOURCES["ledger"]
    alone = resource(
        f"arn:aws:rds:eu-west-3:123456789012:db:{name}",
        kind,
        type="AWS::RDS::DBInstance",
        name=name,
        region="eu-west-3",
        attributes={"vcpu": 2, "memory_gib": 8, "engine": engine, "engine_version": version},
    )
    catalog = load_catalog()
    plan = api.plan(Inventory.model_validate(inventory(alone)), one_target_policy(target), catalog)
    api.emit(plan, tmp_path, catalog=catalog)
    (network,) = (tmp_path / "terraform" / target).glob("*/network.tf")
    text = (network.parent / "databases.tf").read_text()
    assert ("ionoscloud_lan." if target == "ionos" else "ovh_cloud_network_private_vrack.") in text
    assert network.is_file()
