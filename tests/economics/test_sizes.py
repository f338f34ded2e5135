"""Sizes are never guessed silently: classes resolve through the catalogue, the rest is named."""

from __future__ import annotations

import pytest

import cloudexit
from cloudexit import api
from cloudexit.catalog.classes import class_size
from cloudexit.importers import import_files
from cloudexit.model import Inventory
from cloudexit.optimise.sizes import resolve_size
from tests.helpers import inventory, resource


@pytest.fixture(scope="module")
def catalog():
    return api.load_catalog()


@pytest.mark.parametrize(
    ("provider", "name", "vcpu", "memory"),
    [
        ("aws", "db.m3.2xlarge", 8, 30),  # an old family: through the base instance m3.2xlarge
        ("aws", "db.t2.micro", 1, 1),
        ("aws", "kafka.m5.large", 2, 8),
        ("aws", "m5.large.search", 2, 8),
        ("aws", "dc2.large", 2, 15),  # no base family: a sourced class fact
        ("gcp", "db-n1-standard-1", 1, 3.75),
        ("gcp", "db-f1-micro", 1, 0.6),
        ("azure", "GP_Gen5_2", 2, 10),  # a tier: vCores from the name, memory per vCore from data
        ("azure", "MO_Gen5_4", 4, 40),
    ],
)
def test_classes_and_tiers_resolve(catalog, provider, name, vcpu, memory):
    found = class_size(catalog, provider, name)
    assert found is not None
    assert (found.specs.vcpu, found.specs.memory_gib) == (vcpu, memory)


def test_unknown_class_resolves_to_nothing(catalog):
    assert class_size(catalog, "aws", "db.zz9.huge") is None


def db(rid: str, instance_type: str | None, cost: str | None = None) -> dict:
    return resource(
        rid,
        kind="database.postgresql",
        type="aws_db_instance",
        attributes={"instance_type": instance_type, "storage_gib": 20},
        monthly_cost={"amount": cost, "currency": "USD", "source": "test"} if cost else None,
    )


def estate() -> Inventory:
    return Inventory.model_validate(
        inventory(
            db("big", "db.m3.2xlarge"),
            db("mystery", "db.zz9.huge"),
            db("billed", "db.zz9.huge", "400"),
        )
    )


def test_unknown_sizes_are_placed_with_a_warning_naming_each(catalog):
    plan = cloudexit.plan(
        estate(), cloudexit.Policy(targets=["scaleway"], size_from_cost=False), catalog=catalog
    )
    placed = {p.resource_id: p for p in plan.placements}
    assert placed["big"].size_before == "8 vCPU, 30 GiB"
    assert "m3.2xlarge" in (placed["big"].size_source or "")
    assert placed["mystery"].size_before == "size unknown"
    unknown = [w for w in plan.warnings if w.startswith("size unknown")]
    assert [w.split()[3] for w in unknown] == ["billed", "mystery"]
    assert all("db.zz9.huge" in w for w in unknown)
    # the class-sized database gets a product at least as large as its class
    assert placed["big"].size_after is not None and int(placed["big"].size_after.split()[0]) >= 8


def test_unknown_sizes_can_be_left_unplaced(catalog):
    plan = cloudexit.plan(
        estate(),
        cloudexit.Policy(targets=["scaleway"], size_from_cost=False, unknown_size="leave"),
        catalog=catalog,
    )
    left = {u.resource_id: u.code for u in plan.unplaced}
    assert left == {"billed": "size_unknown", "mystery": "size_unknown"}
    assert any(
        w.startswith("size unknown for mystery") and "left unplaced" in w for w in plan.warnings
    )
    assert plan.totals.unplaced_monthly > 0  # the billed one keeps running and counts after


def test_size_derived_from_todays_cost_is_said(catalog):
    plan = cloudexit.plan(
        estate(), cloudexit.Policy(targets=["scaleway"], allow_retain=False), catalog=catalog
    )
    billed = next(p for p in plan.placements if p.resource_id == "billed")
    finding = resolve_size(plan.inventory.by_id()["billed"], catalog, plan.policy)
    assert finding.state == "cost" and finding.specs is not None and finding.specs.vcpu
    assert billed.size_before == finding.label()
    assert any(w.startswith("size of billed derived from today's cost") for w in plan.warnings)
    mystery = next(p for p in plan.placements if p.resource_id == "mystery")
    assert mystery.size_before == "size unknown"


@pytest.mark.parametrize(
    "name",
    [
        "tfplan-aws-infracost-v0.14.json",
        "gcp-cai-export-forseti.jsonl",
        "tfplan-aws-55res-checkov.json",
    ],
)
def test_real_database_exports_are_sized_or_named(shared_dir, catalog, name):
    imported = import_files([shared_dir / "corpus" / name], planned=True)
    plan = cloudexit.plan(imported, cloudexit.Policy(), catalog=catalog)
    databases = [p for p in plan.placements if p.kind.startswith("database.")]
    assert databases
    for p in databases:
        if p.size_before == "size unknown":
            assert any(
                w.startswith("size unknown for ") and p.resource_id in w for w in plan.warnings
            )
        else:
            assert p.size_before and "vCPU" in p.size_before
    classes = [imported.by_id()[p.resource_id].attributes.instance_type for p in databases]
    sized_from_class = [
        p for p, c in zip(databases, classes, strict=True) if c and "vCPU" in (p.size_before or "")
    ]
    assert len(sized_from_class) == len([c for c in classes if c])
