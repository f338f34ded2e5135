"""report.html: one self-contained page for the people who approve the exit."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment

from cloudexit.catalog.loader import Catalog
from cloudexit.emit import svg
from cloudexit.emit.sovereignty import objective_charts, sovereignty_context
from cloudexit.emit.summary import summarise
from cloudexit.emit.waves import load_methods, plan_waves
from cloudexit.model.io import write_text_atomic
from cloudexit.model.plan import Plan


def frontier_points(plan: Plan) -> list[tuple[float, float]]:
    """(cost, risk) pairs of the cost/sovereignty frontier, when the plan computed one."""
    frontier = getattr(plan, "frontier", None) or []
    points = []
    for point in frontier:
        data = point if isinstance(point, dict) else point.model_dump()
        cost = data.get("monthly_cost", data.get("cost", data.get("objective")))
        risk = data.get("risk", data.get("sovereignty_risk"))
        if cost is not None and risk is not None:
            points.append((float(Decimal(str(cost))), float(risk)))
    return sorted(points)


def report_context(plan: Plan, catalog: Catalog, env: Environment) -> dict[str, Any]:
    summary = summarise(plan, catalog)
    waves = plan_waves(plan, load_methods(env))
    points = frontier_points(plan)
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
            "Cost against sovereignty risk", points, "EUR per month", "risk points"
        )
        if points
        else "",
        "sovereignty_charts": objective_charts(plan),
        **sovereignty_context(plan),
    }


def write_report(plan: Plan, out_dir: Path, env: Environment, catalog: Catalog) -> list[Path]:
    path = out_dir / "report.html"
    html_env = env.overlay(autoescape=True)
    text = html_env.get_template("report/report.html.j2").render(
        **report_context(plan, catalog, env)
    )
    write_text_atomic(path, text)
    return [path]
