"""Today's cost of a real Terraform state counts its managed database."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import cloudexit
from cloudexit.importers import import_files
from cloudexit.model.kinds import Kind


def test_the_infracost_state_s_mysql_instance_has_today_s_list_price(shared_dir: Path) -> None:
    inventory = import_files([shared_dir / "corpus" / "tfstate-showjson-aws-infracost-v0.14.json"])
    db = next(r for r in inventory.resources if r.kind is Kind.MYSQL)
    assert (db.attributes.instance_type, db.region) == ("db.t3.micro", "us-east-1")
    assert db.monthly_cost is not None
    assert db.monthly_cost.source.startswith("list price: aws/rds/mysql/db.t3.micro us-east-1")
    plan = cloudexit.plan(inventory, cloudexit.Policy(targets=["ovhcloud"]))
    priced = [r.monthly_cost.amount for r in inventory.resources if r.monthly_cost is not None]
    assert db.monthly_cost.amount in priced
    assert plan.totals.current_monthly == sum(priced)


def test_the_infracost_state_s_mysql_instance_counts_its_allocated_storage(
    shared_dir: Path,
) -> None:
    inventory = import_files([shared_dir / "corpus" / "tfstate-showjson-aws-infracost-v0.14.json"])
    db = next(r for r in inventory.resources if r.kind is Kind.MYSQL)
    assert (db.attributes.storage_gib, db.attributes.storage_class) == (5, "gp2")
    catalog = cloudexit.load_catalog()
    hours = catalog.list_price("aws", "us-east-1", "rds/mysql/db.t3.micro")
    storage = catalog.list_price("aws", "us-east-1", "rds-storage-gp2", Decimal(5))
    assert hours is not None and storage is not None and storage.monthly_eur > 0
    assert db.monthly_cost is not None
    assert db.monthly_cost.amount == hours.monthly_eur + storage.monthly_eur
