"""What a placement costs to run beyond its list price: replicas for HA, operations of
self-managed services, their minimum sizes, recurring egress and serverless usage.

The figures no price list carries are planning assumptions in mappings/running-costs.yaml,
overridden per kind in the policy's ``running_costs``.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from cloudexit.catalog.schema import Evidence, Price, Product, ProviderFile, TargetMapping
from cloudexit.catalog.sizing import Needs, _Same, fits, price_in, to_eur
from cloudexit.datafiles import data_dir
from cloudexit.model.defaults import empty_list
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.io import read_yaml, validate
from cloudexit.model.kinds import Kind
from cloudexit.model.labels import named
from cloudexit.model.money import HOURS_PER_MONTH
from cloudexit.model.policy import Policy
from cloudexit.optimise.usage import rule_for

HOURS_PER_DAY = Decimal(8)

REPLICATED_CATEGORIES = frozenset({"database", "cache"})
"""Kinds whose high_availability flag and node count mean copies of the product on the target."""
HA_VM_KINDS = frozenset({Kind.VM, Kind.APP_SERVICE, Kind.CONTAINER_SERVICE})
"""Kinds run on the target's VMs whose high_availability flag means a second VM kept apart."""


class MinimumSize(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    vcpu: float = Field(0, ge=0)
    memory_gib: float = Field(0, ge=0)
    memory_per_data_gib: float = Field(0, ge=0)
    unsized_only: bool = Field(
        False,
        description="Stands in for a size the source does not report: a source that reports its "
        "vCPU or memory (a cache's class or memory) is sized from that alone",
    )


class Assumption(BaseModel):
    """What a group of planning figures rests on, when no published source gives them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    evidence: Evidence
    checked: dt.date = Field(description="When published sources were last searched for them")
    covers: str = Field(min_length=8)
    override: str = Field(description="The policy field that sets them instead")


class RunningCostData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    operations_hours_month: dict[str, float] = Field(default_factory=dict)
    evidence: dict[Literal["operations_hours_month", "effort_days"], Assumption] = Field(
        default_factory=dict
    )
    minimum_size: dict[Kind, MinimumSize] = Field(default_factory=dict)
    fixed_node_plans: list[str] = Field(
        default_factory=empty_list,
        description="Providers whose managed database plans fix the node count: no doubling a plan",
    )
    shared_deployment: list[Kind] = Field(
        default_factory=empty_list,
        description="Kinds whose self-managed service is one deployment per site, shared by "
        "every resource of those kinds placed there",
    )


@lru_cache(maxsize=4)
def _load(path: Path) -> RunningCostData:
    return validate(RunningCostData, read_yaml(path), path)


@lru_cache(maxsize=1)
def _bundled_path() -> Path:
    return (data_dir("mappings") / "running-costs.yaml").resolve()


def running_cost_data(path: Path | None = None) -> RunningCostData:
    # Called once per priced option: the bundled path is resolved once, not per call.
    return _load(path.resolve() if path else _bundled_path())


def operations_monthly(kind: Kind, policy: Policy, data: RunningCostData) -> Decimal:
    """EUR a month to operate one self-managed service of this kind, at the policy's day rate."""
    hours = policy.running_costs.operations_hours_month.get(kind)
    if hours is None:
        hours = data.operations_hours_month.get(
            kind.value, data.operations_hours_month.get("default", 0.0)
        )
    return Decimal(str(hours)) * policy.day_rate / HOURS_PER_DAY


def effort_days(target: TargetMapping, kind: Kind, policy: Policy) -> float:
    """Engineer days to move one resource of this kind to the target: the policy's figure for the
    kind, else the mapping's planning assumption."""
    return policy.running_costs.effort_days.get(kind, target.effort_days)


def self_managed_needs(resource: Resource, needs: Needs, data: RunningCostData) -> Needs:
    """Needs raised to the kind's minimum machine and to the memory its data's working set wants."""
    floor = data.minimum_size.get(resource.kind)
    if floor is None or (
        floor.unsized_only and (needs.vcpu is not None or needs.memory_gib is not None)
    ):
        return needs
    memory = max(
        floor.memory_gib, floor.memory_per_data_gib * float(resource.attributes.storage_gib or 0)
    )
    return replace(
        needs,
        vcpu=max(needs.vcpu or 0.0, floor.vcpu) or None,
        memory_gib=max(needs.memory_gib or 0.0, memory) or None,
    )


def copies_needed(resource: Resource) -> int:
    """Nodes the source runs: its node count, the copies a per-use service keeps
    (mappings/usage-sizing.yaml), and at least two when it is highly available (a plain VM
    too: its replica runs apart from it on the target)."""
    if resource.kind.category not in REPLICATED_CATEGORIES:
        return 2 if resource.attributes.high_availability and resource.kind in HA_VM_KINDS else 1
    nodes = resource.attributes.node_count or 1
    rule = rule_for(resource)
    if rule is not None:
        nodes = max(nodes, rule.nodes)
    return max(nodes, 2) if resource.attributes.high_availability else nodes


def copies_of(product: Product, needed: int, fixed: bool = False) -> int | None:
    """Units of a product that give ``needed`` nodes (an HA offer already holds several);
    None when the plan's node count is fixed and too small."""
    nodes = product.specs.nodes or 1
    if fixed and product.service in ("database", "cache"):
        return 1 if nodes >= needed else None
    return max(1, math.ceil(needed / nodes))


def holds_data(product: Product, gib: float) -> bool:
    """A managed offer with a storage ceiling must hold the data as provisioned."""
    limit = product.specs.storage_gib
    return product.service not in ("database", "cache") or not limit or gib <= limit


def cheapest_replicated(
    products: tuple[Product, ...],
    needs: Needs,
    region: str,
    needed: int,
    data_gib: float,
    fixed: bool = False,
    monthly: bool = False,
) -> tuple[Product, int] | None:
    """The product and count with the lowest hourly total that fit, hold the data and give the nodes.

    ``products`` is best one tuple kept for the site: its ranking is then made once."""
    for product, copies in _ranked(_Same(products), region, needed, fixed, monthly):
        if fits(product, needs) and holds_data(product, data_gib):
            return product, copies
    return None


@lru_cache(maxsize=4096)
def _ranked(
    products: _Same, region: str, needed: int, fixed: bool, monthly: bool
) -> tuple[tuple[Product, int], ...]:
    """The priced products with their counts, cheapest total first (then fewer copies, fewer vCPU,
    id): the first that fits a resource is its cheapest. Ranked once per product list and site,
    since every resource of an estate asks again with only its needs changed."""
    keyed: list[tuple[tuple[Decimal, int, float, str], Product, int]] = []
    offered: tuple[Product, ...] = products.obj  # type: ignore[assignment]
    for product in offered:
        price = price_in(product, region, monthly)
        if price is None:
            continue
        hourly = price.amount if price.unit == "hour" else price.amount / HOURS_PER_MONTH
        copies = copies_of(product, needed, fixed)
        if copies is None:
            continue
        keyed.append(
            ((hourly * copies, copies, product.specs.vcpu or 0, product.id), product, copies)
        )
    keyed.sort(key=lambda k: k[0])
    return tuple((product, copies) for _, product, copies in keyed)


def egress_price(
    provider: ProviderFile, region: str, policy: Policy
) -> tuple[Product, Price, Decimal] | None:
    """The internet egress product, its price and EUR per GiB from this site; None when the
    catalogue has no price."""
    products = sorted(
        (p for p in provider.products if p.service == "egress"),
        key=lambda p: (p.family not in ("internet", "instance"), p.id),
    )
    for product in products:
        price = price_in(product, region)
        if price is not None and price.unit == "gib":
            eur = to_eur(price.amount, price.currency, policy.exchange_rates)
            if eur is not None:
                return product, price, eur
    return None


def function_usage(resource: Resource, policy: Policy) -> tuple[Decimal, Decimal]:
    """(million requests, GiB-seconds) a month: the invocations the inventory reports, else the
    policy's stated assumption; sized by memory."""
    assumed = policy.running_costs
    measured = resource.attributes.requests_month
    requests = Decimal(str(measured if measured is not None else assumed.function_requests_month))
    memory = Decimal(str(resource.attributes.memory_gib or 0.125))
    seconds = requests * Decimal(str(assumed.function_seconds_per_request)) * memory
    return requests / Decimal(1_000_000), seconds


def function_usage_warning(resource: Resource, policy: Policy) -> str | None:
    """One line naming a function priced on assumed invocations, or None when they are measured."""
    if resource.kind != Kind.FUNCTION or resource.attributes.requests_month is not None:
        return None
    assumed = policy.running_costs
    return (
        f"usage of {named(resource)} assumed: {assumed.function_requests_month:,.0f} invocations a month "
        f"of {assumed.function_seconds_per_request:g} s (running_costs.function_requests_month, "
        "function_seconds_per_request)"
    )


def deployment_share(
    resource: Resource, target: TargetMapping, policy: Policy, data: RunningCostData
) -> int | None:
    """How many resources share the self-managed deployment this one is priced a share of, or
    None where the service is run per resource."""
    if target.fidelity != "self_managed" or resource.kind not in data.shared_deployment:
        return None
    return policy.running_costs.object_stores_per_deployment or 1


def with_deployment_share(inventory: Inventory, policy: Policy) -> Policy:
    """The policy with the object stores one deployment serves resolved: every object store of
    the estate unless the policy sets it (plan.json records the value used)."""
    if policy.running_costs.object_stores_per_deployment is not None:
        return policy
    kinds = set(running_cost_data().shared_deployment)
    found = sum(1 for r in inventory.resources if r.kind in kinds)
    running = policy.running_costs.model_copy(
        update={"object_stores_per_deployment": max(found, 1)}
    )
    return policy.model_copy(update={"running_costs": running})
