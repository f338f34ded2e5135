"""Figures the runbook and the report share: costs, payback, jurisdiction, concentration."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from cloudexit.catalog.loader import Catalog
from cloudexit.model.inventory import Resource
from cloudexit.model.money import quantize
from cloudexit.model.plan import Plan
from cloudexit.optimise.candidates import current_monthly_eur
from cloudexit.sovereignty.data import Resolved, load_sovereignty
from cloudexit.sovereignty.grade import jurisdiction

US_HYPERSCALERS = frozenset({"aws", "azure", "gcp"})


@dataclass(frozen=True)
class Share:
    resources: int
    resources_share: float
    spend: Decimal
    spend_share: float


@dataclass(frozen=True)
class Concentration:
    top_provider: str
    top_share: float
    hhi: int
    """Herfindahl-Hirschman index of spend by provider, 0-10,000."""


@dataclass(frozen=True)
class Summary:
    current_monthly: Decimal
    target_monthly: Decimal
    retained_monthly: Decimal
    one_off: Decimal
    monthly_saving: Decimal
    payback_months: Decimal | None
    non_eu_before: Share
    non_eu_after: Share
    concentration_before: Concentration
    concentration_after: Concentration
    spend_before: dict[str, Decimal]
    spend_after: dict[str, Decimal]
    spend_by_kind_before: dict[str, Decimal]
    spend_by_kind_after: dict[str, Decimal]
    spend_by_jurisdiction_after: dict[str, Decimal]


def is_non_eu(provider: str, catalog: Catalog, region: str | None = None) -> bool:
    """Whether the operator there is controlled from outside the EU (sovereignty/ facts, else the
    catalogue's company facts); unknown US clouds count as such. An EU-controlled operator with a
    foreign subsidiary stays EU-controlled: its exposure paths are named, not flipped into a label."""
    assessment = _assessment(provider, region)
    if assessment is not None:
        return assessment.operator.controlled_from == "non-EU"
    facts = catalog.providers.get(provider)
    if facts is None:
        return provider in US_HYPERSCALERS
    return not facts.company.eu_controlled


def _assessment(provider: str, region: str | None) -> Resolved | None:
    data = load_sovereignty()
    if region is not None:
        return data.for_site(provider, region)
    found = data.resolved.get(provider)
    return found.get(provider) if found else None


def jurisdiction_label(provider: str, catalog: Catalog, region: str | None = None) -> str:
    """Control and exposure paths in words, for the place (or the provider when region is None)."""
    assessment = _assessment(provider, region)
    if assessment is not None:
        return jurisdiction(assessment, region)
    facts = catalog.providers.get(provider)
    if facts is None:
        return "US" if provider in US_HYPERSCALERS else "unknown"
    control = "EU" if facts.company.eu_controlled else "non-EU"
    return f"{control}-controlled ({facts.company.country})"


def after_site(plan: Plan) -> dict[str, tuple[str, str, Decimal | None]]:
    """Where each resource runs once the plan is done, and its monthly EUR (None: unknown)."""
    placed = {p.resource_id: p for p in plan.placements}
    sites: dict[str, tuple[str, str, Decimal | None]] = {}
    for resource in plan.inventory.resources:
        placement = placed.get(resource.id)
        if placement is not None:
            sites[resource.id] = (
                placement.choice.provider,
                placement.choice.region,
                placement.choice.monthly_cost,
            )
        else:
            sites[resource.id] = (
                resource.provider,
                resource.region,
                current_monthly_eur(resource, plan.policy),
            )
    return sites


def _share(items: list[tuple[bool, Decimal]]) -> Share:
    count = sum(1 for flag, _ in items if flag)
    spend = sum((cost for flag, cost in items if flag), Decimal(0))
    total = sum((cost for _, cost in items), Decimal(0))
    return Share(
        resources=count,
        resources_share=count / len(items) if items else 0.0,
        spend=quantize(spend),
        spend_share=float(spend / total) if total else 0.0,
    )


def _concentration(spend: dict[str, Decimal]) -> Concentration:
    total = sum(spend.values(), Decimal(0))
    if not total:
        return Concentration(top_provider="-", top_share=0.0, hhi=0)
    shares = {p: float(v / total) for p, v in spend.items()}
    top = max(sorted(shares), key=lambda p: shares[p])
    return Concentration(
        top_provider=top,
        top_share=shares[top],
        hhi=round(sum((s * 100) ** 2 for s in shares.values())),
    )


def _by(items: list[tuple[str, Decimal]]) -> dict[str, Decimal]:
    grouped: dict[str, Decimal] = defaultdict(Decimal)
    for key, amount in items:
        grouped[key] += amount
    return {k: quantize(v) for k, v in sorted(grouped.items())}


def summarise(plan: Plan, catalog: Catalog) -> Summary:
    resources: list[Resource] = plan.inventory.resources
    before = [(r, current_monthly_eur(r, plan.policy) or Decimal(0)) for r in resources]
    sites = after_site(plan)
    after = [(r, sites[r.id][0], sites[r.id][2] or Decimal(0)) for r in resources]
    regions = {r.id: sites[r.id][1] for r in resources}
    t = plan.totals
    saving = t.current_monthly - t.target_monthly - t.retained_monthly
    payback = quantize(t.one_off_migration / saving, Decimal("0.1")) if saving > 0 else None
    spend_before = _by([(r.provider, cost) for r, cost in before])
    spend_after = _by([(provider, cost) for _, provider, cost in after])
    return Summary(
        current_monthly=t.current_monthly,
        target_monthly=t.target_monthly,
        retained_monthly=t.retained_monthly,
        one_off=t.one_off_migration,
        monthly_saving=quantize(saving),
        payback_months=payback,
        non_eu_before=_share(
            [(is_non_eu(r.provider, catalog, r.region), cost) for r, cost in before]
        ),
        non_eu_after=_share(
            [(is_non_eu(provider, catalog, regions[r.id]), cost) for r, provider, cost in after]
        ),
        concentration_before=_concentration(spend_before),
        concentration_after=_concentration(spend_after),
        spend_before=spend_before,
        spend_after=spend_after,
        spend_by_kind_before=_by([(r.kind.value, cost) for r, cost in before]),
        spend_by_kind_after=_by([(r.kind.value, cost) for r, _, cost in after]),
        spend_by_jurisdiction_after=_by(
            [(jurisdiction_label(p, catalog, regions[r.id]), cost) for r, p, cost in after]
        ),
    )
