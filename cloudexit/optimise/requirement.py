"""What a placed machine was sized for, and why a choice costs more a month than the resource does
today: the two lines plan.json and the runbook show beside each placement."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.schema import Specs
from cloudexit.catalog.sizing import Needs, needs_of
from cloudexit.errors import InputError
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Option
from cloudexit.model.policy import Policy
from cloudexit.optimise.node_disks import node_disk_held
from cloudexit.optimise.running import running_cost_data, self_managed_needs
from cloudexit.optimise.today import current_monthly_eur

_PARTS = {
    "operations": "running it yourself (operations hours)",
    "replicas": "extra nodes for high availability",
    "storage": "storage",
    "boot_volume": "the boot volume each server is written with",
    "data_disks": "the data disks each server is written with",
    "egress": "internet egress",
    "replication": "replication between a database and its copy in another region",
    "requests": "requests",
    "duration": "function duration",
}


@dataclass(frozen=True)
class Requirement:
    label: str
    basis: str
    reason: str | None
    needs: Needs


def _size(vcpu: float | None, memory: float | None) -> str:
    parts = [f"{vcpu:g} vCPU"] if vcpu else []
    if memory:
        parts.append(f"{memory:g} GiB")
    return ", ".join(parts)


def requirement_of(
    resource: Resource, specs: Specs | None, policy: Policy, self_managed: bool = False
) -> Requirement | None:
    """The vCPU and memory candidates were matched against; None when the resource has neither.
    A self-run service's floor (mappings/running-costs.yaml ``minimum_size``) raises it as the
    candidates were raised, and the reason says so: a search node of 1 vCPU planned on 4 would
    otherwise look sized up for nothing."""
    needs = needs_of(resource, policy.headroom, specs, policy.burstable_baseline)
    why = needs.why
    if self_managed:
        raised = self_managed_needs(resource, needs, running_cost_data())
        if (raised.vcpu, raised.memory_gib) != (needs.vcpu, needs.memory_gib):
            floor = (
                f"raised to the {_size(raised.vcpu, raised.memory_gib)} a self-run "
                f"{resource.kind.value} is planned on at least (mappings/running-costs.yaml "
                "minimum_size, a planning assumption the policy's running_costs can change)"
            )
            why = f"{why}; {floor}" if why else floor
            needs = raised
    label = _size(needs.vcpu, needs.memory_gib)
    if not label:
        return None
    if needs.basis == "baseline":
        label = label.replace(" vCPU", " vCPU sustained", 1)
    return Requirement(label=label, basis=needs.basis, reason=why, needs=needs)


def _product_specs(option: Option, catalog: Catalog) -> Specs | None:
    if option.product is None:
        return None
    try:
        return catalog.product(option.provider, option.product).specs
    except (KeyError, InputError):
        return None


_LEFT_OUT = "storage not included"
"""How today's figure says a database's storage was not priced (connectors' pricing wording)."""


def storage_today(resource: Resource) -> bool | None:
    """Whether today's figure holds the resource's storage: True where a database with a known
    size was priced with it, False where the figure says it was left out, None where the source
    has no storage of its own to pay."""
    cost = resource.monthly_cost
    if cost is not None and _LEFT_OUT in cost.source:
        return False
    if resource.kind.category == "database" and resource.attributes.storage_gib:
        return True
    return None


def dearer_reason(
    resource: Resource,
    option: Option,
    requirement: Requirement | None,
    catalog: Catalog,
    policy: Policy,
) -> str | None:
    """By how much and why the choice costs more a month than today; None when it does not, or
    when today's cost is unknown."""
    today = current_monthly_eur(resource, policy)
    if option.retain or today is None or today <= 0 or option.monthly_cost <= today:
        return None
    after = Decimal(option.monthly_cost)
    why: list[str] = []
    specs = _product_specs(option, catalog)
    needs = requirement.needs if requirement else None
    if specs is not None and needs is not None:
        more_cpu = bool(needs.vcpu and specs.vcpu and specs.vcpu > needs.vcpu)
        more_memory = bool(
            needs.memory_gib and specs.memory_gib and specs.memory_gib > needs.memory_gib
        )
        if more_cpu or more_memory:
            held = node_disk_held(resource) if resource.kind is Kind.KUBERNETES_NODE_POOL else None
            disk = (
                f" and whose local disk ({specs.local_storage_gib:g} GB) holds the source's "
                f"{held:g} GB node disk, as the target writes no disk for its nodes"
                if held and specs.local_storage_gib and specs.local_storage_gib >= held
                else ""
            )
            why.append(
                f"the cheapest {option.provider} product the mapping and policy allow that fits"
                f"{disk}, {option.product} "
                f"({_size(specs.vcpu, specs.memory_gib)}), is larger than needed "
                f"({requirement.label if requirement else '-'})"
            )
    # Parts beside the product itself: storage only counts as one where a machine was bought.
    extras = [
        (part, f"{_PARTS[part]} EUR {Decimal(amount):.2f}")
        for part, amount in sorted(option.costs.items())
        if part in _PARTS
        and Decimal(amount) > 0
        and (part != "storage" or "compute" in option.costs)
    ]
    paid = storage_today(resource)
    added = [said for part, said in extras if part != "storage" or paid is None]
    if added:
        why.append("the target adds " + ", ".join(added))
    for part, said in extras:
        if part == "storage" and paid is not None:
            why.append(
                f"the target's {said}, as today's figure holds its storage too"
                if paid
                else f"today's figure leaves out its storage; the target's {said}"
            )
    if not why:
        why.append(f"{option.provider}'s list price is higher than today's")
    return (
        f"EUR {after:.2f} a month against EUR {today:.2f} today "
        f"(+EUR {after - today:.2f}, {after / today:.1f}x): " + "; ".join(why)
    )
