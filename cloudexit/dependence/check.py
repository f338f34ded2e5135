"""`cloudexit check`: measure the estate's dependence, hold it against the policy's limits and a
baseline, and say what a Terraform change would add."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from cloudexit.catalog.loader import Catalog
from cloudexit.dependence.drills import Drill, run_drill
from cloudexit.dependence.estate import Estate, Site
from cloudexit.dependence.functions import ResolvedFunction, resolve
from cloudexit.dependence.jurisdiction import hosting_jurisdiction, provider_jurisdiction
from cloudexit.model.defaults import empty_list
from cloudexit.model.inventory import Resource
from cloudexit.model.limits import Limits, ShareLimit
from cloudexit.model.money import quantize
from cloudexit.model.suppliers import SupplierRegister
from cloudexit.risk.exposure import ControlPlanes, _matches

Status = Literal["pass", "fail", "info"]
_EPSILON = 1e-9


class _Strict(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid")


class Metric(_Strict):
    name: str = Field(description="Stable key, compared with a baseline")
    title: str
    value: float
    unit: Literal["share", "count", "hours", "EUR", "score"]
    higher_is_worse: bool = True
    limit: float | None = None
    status: Status = "info"


class Regression(_Strict):
    name: str
    title: str
    before: float
    after: float
    cause: str = Field(description="baseline file or terraform plan")


class Addition(_Strict):
    """A resource a Terraform change would create."""

    address: str
    type: str
    kind: str
    provider: str
    region: str
    jurisdiction: str
    monthly_cost: str | None = None
    control_planes: list[str] = Field(
        default_factory=empty_list, description="Global control planes it depends on"
    )
    exit_cost: str | None = Field(
        None, description="Estimated one-off cost of moving it later, EUR"
    )


class CheckReport(_Strict):
    subject: str
    stage: Literal["before", "after"]
    metrics: list[Metric]
    regressions: list[Regression] = Field(default_factory=empty_list)
    additions: list[Addition] = Field(default_factory=empty_list)
    notes: list[str] = Field(default_factory=empty_list)

    @property
    def failed(self) -> list[Metric]:
        return [m for m in self.metrics if m.status == "fail"]

    @property
    def passed(self) -> bool:
        return not self.failed and not self.regressions


def _status(value: float, limit: float | None, higher_is_worse: bool = True) -> Status:
    if limit is None:
        return "info"
    breached = value > limit + _EPSILON if higher_is_worse else value < limit - _EPSILON
    return "fail" if breached else "pass"


def _share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


class _Totals:
    def __init__(self) -> None:
        self.spend: dict[str, Decimal] = defaultdict(Decimal)
        self.count: dict[str, int] = defaultdict(int)

    def add(self, key: str, site: Site) -> None:
        self.spend[key] += site.monthly_eur or Decimal(0)
        self.count[key] += 1


def _share_metrics(
    prefix: str,
    label: str,
    totals: _Totals,
    spend: Decimal,
    count: int,
    limits: dict[str, ShareLimit],
) -> list[Metric]:
    metrics: list[Metric] = []
    for key in sorted(set(totals.count) | set(limits)):
        limit = limits.get(key, ShareLimit())
        spent = _share(float(totals.spend.get(key, Decimal(0))), float(spend))
        held = _share(totals.count.get(key, 0), count)
        for what, value, bound in (
            ("spend", spent, limit.max_spend_share),
            ("resource", held, limit.max_resource_share),
        ):
            metrics.append(
                Metric(
                    name=f"{prefix}_{what}_share[{key}]",
                    title=f"share of {'spend' if what == 'spend' else 'resources'} on {label} {key}",
                    value=value,
                    unit="share",
                    limit=bound,
                )
            )
    return metrics


def measure(
    estate: Estate,
    catalog: Catalog,
    limits: Limits,
    register: SupplierRegister | None = None,
    drills: list[Drill] | None = None,
    control_planes: ControlPlanes | None = None,
) -> list[Metric]:
    """Every dependence figure of the estate at its stage, each against its limit where one is set."""
    running = estate.running()
    spend = sum((estate.sites[r.id].monthly_eur or Decimal(0) for r in running), Decimal(0))
    non_eu = _Totals()
    providers = _Totals()
    regions = _Totals()
    unknown = 0
    for resource in running:
        site = estate.sites[resource.id]
        jurisdiction = provider_jurisdiction(site.provider, catalog)
        if jurisdiction == "non-EU":
            non_eu.add("all", site)
        unknown += jurisdiction == "unknown"
        providers.add(site.provider, site)
        regions.add(f"{site.provider}/{site.region}", site)
    metrics = [
        Metric(
            name="non_eu_spend_share",
            title="share of spend under non-EU jurisdiction",
            value=_share(float(non_eu.spend["all"]), float(spend)),
            unit="share",
            limit=limits.max_non_eu_spend_share,
        ),
        Metric(
            name="non_eu_resource_share",
            title="share of resources under non-EU jurisdiction",
            value=_share(non_eu.count["all"], len(running)),
            unit="share",
            limit=limits.max_non_eu_resource_share,
        ),
        Metric(
            name="unknown_jurisdiction_resources",
            title="resources whose operator's jurisdiction is unknown",
            value=unknown,
            unit="count",
        ),
        Metric(
            name="unpriced_resources",
            title="resources with no known monthly cost (left out of spend shares)",
            value=sum(estate.sites[r.id].monthly_eur is None for r in running),
            unit="count",
        ),
    ]
    metrics += _share_metrics(
        "provider", "provider", providers, spend, len(running), limits.providers
    )
    metrics += _share_metrics("region", "region", regions, spend, len(running), limits.regions)
    if register is not None:
        metrics += _function_metrics(estate, catalog, limits, resolve(register, estate.inventory))
    if control_planes is not None:
        chosen = list(drills or [])
        named = {d.id for d in chosen} | {d.scenario for d in chosen if d.scenario}
        chosen += [Drill(id=key, scenario=key) for key in sorted(limits.drills) if key not in named]
        drill_register = register or SupplierRegister()
        functions = resolve(drill_register, estate.inventory)
        for drill in chosen:
            metrics += _drill_metrics(
                drill, estate, drill_register, functions, control_planes, catalog, limits
            )
    if estate.plan is not None and estate.plan.sovereignty is not None:
        rollup = estate.plan.sovereignty.after
        metrics.append(
            Metric(
                name="sovereignty_score",
                title="sovereignty score of the estate (EU CSF, 0-100)",
                value=rollup.score,
                unit="score",
                higher_is_worse=False,
                limit=limits.min_sovereignty_score,
            )
        )
        metrics += [
            Metric(
                name=f"below_seal_share[{o.objective}]",
                title=f"{o.objective} {o.title}: share below the minimum SEAL level",
                value=o.below_minimum_share,
                unit="share",
                limit=limits.max_below_seal_share.get(o.objective),
            )
            for o in rollup.objectives
        ]
    if estate.plan is not None:
        metrics.append(
            Metric(
                name="exit_cost",
                title="one-off migration cost of the plan, EUR",
                value=float(estate.plan.totals.one_off_migration),
                unit="EUR",
                limit=limits.max_exit_cost,
            )
        )
    return [
        m.model_copy(update={"status": _status(m.value, m.limit, m.higher_is_worse)})
        for m in metrics
    ]


def _function_metrics(
    estate: Estate, catalog: Catalog, limits: Limits, functions: list[ResolvedFunction]
) -> list[Metric]:
    critical = [f for f in functions if f.critical]
    on_non_eu = [
        f
        for f in critical
        if any(
            r in estate.sites
            and provider_jurisdiction(estate.sites[r].provider, catalog) == "non-EU"
            for r in f.resources
        )
    ]
    supplier_non_eu = [
        f
        for f in critical
        if any(hosting_jurisdiction(h, catalog) == "non-EU" for s in f.suppliers for h in s.hosting)
    ]
    supplier_unknown = [
        f
        for f in critical
        if f not in supplier_non_eu
        and any(
            not s.hosting or any(hosting_jurisdiction(h, catalog) == "unknown" for h in s.hosting)
            for s in f.suppliers
        )
    ]
    return [
        Metric(
            name="critical_functions",
            title="critical business functions",
            value=len(critical),
            unit="count",
            higher_is_worse=False,
        ),
        Metric(
            name="non_eu_critical_function_share",
            title="share of critical functions running on resources under non-EU jurisdiction",
            value=_share(len(on_non_eu), len(critical)),
            unit="share",
            limit=limits.max_non_eu_critical_function_share,
        ),
        Metric(
            name="critical_functions_on_non_eu_suppliers",
            title="critical functions relying on a supplier hosted under non-EU jurisdiction",
            value=len(supplier_non_eu),
            unit="count",
            limit=limits.max_critical_functions_on_non_eu_suppliers,
        ),
        Metric(
            name="critical_functions_on_unknown_suppliers",
            title="critical functions relying on a supplier whose hosting is unknown",
            value=len(supplier_unknown),
            unit="count",
        ),
    ]


def _drill_metrics(
    drill: Drill,
    estate: Estate,
    register: SupplierRegister,
    functions: list[ResolvedFunction],
    data: ControlPlanes,
    catalog: Catalog,
    limits: Limits,
) -> list[Metric]:
    result = run_drill(drill, estate.inventory, register, functions, data, catalog, estate.plan)
    limit = limits.drills.get(drill.id) or limits.drills.get(drill.scenario or "")
    hit = result.critical_hit
    metrics = [
        Metric(
            name=f"drill[{drill.id}].critical_functions",
            title=f"{result.title}: critical functions stopped",
            value=len(hit),
            unit="count",
            limit=limit.max_critical_functions if limit else None,
        ),
        Metric(
            name=f"drill[{drill.id}].min_hours_to_impact",
            title=f"{result.title}: hours until the first critical function stops",
            value=min((f.stops_after_hours for f in hit), default=drill.duration_hours),
            unit="hours",
            higher_is_worse=False,
            limit=limit.min_hours_to_impact if limit else None,
        ),
    ]
    if result.exposure is not None:
        metrics.append(
            Metric(
                name=f"drill[{drill.id}].spend_share",
                title=f"{result.title}: share of spend hit",
                value=result.exposure.spend_share,
                unit="share",
                limit=limit.max_spend_share if limit else None,
            )
        )
    return metrics


def regressions(baseline: list[Metric], current: list[Metric], cause: str) -> list[Regression]:
    """Figures that got worse than the baseline's."""
    old = {m.name: m for m in baseline}
    found: list[Regression] = []
    for metric in current:
        previous = old.get(metric.name)
        if previous is None or metric.name == "critical_functions":
            continue
        worse = (
            metric.value > previous.value + _EPSILON
            if metric.higher_is_worse
            else metric.value < previous.value - _EPSILON
        )
        if worse:
            found.append(
                Regression(
                    name=metric.name,
                    title=metric.title,
                    before=previous.value,
                    after=metric.value,
                    cause=cause,
                )
            )
    return found


def additions(
    created: list[Resource],
    catalog: Catalog,
    data: ControlPlanes,
    estate: Estate,
) -> list[Addition]:
    """What each created resource brings: its jurisdiction, the global control planes it leans on,
    and, when a plan is at hand, what moving it later would cost (the plan's mean one-off for its kind)."""
    mean_exit: dict[str, Decimal] = {}
    if estate.plan is not None:
        per_kind: dict[str, list[Decimal]] = defaultdict(list)
        for placement in estate.plan.placements:
            if not placement.choice.retain:
                per_kind[placement.kind].append(placement.choice.migration_cost)
        mean_exit = {k: sum(v, Decimal(0)) / len(v) for k, v in per_kind.items() if v}
    found: list[Addition] = []
    for resource in created:
        jurisdiction = provider_jurisdiction(resource.provider, catalog)
        anchors = sorted(
            {
                f"{a.provider} {a.service} ({a.region})"
                for a in data.anchors
                if a.provider == resource.provider and _matches(a.match, resource)
            }
        )
        cost = resource.monthly_cost
        exit_cost = mean_exit.get(resource.kind.value) if jurisdiction != "EU" else None
        found.append(
            Addition(
                address=resource.name,
                type=resource.type,
                kind=resource.kind.value,
                provider=resource.provider,
                region=resource.region,
                jurisdiction=jurisdiction,
                monthly_cost=None if cost is None else f"{quantize(cost.amount)} {cost.currency}",
                control_planes=anchors,
                exit_cost=None if exit_cost is None else str(quantize(exit_cost)),
            )
        )
    return sorted(found, key=lambda a: a.address)
