"""What every cloud connector shares: a collector of resources and issues, today's list price,
and lazy imports of the optional SDKs."""

from __future__ import annotations

import datetime as dt
import importlib
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from types import ModuleType
from typing import Any, NamedTuple, Protocol, TypeVar

from cloudexit.catalog.classes import fill_sizes
from cloudexit.catalog.loader import Catalog
from cloudexit.errors import InputError, RuntimeFailure
from cloudexit.model.boot_disks import link_boot_disks
from cloudexit.model.data_disks import drop_held_disks
from cloudexit.model.inventory import (
    Attributes,
    CollectionIssue,
    Inventory,
    IssueCode,
    MonthlyCost,
    Resource,
    Source,
    SourceProvider,
)
from cloudexit.model.kinds import Kind
from cloudexit.model.members import fold_issues
from cloudexit.model.topology import Topology
from cloudexit.topology import Mapped


class _Declared(Protocol):
    @property
    def type(self) -> str: ...


_Spec = TypeVar("_Spec", bound=_Declared)


def index_types(*groups: Iterable[_Spec]) -> dict[str, _Spec]:
    """Declarations by native type; a type declared twice is a programming error."""
    table: dict[str, _Spec] = {}
    for group in groups:
        for spec in group:
            if spec.type in table:
                raise ValueError(f"type {spec.type} declared twice")
            table[spec.type] = spec
    return table


def require_extra(module: str, extra: str) -> ModuleType:
    """Import an optional SDK module, or fail with the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise InputError(
            f"the {extra} connector needs its SDK ({exc.name or module} is missing): "
            f'install "cloudexit[{extra}]"'
        ) from None


class ReadOnlyViolation(RuntimeFailure):
    """A request that could change something was about to be sent; it never leaves the process."""


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def compute_cost(catalog: Catalog, provider: str, resource: Resource) -> MonthlyCost | None:
    """Today's list price of the hours of running machines: an instance, or a group of them.

    Compute rates are Linux on-demand; a Windows machine is priced only from a product whose price
    includes the licence (``<size>/windows``). Anything else (stopped machines, disks, managed
    services) gets no figure rather than a wrong one.
    """
    a = resource.attributes
    if resource.kind not in COMPUTE_KINDS or not a.instance_type or a.state == "stopped":
        return None
    count = 1 if resource.kind == Kind.VM else a.node_count
    if not count:
        return None
    size = f"{a.instance_type}/windows" if a.os == "windows" else a.instance_type
    if a.os == "windows" and catalog.specs_for(provider, size) is None:
        return None
    price = catalog.list_price(provider, resource.region, size, Decimal(count))
    if price is None:
        return None
    note = f", x{count} machines" if count > 1 else ""
    return MonthlyCost(amount=price.monthly_eur, currency="EUR", source=price.source + note)


COMPUTE_KINDS = frozenset({Kind.VM, Kind.VM_GROUP, Kind.KUBERNETES_NODE_POOL})


class Billed(NamedTuple):
    """One part of what a resource is billed as: a catalogue product, how many of its units, and
    what the figure says beyond the product (", x2 for the standby", "; data processed not included").
    A pool's part with no product is one that is billed but cannot be priced; its note says why."""

    product: str
    quantity: Decimal
    note: str = ""


Billing = Callable[[Resource], Sequence[Billed]]


def listed_cost(
    catalog: Catalog, provider: str, region: str, parts: Sequence[Billed]
) -> MonthlyCost | None:
    """The list price of every part, summed; None when any part has no price in the region, so a
    figure never leaves out part of what it names."""
    if not parts:
        return None
    total = Decimal(0)
    sources = []
    for part in parts:
        price = catalog.list_price(provider, region, part.product, part.quantity)
        if price is None:
            return None
        total += price.monthly_eur
        sources.append(price.source + part.note)
    return MonthlyCost(amount=total, currency="EUR", source=" + ".join(sources))


def today_cost(
    catalog: Catalog, provider: str, resource: Resource, billing: Billing | None = None
) -> MonthlyCost | None:
    """Today's list price: a running machine's hours (compute_cost), else what ``billing`` says
    the resource is billed as. A Kubernetes pool's machines are billed with their node disks
    (what ``billing`` says of it), which a figure names as unpriced where they have no price."""
    cost = compute_cost(catalog, provider, resource)
    if billing is None:
        return cost
    if resource.kind == Kind.KUBERNETES_NODE_POOL:
        parts = billing(resource) if cost is not None else []
        if cost is None or not parts:
            return cost
        unknown = "".join(p.note for p in parts if not p.product)
        if unknown:
            return cost.model_copy(update={"source": cost.source + unknown})
        disks = listed_cost(catalog, provider, resource.region, parts)
        if disks is None:
            return cost.model_copy(
                update={"source": f"{cost.source}; node disks not priced (no list price here)"}
            )
        return MonthlyCost(
            amount=cost.amount + disks.amount,
            currency=cost.currency,
            source=f"{cost.source} + {disks.source}",
        )
    if cost is None:
        cost = listed_cost(catalog, provider, resource.region, billing(resource))
    return cost


@dataclass
class Collector:
    """Resources and issues of one scan; duplicate ids and unknown types become issues."""

    source: SourceProvider
    catalog: Catalog
    resources: dict[str, Resource] = field(default_factory=dict)
    issues: list[CollectionIssue] = field(default_factory=list)
    locations: set[str] = field(default_factory=set)
    _skipped: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    _unknown: Counter[tuple[str, str]] = field(default_factory=Counter)

    def issue(
        self, code: IssueCode, message: str, scope: str = "", resource_id: str | None = None
    ) -> None:
        self.issues.append(
            CollectionIssue(
                code=code, message=message, source=self.source, scope=scope, resource_id=resource_id
            )
        )

    def records(self, zone: Resource, mapped: Mapped, native_type: str) -> None:
        """A DNS zone's record sets as read: on the zone's topology, each one not translated an
        issue."""
        zone.topology = zone.topology.model_copy(
            update={"zone_name": mapped.topology.zone_name, "records": mapped.topology.records}
        )
        for problem in mapped.problems:
            self.issue(
                "unsupported_rule",
                f"{native_type} {problem}: not translated",
                zone.account,
                zone.id,
            )

    def classify(self, native_type: str, scope: str) -> Kind | None:
        """The kind of a native type; None (counted as skipped) when it is not an exit workload."""
        reason = self.catalog.skip_reason(native_type)
        if reason:
            self._skipped[(scope, native_type, reason)] += 1
            return None
        if native_type.lower() not in self.catalog.source_types:
            self._unknown[(scope, native_type)] += 1
            return Kind.OTHER
        return self.catalog.kind_for(native_type)

    def skip(self, native_type: str, scope: str, reason: str) -> None:
        self._skipped[(scope, native_type, reason)] += 1

    def add(
        self,
        *,
        id: str,
        account: str,
        region: str,
        type: str,
        kind: Kind,
        name: str,
        tags: dict[str, Any] | None = None,
        attributes: dict[str, Any] | None = None,
        depends_on: set[str] | list[str] | None = None,
        utilisation: Any = None,
        topology: Mapped | None = None,
    ) -> Resource | None:
        if id in self.resources:
            self.issue(
                "invalid_data",
                "the same resource id was returned twice; the first is kept",
                account,
                id,
            )
            return None
        fields = dict(attributes or {})
        fill_sizes(fields, self.catalog, self.source)
        try:
            resource = Resource(
                id=id,
                provider=self.source,
                account=account,
                region=region or "unknown",
                type=type,
                kind=kind,
                name=name or id.rsplit("/", 1)[-1],
                tags={str(k): "" if v is None else str(v) for k, v in (tags or {}).items()},
                attributes=Attributes(**fields),
                depends_on=sorted({d for d in (depends_on or ()) if d and d != id}),
                utilisation=utilisation,
                topology=topology.topology if topology else Topology(),
            )
        except ValueError as exc:
            self.issue("invalid_data", f"{type}: {exc}".splitlines()[0], account, id)
            return None
        self.resources[id] = resource
        for problem in topology.problems if topology else []:
            self.issue("unsupported_rule", f"{type} {problem}: not translated", account, id)
        return resource

    def price(self, billing: Billing | None = None) -> None:
        """List-price today's cost of the resources the catalogue can price (see today_cost)."""
        for resource in self.resources.values():
            if resource.monthly_cost is None:
                resource.monthly_cost = today_cost(self.catalog, self.source, resource, billing)

    def inventory(self, generated_at: str | None = None) -> Inventory:
        issues = list(self.issues)
        drop_held_disks(self.resources)
        link_boot_disks(self.resources)
        issues.extend(fold_issues(self.resources, self.source))
        for (scope, native_type, reason), count in sorted(self._skipped.items()):
            issues.append(
                CollectionIssue(
                    code="skipped",
                    message=f"{count} × {native_type} skipped: {reason}",
                    source=self.source,
                    scope=scope,
                )
            )
        for (scope, native_type), count in sorted(self._unknown.items()):
            issues.append(
                CollectionIssue(
                    code="unsupported_type",
                    message=f"{count} × {native_type} not in the mapping catalogue: kept as kind other",
                    source=self.source,
                    scope=scope,
                )
            )
        return Inventory(
            generated_at=generated_at or utc_now(),
            sources=[
                Source(
                    kind=self.source,
                    location=", ".join(sorted(self.locations)) or "(none)",
                    resources=len(self.resources),
                )
            ],
            resources=list(self.resources.values()),
            issues=issues,
        )


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    rank = min(max(1, math.ceil(share * len(ordered))), len(ordered))
    return ordered[rank - 1]
