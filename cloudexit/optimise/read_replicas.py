"""A read replica written as its target's read replica of its primary runs the primary's node
type, whatever its own size: it is priced as that, so the plan's figure is what is built."""

from __future__ import annotations

from decimal import Decimal

from cloudexit.emit.terraform.targets import REPLICA_TYPES
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.money import quantize
from cloudexit.model.plan import Option, Placement
from cloudexit.model.replicas import primary_of
from cloudexit.model.sharing import share_fields_set


def written_as_read_replica(
    replica: Option, primary: Option, primary_resource: Resource | None
) -> bool:
    """Beside its primary, on a target with a read replica type for the primary's, and the
    primary not a replica itself (no target here makes a replica of a replica)."""
    return (
        primary_resource is not None
        and primary_of(primary_resource) is None
        and not replica.retain
        and not primary.retain
        and (replica.provider, replica.region) == (primary.provider, primary.region)
        and replica.terraform == primary.terraform in REPLICA_TYPES
    )


def price_read_replicas(inventory: Inventory, placements: list[Placement]) -> None:
    """Reprice, in place, every replica written as a read replica: one node of the primary's
    product, beside its own storage (one copy of the data)."""
    replicas = {r.id: of for r in inventory.resources if (of := primary_of(r)) is not None}
    if not replicas:
        return
    placed = {p.resource_id: p for p in placements}
    held = {r.id: r for r in inventory.resources if r.id in set(replicas.values())}
    for p in placements:
        primary_id = replicas.get(p.resource_id)
        q = placed.get(primary_id) if primary_id is not None else None
        if q is None or primary_id is None:
            continue
        if not written_as_read_replica(p.choice, q.choice, held.get(primary_id)):
            continue
        node = q.choice.costs.get("compute")
        if node is None or q.choice.product == p.choice.product and p.choice.replicas == 1:
            continue
        p.choice = _as_node_of(p.choice, q.choice, node)


def _as_node_of(own: Option, primary: Option, node: Decimal) -> Option:
    before = own.costs.get("compute", Decimal(0)) + own.costs.get("replicas", Decimal(0))
    costs = {k: v for k, v in own.costs.items() if k not in ("compute", "replicas")}
    if "storage" in costs and own.replicas > 1:
        costs["storage"] = quantize(costs["storage"] / own.replicas)
    costs["compute"] = node
    own_name = f"{own.provider}/{own.product}"
    primary_name = f"{primary.provider}/{primary.product}"
    second_hand = own.second_hand_monthly
    if own_name in own.second_hand_prices:
        second_hand -= before
    own_store = f"{own.provider}/{own.storage_product}"
    if own.replicas > 1 and "storage" in own.costs and own_store in own.second_hand_prices:
        second_hand -= own.costs["storage"] - costs["storage"]
    if primary_name in primary.second_hand_prices:
        second_hand += node
    choice = own.model_copy(
        update={
            "product": primary.product,
            "product_name": primary.product_name,
            "quantity": 1.0,
            "replicas": 1,
            "costs": dict(sorted(costs.items())),
            "monthly_cost": quantize(sum(costs.values(), Decimal(0))),
            "second_hand_monthly": quantize(max(Decimal(0), second_hand)),
            "second_hand_prices": _swapped(
                own.second_hand_prices,
                own_name,
                primary_name in primary.second_hand_prices,
                primary_name,
            ),
            "unverified_prices": _swapped(
                own.unverified_prices,
                own_name,
                primary_name in primary.unverified_prices,
                primary_name,
            ),
        }
    )
    share_fields_set(choice)
    return choice


def _swapped(names: list[str], old: str, keep_new: bool, new: str) -> list[str]:
    kept = {n for n in names if n != old}
    if keep_new:
        kept.add(new)
    return sorted(kept)
