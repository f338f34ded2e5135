"""Each chosen row's placement: why it goes there, its runner-up, sizes before and after, the
requirement, whether it is dearer than today, the engine version. From a size on, a forked child
makes the later placements while this process makes the earlier ones: the same placements."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from cloudexit.catalog import versions
from cloudexit.catalog.loader import Catalog
from cloudexit.errors import InputError
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.money import quantize
from cloudexit.model.plan import Alternative, Option, Placement
from cloudexit.model.policy import Policy
from cloudexit.optimise import explain
from cloudexit.optimise.checks import Probes
from cloudexit.optimise.no_site import no_site_reasons
from cloudexit.optimise.requirement import dearer_reason, requirement_of
from cloudexit.optimise.sizes import assumed_size, resolve_size, sized_by_instance
from cloudexit.optimise.units import Row, Unit, Units

MADE_HERE = 0.35
"""The share of the placements this process makes while a child makes the rest: taking a
placement the child made (unpickled, its option put back, its values shared) costs this process
about a fifth of making one, so both are done at about the same time."""


def size_after(
    option: Option, catalog: Catalog, known: dict[tuple[str, str, float], str | None] | None = None
) -> str | None:
    """``known``: the answers already given in this plan, by provider, product and quantity."""
    if option.retain or option.product is None:
        return None
    key = (option.provider, option.product, option.quantity)
    if known is not None:
        if key not in known:
            known[key] = size_after(option, catalog)
        return known[key]
    try:
        specs = catalog.product(option.provider, option.product).specs
    except (KeyError, InputError):
        return None
    if specs.vcpu is None and specs.memory_gib is None:
        return None
    parts = [f"{specs.vcpu:g} vCPU"] if specs.vcpu is not None else []
    if specs.memory_gib is not None:
        parts.append(f"{specs.memory_gib:g} GiB")
    each = ", ".join(parts)
    return each if option.quantity == 1 else f"{option.quantity:g} x {each}"


def attached(part: Resource) -> str:
    return "its members stay" if part.kind == Kind.LOAD_BALANCER else "attached to it"


def kept_reason(
    resource: Resource,
    unit: Unit,
    row: Row,
    units: Units,
    catalog: Catalog,
    policy: Policy,
    resources: dict[str, Resource],
) -> str | None:
    """Why a resource stays on its source when keeping it was its only option: what ruled out
    each target site, not "the lowest cost of 1 option"."""
    whole = units.beside.get(resource.id)
    if row.retain and whole is not None:
        return (
            f"kept with {resources[whole].name} ({attached(resource)}), which stays on the source"
        )
    if not row.retain or not unit.rows or not all(r.retain for r in unit.rows):
        return None
    excluded = units.stays.get(resource.id) or no_site_reasons(resource, catalog, policy)
    if not excluded:
        return (
            "kept on the source, no target can take it: no mapping takes "
            f"{resource.kind.value} to {', '.join(policy.targets)}"
        )
    return explain.kept_reason(excluded)


@dataclass(repr=False)
class Placing:
    """What making the placements reads, and what it keeps between them: the probes spent (the
    first ``explain.MAX_PROBES`` placements off their unit's best row get one, in the plan's
    order), the runner-up of each class's row, the sizes after each product."""

    inventory: Inventory
    catalog: Catalog
    policy: Policy
    units: Units
    unit_of: dict[str, Unit]
    assignment: dict[str, Row]
    resources: dict[str, Resource]
    standing: set[str]
    traffic_cost: dict[str, float]
    emptied: str | None
    ended: Callable[[str, str], bool]
    probes: int = 0
    kept: Probes | None = None
    sizes_after: dict[tuple[str, str, float], str | None] = field(default_factory=dict)
    # The members of a class placed on one row share its runner-up: the same figures, one object.
    runners: dict[tuple[int, int], Alternative | None] = field(default_factory=dict)

    def placement(self, rid: str, row: Row) -> Placement:
        unit, resource = self.unit_of[rid], self.resources[rid]
        catalog, policy, units = self.catalog, self.policy, self.units
        size = resolve_size(resource, catalog, policy)
        needed = (
            requirement_of(
                resource,
                size.specs,
                policy,
                self_managed=row.option.fidelity == "self_managed",
            )
            if size.state != "not_needed" and sized_by_instance(row.option, catalog, resource.kind)
            else None
        )
        binds: list[str] | None = None
        if self._probed(rid, row):
            self.probes += 1
            self.kept = self.kept or Probes(self.assignment, units, self.inventory, policy)
            binds = explain.binding(
                rid, unit, row, self.assignment, units, self.inventory, policy, self.standing,
                self.kept,
            )  # fmt: skip
        whole = units.beside.get(rid) if row.retain else None
        shared = (id(unit), id(row))
        if shared not in self.runners:
            self.runners[shared] = explain.runner_up(unit, row, policy)
        emptied = self.emptied
        return Placement(
            resource_id=rid,
            kind=resource.kind.value,
            choice=row.option,
            reason=f"kept at source: {emptied}"
            if emptied is not None and row.retain
            else kept_reason(resource, unit, row, units, catalog, policy, self.resources)
            or explain.reason(unit, row, policy, binds),
            kept_with=whole,
            runner_up=self.runners[shared],
            size_before=size.label() if size.state != "not_needed" else None,
            size_source=size.how
            if size.state in ("class", "usage", "assumed", "cost", "unknown")
            else None,
            size_basis=size.state if size.state != "not_needed" else None,
            size_after=size_after(row.option, catalog, self.sizes_after),
            size_assumed=assumed_size(resource)
            if size.state == "unknown"
            and not row.option.retain
            and sized_by_instance(row.option, catalog, resource.kind)
            else None,
            requirement=needed.label if needed else None,
            requirement_basis=needed.basis if needed else None,
            requirement_reason=needed.reason if needed else None,
            dearer_than_today=dearer_reason(resource, row.option, needed, catalog, policy),
            engine_version=versions.decide(catalog, resource, row.option, self.ended),
            inter_site_monthly=quantize(Decimal(str(self.traffic_cost.get(rid, 0.0)))),
        )

    def _probed(self, rid: str, row: Row) -> bool:
        return row.score > self.unit_of[rid].rows[0].score and self.probes < explain.MAX_PROBES

    def later(self, ordered: Sequence[tuple[str, Row]], cut: int) -> list[Placement]:
        """The placements of ``ordered[cut:]``, with the probes the earlier ones spend counted
        first, each without its option (``choice``): the one who takes them puts back the
        row's own option, which it already holds, rather than receive a copy."""
        self.probes = 0
        for rid, row in ordered[:cut]:
            if self._probed(rid, row):
                self.probes += 1
        made = [self.placement(rid, row) for rid, row in ordered[cut:]]
        for placement in made:
            placement.__dict__["choice"] = None
        return made
