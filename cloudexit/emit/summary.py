"""Figures the runbook and the report share: costs, payback, jurisdiction, concentration."""

from __future__ import annotations

import datetime as dt
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


class _Tally:
    """A ``Share`` summed one resource at a time."""

    def __init__(self) -> None:
        self.items = self.count = self.unpriced = 0
        self.spend = self.total = Decimal(0)

    def add(self, flag: bool, cost: Decimal | None, free: bool = False) -> None:
        self.items += 1
        if flag:
            self.count += 1
            self.spend += cost or Decimal(0)
            if cost is None and not free:
                self.unpriced += 1
        self.total += cost or Decimal(0)

    def share(self) -> Share:
        return Share(
            resources=self.count,
            resources_share=self.count / self.items if self.items else 0.0,
            spend=quantize(self.spend),
            spend_share=float(self.spend / self.total) if self.total else 0.0,
            unpriced=self.unpriced,
        )


def _add(grouped: dict[str, Decimal], key: str, amount: Decimal) -> None:
    grouped[key] = grouped.get(key, Decimal(0)) + amount


def _quantized(grouped: dict[str, Decimal]) -> dict[str, Decimal]:
    """As ``_by`` gives it: keys sorted, amounts quantized."""
    return {k: quantize(v) for k, v in sorted(grouped.items())}


def summarise(plan: Plan, catalog: Catalog) -> Summary:
    """One pass over the resources, each figure summed as it goes (the same sums, in the same
    order, as lists of every resource's figures would give): at 1,000,000 resources those
    lists were hundreds of megabytes. Sites repeat, so each is judged once."""
    resources: list[Resource] = plan.inventory.resources
    policy = plan.policy
    today = {r.id: current_monthly_eur(r, policy) for r in resources}
    placed = {p.resource_id: p for p in plan.placements}
    retired = {u.resource_id for u in plan.unplaced if u.code == "retired"}
    not_free = {
        r.id for r in unpriced_today(plan.inventory, plan.placements, today, catalog.billed_types())
    }
    non_eu: dict[tuple[str, str], bool] = {}
    label: dict[tuple[str, str], str] = {}
    spend_before: dict[str, Decimal] = {}
    spend_after: dict[str, Decimal] = {}
    kind_before: dict[str, Decimal] = {}
    kind_after: dict[str, Decimal] = {}
    by_jurisdiction: dict[str, Decimal] = {}
    non_eu_before, non_eu_after = _Tally(), _Tally()
    for r in resources:
        cost_today = today[r.id]
        cost: Decimal | None
        placement = placed.get(r.id)
        if placement is not None:
            choice = placement.choice
            provider, region, cost = choice.provider, choice.region, choice.monthly_cost
        else:
            provider, region = r.provider, r.region
            cost = Decimal(0) if r.id in retired else cost_today
        before, after = cost_today or Decimal(0), cost or Decimal(0)
        _add(spend_before, r.provider, before)
        _add(kind_before, r.kind.value, before)
        _add(spend_after, provider, after)
        _add(kind_after, r.kind.value, after)
        here = (r.provider, r.region)
        if here not in non_eu:
            non_eu[here] = is_non_eu(r.provider, catalog, r.region)
        free = cost_today is None and r.id not in not_free
        non_eu_before.add(non_eu[here], cost_today, free)
        there = (provider, region)
        if there not in non_eu:
            non_eu[there] = is_non_eu(provider, catalog, region)
        # A retired resource runs nowhere after the plan: under no one's control.
        if r.id not in retired:
            non_eu_after.add(non_eu[there], cost)
        if there not in label:
            label[there] = jurisdiction_label(provider, catalog, region)
        _add(by_jurisdiction, label[there], after)
    t = plan.totals
    no_plan = bool(t.no_plan) or plan.solver.status in UNSOLVED
    after_monthly = (
        t.after_monthly if t.after_monthly is not None else t.target_monthly + t.retained_monthly
    )
    saving = t.current_monthly - after_monthly
    unpriced_moving = sum(t.current_monthly_unpriced_moving.values())
    spend_before, spend_after = _quantized(spend_before), _quantized(spend_after)
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
        non_eu_before=non_eu_before.share(),
        non_eu_after=non_eu_after.share(),
        concentration_before=_concentration(spend_before),
        concentration_after=_concentration(spend_after),
        spend_before=spend_before,
        spend_after=spend_after,
        spend_by_kind_before=_quantized(kind_before),
        spend_by_kind_after=_quantized(kind_after),
        waiting=waiting(plan),
        one_off_parts=one_off_parts(plan),
        unused_commitments=unused_commitments(plan),
        spend_by_jurisdiction_after=_quantized(by_jurisdiction),
    )
