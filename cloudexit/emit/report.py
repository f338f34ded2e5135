"""report.html: one self-contained page for the people who approve the exit."""

from __future__ import annotations

import heapq
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from cloudexit.catalog.loader import Catalog
from cloudexit.emit import svg
from cloudexit.emit.jinja import money
from cloudexit.emit.sovereignty import objective_charts, sovereignty_context
from cloudexit.emit.summary import Summary, after_site, summarise
from cloudexit.emit.waves import Wave, load_methods, plan_waves
from cloudexit.model.coverage import skipped_groups, unread
from cloudexit.model.inventory import Resource
from cloudexit.model.io import write_text_atomic
from cloudexit.model.money import quantize
from cloudexit.model.plan import Placement, Plan
from cloudexit.optimise.concentration import hhi
from cloudexit.optimise.today import current_monthly_eur


def frontier_points(plan: Plan) -> list[tuple[float, float]]:
    """(jurisdiction risk points, horizon cost plus weighted risk in EUR) of each frontier point:
    the quantity the frontier bounds against the objective the solver minimises."""
    return sorted((point.risk, float(point.objective)) for point in plan.frontier)


@dataclass(frozen=True)
class PlacementRow:
    name: str
    source: str
    size_before: str
    size_after: str
    target: str
    monthly_before: str
    monthly_after: Decimal
    reason: str


def placement_rows(
    plan: Plan, resources: Mapping[str, Resource] | None = None
) -> Iterator[PlacementRow]:
    """What an architect checks first: where each resource goes, at what size and cost, and why
    (``resources``: the plan's inventory by id, when the caller has it), one placement at a
    time in the order of their ids."""
    resources = plan.inventory.by_id() if resources is None else resources
    for p in sorted(plan.placements, key=_resource_id):
        yield _placement_row(p, resources[p.resource_id], plan)


def _resource_id(p: Placement) -> str:
    return p.resource_id


def _placement_row(p: Placement, r: Resource, plan: Plan) -> PlacementRow:
    today = current_monthly_eur(r, plan.policy)
    c = p.choice
    target = (
        "kept on the source"
        if c.retain
        else f"{c.provider}/{c.region} {c.product_name or c.product or '-'}"
    )
    return PlacementRow(
        name=r.name,
        source=f"{r.provider}/{r.region}",
        size_before=p.size_before or "-",
        size_after=(
            f"{p.size_after} (assumed: no size reported)"
            if p.size_after and p.size_assumed
            else p.size_after or "-"
        ),
        target=target,
        monthly_before="unknown" if today is None else money(quantize(today)),
        monthly_after=c.monthly_cost + p.inter_site_monthly,
        reason=p.reason,
    )


TOP_ROWS = 200
"""Placements the report's table shows before a search: the largest by monthly cost after."""


def top_rows(
    plan: Plan, resources: Mapping[str, Resource] | None = None, limit: int = TOP_ROWS
) -> list[PlacementRow]:
    """The ``limit`` placements costing most after the plan (ties by name, then source), so a
    page for 100,000 resources holds a table a browser draws at once; search reaches the rest.
    Only those rows are made: the rest are ranked by their cost, name and source alone."""
    resources = plan.inventory.by_id() if resources is None else resources

    def rank(p: Placement) -> tuple[Decimal, str, str]:
        r = resources[p.resource_id]
        return -(p.choice.monthly_cost + p.inter_site_monthly), r.name, f"{r.provider}/{r.region}"

    # as sorted(...)[:limit] on the rows in id order: nsmallest keeps the order of equal keys
    chosen = heapq.nsmallest(limit, sorted(plan.placements, key=_resource_id), key=rank)
    return [_placement_row(p, resources[p.resource_id], plan) for p in chosen]


SEARCH_BATCH = 2_000
"""Rows serialised at a time for the page's search data."""


class SearchData:
    """Every placement row as JSON for the page's search, safe inside a <script> element, made a
    batch of rows at a time as the page is written: a template iterates over it (a template
    that prints it whole gets the same text in one piece)."""

    def __init__(self, rows: Callable[[], Iterable[PlacementRow]]) -> None:
        self._rows = rows

    def __iter__(self) -> Iterator[Markup]:
        batch: list[list[str]] = []
        opened = False
        for r in self._rows():
            batch.append(_cells(r))
            if len(batch) == SEARCH_BATCH:
                yield _script_safe(("," if opened else "[") + _joined(batch))
                batch, opened = [], True
        tail = _joined(batch)
        yield _script_safe(("," if opened and tail else "" if opened else "[") + tail + "]")

    def __html__(self) -> Markup:
        return Markup("".join(self))

    def __str__(self) -> str:
        return str(self.__html__())


def _cells(r: PlacementRow) -> list[str]:
    return [
        r.name,
        r.source,
        r.size_before,
        r.size_after,
        r.target,
        r.monthly_before,
        money(r.monthly_after),
        r.reason,
    ]


def _joined(batch: list[list[str]]) -> str:
    """The rows as json.dumps writes them inside the list of every row (no outer brackets)."""
    return json.dumps(batch, ensure_ascii=False, separators=(",", ":"))[1:-1]


def _script_safe(text: str) -> Markup:
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@dataclass(frozen=True)
class SiteRow:
    where: str
    resources: int
    monthly_after: Decimal


def site_rows(plan: Plan) -> list[SiteRow]:
    """Placements and monthly cost after the plan per target site, largest first."""
    count: dict[str, int] = defaultdict(int)
    spend: dict[str, Decimal] = defaultdict(Decimal)
    for p in plan.placements:
        c = p.choice
        where = "kept on the source" if c.retain else f"{c.provider}/{c.region}"
        count[where] += 1
        spend[where] += c.monthly_cost + p.inter_site_monthly
    return sorted(
        (SiteRow(w, count[w], spend[w]) for w in count),
        key=lambda r: (-r.monthly_after, r.where),
    )


@dataclass(frozen=True)
class UnplacedRow:
    kind: str
    code: str
    resources: int


def unplaced_rows(plan: Plan) -> list[UnplacedRow]:
    """Resources not migrated, counted by kind and reason code."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for u in plan.unplaced:
        counts[(u.kind, u.code)] += 1
    return [UnplacedRow(k, c, n) for (k, c), n in sorted(counts.items())]


@dataclass(frozen=True)
class ConcentrationRow:
    measure: str
    before: str
    after: str


def concentration_rows(plan: Plan) -> list[ConcentrationRow]:
    """HHI and the largest share, by provider and by region, today and after the plan."""
    resources = plan.inventory.resources
    sites = after_site(plan)
    before: dict[str, dict[str, Decimal]] = {"provider": {}, "region": {}}
    after: dict[str, dict[str, Decimal]] = {"provider": {}, "region": {}}
    for r in resources:
        today = current_monthly_eur(r, plan.policy) or Decimal(0)
        provider, region, cost = sites[r.id]
        for level, key in (("provider", r.provider), ("region", f"{r.provider}/{r.region}")):
            before[level][key] = before[level].get(key, Decimal(0)) + today
        for level, key in (("provider", provider), ("region", f"{provider}/{region}")):
            after[level][key] = after[level].get(key, Decimal(0)) + (cost or Decimal(0))

    def largest(spend: dict[str, Decimal]) -> str:
        total = sum(spend.values(), Decimal(0))
        if not total:
            return "-"
        top = max(sorted(spend), key=lambda k: spend[k])
        return f"{top} ({float(spend[top] / total):.1%})"

    rows = []
    for level in ("provider", "region"):
        rows.append(
            ConcentrationRow(
                f"HHI by {level} (0-10,000)", str(hhi(before[level])), str(hhi(after[level]))
            )
        )
        rows.append(
            ConcentrationRow(
                f"Largest {level} by spend", largest(before[level]), largest(after[level])
            )
        )
    return rows


@dataclass(frozen=True)
class DatedRow:
    wave: int
    date: str
    account: str
    switching: Decimal
    double_running: Decimal
    parallel_egress: Decimal
    stops: str
    unpriced: int = 0
    """resources of the row whose source has no egress price: left out of both egress figures"""


def dated_rows(plan: Plan) -> list[DatedRow]:
    """Switching and parallel-running lines of the same wave and source account side by side."""
    keys = sorted(
        {(line.wave, line.provider, line.account) for line in plan.switching}
        | {(line.wave, line.provider, line.account) for line in plan.parallel}
    )
    switching = {(line.wave, line.provider, line.account): line for line in plan.switching}
    parallel = {(line.wave, line.provider, line.account): line for line in plan.parallel}
    rows = []
    for key in keys:
        s, p = switching.get(key), parallel.get(key)
        rows.append(
            DatedRow(
                wave=key[0],
                date=(p.date if p else s.date if s else ""),
                account=f"{key[1]}/{key[2] or '(account not in the export)'}",
                switching=s.charged if s else Decimal(0),
                double_running=p.double_running if p else Decimal(0),
                parallel_egress=p.parallel_egress if p else Decimal(0),
                stops=p.source_stops if p else "-",
                unpriced=len(s.egress_unpriced or []) if s else 0,
            )
        )
    return rows


def report_context(
    plan: Plan,
    catalog: Catalog,
    env: Environment,
    summary: Summary | None = None,
    waves: list[Wave] | None = None,
    resources: Mapping[str, Resource] | None = None,
) -> dict[str, Any]:
    """``summary``, ``waves``, ``resources``: the plan's, and its inventory by id, when the
    caller already made them for the runbook."""
    summary = summarise(plan, catalog) if summary is None else summary
    waves = plan_waves(plan, load_methods(env)) if waves is None else waves
    points = frontier_points(plan)
    resources = plan.inventory.by_id() if resources is None else resources
    count = len(plan.placements)
    return {
        "plan": plan,
        "summary": summary,
        "waves": waves,
        "cost_by_provider": svg.grouped_bars(
            "Monthly cost by provider",
            {"today": summary.spend_before, "after the plan": summary.spend_after},
        ),
        "cost_by_kind": svg.grouped_bars(
            "Monthly cost by kind",
            {"today": summary.spend_by_kind_before, "after the plan": summary.spend_by_kind_after},
        ),
        "share_by_provider": svg.share_bar(
            "Spend share per provider after the plan", summary.spend_after
        ),
        "share_by_jurisdiction": svg.share_bar(
            "Spend share per jurisdiction after the plan", summary.spend_by_jurisdiction_after
        ),
        "timeline": svg.timeline(
            [(f"{w.number}. {w.name}", w.start_day, w.duration_days) for w in waves]
        ),
        "frontier": svg.scatter(
            f"{plan.policy.horizon_months}-month cost plus weighted risk against jurisdiction risk",
            points,
            "jurisdiction risk points (bounded)",
            f"EUR over {plan.policy.horizon_months} months, cost plus weighted risk",
        )
        if points
        else "",
        "placement_rows": top_rows(plan, resources),
        "placement_count": count,
        # written as the page is: at 1,000,000 placements the rows and their JSON held at once
        # were about a gigabyte
        "placement_data": SearchData(lambda: placement_rows(plan, resources))
        if count > TOP_ROWS
        else None,
        "site_rows": site_rows(plan),
        "unplaced_rows": unplaced_rows(plan),
        "unplaced_shown": plan.unplaced[:TOP_ROWS],
        "unread": unread(plan.inventory.issues),
        "skipped_groups": skipped_groups(plan.inventory.issues),
        "dated_rows": dated_rows(plan),
        "concentration_rows": concentration_rows(plan),
        "sovereignty_charts": objective_charts(plan),
        **sovereignty_context(plan),
    }


def write_report(
    plan: Plan,
    out_dir: Path,
    env: Environment,
    catalog: Catalog,
    summary: Summary | None = None,
    waves: list[Wave] | None = None,
    resources: Mapping[str, Resource] | None = None,
) -> list[Path]:
    path = out_dir / "report.html"
    html_env = env.overlay(autoescape=True)
    template = html_env.get_template("report/report.html.j2")
    context = report_context(plan, catalog, env, summary, waves, resources)
    write_text_atomic(path, template.generate(**context))
    return [path]
