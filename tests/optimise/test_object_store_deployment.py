"""Self-managed object storage (OpenNebula: Ceph RADOS Gateway or MinIO on its VMs) is one
deployment a site: its gateway VM and operations hours are shared by the stores there, not
bought again for every bucket, and the assumption is stated with what it leaves out."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cloudexit import api
from cloudexit.catalog import load_catalog
from cloudexit.model.inventory import Inventory
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from tests.helpers import inventory, one_target_policy, resource


def buckets(count: int, **tags: str) -> list[dict[str, Any]]:
    return [
        resource(
            f"arn:aws:s3:::b{i}",
            kind="storage.object",
            type="AWS::S3::Bucket",
            name=f"b{i}",
            region="eu-west-1",
            tags=dict(tags),
            attributes={"storage_gib": 100},
            monthly_cost={"amount": "2.30", "currency": "USD", "source": "test"},
        )
        for i in range(count)
    ]


def planned(items: list[dict[str, Any]], policy: Policy) -> Plan:
    return api.plan(Inventory.model_validate(inventory(*items)), policy, load_catalog())


def test_four_buckets_share_one_gateway_and_its_operations_hours() -> None:
    plan = planned(buckets(4), one_target_policy("opennebula"))
    assert plan.policy.running_costs.object_stores_per_deployment == 4
    (site,) = {(p.choice.provider, p.choice.region) for p in plan.placements}
    assert site[0] == "opennebula"
    operations = sum(Decimal(p.choice.costs["operations"]) for p in plan.placements)
    # one deployment's hours at the default day rate (4 hours at EUR 800 a day), not four
    assert operations == Decimal(400)
    (line,) = [w for w in plan.warnings if w.startswith("self-managed object storage on")]
    assert "1/4 share" in line and "an assumption" in line
    assert "4 stores on 1 site" in line and "1 deployment" in line
    assert "not in the target cost" not in line


def test_a_policy_can_price_a_deployment_per_bucket() -> None:
    policy = one_target_policy("opennebula")
    running = policy.running_costs.model_copy(update={"object_stores_per_deployment": 1})
    plan = planned(buckets(2), policy.model_copy(update={"running_costs": running}))
    assert all(Decimal(p.choice.costs["operations"]) == 400 for p in plan.placements)


def test_stores_on_two_sites_name_the_deployment_left_out() -> None:
    policy = Policy.model_validate(
        {
            **one_target_policy("opennebula").model_dump(),
            "anti_affinity": [{"tag_key": "ha-pair", "level": "region"}],
        }
    )
    plan = planned(buckets(2, **{"ha-pair": "x"}), policy)
    assert len({p.choice.region for p in plan.placements}) == 2
    (line,) = [w for w in plan.warnings if w.startswith("self-managed object storage on")]
    assert "2 stores on 2 sites" in line and "2 deployments" in line
    assert "is not in the target cost" in line
