"""A read replica kept in another source region than its primary replicates from it every
month. The decision prices that traffic on the pair (nothing where both share a site), at the
egress rate of the primary's site, which bills it: the primary's cost carries it, and the
budget is checked on what the plan costs. Forseti's Cloud Asset export with its MySQL instance `project2:forseti`
grown to 2,000 GiB and a read replica of it added in europe-west1 (the primary is in us-west1),
both labelled for anti-affinity so they land apart, onto IONOS (whose egress is priced)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import cloudexit
from cloudexit.importers import import_files
from tests.helpers import corpus_file

PRIMARY = "//cloudsql.googleapis.com/projects/project2/instances/forseti"
REPLICA = PRIMARY + "-replica"


def _estate(tmp_path: Path) -> Path:
    assets = [
        json.loads(x) for x in corpus_file("gcp-cai-export-forseti.jsonl").read_text().splitlines()
    ]
    (primary,) = [a for a in assets if a["name"] == PRIMARY]
    settings = primary["resource"]["data"]["settings"]
    settings.update(dataDiskSizeGb="2000", userLabels={"dr": "forseti"})
    replica = json.loads(json.dumps(primary))
    replica["name"] = REPLICA
    replica["resource"]["data"].update(
        name="forseti-replica",
        instanceType="READ_REPLICA_INSTANCE",
        masterInstanceName="project2:forseti",
        region="europe-west1",
        gceZone="europe-west1-b",
        connectionName="project2:europe-west1:forseti-replica",
    )
    path = tmp_path / "far.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in [*assets, replica]) + "\n")
    return path


def _plan(path: Path, **limits: object) -> cloudexit.Plan:
    policy = cloudexit.Policy.model_validate(
        {
            "targets": ["ionos"],
            "allow_retain": False,
            "anti_affinity": [{"tag_key": "dr", "level": "region"}],
            **limits,
        }
    )
    return cloudexit.plan(import_files([path]), policy)


def _total(plan: cloudexit.Plan) -> Decimal:
    return sum((p.choice.monthly_cost for p in plan.placements), Decimal(0))


def test_a_far_replicas_replication_is_in_its_primarys_cost_and_the_budget(
    tmp_path: Path,
) -> None:
    path = _estate(tmp_path)
    free = _plan(path)
    placed = {p.resource_id: p.choice for p in free.placements}
    primary, replica = placed[PRIMARY], placed[REPLICA]
    assert (primary.provider, primary.region) != (replica.provider, replica.region)
    # 2,000 GiB x 0.02 a day x 30.44 days, sent at the primary's site's egress rate
    sent = primary.costs["replication"]
    assert Decimal(30) < sent < Decimal(70)
    assert "replication" not in replica.costs
    assert primary.monthly_cost == sum(primary.costs.values(), Decimal(0))
    said = [w for w in free.warnings if w.startswith("database forseti: sends its changes")]
    assert len(said) == 1 and f"EUR {sent} a month of egress from ionos/" in said[0]
    # A budget the plan without its replication would meet is one the plan is checked against
    # with it: met with the traffic counted, or refused, never met only on paper.
    budget = _total(free) - sent + Decimal(1)
    tight = _plan(path, monthly_budget=str(budget))
    if tight.solver.status != "infeasible":
        assert _total(tight) <= budget
        assert any("replication" in p.choice.costs for p in tight.placements)


def test_a_replica_beside_its_primary_sends_nothing(tmp_path: Path) -> None:
    policy = cloudexit.Policy.model_validate({"targets": ["ionos"], "allow_retain": False})
    plan = cloudexit.plan(import_files([_estate(tmp_path)]), policy)
    placed = {p.resource_id: p.choice for p in plan.placements}
    primary, replica = placed[PRIMARY], placed[REPLICA]
    assert "replication" not in replica.costs
    if (primary.provider, primary.region) == (replica.provider, replica.region):
        assert "replication" not in primary.costs
    else:
        assert primary.costs["replication"] > 0
