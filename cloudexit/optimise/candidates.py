"""Every option a resource can take under the policy, priced and risk-scored."""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from itertools import islice
from typing import TypeVar

from cloudexit.catalog.boot import BootVolume, flavour_disk_gib, load_boot_volumes
from cloudexit.catalog.evidence import is_weak
from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.retired import retired_before, staying_blocked
from cloudexit.catalog.schema import (
    Price,
    Product,
    ProductSelector,
    ProviderFile,
    Specs,
    TargetMapping,
)
from cloudexit.catalog.sizing import (
    Needs,
    _Same,
    _select_products,
    monthly_price,
    needs_of,
    on_request,
    price_in,
    select_products,
    to_eur,
)
from cloudexit.model.bill import Commitment
from cloudexit.model.boot_disks import boot_gib
from cloudexit.model.data_disks import inline_data_disks, written_data_disks
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.money import parts_to_the_cent, quantize
from cloudexit.model.plan import Option, Risk
from cloudexit.model.policy import Policy, Selector, SovereigntyGate
from cloudexit.model.sovereignty import SovereigntyGrade
from cloudexit.optimise.fallback import fallback_for
from cloudexit.optimise.inspection import graded_for, inspects, vm_mapping
from cloudexit.optimise.node_disks import holding, node_disk_held
from cloudexit.optimise.parallel import DAYS_PER_MONTH, parallel_days, sync_estimate
from cloudexit.optimise.reserved_ips import price_reserved_ip
from cloudexit.optimise.running import (
    RunningCostData,
    cheapest_replicated,
    copies_needed,
    deployment_share,
    effort_days,
    egress_price,
    function_usage,
    operations_monthly,
    running_cost_data,
    self_managed_needs,
)
from cloudexit.optimise.sizes import resolve_size
from cloudexit.optimise.stand_in import (
    NO_STAND_IN,
    highest_monthly,
    selected_prices,
    service_prices,
)
from cloudexit.optimise.stranded import estimate as stranded_estimate
from cloudexit.optimise.switching import (
    DEFAULT_START,
    EgressPrices,
    copied_gib,
    data_gib,
    size_unknown,
)
from cloudexit.optimise.switching import estimate as switching_estimate
from cloudexit.optimise.today import current_monthly_eur
from cloudexit.optimise.windows import licensed_windows, runs_windows
from cloudexit.risk.certifications import canonical
from cloudexit.risk.score import (
    certification_gap_points,
    certifications_in,
    fidelity_points,
    held_by_products,
    jurisdiction_points,
    unverified_claims,
)
from cloudexit.sovereignty.data import load_sovereignty
from cloudexit.sovereignty.grade import gate_failure, grade_at

Key = TypeVar("Key")
Kept = TypeVar("Kept")
GIB_PER_MBPS_HOUR = Decimal("0.4190951585769653")  # 1 Mbit/s for an hour, in GiB
HELD_APART = "held there only by offers"
UNPRICED_HOLDERS = "held there only by offers with no published price, which cannot be placed"
CLAIMED = "claims"


@dataclass
class Candidates:
    resource: Resource
    options: list[Option] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)


def matches(selector: Selector, resource: Resource) -> bool:
    if selector.ids and resource.id not in selector.ids:
        return False
    if selector.kinds and resource.kind not in selector.kinds:
        return False
    if selector.source_providers and resource.provider not in selector.source_providers:
        return False
    return all(resource.tags.get(k) == v for k, v in selector.tags.items())


def required_certifications(resource: Resource, policy: Policy) -> set[str]:
    needed: set[str] = set()
    for rule in policy.certifications:
        if matches(rule.match, resource):
            needed.update(canonical(name) for name in rule.certifications)
    return needed


def sovereignty_gates(resource: Resource, policy: Policy) -> list[SovereigntyGate]:
    """The policy's sovereignty gates that apply to the resource (selector and data classification)."""
    tag = policy.sovereignty.classification_tag
    return [
        g
        for g in policy.sovereignty.gates
        if matches(g.match, resource)
        and (not g.classifications or resource.tags.get(tag) in g.classifications)
    ]


def _gate_failure(gates: list[SovereigntyGate], grade: SovereigntyGrade | None) -> str | None:
    for gate in gates:
        failure = gate_failure(gate, grade)
        if failure is not None:
            return failure
    return None


def _allowed_providers(resource: Resource, policy: Policy) -> tuple[set[str], str | None]:
    allowed = set(policy.targets)
    pinned_region: str | None = None
    for rule in policy.providers:
        if not matches(rule.match, resource):
            continue
        allowed -= set(rule.forbid)
        if rule.pin:
            provider, _, region = rule.pin.partition("/")
            allowed &= {provider}
            pinned_region = region or pinned_region
    return allowed, pinned_region


def offered_flavors(policy: Policy, provider: str, region: str) -> set[str] | None:
    """The compute products the policy says a site offers; None when it does not say."""
    lists = [
        set(cap.flavors)
        for cap in policy.capacity
        if cap.flavors is not None and cap.provider == provider and cap.region in (None, region)
    ]
    return set.intersection(*lists) if lists else None


@dataclass
class Priced:
    product: Product | None
    quantity: Decimal
    monthly: Decimal
    unverified: list[str] = field(default_factory=list)
    costs: dict[str, Decimal] = field(default_factory=dict)
    """monthly EUR per part: compute, storage, replicas, operations, egress, requests, duration"""
    replicas: int = 1
    second_hand: dict[str, Decimal] = field(default_factory=dict)
    """monthly EUR resting on a second-hand, undated or stale price, per product"""
    unpriced: list[str] = field(default_factory=list)
    """Parts the option needs that have no list price: left out of ``monthly``, never zero"""
    store: Product | None = None
    """The block-storage product the data is priced on, beside the instance"""
    assumed_gib: Decimal | None = None
    """Data size priced on ``store`` when the source reported none (a policy assumption)"""
    stand_in: dict[str, Decimal] = field(default_factory=dict)
    """Per unpriced part, the monthly EUR the choice counts in its stead (``stand_in``): never
    in ``monthly``"""
    wanting: dict[str, tuple[str, Decimal]] = field(default_factory=dict)
    """Unpriced parts the provider knows no price for anywhere: the service and quantity whose
    highest price at any target provider stands in (``settle``)"""

    def missing(
        self, part: str, stand_in: Decimal | None, service: str = "", quantity: Decimal = Decimal(1)
    ) -> None:
        """Name a part with no list price, and what the choice counts for it (None: nothing
        known at the provider: the highest price of ``service`` elsewhere, if any)."""
        self.unpriced.append(part)
        if stand_in is not None:
            self.stand_in[part] = stand_in
        elif service:
            self.wanting[part] = (service, quantity)

    def add(self, part: str, key: str, price: Price, monthly: Decimal) -> None:
        """Add a priced part bought beside the product (``key``: provider/product), with its
        price's standing."""
        self.costs[part] = self.costs.get(part, Decimal(0)) + monthly
        self.monthly += monthly
        if not price.verified:
            self.unverified.append(key)
        if is_weak(price):
            self.second_hand[key] = self.second_hand.get(key, Decimal(0)) + monthly

    def settle(self, catalog: Catalog, rates: Mapping[str, Decimal]) -> None:
        """Give each part the provider knows no price for the highest price of its service at
        any target provider; one with none keeps the option out (``incomparable``)."""
        for part, (service, quantity) in self.wanting.items():
            found = highest_monthly(service_prices(catalog, service), quantity, rates)
            if found is not None:
                self.stand_in[part] = found
        self.wanting = {}

    def counted(self) -> Decimal:
        """What the choice compares, to the cent: ``monthly`` and the stand-ins of the
        unpriced parts (each to the cent, as the option states them)."""
        monthly = quantize(self.monthly)
        if not self.stand_in:
            return monthly
        return monthly + sum((quantize(v) for v in self.stand_in.values()), Decimal(0))

    def incomparable(self) -> str | None:
        """The first unpriced part with no stand-in, which keeps the option out of the choice."""
        return next((u for u in sorted(set(self.unpriced)) if u not in self.stand_in), None)


def _cheapest_per_unit(products: Sequence[Product], region: str) -> Product | None:
    return min(products, key=lambda p: (price_in(p, region).amount, p.id)) if products else None  # type: ignore[union-attr]


@lru_cache(maxsize=4096)
def _cheapest_at(products: _Same, region: str) -> Product | None:
    """``_cheapest_per_unit`` of a cached product list: every resource of an estate asks again."""
    return _cheapest_per_unit(products.obj, region)  # type: ignore[arg-type]


@lru_cache(maxsize=8192)
def _price_at(product: _Same, region: str, monthly: bool) -> Price | None:
    """``price_in`` of a catalogue product: every resource priced at a site asks again."""
    return price_in(product.obj, region, monthly)  # type: ignore[arg-type]


@lru_cache(maxsize=8192)
def _products_at(
    provider: _Same, selector: _Same, region: str, windows: bool, offered: frozenset[str] | None
) -> tuple[Product, ...]:
    """The products a resource may take at a site: the selector's, compute ones with or without a
    Windows licence, among the flavours the policy lists when it lists them. Kept per site, so the
    same tuple comes back and the rankings made from it can be kept too."""
    chosen: ProductSelector = selector.obj  # type: ignore[assignment]
    products = select_products(provider.obj, chosen, region)  # type: ignore[arg-type]
    if chosen.service == "compute":
        products = [p for p in products if (p.specs.os == "windows") == windows]
        if offered is not None:
            products = [p for p in products if p.id in offered]
    return tuple(products)


def _held_apart(provider: ProviderFile, region: str, missing: set[str]) -> str:
    """The provider's own offers there that hold what the site lacks, named so a plan points to
    them; one quoted only on request is never priced, so never placed."""
    offers = held_by_products(provider, region, missing)
    if not offers:
        return ""
    quoted = {p.id for p in provider.products if p.price_on_request is not None}
    held = UNPRICED_HOLDERS if quoted.issuperset(offers) else HELD_APART
    return f"; {held}: {', '.join(offers)}"


def _missing(provider: ProviderFile, region: str, service: str | None, missing: set[str]) -> str:
    """Why the site does not meet the required certifications: lacked, or only claimed."""
    claimed = unverified_claims(provider, region, service, missing)
    parts = []
    lacking = missing - set(claimed)
    if lacking:
        parts.append(f"lacks {', '.join(sorted(lacking))}{_held_apart(provider, region, lacking)}")
    for name, cert in sorted(claimed.items()):
        parts.append(
            f"{CLAIMED} {name}, not verified ({cert.source.url}): a requirement is met only by "
            "a verified certification"
        )
    return "; ".join(parts)


def _quoted(provider: ProviderFile, service: str, region: str) -> str:
    """Offers the provider quotes only on request: named, never priced."""
    quoted = on_request(provider, service, region)
    return f"; offered there at a price on request only: {', '.join(quoted)}" if quoted else ""


def _price_target(
    resource: Resource,
    provider: ProviderFile,
    region: str,
    target: TargetMapping,
    policy: Policy,
    specs: Specs | None = None,
    needs: Needs | None = None,
    choice: Choice | str | None = None,
    disks: ProductSelector | None = None,
    catalog: Catalog | None = None,
) -> Priced | str:
    """The option's product, quantity and full monthly running cost, or why it cannot be priced.
    ``needs``: the resource's right-sized needs when already known (they are the same at every site);
    ``choice``: what ``choose`` gave for this site and a resource alike but for its sizes in GiB;
    ``disks``: what the provider writes a disk of its own as (its storage.block mapping);
    ``catalog``: where a part the provider knows no price for finds its stand-in."""
    if choice is None:
        choice = choose(resource, provider, region, target, policy, specs, needs)
    if isinstance(choice, str):
        return choice
    priced = _amounts(choice, resource, provider, region, policy)
    if isinstance(priced, str):
        return priced
    _price_boot_volume(priced, resource, provider, region, target, policy)
    price_reserved_ip(priced, provider, region, target.terraform, policy.exchange_rates)
    _price_data_disks(priced, resource, provider, region, target, policy, disks)
    if priced.wanting and catalog is not None:
        priced.settle(catalog, policy.exchange_rates)
    if choice.operations:
        priced.costs["operations"] = choice.operations
        priced.monthly += choice.operations
    shared = deployment_share(resource, target, policy, running_cost_data())
    if shared is not None and shared > 1:
        _share_deployment(priced, shared)
    egress_gib = Decimal(str(resource.attributes.monthly_egress_gib or 0))
    if egress_gib:
        found = choice.egress
        if found is None:
            return f"no egress price on {provider.id}/{region} for {egress_gib} GiB a month"
        egress_product, rate, eur = found
        priced.costs["egress"] = eur * egress_gib
        priced.monthly += eur * egress_gib
        if not rate.verified:
            priced.unverified.append(f"{provider.id}/egress")
        if is_weak(rate):
            key = f"{provider.id}/{egress_product.id}"
            priced.second_hand[key] = priced.second_hand.get(key, Decimal(0)) + eur * egress_gib
    return priced


@dataclass(frozen=True, slots=True)
class Choice:
    """What pricing a resource at a site decides before its sizes in GiB come in: the product, its
    price and count, the block storage beside it, the operations and the egress rate. Resources
    alike but for their storage and egress sizes share it; their amounts are worked out from it
    with the same operations, in the same order, as for a resource priced alone."""

    whole: Priced | None
    """priced already whatever the sizes (functions, or nothing to size)"""
    product: Product | None
    price: Price | None
    quantity: Decimal | None
    """None: the data size in GiB (``per_gib``)"""
    copies: int
    nodes: int
    data: bool
    """the data is priced on ``store`` beside the instance"""
    assumed: Decimal | None
    store: Product | None
    store_price: Price | None
    store_missing: str | None
    operations: Decimal | None
    egress: tuple[Product, Price, Decimal] | None


SHARED_PARTS = ("compute", "boot_volume", "operations")
"""Cost parts of a self-managed deployment (its gateway VM, the VM's disk, its operations hours)
that the resources sharing it split; their data stays their own."""


def _share_deployment(priced: Priced, shared: int) -> None:
    """One resource's equal share of a deployment ``shared`` resources use, in place."""
    for part in SHARED_PARTS:
        whole = priced.costs.get(part)
        if whole:
            share = whole / shared
            priced.monthly -= whole - share
            priced.costs[part] = share


def choose(
    resource: Resource,
    provider: ProviderFile,
    region: str,
    target: TargetMapping,
    policy: Policy,
    specs: Specs | None = None,
    needs: Needs | None = None,
) -> Choice | str:
    """``_price_target`` up to the amounts that scale with the resource's storage and egress."""
    running = running_cost_data()
    ops = (
        operations_monthly(resource.kind, policy, running)
        if target.fidelity == "self_managed"
        else None
    )
    egress = (
        egress_price(provider, region, policy) if resource.attributes.monthly_egress_gib else None
    )
    chosen = _choose_product(resource, provider, region, target, policy, running, specs, needs)
    if isinstance(chosen, str):
        return chosen
    if isinstance(chosen, Priced):
        return Choice(chosen, None, None, None, 1, 1, False, None, None, None, None, ops, egress)
    return replace(chosen, operations=ops, egress=egress)


def _amounts(
    choice: Choice, resource: Resource, provider: ProviderFile, region: str, policy: Policy
) -> Priced | str:
    """The product's and its storage's monthly cost for this resource's sizes."""
    whole = choice.whole
    if whole is not None:
        return Priced(
            whole.product,
            whole.quantity,
            whole.monthly,
            list(whole.unverified),
            dict(whole.costs),
            whole.replicas,
            dict(whole.second_hand),
        )
    product, price = choice.product, choice.price
    assert product is not None and price is not None
    volume: Decimal | None = None
    quantity = choice.quantity
    if quantity is None:
        quantity = max(Decimal(1), data_gib(resource))
        # With no size reported the policy's assumed size is priced (and a volume written with
        # it) and named as an assumption, never 1 GiB priced as though it were known.
        if size_unknown(resource):
            volume = Decimal(str(policy.running_costs.assumed_data_gib))
            quantity = volume
    monthly = monthly_price(price, quantity, policy.exchange_rates)
    if monthly is None:
        return f"no exchange rate for {price.currency}"
    unverified: list[str] = []
    if not price.verified:
        unverified.append(f"{provider.id}/{product.id}")
    weak: dict[str, Decimal] = {f"{provider.id}/{product.id}": monthly} if is_weak(price) else {}
    costs = {"storage" if choice.quantity is None else "compute": monthly}
    copies, nodes = choice.copies, choice.nodes
    if copies > 1:
        one = monthly / copies
        costs = {"compute": one, "replicas": monthly - one}
    if choice.data:
        if choice.store_missing is not None:
            return choice.store_missing
        store, store_price = choice.store, choice.store_price
        assert store is not None and store_price is not None
        assumed = choice.assumed
        # Every node keeps its own copy of the data.
        extra = monthly_price(
            store_price, (assumed or data_gib(resource)) * nodes, policy.exchange_rates
        )
        if extra is None:
            return f"no exchange rate for {store_price.currency}"
        monthly += extra
        costs["storage"] = extra
        if not store_price.verified:
            unverified.append(f"{provider.id}/{store.id}")
        if is_weak(store_price):
            weak[f"{provider.id}/{store.id}"] = (
                weak.get(f"{provider.id}/{store.id}", Decimal(0)) + extra
            )
        return Priced(
            product,
            quantity,
            monthly,
            unverified,
            costs,
            nodes,
            weak,
            store=store,
            assumed_gib=assumed,
        )
    return Priced(product, quantity, monthly, unverified, costs, nodes, weak, assumed_gib=volume)


def _price_serverless(
    resource: Resource, provider: ProviderFile, region: str, target: TargetMapping, policy: Policy
) -> Priced | str:
    """Functions from usage: requests and GiB-seconds at the target's rates, free tiers left out
    because they hold once per account, not per function."""
    assert target.select is not None
    families = set(target.select.families)
    offered = [
        p
        for p in provider.products
        if p.service == "serverless"
        and (not families or p.family in families)
        and price_in(p, region)
    ]
    requests, seconds = function_usage(resource, policy)
    costs: dict[str, Decimal] = {}
    unverified: list[str] = []
    weak: dict[str, Decimal] = {}
    chosen: Product | None = None
    for unit, amount, part in (
        ("million_requests", requests, "requests"),
        ("gib_second", seconds, "duration"),
    ):
        rates = sorted((p for p in offered if price_in(p, region).unit == unit), key=lambda p: p.id)  # type: ignore[union-attr]
        if not rates:
            return f"no serverless {part} price on {provider.id}/{region}"
        price = price_in(rates[0], region)
        assert price is not None
        eur = to_eur(price.amount * amount, price.currency, policy.exchange_rates)
        if eur is None:
            return f"no exchange rate for {price.currency}"
        costs[part] = eur
        chosen = chosen or rates[0]
        if not price.verified:
            unverified.append(f"{provider.id}/{rates[0].id}")
        if is_weak(price):
            weak[f"{provider.id}/{rates[0].id}"] = (
                weak.get(f"{provider.id}/{rates[0].id}", Decimal(0)) + eur
            )
    return Priced(
        chosen, Decimal(1), sum(costs.values(), Decimal(0)), unverified, costs, second_hand=weak
    )


@lru_cache(maxsize=1024)
def _boot_volume(provider: str, written: str | None) -> BootVolume | None:
    """``mappings/boot-volumes.yaml``'s disk for a server type: every server priced asks again."""
    return load_boot_volumes().for_server(provider, written)


def _holding_boot(
    products: tuple[Product, ...], gib: float, provider: str, target: TargetMapping
) -> tuple[Product, ...]:
    """The products a machine with a boot disk of ``gib`` may take: those written with a boot
    volume of their own (sized to the disk), and those whose own disk holds it. The same tuple
    for the same list and size, so the rankings made from it are kept too."""
    return _held_boot(_Same(products), gib, provider, target.terraform)


@lru_cache(maxsize=4096)
def _held_boot(
    products: _Same, gib: float, provider: str, written: str | None
) -> tuple[Product, ...]:
    offered: tuple[Product, ...] = products.obj  # type: ignore[assignment]
    kept = tuple(
        p
        for p in offered
        if _boot_volume(provider, p.terraform or written) is not None
        or (p.specs.local_storage_gib or 0) >= gib
    )
    return offered if len(kept) == len(offered) else kept


@lru_cache(maxsize=1024)
def _boot_disk(provider: _Same, select: _Same, region: str) -> Product | None:
    """The cheapest priced disk a boot volume can be written as at a site."""
    disks = _select_products(provider, select, region)
    return _cheapest_per_unit([d for d in disks if price_in(d, region)], region)


def _block_stand_in(provider: ProviderFile, gib: Decimal, policy: Policy) -> Decimal | None:
    """A disk's stand-in (``stand_in``): ``gib`` at the provider's highest block-storage price."""
    return highest_monthly(selected_prices(provider, _BLOCK_STORAGE), gib, policy.exchange_rates)


def _node_disk_unwritten(
    priced: Priced, resource: Resource, provider: ProviderFile, region: str, policy: Policy
) -> None:
    """A pool's nodes written without a disk of their own: the flavour's local disk must hold
    the source node's disk, and where the flavour has none the disk is named as unpriced."""
    source = node_disk_held(resource)
    specs = priced.product.specs if priced.product else None
    local = specs.local_storage_gib if specs else None
    if not source or (local and local >= source):
        return
    short = (Decimal(str(source)) - Decimal(str(local or 0))) * Decimal(
        resource.attributes.node_count or 1
    )
    stand_in = _block_stand_in(provider, short, policy)
    if local:
        priced.missing(
            f"node disk of {source:g} GB per node, larger than the "
            f"{local:g} GB local disk of {priced.product.id if priced.product else ''} "
            f"({provider.id} {region}: no flavour that fits the sizing has a local disk that "
            "large, no list price for the difference)",
            stand_in,
            _BLOCK_STORAGE.service,
            short,
        )
        return
    priced.missing(
        f"{source:g} GB node disk per node ({provider.id} {region}: no list price, no flavour "
        "that fits the sizing has a local disk that large)",
        stand_in,
        _BLOCK_STORAGE.service,
        short,
    )


def _price_boot_volume(
    priced: Priced,
    resource: Resource,
    provider: ProviderFile,
    region: str,
    target: TargetMapping,
    policy: Policy,
) -> None:
    """Add the system disk each node of a server is written with where its product's price
    leaves it out (``mappings/boot-volumes.yaml``), or name it as unpriced. A Kubernetes pool's
    nodes each get the source node's disk."""
    product = priced.product
    written = product.terraform if product and product.terraform else target.terraform
    boot = _boot_volume(provider.id, written)
    machines = priced.replicas * (priced.quantity if target.sizing == "per_node" else Decimal(1))
    if boot is None:
        # a machine boots from its flavour's own disk: what of its boot disk that disk does not
        # hold is written and priced as a volume beside it (``_price_data_disks``)
        if resource.kind == Kind.KUBERNETES_NODE_POOL:
            _node_disk_unwritten(priced, resource, provider, region, policy)
        return
    size = boot.root_of(resource)
    # Every server written has its own: each node of a pool, of a machine group (per_node).
    nodes = Decimal(resource.attributes.node_count or 1) if boot.follows_source else machines
    gib = Decimal(size) * nodes
    disk = _boot_disk(_Same(provider), _Same(boot.select), region)
    price = _price_at(_Same(disk), region, False) if disk is not None else None
    monthly = monthly_price(price, gib, policy.exchange_rates) if price is not None else None
    if disk is None or price is None or monthly is None:
        priced.missing(
            f"{size} GB {boot.written_as} boot volume per server ({provider.id} {region}: "
            "no list price)",
            highest_monthly(selected_prices(provider, boot.select), gib, policy.exchange_rates),
            boot.select.service,
            gib,
        )
        return
    _add_volumes(priced, "boot_volume", provider, disk, price, monthly)


_BLOCK_STORAGE = ProductSelector(service="block_storage")


def _price_data_disks(
    priced: Priced,
    resource: Resource,
    provider: ProviderFile,
    region: str,
    target: TargetMapping,
    policy: Policy,
    disks: ProductSelector | None = None,
) -> None:
    """Add the data disks a machine holds inline (``model.data_disks``), and the part of its
    boot disk its flavour's own disk does not hold, written as block volumes attached to each
    server, or name them as unpriced. Where the source states an SSD class for one of them, they
    go on the block storage the provider writes a disk of its own as (``disks``, its
    storage.block mapping), not on a cheaper, slower class; else on the site's cheapest block
    storage."""
    if resource.kind not in (Kind.VM, Kind.VM_GROUP):
        return
    product = priced.product
    written = product.terraform if product and product.terraform else target.terraform
    flavour = flavour_disk_gib(provider.id, written, product) if boot_gib(resource) else None
    held = written_data_disks(resource, flavour)
    gib = Decimal(str(sum(d.gib for d in held)))
    if not gib:
        return
    machines = priced.replicas * (priced.quantity if target.sizing == "per_node" else Decimal(1))
    matched = disks if disks is not None and any(d.solid_state for d in held) else None
    disk = _boot_disk(_Same(provider), _Same(matched or _BLOCK_STORAGE), region)
    price = _price_at(_Same(disk), region, False) if disk is not None else None
    monthly = monthly_price(price, gib * machines, policy.exchange_rates) if price else None
    if disk is None or price is None or monthly is None:
        what = "block storage" if matched is None else "its block storage for SSD disks"
        priced.missing(
            f"{gib:g} GB of data disks per server ({provider.id} {region}: no list price for "
            f"{what})",
            highest_monthly(
                selected_prices(provider, matched or _BLOCK_STORAGE),
                gib * machines,
                policy.exchange_rates,
            ),
            _BLOCK_STORAGE.service,
            gib * machines,
        )
        return
    priced.store = disk
    _add_volumes(priced, "data_disks", provider, disk, price, monthly)


def _add_volumes(
    priced: Priced, part: str, provider: ProviderFile, disk: Product, price: Price, monthly: Decimal
) -> None:
    """Add volumes written beside the server as a cost part, with their price's standing."""
    priced.add(part, f"{provider.id}/{disk.id}", price, monthly)


def _choose_product(
    resource: Resource,
    provider: ProviderFile,
    region: str,
    target: TargetMapping,
    policy: Policy,
    running: RunningCostData,
    specs: Specs | None = None,
    needs: Needs | None = None,
) -> Choice | Priced | str:
    if target.select is None or target.sizing == "none":
        return Priced(None, Decimal(1), Decimal(0))
    if target.select.service == "serverless" and resource.kind == Kind.FUNCTION:
        return _price_serverless(resource, provider, region, target, policy)
    compute = target.select.service == "compute"
    offered = offered_flavors(policy, provider.id, region) if compute else None
    windows = compute and licensed_windows(resource, policy)
    if (
        compute
        and runs_windows(resource)
        and not _products_at(_Same(provider), _Same(target.select), region, windows, None)
    ):
        return (
            "no target price for a Windows Server licence (policy windows: licensed; no server "
            "there is priced with one)"
        )
    products = _products_at(
        _Same(provider),
        _Same(target.select),
        region,
        windows,
        frozenset(offered) if offered is not None else None,
    )
    among = " among the flavours the policy's capacity lists" if offered is not None else ""
    if needs is None:
        needs = needs_of(resource, policy.headroom, specs, policy.burstable_baseline, False)
    if target.fidelity == "self_managed":
        needs = self_managed_needs(resource, needs, running)
    copies = 1
    nodes = 1
    quantity: Decimal | None
    product: Product | None
    if target.sizing in ("instance", "instance_plus_storage", "per_node"):
        needed = copies_needed(resource) if target.sizing != "per_node" else 1
        fixed = provider.id in running.fixed_node_plans
        data = float(data_gib(resource))

        def cheapest(among: tuple[Product, ...]) -> tuple[Product, int] | None:
            return cheapest_replicated(
                among, needs, region, needed, data, fixed, policy.monthly_commitment
            )

        found = None
        disk = node_disk_held(resource)
        if (
            disk
            and resource.kind == Kind.KUBERNETES_NODE_POOL
            and not _boot_volume(provider.id, target.terraform)
        ):
            # nodes written without a disk of their own: a flavour whose local disk holds it
            found = cheapest(holding(products, disk))
        boot = boot_gib(resource)
        if boot and not found:
            # a machine booting from its flavour's own disk needs one that holds its boot disk
            found = cheapest(_holding_boot(products, boot, provider.id, target))
        found = found or cheapest(products)
        if found is None:
            return (
                f"no {target.select.service} product on {provider.id}/{region} fits the sizing{among}"
                + _quoted(provider, target.select.service, region)
            )
        product, copies = found
        nodes = copies * (product.specs.nodes or 1)
        quantity = (
            Decimal(resource.attributes.node_count or 1)
            if target.sizing == "per_node"
            else Decimal(copies)
        )
    elif target.sizing == "per_gib":
        product = _cheapest_at(_Same(products), region)
        if product is None:
            return f"no {target.select.service} product on {provider.id}/{region}"
        quantity = None
    else:
        product = _cheapest_at(_Same(products), region)
        if product is None:
            return f"no {target.select.service} product on {provider.id}/{region}"
        quantity = Decimal(1)
    price = _price_at(_Same(product), region, policy.monthly_commitment)
    assert price is not None
    # A managed service is created with a volume of some size: with none reported, the policy's
    # assumed size is priced (and written), never a size left unpriced.
    assumed = (
        Decimal(str(policy.running_costs.assumed_data_gib))
        if resource.attributes.storage_gib is None and target.fidelity != "self_managed"
        else None
    )
    data = bool(
        target.sizing == "instance_plus_storage"
        and target.select.storage
        and (needs.storage_gib or assumed)
    )
    store: Product | None = None
    store_price: Price | None = None
    missing: str | None = None
    if data:
        assert target.select.storage is not None
        stores = _select_products(_Same(provider), _Same(target.select.storage), region)
        if not stores:
            missing = (
                f"no {target.select.storage.service} product on {provider.id}/{region} for the data"
            )
        else:
            store = _cheapest_at(_Same(stores), region)
            assert store is not None
            store_price = _price_at(_Same(store), region, False)
            assert store_price is not None
    return Choice(
        None,
        product,
        price,
        quantity,
        copies,
        nodes,
        data,
        assumed,
        store,
        store_price,
        missing,
        None,
        None,
    )


def stake_of(resource: Resource, policy: Policy) -> float:
    """What is at stake: today's monthly cost against the policy's reference, times criticality."""
    return _stake(resource, policy, current_monthly_eur(resource, policy))


def _stake(
    resource: Resource, policy: Policy, current: Decimal | None, memo: FactsMemo | None = None
) -> float:
    """``stake_of`` with today's cost in EUR known (``memo``: the criticality levels kept)."""
    rules = policy.risk_stake
    if current is None or rules.reference_monthly is None:
        factor = rules.unpriced
    else:
        factor = max(rules.minimum, float(current / rules.reference_monthly))
    level = resource.tags.get(rules.criticality_tag)
    if level is not None:
        by_level = memo.levels(policy) if memo is not None else _levels(policy)
        factor *= by_level.get(level.casefold(), 1.0)
    return round(factor, 6)


def _levels(policy: Policy) -> dict[str, float]:
    return {k.casefold(): v for k, v in policy.risk_stake.criticality.items()}


def _risk(
    jurisdiction: float,
    certification: float,
    fidelity: float,
    stake: float,
    concentration: float | None = None,
) -> Risk:
    total = round(jurisdiction + certification + fidelity, 6)
    if concentration is None:
        return Risk(
            jurisdiction=jurisdiction,
            certification=certification,
            fidelity=fidelity,
            total=total,
            stake=stake,
        )
    return Risk(
        jurisdiction=jurisdiction,
        certification=certification,
        fidelity=fidelity,
        concentration=concentration,
        total=round(total + concentration, 6),
        stake=stake,
    )


@dataclass
class _Context:
    """What every option of one resource shares: its stake, gates, allowed providers, one-off costs."""

    resource: Resource
    catalog: Catalog
    policy: Policy
    stake: float
    specs: Specs | None
    gates: list[SovereigntyGate]
    allowed: set[str]
    pinned_region: str | None
    needed_certs: set[str]
    current: Decimal | None
    egress: Decimal | None
    sync: Decimal | None
    transfer_months: Decimal
    strands: Decimal
    needs: Needs
    memo: FactsMemo | None = None
    price_key: tuple[object, ...] | None = None
    walk_key: tuple[object, ...] | None = None
    free_key: tuple[object, ...] | None = None
    parts: dict[str, Decimal] | None = None
    one_offs: dict[float, tuple[Decimal, Decimal]] = field(default_factory=dict)
    """engineering days -> (their cost, the whole migration cost): the other parts are the resource's"""
    start: dt.date = DEFAULT_START
    """the migration's start, against which a source SKU's retirement is read"""

    def disks(self, provider: str) -> ProductSelector | None:
        """What the provider writes a disk of its own as: its storage.block mapping's products."""
        mapping = self.catalog.kinds.get(Kind.BLOCK_VOLUME)
        target = mapping.targets.get(provider) if mapping else None
        return target.select if target else None

    def priced_key(self) -> tuple[object, ...]:
        """Everything pricing reads of the resource but its needs, which each provider's sizes
        bucket (``FactsMemo.sized``)."""
        if self.price_key is None:
            a = self.resource.attributes
            function = self.resource.kind == Kind.FUNCTION
            self.price_key = (
                self.resource.kind,
                self.needs.architecture,
                self.needs.gpu_count,
                licensed_windows(self.resource, self.policy),
                runs_windows(self.resource),
                copies_needed(self.resource),
                a.storage_gib,
                a.node_count,
                a.monthly_egress_gib,
                a.requests_month if function else None,
                a.memory_gib if function else None,
                boot_gib(self.resource),
            )
        return self.price_key

    def choice_key(self) -> tuple[object, ...]:
        """``priced_key`` without the storage and egress sizes, which ``choose`` leaves to each
        resource, but with whether there is a storage size and egress at all (and a node pool's
        size)."""
        if self.free_key is None:
            key = self.priced_key()
            storage = self.resource.attributes.storage_gib
            # a pool's nodes may take only flavours whose local disk holds the source's disk
            pool = storage if self.resource.kind == Kind.KUBERNETES_NODE_POOL else None
            self.free_key = (
                *key[:6],
                storage is None,
                not storage,
                pool,
                key[7],
                not key[8],
                *key[9:],
            )
        return self.free_key

    def data_key(self, memo: FactsMemo, provider: ProviderFile, target: TargetMapping) -> object:
        """What of the data size picks an instance: which storage ceilings it fits under (every
        ceiling test ``gib <= limit`` answers the same for the next ceiling up), or the size
        itself where the data's working set sizes a self-managed machine."""
        if target.sizing not in ("instance", "instance_plus_storage", "per_node"):
            return None
        storage = self.resource.attributes.storage_gib
        if target.fidelity == "self_managed":
            return storage
        return memo.ceiling(provider, float(data_gib(self.resource)))

    def sizes(self) -> tuple[float | None, float | None]:
        """The storage and egress sizes, which a shared site walk works out for each resource."""
        a = self.resource.attributes
        return a.storage_gib, a.monthly_egress_gib

    def _data_walk_key(self, memo: FactsMemo, providers: list[ProviderFile]) -> tuple[object, ...]:
        """What of the storage and egress sizes a site walk reads beyond the amounts: the storage
        ceilings and machine sizes the data picks at each provider (``data_key``, with or without
        the self-managed working set), whether there is egress, and its size where a site has no
        egress price (the reason names it)."""
        gib = float(data_gib(self.resource))
        managed = self_managed_needs(self.resource, self.needs, running_cost_data())
        egress = self.resource.attributes.monthly_egress_gib
        gaps = any(memo.egress_gap(p, self.policy) for p in providers)
        return (
            tuple((memo.ceiling(p, gib), *memo.sized(p, managed)) for p in providers),
            not egress,
            egress if gaps else None,
        )

    def sites_key(self) -> tuple[object, ...]:
        """Everything the site walk reads of the resource but its one-off costs: resources with
        equal keys have the same sites, products, prices, grades and reasons for the rest."""
        if self.walk_key is not None:
            return self.walk_key
        memo = self.memo
        assert memo is not None
        providers = self.catalog.providers
        chosen = sorted(self.allowed & set(providers))
        missing = self.egress is None or self.sync is None
        self.walk_key = (
            self.resource.kind,
            tuple(chosen),
            self.pinned_region,
            tuple(sorted(self.needed_certs)),
            tuple(id(g) for g in self.gates),
            tuple(memo.sized(providers[p], self.needs) for p in chosen),
            self.choice_key(),
            self._data_walk_key(memo, [providers[p] for p in chosen]),
            (self.resource.provider, self.resource.region) if missing else None,
            inspects(self.resource),
            tuple((d.gib, d.solid_state) for d in inline_data_disks(self.resource)),
        )
        return self.walk_key

    def one_off(self, days: float) -> tuple[dict[str, Decimal], Decimal]:
        """The one-off parts of a move costing ``days`` engineer days, and their sum."""
        known = self._one_off(days)
        return {"engineering": known[0], **self._parts()}, known[1]

    def migration(self, days: float) -> Decimal:
        """``one_off(days)[1]`` without the parts: a row reads only the sum."""
        known = self.one_offs.get(days)
        return (known or self._one_off(days))[1]

    def _parts(self) -> dict[str, Decimal]:
        assert self.egress is not None and self.sync is not None
        if self.parts is None:
            self.parts = {
                "switching_egress": quantize(self.egress),
                "parallel_egress": quantize(self.sync),
                "double_running": quantize(
                    (Decimal(0) if self.resource.planned else self.current or Decimal(0))
                    * (self.policy.parallel_run_months + self.transfer_months)
                ),
                "stranded_commitments": self.strands,
            }
        return self.parts

    def _one_off(self, days: float) -> tuple[Decimal, Decimal]:
        known = self.one_offs.get(days)
        if known is None:
            parts = self._parts()
            engineering = quantize(Decimal(str(days)) * self.policy.day_rate)
            total = quantize(sum(parts.values(), engineering))
            known = self.one_offs[days] = (engineering, total)
        return known


@dataclass
class FactsMemo:
    """What option facts repeat over one planning run's resources: each site's certifications and
    the points their gaps give, and prices, keyed by what pricing reads of a resource. Needs are
    raised to the next vCPU and memory figure the provider sells: every fit test against its
    products (``s.vcpu < needs.vcpu``) answers the same for both, so the price does too."""

    held: dict[tuple[str, str, str | None], tuple[set[str], float]] = field(default_factory=dict)
    priced: dict[tuple[object, ...], Choice | str] = field(default_factory=dict)
    """what ``choose`` gives, keyed by what it reads of a resource (``_Context.choice_key``)"""
    sites: dict[tuple[object, ...], list[SiteFacts | str]] = field(default_factory=dict)
    """``_Context.sites_key`` -> the first such resource's options (one-off costs are its own)"""
    sizes: dict[str, tuple[list[float], list[float]]] = field(default_factory=dict)
    ceilings: dict[str, list[float]] = field(default_factory=dict)
    gaps: dict[str, bool] = field(default_factory=dict)
    fallbacks: dict[tuple[str, Kind], TargetMapping | None] = field(default_factory=dict)
    """the self-managed fallback per provider and kind: one object, so the caches keyed by its
    selector (products at a site, their ranking, prices) answer every resource after the first"""
    graded: dict[tuple[str, str], TargetMapping | None] = field(default_factory=dict)
    """the mapping as an inspecting firewall gets it per provider and kind: one object, so prices
    keyed by its identity are never keyed by a freed copy's"""
    egress: EgressPrices | None = None
    """the sources' egress prices per provider and location, once the first resource asks"""
    specs: dict[tuple[object, ...], Specs] = field(default_factory=dict)
    """the specs of a size the source reports, by its vCPU and memory (``resolve_size``'s)"""
    stake_levels: tuple[Policy, dict[str, float]] | None = None
    running_days: tuple[Policy, int] | None = None
    limit: int = 200_000
    """at most this many prices and a tenth as many site walks are kept (the oldest quarter goes
    first): resources whose storage size is their own rarely repeat a key, and a million of them
    kept every price they were given"""

    def remember_price(self, key: tuple[object, ...], priced: Choice | str) -> Choice | str:
        _make_room(self.priced, self.limit)
        self.priced[key] = priced
        return priced

    def remember_sites(
        self, key: tuple[object, ...], found: list[SiteFacts | str]
    ) -> list[SiteFacts | str]:
        _make_room(self.sites, max(1, self.limit // 10))
        self.sites[key] = found
        return found

    def reported(self, vcpu: float | None, memory: float | None) -> Specs:
        """The specs ``resolve_size`` gives a resource reporting this vCPU and memory: one
        (frozen) object per size, not two models built per resource."""
        key = (type(vcpu), vcpu, type(memory), memory)
        found = self.specs.get(key)
        if found is None:
            if len(self.specs) >= self.limit:
                self.specs.clear()
            found = self.specs[key] = Specs(vcpu=vcpu, memory_gib=memory)
        return found

    def levels(self, policy: Policy) -> dict[str, float]:
        """The policy's criticality levels, casefolded (``_stake``), made once."""
        if self.stake_levels is None or self.stake_levels[0] is not policy:
            self.stake_levels = (policy, _levels(policy))
        return self.stake_levels[1]

    def parallel_days(self, policy: Policy) -> int:
        if self.running_days is None or self.running_days[0] is not policy:
            self.running_days = (policy, parallel_days(policy))
        return self.running_days[1]

    def egress_prices(self, catalog: Catalog) -> EgressPrices:
        if self.egress is None or self.egress.catalog is not catalog:
            self.egress = EgressPrices(catalog)
        return self.egress

    def fallback(self, catalog: Catalog, provider: str, kind: Kind) -> TargetMapping | None:
        key = (provider, kind)
        if key not in self.fallbacks:
            self.fallbacks[key] = fallback_for(catalog, provider, kind)
        return self.fallbacks[key]

    def graded_for(
        self, catalog: Catalog, resource: Resource, provider: str, target: TargetMapping | None
    ) -> TargetMapping | None:
        found = inspects(resource)
        if found is None:
            return target
        key = (provider, found)
        if key not in self.graded:
            self.graded[key] = graded_for(resource, target, vm_mapping(catalog, provider))
        return self.graded[key]

    def certifications(
        self, provider: ProviderFile, region: str, service: str | None
    ) -> tuple[set[str], float]:
        key = (provider.id, region, service)
        found = self.held.get(key)
        if found is None:
            held = certifications_in(provider, region, service)
            found = self.held[key] = (held, certification_gap_points(held))
        return found

    def egress_gap(self, provider: ProviderFile, policy: Policy) -> bool:
        """Whether some region of the provider has no egress price."""
        found = self.gaps.get(provider.id)
        if found is None:
            found = self.gaps[provider.id] = any(
                egress_price(provider, r.code, policy) is None for r in provider.regions
            )
        return found

    def ceiling(self, provider: ProviderFile, gib: float) -> float:
        """The smallest storage ceiling of the provider's products at least ``gib`` (infinity
        above them all)."""
        limits = self.ceilings.get(provider.id)
        if limits is None:
            limits = self.ceilings[provider.id] = sorted(
                {p.specs.storage_gib for p in provider.products if p.specs.storage_gib}
            )
        found = _next_at_least(limits, gib)
        return gib if found is None else found

    def sized(self, provider: ProviderFile, needs: Needs) -> tuple[float | None, float | None]:
        grid = self.sizes.get(provider.id)
        if grid is None:
            vcpus = {p.specs.vcpu for p in provider.products if p.specs.vcpu is not None}
            memory = {
                p.specs.memory_gib for p in provider.products if p.specs.memory_gib is not None
            }
            grid = self.sizes[provider.id] = (sorted(vcpus), sorted(memory))
        return _next_at_least(grid[0], needs.vcpu), _next_at_least(grid[1], needs.memory_gib)


def _make_room(table: dict[Key, Kept], limit: int) -> None:
    """Drop the oldest quarter of ``table`` once it holds ``limit`` entries."""
    if len(table) >= limit:
        for key in list(islice(table, max(1, limit // 4))):
            del table[key]


def _next_at_least(sizes: list[float], need: float | None) -> float | None:
    """The smallest size at least ``need``; infinity when none is (no size passes a test against
    either); ``need`` itself when it is 0 or None."""
    if not need:
        return need
    at = bisect_left(sizes, need)
    return sizes[at] if at < len(sizes) else math.inf


def _context(
    resource: Resource,
    catalog: Catalog,
    policy: Policy,
    commitments: list[tuple[Commitment, Decimal]] | None,
    start: dt.date | None,
    memo: FactsMemo | None = None,
) -> _Context:
    allowed, pinned_region = _allowed_providers(resource, policy)
    start = start or policy.switching.start_date or DEFAULT_START
    transfer_months = Decimal(0)
    copied = copied_gib(resource)
    if copied:
        hours = copied / (Decimal(str(policy.bandwidth_mbps)) * GIB_PER_MBPS_HOUR)
        transfer_months = hours / Decimal(730)
    running = memo.parallel_days(policy) if memo is not None else parallel_days(policy)
    stops = start + dt.timedelta(days=running + int(transfer_months * DAYS_PER_MONTH))
    a = resource.attributes
    if memo is not None and (a.vcpu is not None or a.memory_gib is not None):
        specs: Specs | None = memo.reported(a.vcpu, a.memory_gib)
    else:
        specs = resolve_size(resource, catalog, policy).specs
    prices = memo.egress_prices(catalog) if memo is not None else None
    current = current_monthly_eur(resource, policy)
    return _Context(
        resource=resource,
        catalog=catalog,
        policy=policy,
        stake=_stake(resource, policy, current, memo),
        specs=specs,
        gates=sovereignty_gates(resource, policy),
        allowed=allowed,
        pinned_region=pinned_region,
        needed_certs=required_certifications(resource, policy),
        current=current,
        egress=switching_estimate(resource, catalog, policy, start, prices),
        sync=sync_estimate(resource, catalog, policy, start, prices),
        transfer_months=transfer_months,
        strands=stranded_estimate(commitments or [], stops),
        needs=needs_of(
            resource, policy.headroom, specs, policy.burstable_baseline, explained=False
        ),
        memo=memo,
        start=start,
    )


@dataclass
class SiteFacts:
    """One priced option before it becomes an ``Option``: what the solver and the plan read of it."""

    provider: ProviderFile
    region: str
    target: TargetMapping
    priced: Priced
    held: set[str]
    grade: SovereigntyGrade | None
    one_off: dict[str, Decimal]
    migration: Decimal
    jurisdiction: float
    certification: float
    fidelity: float
    choice: Choice | None = None
    """what the price was worked out from, for a resource sharing the walk with other sizes"""
    sizes: tuple[float | None, float | None] | None = None
    """the storage and egress sizes ``priced`` is for"""


def priced_for(ctx: _Context, facts: SiteFacts) -> Priced:
    """The site's price for this resource: the walk's own, or worked out again from its choice
    for this resource's storage and egress sizes."""
    if facts.choice is None or facts.sizes == ctx.sizes():
        return facts.priced
    again = _price_target(
        ctx.resource,
        facts.provider,
        facts.region,
        facts.target,
        ctx.policy,
        choice=facts.choice,
        disks=ctx.disks(facts.provider.id),
        catalog=ctx.catalog,
    )
    assert isinstance(again, Priced), again
    return again


def _graded(ctx: _Context, provider: str, target: TargetMapping | None) -> TargetMapping | None:
    if ctx.memo is None:
        return graded_for(ctx.resource, target, vm_mapping(ctx.catalog, provider))
    return ctx.memo.graded_for(ctx.catalog, ctx.resource, provider, target)


def _sites(ctx: _Context) -> Iterator[tuple[ProviderFile, TargetMapping | None, str]]:
    """The target sites the policy lets the resource go to, in a fixed order; no mapping (None)
    where only the self-managed fallback can take it."""
    policy = ctx.policy
    mapping = ctx.catalog.kinds.get(ctx.resource.kind)
    targets = mapping.targets if mapping else {}
    for provider_id in sorted(ctx.allowed & set(ctx.catalog.providers)):
        provider = ctx.catalog.providers[provider_id]
        target = _graded(ctx, provider_id, targets.get(provider_id))
        if target is None and _fallback(ctx, provider_id) is None:
            continue
        for region in sorted(provider.regions, key=lambda r: r.code):
            where = f"{provider_id}/{region.code}"
            if ctx.pinned_region and region.code != ctx.pinned_region:
                continue
            if region.closed_to_new is not None:
                continue  # named once in the plan's warnings (closed_regions)
            if (
                policy.residency.allowed_countries
                and region.country not in policy.residency.allowed_countries
            ):
                continue
            if policy.residency.allowed_regions and where not in policy.residency.allowed_regions:
                continue
            yield provider, target, region.code


def _site_facts(
    ctx: _Context, provider: ProviderFile, target: TargetMapping, region: str
) -> SiteFacts | str:
    """The option at one site, or why the site cannot take the resource."""
    policy = ctx.policy
    where = f"{provider.id}/{region}"
    service = target.select.service if target.select else None
    memo = ctx.memo
    if memo is None:
        held = certifications_in(provider, region, service)
        gap = certification_gap_points(held)
    else:
        held, gap = memo.certifications(provider, region, service)
    missing = ctx.needed_certs - held
    if missing:
        return f"{where}: {_missing(provider, region, service, missing)}"
    choice: Choice | str | None = None
    if memo is not None:
        key = (
            provider.id,
            region,
            id(target),
            *memo.sized(provider, ctx.needs),
            ctx.data_key(memo, provider, target),
            *ctx.choice_key(),
        )
        choice = memo.priced.get(key)
        if choice is None:
            choice = memo.remember_price(
                key, choose(ctx.resource, provider, region, target, policy, ctx.specs, ctx.needs)
            )
    # without a memo the product is chosen inside, from the specs and needs
    priced = _price_target(
        ctx.resource,
        provider,
        region,
        target,
        policy,
        ctx.specs,
        ctx.needs,
        choice=choice,
        disks=ctx.disks(provider.id),
        catalog=ctx.catalog,
    )
    if isinstance(priced, str):
        return f"{where}: {priced}"
    lacking = priced.incomparable()
    if lacking is not None:
        return f"{where}: {lacking}, {NO_STAND_IN}"
    product = priced.product
    grade = grade_at(load_sovereignty(), provider.id, region, product.id if product else None)
    blocked = _gate_failure(ctx.gates, grade)
    if blocked is not None:
        return f"{where}: {blocked}"
    if ctx.egress is None or ctx.sync is None:
        return f"{where}: no egress price for {ctx.resource.provider}/{ctx.resource.region}"
    one_off, migration = ctx.one_off(effort_days(target, ctx.resource.kind, policy))
    return SiteFacts(
        provider=provider,
        region=region,
        target=target,
        priced=priced,
        held=held,
        grade=grade,
        one_off=one_off,
        migration=migration,
        jurisdiction=jurisdiction_points(provider, region),
        certification=gap,
        fidelity=fidelity_points(target.fidelity),
        choice=choice if isinstance(choice, Choice) else None,
        sizes=ctx.sizes(),
    )


def _moved(ctx: _Context, facts: SiteFacts) -> SiteFacts:
    """Another resource's option at the same site, with this resource's one-off costs."""
    one_off, migration = ctx.one_off(effort_days(facts.target, ctx.resource.kind, ctx.policy))
    return SiteFacts(
        facts.provider,
        facts.region,
        facts.target,
        priced_for(ctx, facts),
        facts.held,
        facts.grade,
        one_off,
        migration,
        facts.jurisdiction,
        facts.certification,
        facts.fidelity,
        facts.choice,
        ctx.sizes(),
    )


def _fallback(ctx: _Context, provider: str) -> TargetMapping | None:
    if ctx.memo is None:
        return fallback_for(ctx.catalog, provider, ctx.resource.kind)
    return ctx.memo.fallback(ctx.catalog, provider, ctx.resource.kind)


def _site_or_fallback(
    ctx: _Context, provider: ProviderFile, target: TargetMapping | None, region: str
) -> SiteFacts | str:
    """The option at one site through the kind's mapping, else through the self-managed
    fallback (``fallback.fallback_for``), or why neither can take the resource."""
    first = (
        _site_facts(ctx, provider, target, region)
        if target is not None
        else f"{provider.id}/{region}: no managed offer"
    )
    if isinstance(first, SiteFacts):
        return first
    fallback = _fallback(ctx, provider.id)
    if fallback is None:
        return first
    second = _site_facts(ctx, provider, fallback, region)
    if isinstance(second, SiteFacts):
        return second
    why = second.removeprefix(f"{provider.id}/{region}: ")
    return f"{first}; self-managed on VMs: {why}"


def _option(ctx: _Context, facts: SiteFacts, concentration: float | None = None) -> Option:
    priced, target = facts.priced, facts.target
    product = priced.product
    assert ctx.egress is not None
    return Option(
        provider=facts.provider.id,
        region=facts.region,
        product=product.id if product else None,
        product_name=product.name if product else None,
        quantity=float(priced.quantity),
        monthly_cost=quantize(priced.monthly),
        migration_cost=facts.migration,
        effort_days=effort_days(target, ctx.resource.kind, ctx.policy),
        risk=_risk(
            facts.jurisdiction, facts.certification, facts.fidelity, ctx.stake, concentration
        ),
        strategy=target.strategy,
        fidelity=target.fidelity,
        terraform=product.terraform if product and product.terraform else target.terraform,
        unverified_prices=sorted(set(priced.unverified)),
        second_hand_prices=sorted(priced.second_hand),
        second_hand_monthly=quantize(sum(priced.second_hand.values(), Decimal(0))),
        replicas=priced.replicas,
        costs=parts_to_the_cent({k: v for k, v in sorted(priced.costs.items()) if v}),
        unpriced_parts=sorted(set(priced.unpriced)),
        stand_ins={k: quantize(v) for k, v in sorted(priced.stand_in.items())} or None,
        storage_product=priced.store.id if priced.store else None,
        assumed_storage_gib=float(priced.assumed_gib) if priced.assumed_gib is not None else None,
        sovereignty=facts.grade,
        switching_egress=quantize(ctx.egress),
        one_off=facts.one_off,
    )


@dataclass
class RetainFacts:
    grade: SovereigntyGrade | None
    jurisdiction: float
    certification: float
    monthly: Decimal


def _retain_facts(ctx: _Context) -> RetainFacts | str | None:
    """Keeping the resource on its source: its facts, why a gate forbids it, or None when the
    policy does not allow it or the source lacks a required certification."""
    resource, catalog = ctx.resource, ctx.catalog
    if not ctx.policy.allow_retain or ctx.current is None:
        return None
    source = catalog.providers.get(resource.provider)
    j = jurisdiction_points(source) if source else 4.0
    held: set[str] = set()
    gap: float | None = None
    if source is not None and ctx.memo is not None:
        held, gap = ctx.memo.certifications(source, resource.region, None)
    elif source is not None:
        held = certifications_in(source, resource.region, None)
    missing = ctx.needed_certs - held
    grade = grade_at(load_sovereignty(), resource.provider, resource.region)
    blocked = _gate_failure(ctx.gates, grade)
    if blocked is not None:
        return f"retain on {resource.provider}/{resource.region}: {blocked}"
    retired = retired_before(resource, ctx.start)
    if retired is not None:
        return staying_blocked(retired, f"{resource.provider}/{resource.region}")
    if missing:
        return None
    if gap is None:
        gap = certification_gap_points(held)
    return RetainFacts(grade, j, gap, quantize(ctx.current))


def _retain_option(ctx: _Context, facts: RetainFacts, concentration: float | None = None) -> Option:
    return Option(
        provider=ctx.resource.provider,
        region=ctx.resource.region,
        product=None,
        monthly_cost=facts.monthly,
        migration_cost=Decimal(0),
        risk=_risk(facts.jurisdiction, facts.certification, 0.0, ctx.stake, concentration),
        strategy="retain",
        fidelity="native",
        retain=True,
        sovereignty=facts.grade,
    )


def kept_option(resource: Resource, catalog: Catalog, policy: Policy) -> Option:
    """Keeping a resource on its source beside the one it stays with: at its cost today, or at 0
    when none is known (the plan's warning on today's cost names it), whatever the policy says of
    keeping, since what it belongs to stays."""
    ctx = _context(resource, catalog, policy, None, None)
    source = catalog.providers.get(resource.provider)
    held = certifications_in(source, resource.region, None) if source else set()
    facts = RetainFacts(
        grade_at(load_sovereignty(), resource.provider, resource.region),
        jurisdiction_points(source) if source else 4.0,
        certification_gap_points(held),
        quantize(ctx.current if ctx.current is not None else Decimal(0)),
    )
    return _retain_option(ctx, facts)


def build_candidates(
    resource: Resource,
    catalog: Catalog,
    policy: Policy,
    commitments: list[tuple[Commitment, Decimal]] | None = None,
    start: dt.date | None = None,
) -> Candidates:
    """``commitments``: the resource's share of each commitment's monthly fee (EUR), which a
    move strands until the term ends; ``start``: the migration's day 0, which decides the
    switching rule (default: the policy's date)."""
    ctx = _context(resource, catalog, policy, commitments, start)
    facts = _facts(ctx)
    options = [_option(ctx, site) for site in facts.sites]
    if facts.kept is not None:
        options.append(_retain_option(ctx, facts.kept))
    return Candidates(resource, options, facts.excluded)


@dataclass
class Facts:
    """Every option of one resource as facts, not yet ``Option`` objects."""

    sites: list[SiteFacts]
    kept: RetainFacts | None
    excluded: list[str]
    stake: float


def option_facts(
    resource: Resource,
    catalog: Catalog,
    policy: Policy,
    commitments: list[tuple[Commitment, Decimal]] | None = None,
    start: dt.date | None = None,
    memo: FactsMemo | None = None,
) -> Facts:
    """The same options as ``build_candidates``, as facts: the solver needs a few numbers of each,
    the plan the whole ``Option`` of the chosen ones only (``OptionSource`` builds those).
    ``memo``: what one planning run's resources share, kept between calls."""
    return _facts(_context(resource, catalog, policy, commitments, start, memo))


@dataclass
class Walk:
    """One resource's options before they become rows: its own facts, or (``shared``) the site
    walk of the first resource with the same ``key``, whose one-off costs are that resource's,
    so the rows are made from it with this resource's (``ctx.one_off``)."""

    ctx: _Context
    facts: Facts | None
    shared: list[SiteFacts | str] | None = None
    key: tuple[object, ...] | None = None

    def kept(self) -> tuple[RetainFacts | None, list[str]]:
        """Keeping the resource where it is, and why the other sites are out (``Facts``'s)."""
        assert self.shared is not None
        excluded = [f for f in self.shared if isinstance(f, str)]
        kept = _retain_facts(self.ctx)
        if isinstance(kept, str):
            excluded.append(kept)
            kept = None
        return kept, excluded


def walk(
    resource: Resource,
    catalog: Catalog,
    policy: Policy,
    commitments: list[tuple[Commitment, Decimal]] | None,
    start: dt.date | None,
    memo: FactsMemo,
) -> Walk:
    """``option_facts``, but a resource whose site walk another resource made already is
    handed that walk instead of a copy of every site with its own one-off costs."""
    ctx = _context(resource, catalog, policy, commitments, start, memo)
    key = ctx.sites_key()
    shared = memo.sites.get(key)
    if shared is not None:
        return Walk(ctx, None, shared, key)
    return Walk(ctx, _facts(ctx), key=key)


def _facts(ctx: _Context) -> Facts:
    memo = ctx.memo
    if memo is None:
        found = [_site_or_fallback(ctx, p, t, r) for p, t, r in _sites(ctx)]
    else:
        key = ctx.sites_key()
        shared = memo.sites.get(key)
        if shared is None:
            found = memo.remember_sites(
                key, [_site_or_fallback(ctx, p, t, r) for p, t, r in _sites(ctx)]
            )
        else:
            found = [f if isinstance(f, str) else _moved(ctx, f) for f in shared]
    sites: list[SiteFacts] = []
    excluded: list[str] = []
    for facts in found:
        if isinstance(facts, str):
            excluded.append(facts)
        else:
            sites.append(facts)
    kept = _retain_facts(ctx)
    if isinstance(kept, str):
        excluded.append(kept)
        kept = None
    return Facts(sites, kept, excluded, ctx.stake)


def detail_of(facts: SiteFacts) -> tuple[object, ...]:
    """What an ``Option`` holds beyond the numbers the solver reads."""
    priced, target = facts.priced, facts.target
    return (
        priced.product.name if priced.product else None,
        tuple((k, quantize(v)) for k, v in sorted(priced.costs.items()) if v),
        priced.replicas,
        quantize(sum(priced.second_hand.values(), Decimal(0))),
        tuple(sorted(set(priced.unverified))),
        tuple(sorted(priced.second_hand)),
        tuple(sorted(set(priced.unpriced))),
        tuple(sorted((k, quantize(v)) for k, v in priced.stand_in.items())),
        priced.store.id if priced.store else None,
        priced.assumed_gib,
        tuple(facts.one_off.items()),
        target.strategy,
        target.fidelity,
        target.terraform,
        target.effort_days,
        facts.certification,
        facts.fidelity,
    )


@dataclass(eq=False, slots=True)
class OptionSource:
    """Builds the full ``Option`` at one site again, for the options a plan uses.

    ``memo``: shared by the sources of one planning run, so the prices and certifications their
    chosen options repeat are read once; empty until the first option is built."""

    resource: Resource
    catalog: Catalog
    policy: Policy
    commitments: list[tuple[Commitment, Decimal]] | None
    start: dt.date | None
    memo: FactsMemo | None = None
    reprice: Callable[[SiteFacts], SiteFacts] | None = None
    """What the target builds at a site instead of the resource's own product (a read replica
    runs its primary's node type), applied to every site's facts"""

    def facts(self, site: tuple[str, str]) -> SiteFacts | str:
        """The target option's facts at one site, or why the site cannot take the resource."""
        ctx = _context(
            self.resource, self.catalog, self.policy, self.commitments, self.start, self.memo
        )
        return self._site(ctx, site)

    def _site(self, ctx: _Context, site: tuple[str, str]) -> SiteFacts | str:
        mapping = self.catalog.kinds.get(self.resource.kind)
        chosen = _graded(ctx, site[0], mapping.targets.get(site[0]) if mapping else None)
        facts = _site_or_fallback(ctx, self.catalog.providers[site[0]], chosen, site[1])
        if isinstance(facts, SiteFacts) and self.reprice is not None:
            return self.reprice(facts)
        return facts

    def option(
        self, site: tuple[str, str], target: bool, concentration: float | None = None
    ) -> Option:
        """``concentration``: the option's concentration points once weighed, in its risk."""
        ctx = _context(
            self.resource, self.catalog, self.policy, self.commitments, self.start, self.memo
        )
        if not target:
            kept = _retain_facts(ctx)
            assert isinstance(kept, RetainFacts)
            return _retain_option(ctx, kept, concentration)
        facts = self._site(ctx, site)
        assert isinstance(facts, SiteFacts), facts
        return _option(ctx, facts, concentration)
