"""Mermaid diagrams for the runbook: the dependency graph and a Gantt chart of the waves."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from cloudexit.emit.escape import mermaid_label
from cloudexit.emit.waves import Wave
from cloudexit.model.plan import Plan

MAX_NODES = 150
DEFAULT_START = dt.date(2027, 1, 4)


def dependency_graph(plan: Plan, waves: list[Wave]) -> str:
    """Resources grouped by wave with their dependencies; large estates collapse to kinds per wave."""
    lines = ["flowchart LR"]
    moved = {s.resource.id: (w.number, s.resource) for w in waves for s in w.steps}
    if len(moved) <= MAX_NODES:
        node = {rid: f"n{i}" for i, rid in enumerate(sorted(moved))}
        for wave in waves:
            lines.append(
                f'  subgraph w{wave.number}["Wave {wave.number}: {mermaid_label(wave.name)}"]'
            )
            for s in wave.steps:
                lines.append(
                    f'    {node[s.resource.id]}["{mermaid_label(s.resource.name)}<br/>{s.resource.kind.value}"]'
                )
            lines.append("  end")
        edges = sorted(
            (node[rid], node[dep])
            for rid, (_, resource) in moved.items()
            for dep in resource.depends_on
            if dep in node
        )
        lines.extend(f"  {a} --> {b}" for a, b in edges)
        return "\n".join(lines)
    groups: Counter[tuple[int, str]] = Counter((w, r.kind.value) for w, r in moved.values())
    group_node = {key: f"g{i}" for i, key in enumerate(sorted(groups))}
    for wave in waves:
        lines.append(f'  subgraph w{wave.number}["Wave {wave.number}: {mermaid_label(wave.name)}"]')
        for (number, kind), count in sorted(groups.items()):
            if number == wave.number:
                lines.append(f'    {group_node[(number, kind)]}["{count} x {kind}"]')
        lines.append("  end")
    edges = sorted(
        {
            (group_node[(w, r.kind.value)], group_node[(moved[dep][0], moved[dep][1].kind.value)])
            for w, r in moved.values()
            for dep in r.depends_on
            if dep in moved and (w, r.kind.value) != (moved[dep][0], moved[dep][1].kind.value)
        }
    )
    lines.extend(f"  {a} --> {b}" for a, b in edges)
    return "\n".join(lines)


def start_date(plan: Plan) -> dt.date:
    """Day 0 of the schedule: the policy's start date, else the inventory's date, so the same
    inputs give the same chart."""
    if plan.policy.switching.start_date is not None:
        return plan.policy.switching.start_date
    stamp = plan.generated_at or plan.inventory.generated_at
    if stamp:
        try:
            return dt.date.fromisoformat(stamp[:10])
        except ValueError:
            pass
    return DEFAULT_START


def gantt(plan: Plan, waves: list[Wave]) -> str:
    start = start_date(plan)
    lines = ["gantt", "  title Migration waves", "  dateFormat YYYY-MM-DD", "  axisFormat %d %b"]
    for wave in waves:
        lines.append(f"  section Wave {wave.number}")
        begin = start + dt.timedelta(days=wave.start_day)
        lines.append(
            f"  {mermaid_label(wave.name)} :w{wave.number}, {begin.isoformat()}, {wave.duration_days}d"
        )
    return "\n".join(lines)
