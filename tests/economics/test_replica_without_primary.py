"""A read replica whose primary the inventory does not hold has no primary moving with it: it is
seeded from the source like any database, so its data counts as copied (switching egress, data
wave, parallel-run sync). Forseti's Cloud Asset export with a read replica added, of its MySQL
instance `project2:forseti` (held) or of `project2:elsewhere` (not held); it counted no data
either way."""

from __future__ import annotations

import json
from pathlib import Path

import cloudexit
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.waves import load_methods, plan_waves
from cloudexit.importers import import_files
from tests.helpers import CORPUS

PRIMARY = "//cloudsql.googleapis.com/projects/project2/instances/forseti"
REPLICA = PRIMARY + "-replica"


def _plan(tmp_path: Path, of: str) -> cloudexit.Plan:
    lines = (CORPUS / "gcp-cai-export-forseti.jsonl").read_text().splitlines()
    (primary,) = [x for x in lines if json.loads(x)["name"] == PRIMARY]
    asset = json.loads(primary)
    asset["name"] = REPLICA
    asset["resource"]["data"].update(
        name="forseti-replica",
        instanceType="READ_REPLICA_INSTANCE",
        masterInstanceName=f"project2:{of}",
        connectionName="project2:us-west1:forseti-replica",
    )
    path = tmp_path / f"{of}.jsonl"
    path.write_text("\n".join([*lines, json.dumps(asset)]) + "\n")
    policy = cloudexit.Policy(targets=["scaleway"], min_providers=1, allow_retain=False)
    return cloudexit.plan(import_files([path]), policy)


def _step(plan: cloudexit.Plan, rid: str) -> tuple[float, str]:
    waves = plan_waves(plan, load_methods(make_environment()))
    (step,) = [s for w in waves for s in w.steps if s.resource.id == rid]
    return step.data_gib, step.method.title


def test_a_replica_of_a_primary_not_held_counts_its_data_as_copied(tmp_path: Path) -> None:
    held = _plan(tmp_path, "forseti")
    alone = _plan(tmp_path, "elsewhere")
    replica = alone.inventory.by_id()[REPLICA]
    assert replica.attributes.details["replica_of"] != PRIMARY
    gib = replica.attributes.storage_gib
    assert gib
    assert _step(held, REPLICA) == (0.0, "Read replica rebuilt from its primary on the target")
    data, method = _step(alone, REPLICA)
    assert data == gib and "rebuilt from its primary" not in method
    copied = [sum(line.data_gib for line in plan.switching) for plan in (held, alone)]
    assert copied[1] - copied[0] == gib
    synced = [sum(line.sync_gib for line in plan.parallel) for plan in (held, alone)]
    assert synced[1] > synced[0]
