"""What size a resource has before it is placed: reported, read from its class, or unknown.

A size nobody reported is read from usage for services billed per use (mappings/usage-sizing.yaml,
the throughput in the inventory or a stated assumption), resolved through the catalogue
(``catalog.classes``); failing that it is derived from today's cost when the policy allows, or
marked unknown. Anything but a reported
or catalogue-resolved size ends in a warning that names the resource.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from cloudexit.catalog.classes import class_size
from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.schema import Specs
from cloudexit.catalog.sizing import monthly_price, price_in, to_eur
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.labels import named
from cloudexit.model.plan import Option
from cloudexit.model.policy import Policy
from cloudexit.optimise.usage import usage_size

SIZED_BY_INSTANCE = frozenset({"instance", "instance_plus_storage", "per_node"})

SizeState = Literal["reported", "class", "usage", "assumed", "cost", "unknown", "not_needed"]


@dataclass(frozen=True)
class SizeFinding:
    state: SizeState
    specs: Specs | None
    how: str
    verified: bool = True

    def label(self) -> str:
        """vCPU and memory as the report shows them."""
        if self.specs is None or (self.specs.vcpu is None and self.specs.memory_gib is None):
            return "size unknown" if self.state == "unknown" else "-"
        parts = []
        if self.specs.vcpu is not None:
            parts.append(f"{self.specs.vcpu:g} vCPU")
        if self.specs.memory_gib is not None:
            parts.append(f"{self.specs.memory_gib:g} GiB")
        return ", ".join(parts)

    def warning(self, resource: Resource, leave: bool) -> str | None:
        if self.state == "assumed":
            return f"size of {named(resource)} assumed: {self.how}"
        if self.state == "cost":
            return f"size of {named(resource)} derived from today's cost: {self.how}"
        if self.state == "unknown":
            what = "left unplaced (policy unknown_size: leave)" if leave else assumed_size(resource)
            what_it_is = f"{resource.type}{self._class(resource)}"
            if named(resource) != resource.id:
                what_it_is = f"{resource.id}; {what_it_is}"
            return f"size unknown for {resource.name or resource.id} ({what_it_is}): {what}"
        if self.state == "class" and not self.verified:
            return f"size of {named(resource)} from an unverified class fact: {self.how}"
        return None

    @staticmethod
    def _class(resource: Resource) -> str:
        name, nodes = resource.attributes.instance_type, resource.attributes.node_count
        units = resource.attributes.details.get("processing_units")
        if name:
            return f", class {name} not in the catalogue"
        if nodes or units:
            held = (
                f"{nodes} {'node' if nodes == 1 else 'nodes'}"
                if nodes
                else f"{units} processing units"
            )
            why = NO_NODE_RULE.get((resource.attributes.engine or "").casefold(), "")
            return (
                f", {held} reported but no rule turns {resource.type} nodes into vCPU and "
                f"memory{why}"
            )
        return ", no class or size reported"


def assumed_size(resource: Resource) -> str:
    """How a resource of unknown size is placed, said as the assumption it is."""
    if resource.kind is Kind.KUBERNETES_NODE_POOL:
        return (
            "its nodes priced and written on the smallest machine type the target's Kubernetes "
            "takes, an assumption (set the pool's machine type in the inventory)"
        )
    return (
        "placed on the smallest product that fits, an assumption (set its class or size in the "
        "inventory)"
    )


NO_NODE_RULE = {
    "spanner": " (Google states a node's capacity as read or write throughput only, never vCPU "
    "or memory: why no rule is sound in mappings/usage-sizing.yaml)",
}
"""Engines whose nodes have on purpose no sizing rule, and where the warning finds why."""


CLASS_SIZED = (
    "compute.vm",
    "compute.vm_group",
    "compute.app_service",
    "kubernetes.node_pool",
    "database.",
    "cache.",
    "analytics.",
    "messaging.stream",
)
"""Kinds whose size at the source is a class or a tier (instances, managed databases, clusters)."""


def needs_size(resource: Resource, catalog: Catalog) -> bool:
    """Whether the size matters: a kind sized by class at the source that some target sizes by vCPU and memory."""
    mapping = catalog.kinds.get(resource.kind)
    return (
        resource.kind.value.startswith(CLASS_SIZED)
        and mapping is not None
        and any(t.sizing in SIZED_BY_INSTANCE for t in mapping.targets.values())
    )


def sized_by_instance(option: Option, catalog: Catalog, kind: Kind) -> bool:
    """Whether the chosen option bought a product by vCPU and memory (so an unknown size matters)."""
    mapping = catalog.kinds.get(kind)
    target = mapping.targets.get(option.provider) if mapping and not option.retain else None
    return target is not None and target.sizing in SIZED_BY_INSTANCE


def _from_cost(resource: Resource, catalog: Catalog, policy: Policy) -> SizeFinding | None:
    """The largest general-purpose x86 source compute size whose list price is at or under today's cost.

    Managed services cost more than the machine under them, so this errs on the large side."""
    cost = resource.monthly_cost
    source = catalog.providers.get(resource.provider)
    if cost is None or source is None:
        return None
    today = to_eur(cost.amount, cost.currency, policy.exchange_rates)
    if today is None or today <= 0:
        return None
    best: tuple[Decimal, str, Specs] | None = None
    for product in source.products:
        if (
            product.service != "compute"
            or product.family != "general_purpose"
            or not product.specs.vcpu
            or product.specs.gpu_count
            or product.specs.architecture == "arm64"
            or product.specs.os == "windows"
        ):
            continue
        price = price_in(product, resource.region)
        monthly = monthly_price(price, Decimal(1), policy.exchange_rates) if price else None
        if monthly is None or monthly > today:
            continue
        key = (monthly, product.id, product.specs)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None:
        return None
    monthly, product_id, specs = best
    return SizeFinding(
        state="cost",
        specs=Specs(vcpu=specs.vcpu, memory_gib=specs.memory_gib),
        how=f"EUR {today:.2f} a month buys at most {resource.provider} {product_id} "
        f"({specs.vcpu:g} vCPU, {specs.memory_gib or 0:g} GiB, EUR {monthly:.2f}) in {resource.region}",
    )


def resolve_size(resource: Resource, catalog: Catalog, policy: Policy) -> SizeFinding:
    a = resource.attributes
    if a.vcpu is not None or a.memory_gib is not None:
        return SizeFinding(
            state="reported",
            specs=Specs(vcpu=a.vcpu, memory_gib=a.memory_gib),
            how="reported by the source",
        )
    usage = usage_size(resource)
    if usage is not None:
        return SizeFinding(state=usage.basis, specs=usage.specs, how=usage.how)
    if not needs_size(resource, catalog):
        return SizeFinding(state="not_needed", specs=None, how="not sized by vCPU or memory")
    found = class_size(catalog, resource.provider, a.instance_type, kind=resource.kind.value)
    if found is not None:
        return SizeFinding(state="class", specs=found.specs, how=found.how, verified=found.verified)
    if policy.size_from_cost:
        derived = _from_cost(resource, catalog, policy)
        if derived is not None:
            return derived
    return SizeFinding(state="unknown", specs=None, how="no size reported and none resolvable")
