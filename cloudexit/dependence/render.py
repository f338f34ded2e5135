"""Check and drill results as Markdown, fit for a pull-request comment or the runbook."""

from __future__ import annotations

from cloudexit.dependence.check import CheckReport, Metric
from cloudexit.dependence.drills import DrillResult
from cloudexit.emit.escape import md_text as md_inline


def _value(metric: Metric, value: float | None = None) -> str:
    value = metric.value if value is None else value
    if metric.unit == "share":
        return f"{value * 100:.1f} %"
    if metric.unit == "EUR":
        return f"EUR {value:,.2f}"
    if metric.unit == "score":
        return f"{value:.1f}"
    if metric.unit == "hours":
        return f"{value:g} h"
    return f"{value:g}"


def check_markdown(report: CheckReport) -> str:
    verdict = "passed" if report.passed else "FAILED"
    lines = [
        f"## cloudexit check: {verdict}",
        "",
        f"{md_inline(report.subject)} ({report.stage} the plan)"
        if report.stage == "after"
        else f"{md_inline(report.subject)} (the estate today)",
        "",
    ]
    limited = [m for m in report.metrics if m.limit is not None]
    if limited:
        lines += ["| limit | value | allowed | result |", "|---|---:|---:|---|"]
        for m in limited:
            bound = ("at least " if not m.higher_is_worse else "at most ") + _value(m, m.limit)
            lines.append(
                f"| {md_inline(m.title)} | {_value(m)} | {bound} | {'pass' if m.status == 'pass' else '**FAIL**'} |"
            )
        lines.append("")
    else:
        lines += [
            "No limits are set (policy `limits:`); the figures below are for information.",
            "",
        ]
    if report.regressions:
        lines += [
            "### Regressions",
            "",
            "| figure | before | now | against |",
            "|---|---:|---:|---|",
        ]
        metrics = {m.name: m for m in report.metrics}
        for r in report.regressions:
            metric = metrics[r.name]
            lines.append(
                f"| {md_inline(r.title)} | {_value(metric, r.before)} | {_value(metric, r.after)} | "
                f"{md_inline(r.cause)} |"
            )
        lines.append("")
    if report.additions:
        lines += [
            "### What the Terraform change adds",
            "",
            "| resource | type | where | jurisdiction | control planes | exit cost (EUR) |",
            "|---|---|---|---|---|---:|",
        ]
        for a in report.additions:
            lines.append(
                f"| {md_inline(a.address)} | {md_inline(a.type)} | {md_inline(a.provider)}/{md_inline(a.region)} | "
                f"{a.jurisdiction} | {md_inline(', '.join(a.control_planes)) or '-'} | {a.exit_cost or '-'} |"
            )
        lines.append("")
    info = [
        m
        for m in report.metrics
        if m.limit is None and (m.value or not m.name.startswith(("provider_", "region_")))
    ]
    if info:
        lines += ["<details><summary>All figures</summary>", "", "| figure | value |", "|---|---:|"]
        lines += [f"| {md_inline(m.title)} | {_value(m)} |" for m in info]
        lines += ["", "</details>", ""]
    lines += [f"- {md_inline(n)}" for n in report.notes]
    return "\n".join(lines).rstrip() + "\n"


def drills_markdown(results: list[DrillResult]) -> str:
    lines = [
        "## Outage drills",
        "",
        "| drill | stage | duration | resources hit | spend hit | critical functions stopped | first stop |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        hit = r.critical_hit
        exposure = r.exposure
        resources = "-" if exposure is None else str(exposure.down + exposure.unreachable)
        spend = "-" if exposure is None else f"{exposure.spend_share * 100:.1f} %"
        first = f"{min(f.stops_after_hours for f in hit):g} h" if hit else "-"
        lines.append(
            f"| {md_inline(r.title)} | {r.stage} | {r.duration_hours:g} h | {resources} | {spend} | "
            f"{len(hit)} | {first} |"
        )
    lines.append("")
    for r in results:
        if not r.functions and not r.suppliers:
            continue
        lines += [f"### {md_inline(r.title)} ({r.stage})", ""]
        for f in r.functions:
            verb = "stops" if f.status == "stopped" else "may stop"
            when = "at once" if f.stops_after_hours == 0 else f"after {f.stops_after_hours:g} h"
            breach = ""
            if f.breached:
                breach = f"; down {f.down_hours:g} h, more than the {f.tolerable_downtime_hours:g} h tolerated"
            lines.append(
                f"- {md_inline(f.name)} ({f.criticality}) {verb} {when}{breach}: "
                f"{md_inline('; '.join(f.causes))}"
            )
        for s in r.suppliers:
            lines.append(
                f"- supplier {md_inline(s.name)} {s.status.replace('_', ' ')} ({md_inline(s.via)}; "
                f"jurisdiction {s.jurisdiction})"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
