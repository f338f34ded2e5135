"""Figures the runbook and the report share: costs, payback, jurisdiction, concentration."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.sizing import to_eur
from cloudexit.model.inventory import Resource
from cloudexit.model.money import quantize
from cloudexit.model.plan import Plan
from cloudexit.optimise.footing import UNSOLVED, unpriced_today
from cloudexit.optimise.switching import load_switching_rules
from cloudexit.optimise.today import current_monthly_eur
from cloudexit.sovereignty.data import Resolved, load_sovereignty
from cloudexit.sovereignty.grade import jurisdiction

US_HYPERSCALERS = frozenset({"aws", "azure", "gcp"})


@dataclass(frozen=True)
class Share:
    resources: int
    resources_share: float
    spend: Decimal
    spend_share: float
    unpriced: int = 0
    """Of ``resources``, those with no known cost: the spend share leaves them out."""


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
    unplaced_monthly: Decimal
    retired_monthly: Decimal
    after_monthly: Decimal | None
    """None when no plan was found: there is no estate after it."""
    one_off: Decimal
    monthly_saving: Decimal | None
    """None when no plan was found: what the policy retires is no saving without one."""
    payback_months: Decimal | None
    payback_note: str | None
    npv: Decimal | None
    non_eu_before: Share
    non_eu_after: Share
    concentration_before: Concentration
    concentration_after: Concentration
    spend_before: dict[str, Decimal]
    spend_after: dict[str, Decimal]
    spend_by_kind_before: dict[str, Decimal]
    spend_by_kind_after: dict[str, Decimal]
    spend_by_jurisdiction_after: dict[str, Decimal]
    waiting: Waiting | None = None
    one_off_parts: tuple[Part, ...] = ()
    unused_commitments: Decimal = Decimal(0)
    # Today less after on the resources with a known cost today only; None when no moved
    # resource lacks one (it is then monthly_saving).
    priced_saving: Decimal | None = None
    unpriced_moving: int = 0
    stood_in: int = 0
    """Placements with parts with no list price at their site, which the choice counted at a
    stand-in (``optimise.stand_in``): in no figure here"""
    stand_in_monthly: Decimal = Decimal(0)
    """What the choice counted for those parts, a month"""
    no_plan: bool = False
    """The solver found no plan (infeasible, or nothing within its limits): nothing moves."""


@dataclass(frozen=True)
class Part:
    label: str
    amount: Decimal


ONE_OFF_LABELS = {
    "engineering": "engineering (effort days x day rate)",
    "double_running": "double running",
    "switching_egress": "switching egress",
    "parallel_egress": "parallel-run egress",
    "stranded_commitments": "stranded commitments",
}


def one_off_parts(plan: Plan) -> tuple[Part, ...]:
    """The one-off cost's parts, largest first."""
    parts = plan.totals.one_off_parts
    return tuple(
        Part(ONE_OFF_LABELS.get(k, k.replace("_", " ")), v)
        for k, v in sorted(parts.items(), key=lambda kv: (-kv[1], kv[0]))
    )


def unused_commitments(plan: Plan) -> Decimal:
    bill = plan.inventory.bill
    if bill is None:
        return Decimal(0)
    total = sum((c.unused_monthly for c in bill.commitments), Decimal(0))
    return quantize(to_eur(total, bill.currency, plan.policy.exchange_rates) or Decimal(0))


@dataclass(frozen=True)
class Waiting:
    """What moving the data once switching charges are banned would save, and what the delay costs."""

    saves: Decimal
    until: str
    days: int
    forgone_saving: Decimal
    on_priced: bool = False
    """The forgone saving is on what has a cost today (moved resources without one left out)."""


def is_non_eu(provider: str, catalog: Catalog, region: str | None = None) -> bool:
    """Whether the operator there is controlled from outside the EU (providers/sovereignty/ facts, else the
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
    retired = {u.resource_id for u in plan.unplaced if u.code == "retired"}
    sites: dict[str, tuple[str, str, Decimal | None]] = {}
    for resource in plan.inventory.resources:
        placement = placed.get(resource.id)
        if placement is not None:
            sites[resource.id] = (
                placement.choice.provider,
                placement.choice.region,
                placement.choice.monthly_cost,
            )
        elif resource.id in retired:
            sites[resource.id] = (resource.provider, resource.region, Decimal(0))
        else:
            sites[resource.id] = (
                resource.provider,
                resource.region,
                current_monthly_eur(resource, plan.policy),
            )
    return sites


def _share(items: list[tuple[bool, Decimal | None]], free: frozenset[int] = frozenset()) -> Share:
    """``free``: positions of items with no known cost that are free by nature (the footing's
    rule for today), so no spend is left out for them."""
    count = sum(1 for flag, _ in items if flag)
    spend = sum((cost or Decimal(0) for flag, cost in items if flag), Decimal(0))
    total = sum((cost or Decimal(0) for _, cost in items), Decimal(0))
    return Share(
        resources=count,
        resources_share=count / len(items) if items else 0.0,
        spend=quantize(spend),
        spend_share=float(spend / total) if total else 0.0,
        unpriced=sum(
            1 for i, (flag, cost) in enumerate(items) if flag and cost is None and i not in free
        ),
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


def waiting(plan: Plan) -> Waiting | None:
    """Switching egress charged before the Data Act's ban, against the saving forgone by waiting.

    When moved resources have no cost today, the whole-estate saving counts their target cost
    against nothing and is no measure of what a delay forgoes: the saving on what has a cost
    today is (the same figure the summary shows beside it)."""
    charged = [line for line in plan.switching if line.waiting_saves > 0]
    if not charged:
        return None
    until = load_switching_rules().data_act.no_charges_from
    first = min(dt.date.fromisoformat(line.date) for line in charged)
    days = (until - first).days
    t = plan.totals
    monthly = t.monthly_saving or Decimal(0)
    on_priced = sum(t.current_monthly_unpriced_moving.values()) > 0
    if on_priced:
        monthly += t.unpriced_target_monthly
    forgone = max(Decimal(0), monthly) * Decimal(days) * 12 / Decimal(365)
    return Waiting(
        saves=quantize(sum((line.waiting_saves for line in charged), Decimal(0))),
        until=until.isoformat(),
        days=days,
        forgone_saving=quantize(forgone),
        on_priced=on_priced,
    )


def summarise(plan: Plan, catalog: Catalog) -> Summary:
    resources: list[Resource] = plan.inventory.resources
    today = {r.id: current_monthly_eur(r, plan.policy) for r in resources}
    before = [(r, today[r.id] or Decimal(0)) for r in resources]
    sites = after_site(plan)
    retired = {u.resource_id for u in plan.unplaced if u.code == "retired"}
    after = [(r, sites[r.id][0], sites[r.id][2] or Decimal(0)) for r in resources]
    regions = {r.id: sites[r.id][1] for r in resources}
    t = plan.totals
    no_plan = bool(t.no_plan) or plan.solver.status in UNSOLVED
    after_monthly = (
        t.after_monthly if t.after_monthly is not None else t.target_monthly + t.retained_monthly
    )
    saving = t.current_monthly - after_monthly
    unpriced_moving = sum(t.current_monthly_unpriced_moving.values())
    spend_before = _by([(r.provider, cost) for r, cost in before])
    not_free = {
        r.id for r in unpriced_today(plan.inventory, plan.placements, today, catalog.billed_types())
    }
    free_today = frozenset(
        i for i, r in enumerate(resources) if today[r.id] is None and r.id not in not_free
    )
    spend_after = _by([(provider, cost) for _, provider, cost in after])
    stood = [p.choice.stand_ins for p in plan.placements if p.choice.stand_ins]
    return Summary(
        current_monthly=t.current_monthly,
        target_monthly=t.target_monthly,
        retained_monthly=t.retained_monthly,
        unplaced_monthly=t.unplaced_monthly,
        retired_monthly=t.retired_monthly,
        after_monthly=None if no_plan else after_monthly,
        one_off=t.one_off_migration,
        monthly_saving=None if no_plan else quantize(saving),
        priced_saving=quantize(saving + t.unpriced_target_monthly)
        if unpriced_moving and not no_plan
        else None,
        no_plan=no_plan,
        unpriced_moving=unpriced_moving,
        stood_in=len(stood),
        stand_in_monthly=quantize(sum((sum(s.values(), Decimal(0)) for s in stood), Decimal(0))),
        payback_months=t.payback_months,
        payback_note=t.payback_note,
        npv=t.npv,
        non_eu_before=_share(
            [(is_non_eu(r.provider, catalog, r.region), today[r.id]) for r in resources],
            free_today,
        ),
        # A retired resource runs nowhere after the plan: under no one's control.
        non_eu_after=_share(
            [
                (is_non_eu(sites[r.id][0], catalog, regions[r.id]), sites[r.id][2])
                for r in resources
                if r.id not in retired
            ]
        ),
        concentration_before=_concentration(spend_before),
        concentration_after=_concentration(spend_after),
        spend_before=spend_before,
        spend_after=spend_after,
        spend_by_kind_before=_by([(r.kind.value, cost) for r, cost in before]),
        spend_by_kind_after=_by([(r.kind.value, cost) for r, _, cost in after]),
        waiting=waiting(plan),
        one_off_parts=one_off_parts(plan),
        unused_commitments=unused_commitments(plan),
        spend_by_jurisdiction_after=_by(
            [(jurisdiction_label(p, catalog, regions[r.id]), cost) for r, p, cost in after]
        ),
    )
