"""Both sides running, dated by the waves: the source's bill while the target already runs
(double running) and the egress of keeping the target in sync (parallel-run egress).

A wave's resources run on the target from the wave's first day; their source keeps running
until the wave ends plus ``parallel_run_months``. Data written on the source meanwhile is
replicated to the target: ``switching.parallel_change_per_day`` of the data a day, from the end
of the copy until the source stops. The EU Data Act bans switching charges from 12 January 2027
but lets providers pass on the egress of in-parallel use at cost (Art. 34(2)), so waiting does
not remove this egress; the source's list price is taken as the upper bound of that cost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from cloudexit.catalog.loader import Catalog
from cloudexit.model.inventory import Resource
from cloudexit.model.money import quantize
from cloudexit.model.plan import ParallelLine, Plan
from cloudexit.model.policy import Policy
from cloudexit.optimise.switching import (
    DEFAULT_START,
    EgressPrices,
    SwitchingRules,
    basis,
    egress_cost,
    load_switching_rules,
    moved_gib,
)
from cloudexit.wording import counted, plural

if TYPE_CHECKING:
    from cloudexit.emit.waves import Wave

DAYS_PER_MONTH = Decimal("30.436875")  # 365.2425 / 12
ART_34 = "EU Data Act Art. 34(2): egress of in-parallel use may be charged at cost, after 2027-01-12 too; list price taken as the upper bound"


def parallel_days(policy: Policy) -> int:
    """Days the source keeps running after a wave's end."""
    return int((policy.parallel_run_months * DAYS_PER_MONTH).to_integral_value())


def _sync_rule(
    provider: str, on: dt.date, policy: Policy, rules: SwitchingRules
) -> tuple[bool, str]:
    if policy.switching.parallel_change_per_day == 0:
        return False, "no parallel-run egress assumed (switching.parallel_change_per_day is 0)"
    found = basis(provider, on, policy, rules)
    if not found.charged and provider in policy.switching.exit_programmes:
        return False, found.text
    return True, ART_34


def sync_gib(
    resource: Resource, days: Decimal, policy: Policy, held: Container[str] | None = None
) -> Decimal:
    rate = Decimal(str(policy.switching.parallel_change_per_day))
    return moved_gib(resource, policy, held) * rate * max(Decimal(0), days)


def sync_estimate(
    resource: Resource,
    catalog: Catalog,
    policy: Policy,
    on: dt.date | None = None,
    prices: EgressPrices | None = None,
) -> Decimal | None:
    """Parallel-run egress of the resource over ``parallel_run_months``, before the waves are
    known. ``prices``: the run's look-ups kept.

    Only the priced part: 0 when the source has no egress price (or no exchange rate for it)."""
    if resource.planned:
        return Decimal(0)
    gib = sync_gib(resource, policy.parallel_run_months * DAYS_PER_MONTH, policy)
    if gib == 0:
        return Decimal(0)
    gross = egress_cost(resource, gib, catalog, policy, prices)
    if gross is None:
        return Decimal(0)  # only the priced part: date_switching records the source as unpriced
    on = on or policy.switching.start_date or DEFAULT_START
    if prices is not None and policy.switching.parallel_change_per_day != 0:
        # ``_sync_rule``'s answer, its basis kept for the run
        charged = (
            prices.charged(resource.provider, on, policy)
            or resource.provider not in policy.switching.exit_programmes
        )
    else:
        charged, _ = _sync_rule(resource.provider, on, policy, load_switching_rules())
    return gross if charged else Decimal(0)


@dataclass(frozen=True)
class Running:
    """One moved resource's days on both sides."""

    starts: dt.date
    source_stops: dt.date
    double_running: Decimal
    sync_gib: Decimal
    parallel_egress: Decimal


@dataclass
class _Line:
    wave_name: str
    date: dt.date
    stops: dt.date
    basis: str
    resources: int = 0
    source_monthly: Decimal = Decimal(0)
    double_running: Decimal = Decimal(0)
    sync_gib: Decimal = Decimal(0)
    parallel_egress: Decimal = Decimal(0)


def date_parallel(
    plan: Plan,
    catalog: Catalog,
    waves: Sequence[Wave],
    start: dt.date,
    resources: Mapping[str, Resource] | None = None,
) -> dict[str, Running]:
    """Each moved resource's double running and parallel-run egress on its wave's dates; the
    plan's ``parallel`` lines per wave and source account."""
    from cloudexit.optimise.today import current_monthly_eur

    policy = plan.policy
    rules = load_switching_rules()
    prices = EgressPrices(catalog)
    extra = parallel_days(policy)
    held = plan.inventory.by_id() if resources is None else resources
    found: dict[str, Running] = {}
    lines: dict[tuple[int, str, str], _Line] = {}
    not_yet = 0
    for wave in waves:
        starts = start + dt.timedelta(days=wave.start_day)
        stops = starts + dt.timedelta(days=wave.duration_days + extra)
        for step in wave.steps:
            r = step.resource
            # A resource only a Terraform plan holds does not run on the source yet: nothing
            # runs twice and nothing is kept in sync.
            current = Decimal(0) if r.planned else current_monthly_eur(r, policy) or Decimal(0)
            both = Decimal((stops - starts).days)
            double = current * both / DAYS_PER_MONTH
            copy_days = Decimal(str(step.transfer_hours)) / 24
            gib = Decimal(0) if r.planned else sync_gib(r, both - copy_days, policy, held)
            not_yet += r.planned
            charged, text = _sync_rule(r.provider, starts, policy, rules)
            egress = Decimal(0)
            if gib and charged:
                egress = egress_cost(r, gib, catalog, policy, prices) or Decimal(0)
            found[r.id] = Running(starts, stops, quantize(double), gib, quantize(egress))
            line = lines.setdefault(
                (wave.number, r.provider, r.account), _Line(wave.name, starts, stops, text)
            )
            line.resources += not r.planned
            line.source_monthly += current
            line.double_running += found[r.id].double_running
            line.sync_gib += gib
            line.parallel_egress += found[r.id].parallel_egress
    plan.parallel = [
        ParallelLine(
            wave=number,
            wave_name=v.wave_name,
            date=v.date.isoformat(),
            source_stops=v.stops.isoformat(),
            provider=provider,
            account=account,
            resources=v.resources,
            source_monthly=quantize(v.source_monthly),
            double_running=quantize(v.double_running),
            sync_gib=round(float(v.sync_gib), 1),
            parallel_egress=quantize(v.parallel_egress),
            basis=v.basis,
        )
        for (number, provider, account), v in sorted(lines.items())
        if v.double_running or v.parallel_egress
    ]
    if not_yet:
        plan.warnings = sorted({*plan.warnings, not_yet_running(not_yet)})
    return found


def not_yet_running(count: int) -> str:
    return (
        f"{counted(count, 'moved resource')} {plural(count, 'exists', 'exist')} only in a Terraform plan, not yet on the "
        "source: no switching egress (no data to move yet), no double running or parallel-run "
        "egress is charged for them (nothing runs twice); create them on the target directly"
    )
