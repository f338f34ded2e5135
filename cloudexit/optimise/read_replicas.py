"""A read replica written as its target's read replica of its primary runs the primary's node
type, whatever its own size: it is priced as that, so the plan's figure is what is built.

A replica placed with its primary (an attached pair, one site) is priced so in the options the
solver compares; one placed on its own, which may or may not land beside its primary, only once
the plan is known, with warnings for the limits that change may break."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from cloudexit.catalog.evidence import is_weak
from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.schema import Product
from cloudexit.catalog.sizing import monthly_price, price_in
from cloudexit.emit.terraform.targets import REPLICA_TYPES
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.money import quantize
from cloudexit.model.plan import Option, Placement
from cloudexit.model.policy import Policy
from cloudexit.model.replicas import primary_of
from cloudexit.model.sharing import share_fields_set
from cloudexit.optimise.candidates import OptionSource, Priced, SiteFacts
from cloudexit.optimise.stand_in import highest_monthly, product_prices
from cloudexit.wording import first_few, plural

_NODE_PARTS = ("compute", "replicas")


def placed_with_primary(replica: Resource, by_id: dict[str, Resource]) -> Resource | None:
    """The primary a read replica is placed with (attached: same source region), when that
    primary is no replica itself; None otherwise."""
    primary_id = primary_of(replica)
    primary = by_id.get(primary_id) if primary_id is not None else None
    if primary is None or primary_of(primary) is not None or primary.region != replica.region:
        return None
    return primary


def as_built_beside(primary: OptionSource) -> Callable[[SiteFacts], SiteFacts]:
    """A replica's facts at a site as its target builds it beside ``primary`` there: one node of
    the primary's product where both are written with a read replica type, else unchanged."""
    known: dict[tuple[str, str], SiteFacts | str] = {}

    def reprice(own: SiteFacts) -> SiteFacts:
        site = (own.provider.id, own.region)
        if site not in known:
            known[site] = primary.facts(site)
        theirs = known[site]
        if isinstance(theirs, str) or theirs.priced.product is None:
            return own
        if _written(own) != _written(theirs) or _written(own) not in REPLICA_TYPES:
            return own
        return replace(own, priced=_one_node_of(own, theirs.priced.product, primary.policy))

    return reprice


def _written(facts: SiteFacts) -> str | None:
    product = facts.priced.product
    return product.terraform if product and product.terraform else facts.target.terraform


def _one_node_of(own: SiteFacts, product: Product, policy: Policy) -> Priced:
    """The replica's pricing with one node of ``product`` for its compute and one copy of its
    data; its other parts (egress, operations, boot volume) as they were."""
    priced, where = own.priced, own.provider.id
    price = price_in(product, own.region, policy.monthly_commitment)
    node = monthly_price(price, Decimal(1), policy.exchange_rates) if price is not None else None
    costs = {k: v for k, v in priced.costs.items() if k not in _NODE_PARTS}
    dropped = sum((v for k, v in priced.costs.items() if k in _NODE_PARTS), Decimal(0))
    own_name = f"{where}/{priced.product.id}" if priced.product else None
    second_hand = {k: v for k, v in priced.second_hand.items() if k != own_name}
    unverified = [n for n in priced.unverified if n != own_name]
    if "storage" in costs and priced.replicas > 1:
        one = costs["storage"] / priced.replicas
        dropped += costs["storage"] - one
        costs["storage"] = one
        store = f"{where}/{priced.store.id}" if priced.store else None
        if store in second_hand:
            second_hand[store] = second_hand[store] / priced.replicas
    unpriced = [p for p in priced.unpriced if p not in _NODE_PARTS]
    stand_in = {k: v for k, v in priced.stand_in.items() if k not in _NODE_PARTS}
    monthly = priced.monthly - dropped
    name = f"{where}/{product.id}"
    if price is None or node is None:
        unpriced.append("compute")
        # the choice never counts the node as free: its highest price anywhere, else the
        # replica's own nodes' at this site
        highest = highest_monthly(product_prices(product), Decimal(1), policy.exchange_rates)
        stand_in["compute"] = highest if highest is not None else dropped
    else:
        costs["compute"] = node
        monthly += node
        if not price.verified:
            unverified.append(name)
        if is_weak(price):
            second_hand[name] = second_hand.get(name, Decimal(0)) + node
    return Priced(
        product,
        Decimal(1),
        monthly,
        unverified,
        costs,
        1,
        second_hand,
        unpriced,
        priced.store,
        priced.assumed_gib,
        stand_in,
    )


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


def price_read_replicas(
    inventory: Inventory, placements: list[Placement], catalog: Catalog, policy: Policy
) -> list[str]:
    """Reprice, in place, every replica written as a read replica and not decided so (one
    placed apart from its primary that landed beside it): one node of the primary's product,
    beside its own storage (one copy of the data). Returns the warnings the change calls for:
    the decision, its objective and baseline priced the replica at its own size, so a limit it
    held may no longer hold."""
    replicas = {r.id: of for r in inventory.resources if (of := primary_of(r)) is not None}
    if not replicas:
        return []
    placed = {p.resource_id: p for p in placements}
    held = {r.id: r for r in inventory.resources if r.id in set(replicas.values())}
    names = {r.id: r.name for r in inventory.resources if r.id in replicas}
    moved: dict[str, Decimal] = {}
    unpriced: list[str] = []
    for p in placements:
        primary_id = replicas.get(p.resource_id)
        q = placed.get(primary_id) if primary_id is not None else None
        if q is None or primary_id is None:
            continue
        if not written_as_read_replica(p.choice, q.choice, held.get(primary_id)):
            continue
        if q.choice.product == p.choice.product and p.choice.replicas == 1:
            continue
        node = _one_node(q.choice, catalog, policy)
        before = p.choice.monthly_cost
        p.choice = _as_node_of(p.choice, q.choice, node)
        name = names[p.resource_id]
        moved[name] = p.choice.monthly_cost - before
        if node is None:
            unpriced.append(name)
    return _warnings(moved, unpriced, placements, policy)


def _one_node(primary: Option, catalog: Catalog, policy: Policy) -> Decimal | None:
    """One node of the primary's product, unrounded (the primary's compute part is rounded to
    the cent with its other parts); None when it has no list price here."""
    if primary.product is None or primary.provider not in catalog.providers:
        return None
    try:
        product = catalog.product(primary.provider, primary.product)
    except KeyError:
        return None
    price = price_in(product, primary.region, policy.monthly_commitment)
    if price is None:
        return None
    return monthly_price(price, Decimal(1), policy.exchange_rates)


def _warnings(
    moved: dict[str, Decimal], unpriced: list[str], placements: list[Placement], policy: Policy
) -> list[str]:
    found = []
    if unpriced:
        found.append(
            "not in the target cost, for want of a list price: compute (the primary's node type, "
            f"which a read replica runs), on {len(unpriced)} "
            f"{plural(len(unpriced), 'placement')} ({first_few(sorted(unpriced))})"
        )
    delta = sum(moved.values(), Decimal(0))
    if not delta:
        return found
    changed = sorted(n for n, d in moved.items() if d)
    shown = first_few(changed)
    found.append(
        f"solver objective and baseline leave out EUR {quantize(delta)} a month: "
        f"{len(changed)} read {plural(len(changed), 'replica')} ({shown}) priced at the "
        "primary's node type after the decision"
    )
    if delta < 0:
        return found
    total = sum((p.choice.monthly_cost for p in placements), Decimal(0))
    if policy.monthly_budget is not None and total > policy.monthly_budget:
        found.append(
            f"monthly_budget {policy.monthly_budget}: plan costs {quantize(total)} with read "
            f"{plural(len(changed), 'replica')} {shown} priced at the primary's node type "
            f"(EUR {quantize(delta)} a month more than decided), "
            f"{quantize(total - policy.monthly_budget)} over"
        )
    by_provider: dict[str, Decimal] = defaultdict(Decimal)
    by_site: dict[str, Decimal] = defaultdict(Decimal)
    for p in placements:
        if not p.choice.retain:
            by_provider[p.choice.provider] += p.choice.monthly_cost
            by_site[f"{p.choice.provider}/{p.choice.region}"] += p.choice.monthly_cost
    target = sum(by_provider.values(), Decimal(0))
    for limit, label, spend in (
        (policy.max_spend_share, "max_spend_share", by_provider),
        (policy.max_region_spend_share, "max_region_spend_share", by_site),
    ):
        if limit is None or not target:
            continue
        for where, amount in sorted(spend.items()):
            if amount > Decimal(str(limit)) * target:
                found.append(
                    f"{label} {limit:.0%}: {where} takes {float(amount / target):.1%} of target "
                    f"spend with read {plural(len(changed), 'replica')} {shown} priced at the "
                    "primary's node type"
                )
    return found


def _as_node_of(own: Option, primary: Option, node: Decimal | None) -> Option:
    """``node`` None: the primary's node type has no list price, so the replica's compute is
    left unpriced rather than kept at a product that is not built."""
    before = own.costs.get("compute", Decimal(0)) + own.costs.get("replicas", Decimal(0))
    costs = {k: v for k, v in own.costs.items() if k not in _NODE_PARTS}
    if "storage" in costs and own.replicas > 1:
        costs["storage"] = quantize(costs["storage"] / own.replicas)
    if node is not None:
        costs["compute"] = quantize(node)
    unpriced = {part for part in own.unpriced_parts if part not in _NODE_PARTS}
    if node is None:
        unpriced.add("compute")
    own_name = f"{own.provider}/{own.product}"
    primary_name = f"{primary.provider}/{primary.product}"
    second_hand = own.second_hand_monthly
    if own_name in own.second_hand_prices:
        second_hand -= before
    own_store = f"{own.provider}/{own.storage_product}"
    if own.replicas > 1 and "storage" in own.costs and own_store in own.second_hand_prices:
        second_hand -= own.costs["storage"] - costs["storage"]
    if primary_name in primary.second_hand_prices and node is not None:
        second_hand += quantize(node)
    choice = own.model_copy(
        update={
            "product": primary.product,
            "product_name": primary.product_name,
            "quantity": 1.0,
            "replicas": 1,
            "costs": dict(sorted(costs.items())),
            "unpriced_parts": sorted(unpriced),
            # the choice is made: a node part left unpriced here was never compared
            "stand_ins": {k: v for k, v in (own.stand_ins or {}).items() if k in unpriced} or None,
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
                primary_name in primary.unverified_prices and node is not None,
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
