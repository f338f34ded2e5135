"""What the runbook and the report show of the plan's sovereignty roll-up."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cloudexit.emit import svg
from cloudexit.model.plan import Plan
from cloudexit.model.sovereignty import SovereigntyGrade

LEVELS = ("0", "1", "2", "3", "4")


@dataclass(frozen=True)
class Site:
    where: str
    grade: SovereigntyGrade
    placements: int


def sites_after(plan: Plan) -> list[Site]:
    """Each place the plan puts resources, with its grade and how many placements it takes."""
    found: dict[str, tuple[SovereigntyGrade, int]] = {}
    for p in plan.placements:
        if p.choice.sovereignty is None:
            continue
        where = f"{p.choice.provider}/{p.choice.region}"
        grade, count = found.get(where, (p.choice.sovereignty, 0))
        found[where] = (grade, count + 1)
    return [Site(where, grade, count) for where, (grade, count) in sorted(found.items())]


def objective_charts(plan: Plan) -> list[str]:
    """One inline SVG per objective: the estate's SEAL distribution before and after."""
    if plan.sovereignty is None:
        return []
    charts = []
    for before, after in zip(
        plan.sovereignty.before.objectives, plan.sovereignty.after.objectives, strict=True
    ):
        charts.append(
            svg.level_bars(
                f"{before.objective} {before.title}",
                {"today": before.distribution, "after the plan": after.distribution},
                LEVELS,
            )
        )
    return charts


def sovereignty_context(plan: Plan) -> dict[str, Any]:
    rows = (
        list(
            zip(plan.sovereignty.before.objectives, plan.sovereignty.after.objectives, strict=True)
        )
        if plan.sovereignty
        else []
    )
    return {
        "sovereignty": plan.sovereignty,
        "sovereignty_rows": rows,
        "sovereignty_sites": sites_after(plan),
    }
