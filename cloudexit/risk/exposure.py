"""Outage exposure: what fails, or becomes unreachable, when a region, provider or service goes down.

Hidden dependencies are data (mappings/control-planes.yaml): global services whose control plane
is anchored in one region, and named historical outages.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from collections.abc import Collection, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from cloudexit.catalog.compiled import Compiler
from cloudexit.catalog.loader import Catalog
from cloudexit.datafiles import data_dir
from cloudexit.errors import InputError
from cloudexit.model.defaults import empty_list
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.money import quantize
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from cloudexit.optimise.today import current_monthly_eur


class _Data(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)


class Source(_Data):
    url: str
    retrieved: dt.date


class ServiceMatch(_Data):
    """A source service, recognised by native type prefixes or by kind."""

    types: list[str] = Field(
        default_factory=empty_list, description="Native type prefixes, case-insensitive"
    )
    kinds: list[str] = Field(default_factory=empty_list)


class Anchor(_Data):
    provider: str
    service: str
    region: str = Field(description="Where the global control plane runs")
    match: ServiceMatch
    effect: str
    source: Source


class ScenarioService(_Data):
    service: str
    match: ServiceMatch


class NamedScenario(_Data):
    id: str
    title: str
    provider: str
    region: str
    services: list[ScenarioService] = Field(description="Services that failed in that region")
    source: Source


class ControlPlanes(_Data):
    services: dict[str, dict[str, ServiceMatch]] = Field(
        description="provider -> service name -> how to recognise its resources"
    )
    anchors: list[Anchor]
    scenarios: list[NamedScenario]


def load_control_planes(path: Path | None = None) -> ControlPlanes:
    return Compiler().load(ControlPlanes, path or data_dir("mappings") / "control-planes.yaml")


def _matches(match: ServiceMatch, resource: Resource) -> bool:
    native = resource.type.lower()
    return (
        any(native.startswith(t.lower()) for t in match.types) or resource.kind.value in match.kinds
    )


class Scenario(_Data):
    """A parsed scenario: a provider, optionally one region, optionally some services."""

    name: str
    title: str
    provider: str
    region: str | None = None
    services: list[ScenarioService] = Field(default_factory=empty_list)
    source: Source | None = None


def known_sites(
    catalog: Catalog | None = None, inventory: Inventory | None = None, plan: Plan | None = None
) -> dict[str, set[str]]:
    """Provider -> region codes a scenario may name: the catalogue's, and where resources run."""
    sites: dict[str, set[str]] = defaultdict(set)
    if catalog is not None:
        for provider in catalog.providers:
            sites[provider].update(r.code for r in catalog.facts(provider).regions)
    for inv in (inventory, plan.inventory if plan else None):
        for r in inv.resources if inv else []:
            sites[r.provider].add(r.region)
    for placement in plan.placements if plan else []:
        sites[placement.choice.provider].add(placement.choice.region)
    return dict(sites)


def parse_scenario(
    text: str, data: ControlPlanes, sites: Mapping[str, Collection[str]] | None = None
) -> Scenario:
    """A named outage, or provider, provider/service or provider/region (``ionos/de/fra``).

    ``sites`` (from :func:`known_sites`) lets any catalogued provider, source or target, be named,
    and checks the region."""
    for named in data.scenarios:
        if named.id == text:
            return Scenario(
                name=named.id,
                title=named.title,
                provider=named.provider,
                region=named.region,
                services=named.services,
                source=named.source,
            )
    provider, _, rest = text.partition("/")
    sites = sites or {}
    if provider not in data.services and provider not in sites:
        known = ", ".join(sorted(set(data.services) | set(sites)))
        names = ", ".join(s.id for s in data.scenarios)
        raise InputError(
            f"scenario {text!r}: unknown provider {provider!r} (known: {known}; named: {names})"
        )
    if not rest:
        return Scenario(name=text, title=f"{provider} unavailable everywhere", provider=provider)
    services = data.services.get(provider, {})
    regions = sites.get(provider)
    if rest not in services and regions and rest not in regions:
        close = difflib.get_close_matches(rest, sorted(regions), n=3)
        hint = (
            f"; closest: {', '.join(close)}" if close else f"; known: {', '.join(sorted(regions))}"
        )
        what = (
            f"service or region (services: {', '.join(sorted(services))})" if services else "region"
        )
        raise InputError(f"scenario {text!r}: unknown {what} {rest!r} of {provider}{hint}")
    if rest in services:
        return Scenario(
            name=text,
            title=f"{provider} {rest} unavailable in every region",
            provider=provider,
            services=[ScenarioService(service=rest, match=services[rest])],
        )
    return Scenario(
        name=text, title=f"{provider} region {rest} unavailable", provider=provider, region=rest
    )


Impact = Literal["down", "unreachable", "control_plane"]


class Affected(_Data):
    resource_id: str
    name: str
    kind: str
    provider: str
    region: str
    impact: Impact
    via: str = Field(description="Why: the failed region or service, or the dependency chain")
    monthly_cost: str | None


SINGLE_POINT_SHARE = 0.25


class SinglePoint(_Data):
    """A provider or site whose loss would take a large share of the estate with it."""

    site: str = Field(description="provider, or provider/region")
    level: Literal["provider", "region"]
    resources_before: int
    resources_after: int
    spend_share_before: float
    spend_share_after: float
    new: bool = Field(description="At or above the threshold after the plan, below it today")


class Exposure(_Data):
    scenario: str
    title: str
    stage: Literal["before", "after"]
    resources: int
    affected: list[Affected]
    down: int
    unreachable: int
    control_plane: int
    spend_share: float = Field(
        description="Share of known monthly spend that is down or unreachable"
    )
    resource_share: float
    newly_hit: list[str] = Field(
        default_factory=empty_list,
        description="After the plan: resources down or unreachable that the same outage spares today",
    )
    newly_hit_spend_share: float = Field(0.0, description="Their share of known monthly spend")
    single_points: list[SinglePoint] = Field(
        default_factory=empty_list,
        description="After the plan: providers and sites holding a large share of the estate",
    )


def _site_fails(provider: str, region: str, resource: Resource, scenario: Scenario) -> str | None:
    """The reason the resource is down in the scenario, or None."""
    if provider != scenario.provider:
        return None
    if scenario.region is not None and region != scenario.region:
        return None
    if not scenario.services:
        return f"{provider}/{region} unavailable"
    for service in scenario.services:
        if _matches(service.match, resource):
            return f"{service.service} failing" + (
                f" in {scenario.region}" if scenario.region else ""
            )
    return None


def assess(
    inventory: Inventory,
    scenario: Scenario,
    data: ControlPlanes,
    sites: dict[str, tuple[str, str]] | None = None,
    costs: dict[str, Decimal | None] | None = None,
    stage: Literal["before", "after"] = "before",
    policy: Policy | None = None,
) -> Exposure:
    """Resources down in the scenario, those that depend on them (transitively), and global
    services whose control plane sits in the failed region."""
    policy = policy or Policy()
    resources = inventory.by_id()
    sites = sites or {r.id: (r.provider, r.region) for r in inventory.resources}
    costs = costs or {r.id: current_monthly_eur(r, policy) for r in inventory.resources}
    impact: dict[str, tuple[Impact, str]] = {}
    for rid, resource in resources.items():
        provider, region = sites[rid]
        reason = _site_fails(provider, region, resource, scenario)
        if reason is not None:
            impact[rid] = ("down", reason)
    if scenario.region is not None:
        for anchor in data.anchors:
            if anchor.provider != scenario.provider or anchor.region != scenario.region:
                continue
            for rid, resource in resources.items():
                provider, _ = sites[rid]
                if (
                    rid not in impact
                    and provider == anchor.provider
                    and _matches(anchor.match, resource)
                ):
                    impact[rid] = (
                        "control_plane",
                        f"{anchor.service} control plane in {anchor.region}: {anchor.effect}",
                    )
    dependants: dict[str, list[str]] = defaultdict(list)
    for rid, resource in resources.items():
        for dep in resource.depends_on:
            dependants[dep].append(rid)
    frontier = sorted(rid for rid, (level, _) in impact.items() if level == "down")
    while frontier:
        failed = frontier.pop(0)
        for user in sorted(dependants.get(failed, [])):
            if user in impact and impact[user][0] == "down":
                continue
            if user not in impact or impact[user][0] == "control_plane":
                impact[user] = ("unreachable", f"depends on {resources[failed].name}")
                frontier.append(user)
    affected = [
        Affected(
            resource_id=rid,
            name=resources[rid].name,
            kind=resources[rid].kind.value,
            provider=sites[rid][0],
            region=sites[rid][1],
            impact=level,
            via=via,
            monthly_cost=None if costs.get(rid) is None else str(quantize(costs[rid])),  # type: ignore[arg-type]
        )
        for rid, (level, via) in sorted(impact.items())
    ]
    total = sum((c for c in costs.values() if c is not None), Decimal(0))
    hit = sum(
        (costs[a.resource_id] or Decimal(0) for a in affected if a.impact != "control_plane"),
        Decimal(0),
    )
    counted = [a for a in affected if a.impact != "control_plane"]
    return Exposure(
        scenario=scenario.name,
        title=scenario.title,
        stage=stage,
        resources=len(resources),
        affected=affected,
        down=sum(a.impact == "down" for a in affected),
        unreachable=sum(a.impact == "unreachable" for a in affected),
        control_plane=sum(a.impact == "control_plane" for a in affected),
        spend_share=float(hit / total) if total else 0.0,
        resource_share=len(counted) / len(resources) if resources else 0.0,
    )


def plan_sites(plan: Plan) -> tuple[dict[str, tuple[str, str]], dict[str, Decimal | None]]:
    """Where each resource runs once the plan is carried out, and its monthly EUR."""
    placed = {p.resource_id: p for p in plan.placements}
    sites: dict[str, tuple[str, str]] = {}
    costs: dict[str, Decimal | None] = {}
    for resource in plan.inventory.resources:
        placement = placed.get(resource.id)
        if placement is not None:
            sites[resource.id] = (placement.choice.provider, placement.choice.region)
            costs[resource.id] = placement.choice.monthly_cost
        else:
            sites[resource.id] = (resource.provider, resource.region)
            costs[resource.id] = current_monthly_eur(resource, plan.policy)
    return sites, costs


def _shares(
    sites: dict[str, tuple[str, str]], costs: dict[str, Decimal | None], key: int
) -> tuple[dict[str, int], dict[str, float]]:
    counts: dict[str, int] = defaultdict(int)
    spend: dict[str, Decimal] = defaultdict(Decimal)
    for rid, (provider, region) in sites.items():
        name = provider if key == 1 else f"{provider}/{region}"
        counts[name] += 1
        spend[name] += costs.get(rid) or Decimal(0)
    total = sum(spend.values(), Decimal(0))
    return counts, {k: float(v / total) if total else 0.0 for k, v in spend.items()}


def single_points(plan: Plan, threshold: float = SINGLE_POINT_SHARE) -> list[SinglePoint]:
    """Providers and sites holding at least ``threshold`` of known spend after the plan."""
    before_sites: dict[str, tuple[str, str]] = {
        r.id: (r.provider, r.region) for r in plan.inventory.resources
    }
    before_costs = {r.id: current_monthly_eur(r, plan.policy) for r in plan.inventory.resources}
    after_sites, after_costs = plan_sites(plan)
    found: list[SinglePoint] = []
    levels: tuple[tuple[int, Literal["provider", "region"]], ...] = ((1, "provider"), (2, "region"))
    for key, level in levels:
        count_before, share_before = _shares(before_sites, before_costs, key)
        count_after, share_after = _shares(after_sites, after_costs, key)
        for name in sorted(share_after, key=lambda n: (-share_after[n], n)):
            if share_after[name] < threshold:
                continue
            found.append(
                SinglePoint(
                    site=name,
                    level=level,
                    resources_before=count_before.get(name, 0),
                    resources_after=count_after[name],
                    spend_share_before=round(share_before.get(name, 0.0), 4),
                    spend_share_after=round(share_after[name], 4),
                    new=share_before.get(name, 0.0) < threshold,
                )
            )
    return found


def assess_plan(plan: Plan, scenario: Scenario, data: ControlPlanes) -> Exposure:
    """The same scenario once the plan is carried out: moved resources live on their targets.
    What the outage hits after the plan and spares today is listed as newly hit."""
    sites, costs = plan_sites(plan)
    after = assess(plan.inventory, scenario, data, sites, costs, "after", plan.policy)
    before = assess(plan.inventory, scenario, data, policy=plan.policy)
    spared = {a.resource_id for a in before.affected if a.impact != "control_plane"}
    newly = [
        a.resource_id
        for a in after.affected
        if a.impact != "control_plane" and a.resource_id not in spared
    ]
    total = sum((c for c in costs.values() if c is not None), Decimal(0))
    newly_spend = sum((costs[rid] or Decimal(0) for rid in newly), Decimal(0))
    return after.model_copy(
        update={
            "newly_hit": newly,
            "newly_hit_spend_share": float(newly_spend / total) if total else 0.0,
            "single_points": single_points(plan),
        }
    )
