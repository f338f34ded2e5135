"""An OVHcloud node pool writes no disk for its nodes: the flavour's local disk is theirs."""

from __future__ import annotations

from cloudexit.api import load_catalog
from cloudexit.api import plan as make_plan
from cloudexit.model.inventory import Inventory
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Placement
from cloudexit.model.policy import Policy
from tests.helpers import corpus_inventory

OVH = Policy.model_validate({"targets": ["ovhcloud"]})


def _pool(inventory: Inventory, gib: float | None = None) -> tuple[Inventory, str]:
    (pool,) = [r for r in inventory.resources if r.kind is Kind.KUBERNETES_NODE_POOL]
    if gib is None:
        return inventory, pool.id
    grown = pool.model_copy(
        update={"attributes": pool.attributes.model_copy(update={"storage_gib": gib})}
    )
    resources = [grown if r.id == pool.id else r for r in inventory.resources]
    return inventory.model_copy(update={"resources": resources}), pool.id


def _placed(inventory: Inventory, rid: str) -> tuple[Placement, list[str]]:
    plan = make_plan(inventory, OVH)
    (placed,) = [p for p in plan.placements if p.resource_id == rid]
    return placed, plan.warnings


def test_gke_s_default_node_disk_does_not_choose_the_flavour() -> None:
    """default-pool, 3 x n1-standard-1 with GKE's default 100 GB disk: 3 x c3-8 (EUR 199.95 a
    month against EUR 99.78 today) only because c3-8 was the cheapest flavour with 100 GB."""
    inventory, rid = _pool(corpus_inventory("gcp-cai-export-forseti.jsonl"))
    placed, warnings = _placed(inventory, rid)
    assert placed.choice.product != "c3-8"
    assert placed.choice.monthly_cost < 99
    said = [w for w in warnings if w.startswith("node pool default-pool on ovhcloud/")]
    assert len(said) == 1 and "GKE's default boot disk" in said[0], said


def test_a_stated_node_disk_is_held_and_the_reason_names_it() -> None:
    inventory, rid = _pool(corpus_inventory("gcp-cai-export-forseti.jsonl"), 150.0)
    placed, warnings = _placed(inventory, rid)
    assert placed.choice.product is not None
    specs = load_catalog().product("ovhcloud", placed.choice.product).specs
    assert (specs.local_storage_gib or 0) >= 150
    assert "holds the source's 150 GB node disk" in (placed.dearer_than_today or ""), placed
    assert not [w for w in warnings if "GKE's default boot disk" in w]
