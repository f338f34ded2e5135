"""`cloudexit explain PLAN RESOURCE_ID`: why a resource goes where it goes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cloudexit.errors import InputError
from cloudexit.model.io import read_json, validate
from cloudexit.model.plan import Plan


def explain(
    plan: Annotated[Path, typer.Argument(help="plan.json")],
    resource_id: Annotated[str, typer.Argument(help="Resource id, or its name when unique")],
) -> None:
    """The placement of one resource, its reason, and the runner-up with the cost and risk difference."""
    loaded = validate(Plan, read_json(plan), plan)
    resources = loaded.inventory.by_id()
    if resource_id not in resources:
        named = [r.id for r in loaded.inventory.resources if r.name == resource_id]
        if len(named) != 1:
            raise InputError(
                f"{plan}: no resource {resource_id!r} in this plan"
                + (f" ({len(named)} share that name)" if named else "")
            )
        resource_id = named[0]
    r = resources[resource_id]
    lines = [f"{r.name} ({r.kind.value}, {r.provider}/{r.region}, {r.type})", f"  id: {r.id}"]
    placement = next((p for p in loaded.placements if p.resource_id == resource_id), None)
    if placement is None:
        why = next(u for u in loaded.unplaced if u.resource_id == resource_id)
        lines.append(f"  not placed ({why.code}): {why.reason}")
    else:
        c = placement.choice
        where = "kept on the source" if c.retain else f"{c.provider}/{c.region}"
        lines += [
            f"  placed: {where}, product {c.product_name or c.product or '-'} x {c.quantity:g}",
            f"  EUR/month {c.monthly_cost}, one-off EUR {c.migration_cost}, effort {c.effort_days:g} days",
            *(
                [
                    "  one-off: "
                    + ", ".join(
                        f"{k.replace('_', ' ')} {v:.2f}" for k, v in sorted(c.one_off.items()) if v
                    )
                ]
                if any(c.one_off.values())
                else []
            ),
            (
                f"  risk {c.risk.total:g} (jurisdiction {c.risk.jurisdiction:g}, certification "
                f"{c.risk.certification:g}, fidelity {c.risk.fidelity:g}, concentration "
                f"{c.risk.concentration:g}) x stake {c.risk.stake:g}; strategy {c.strategy}, fidelity {c.fidelity}"
            ),
            f"  why: {placement.reason}",
        ]
        if placement.copies:
            lines.append(
                "  also recreated at: "
                + ", ".join(
                    "the source (kept)"
                    if o.retain
                    else f"{o.provider}/{o.region} (one-off EUR {o.migration_cost})"
                    for o in placement.copies
                )
            )
        if placement.size_before:
            source = f" ({placement.size_source})" if placement.size_source else ""
            lines.append(
                f"  size: {placement.size_before}{source} -> {placement.size_after or '-'}"
            )
        if placement.requirement_reason:
            lines.append(f"  sized for: {placement.requirement} ({placement.requirement_reason})")
        if placement.dearer_than_today:
            lines.append(f"  dearer than today: {placement.dearer_than_today}")
        if c.unverified_prices:
            lines.append(f"  unverified prices: {', '.join(c.unverified_prices)}")
        if c.sovereignty is not None:
            g = c.sovereignty
            levels = " ".join(f"{o[4:]}:{level}" for o, level in g.levels.items())
            lines.append(
                f"  sovereignty: SOV {levels}, score {g.score:g} ({g.assessment}); {g.jurisdiction}"
            )
        ru = placement.runner_up
        if ru is None:
            lines.append("  runner-up: none (no other site could take it)")
        else:
            where = (
                f"keep on {ru.provider}/{ru.region}" if ru.retain else f"{ru.provider}/{ru.region}"
            )
            other = "" if ru.provider != c.provider else " (no other provider can take it)"
            total = (
                f", {ru.score_delta:+} EUR over {loaded.policy.horizon_months} months with weighted risk"
                if ru.score_delta is not None
                else ""
            )
            lines.append(
                f"  runner-up{other}: {where} {ru.product or '-'}: "
                f"{ru.monthly_cost_delta:+} EUR/month, risk {ru.risk_delta:+g}{total}"
            )
    typer.echo("\n".join(lines))
