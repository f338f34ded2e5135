"""An RDS for SQL Server instance is costed today at its edition's licence-included rate where one
is listed (us-east-1: Express and Web db.t3.large, Standard and Enterprise db.m5.xlarge), and has no
figure without an edition. The instance is infracost's recorded Terraform state's MySQL RDS
instance, its engine and class rewritten in a copy of the state."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from cloudexit.catalog.loader import load_catalog
from cloudexit.importers import import_files
from cloudexit.model.kinds import Kind

STATE = "tfstate-showjson-aws-infracost-v0.14.json"


def _instance(shared_dir, tmp_path, engine: str, instance_class: str):
    state = json.loads((shared_dir / "corpus" / STATE).read_text())
    modules = [state["values"]["root_module"]]
    while modules:
        module = modules.pop()
        modules += module.get("child_modules", [])
        for resource in module.get("resources", []):
            if resource["type"] == "aws_db_instance":
                resource["values"].update(engine=engine, instance_class=instance_class)
    copy = tmp_path / "state.json"
    copy.write_text(json.dumps(state))
    (found,) = [r for r in import_files([copy]).resources if r.type == "aws_db_instance"]
    assert found.kind is Kind.SQLSERVER
    return found


@pytest.mark.parametrize(
    ("engine", "instance_class", "hourly"),
    [
        ("sqlserver-ex", "db.t3.large", "0.162"),
        ("sqlserver-web", "db.t3.large", "0.232"),
        ("sqlserver-se", "db.m5.xlarge", "1.224"),
        ("sqlserver-ee", "db.m5.xlarge", "2.336"),
    ],
)
def test_an_edition_is_costed_at_its_rate(shared_dir, tmp_path, engine, instance_class, hourly):
    instance = _instance(shared_dir, tmp_path, engine, instance_class)
    assert instance.monthly_cost is not None
    product = f"rds/{engine}/{instance_class}"
    assert instance.monthly_cost.source.startswith(f"list price: aws/{product} us-east-1")
    (price,) = next(p for p in load_catalog().provider("aws").products if p.id == product).prices
    assert price.amount == Decimal(hourly)


def test_a_sql_server_without_a_listed_edition_has_no_figure(shared_dir, tmp_path):
    assert _instance(shared_dir, tmp_path, "sqlserver", "db.t3.large").monthly_cost is None
    assert _instance(shared_dir, tmp_path, "sqlserver-ex", "db.t3.micro").monthly_cost is None
