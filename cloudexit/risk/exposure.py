"""Outage exposure: what fails, or becomes unreachable, when a region, provider or service goes down.

Hidden dependencies are data (mappings/control-planes.yaml): global services whose control plane
is anchored in one region, and named historical outages.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from cloudexit.datafiles import data_dir
from cloudexit.errors import InputError
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.io import read_yaml, validate
from cloudexit.model.money import quantize
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from cloudexit.optimise.candidates import current_monthly_eur


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Data):
    url: str
    retrieved: dt.date


class ServiceMatch(_Data):
    """A source service, recognised by native type prefixes or by kind."""

    types: list[str] = Field(
        default_factory=list, description="Native type prefixes, case-insensitive"
    )
    kinds: list[str] = Field(default_factory=list)


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
    path = path or data_dir("mappings") / "control-planes.yaml"
    return validate(ControlPlanes, read_yaml(path), path)


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
    services: list[ScenarioService] = Field(default_factory=list)
    source: Source | None = None


def parse_scenario(text: str, data: ControlPlanes) -> Scenario:
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
    if provider not in data.services:
        known = ", ".join(sorted(data.services))
        names = ", ".join(s.id for s in data.scenarios)
        raise InputError(
            f"scenario {text!r}: unknown provider {provider!r} (known: {known}; named: {names})"
        )
    if not rest:
        return Scenario(name=text, title=f"{provider} unavailable everywhere", provider=provider)
    services = data.services[provider]
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


def assess_plan(plan: Plan, scenario: Scenario, data: ControlPlanes) -> Exposure:
    """The same scenario once the plan is carried out: moved resources live on their targets."""
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
    return assess(plan.inventory, scenario, data, sites, costs, "after", plan.policy)
