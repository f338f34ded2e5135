"""A Kubernetes pool's nodes are rebuilt on the target and keep no data: their disks are neither
copied out of the source (switching egress, copy time) nor kept in sync while both sides run."""

from __future__ import annotations

from decimal import Decimal

import cloudexit
from cloudexit.model import Inventory, Policy
from cloudexit.optimise.switching import copied_gib, moved_gib
from tests.helpers import inventory, resource

POOL = resource(
    "pool",
    kind="kubernetes.node_pool",
    type="container.googleapis.com/NodePool",
    provider="gcp",
    account="project1",
    region="europe-west1",
    attributes={"vcpu": 2, "memory_gib": 7.5, "node_count": 3, "storage_gib": 100},
    monthly_cost={"amount": "150", "currency": "EUR", "source": "test"},
)
POLICY = Policy.model_validate({"targets": ["ovhcloud"], "allow_retain": False})


def test_node_disks_are_not_data_to_copy() -> None:
    (pool,) = Inventory.model_validate(inventory(POOL)).resources
    assert copied_gib(pool) == Decimal(0)
    assert moved_gib(pool, POLICY) == Decimal(0)


def test_a_moved_pool_pays_no_egress_for_its_node_disks() -> None:
    plan = cloudexit.plan(Inventory.model_validate(inventory(POOL)), POLICY)
    (placed,) = plan.placements
    assert placed.choice.provider == "ovhcloud"
    assert placed.choice.switching_egress == Decimal(0)
    assert placed.choice.one_off.get("parallel_egress", Decimal(0)) == Decimal(0)
    assert not plan.switching
