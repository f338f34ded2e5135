"""`cloudexit explain PLAN RESOURCE_ID`: why a resource goes where it goes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from cloudexit.cli.json_view import JsonView, NotAsWritten
from cloudexit.errors import InputError
from cloudexit.model.io import read_json


def explain(
    plan: Annotated[Path, typer.Argument(help="plan.json")],
    resource_id: Annotated[str, typer.Argument(help="Resource id, or its name when unique")],
) -> None:
    """The placement of one resource, its reason, and the runner-up with the cost and risk difference."""
    data = read_json(plan)
    try:
        lines = explain_lines(data, resource_id, plan)
    except NotAsWritten:
        lines = explain_lines(_validated(data, plan), resource_id, plan)
    typer.echo("\n".join(lines))


def _validated(data: Any, path: Path) -> dict[str, Any]:
    """The plan as its model reads it (defaults filled in), or one clear error naming the field."""
    from cloudexit.model.io import validate
    from cloudexit.model.plan import Plan

    dumped: dict[str, Any] = validate(Plan, data, path).model_dump(mode="json", exclude_none=True)
    return dumped


def explain_lines(data: Any, resource_id: str, path: Path) -> list[str]:
    """What `explain` prints, read from plan.json as written; ``NotAsWritten`` when a field it
    reads is missing or of another type than the plan model gives it."""
    loaded = JsonView(data)
    if loaded.text("schema_version", "1.0") != "1.0":
        raise NotAsWritten("another schema version")
    resources = {r.text("id"): r for r in loaded.view("inventory").views("resources", [])}
    if resource_id not in resources:
        named = [rid for rid, r in resources.items() if r.text("name") == resource_id]
        if len(named) != 1:
            raise InputError(
                f"{path}: no resource {resource_id!r} in this plan"
                + (f" ({len(named)} share that name)" if named else "")
            )
        resource_id = named[0]
    r = resources[resource_id]
    lines = [
        (
            f"{r.text('name')} ({r.text('kind')}, {r.text('provider')}/{r.text('region')}, "
            f"{r.text('type')})"
        ),
        f"  id: {resource_id}",
    ]
    placement = next(
        (p for p in loaded.views("placements", []) if p.text("resource_id") == resource_id), None
    )
    if placement is None:
        why = next(
            (u for u in loaded.views("unplaced", []) if u.text("resource_id") == resource_id), None
        )
        if why is None:
            raise NotAsWritten("neither placed nor unplaced")
        lines.append(f"  not placed ({why.text('code')}): {why.text('reason')}")
        return lines
    horizon = loaded.view("policy").number("horizon_months", 36)
    return lines + _placed(placement, horizon)


def _placed(placement: JsonView, horizon_months: int) -> list[str]:
    c = placement.view("choice")
    risk = c.view("risk")
    where = "kept on the source" if c.flag("retain", False) else _site(c)
    product = c.text("product_name", None) or c.text("product", None) or "-"
    one_off = c.amounts("one_off")
    lines = [
        f"  placed: {where}, product {product} x {c.number('quantity', 1.0):g}",
        (
            f"  EUR/month {c.amount('monthly_cost')}, one-off EUR {c.amount('migration_cost')}, "
            f"effort {c.number('effort_days', 0.0):g} days"
        ),
        *(
            [
                "  one-off: "
                + ", ".join(
                    f"{k.replace('_', ' ')} {v:.2f}" for k, v in sorted(one_off.items()) if v
                )
            ]
            if any(one_off.values())
            else []
        ),
        (
            f"  risk {risk.number('total', 0.0):g} (jurisdiction {risk.number('jurisdiction', 0.0):g}, "
            f"certification {risk.number('certification', 0.0):g}, fidelity "
            f"{risk.number('fidelity', 0.0):g}, concentration {risk.number('concentration', 0.0):g}) "
            f"x stake {risk.number('stake', 1.0):g}; strategy {c.text('strategy')}, fidelity "
            f"{c.text('fidelity')}"
        ),
        f"  why: {placement.text('reason')}",
    ]
    copies = placement.views("copies", None)
    if copies:
        lines.append(
            "  also recreated at: "
            + ", ".join(
                "the source (kept)"
                if o.flag("retain", False)
                else f"{_site(o)} (one-off EUR {o.amount('migration_cost')})"
                for o in copies
            )
        )
    size_before = placement.text("size_before", None)
    if size_before:
        size_source = placement.text("size_source", None)
        source = f" ({size_source})" if size_source else ""
        lines.append(
            f"  size: {size_before}{source} -> {placement.text('size_after', None) or '-'}"
        )
    requirement_reason = placement.text("requirement_reason", None)
    if requirement_reason:
        lines.append(f"  sized for: {placement.text('requirement', None)} ({requirement_reason})")
    dearer = placement.text("dearer_than_today", None)
    if dearer:
        lines.append(f"  dearer than today: {dearer}")
    unverified = c.texts("unverified_prices")
    if unverified:
        lines.append(f"  unverified prices: {', '.join(unverified)}")
    g = c.optional_view("sovereignty")
    if g is not None:
        levels = " ".join(f"{o[4:]}:{level}" for o, level in g.numbers("levels").items())
        lines.append(
            f"  sovereignty: SOV {levels}, score {g.number('score'):g} ({g.text('assessment')}); "
            f"{g.text('jurisdiction')}"
        )
    ru = placement.optional_view("runner_up")
    if ru is None:
        lines.append("  runner-up: none (no other site could take it)")
        return lines
    retain = ru.flag("retain", False)
    where = f"keep on {_site(ru)}" if retain else _site(ru)
    other = "" if ru.text("provider") != c.text("provider") else " (no other provider can take it)"
    score_delta = ru.amount("score_delta", None)
    total = (
        f", {score_delta:+} EUR over {horizon_months} months with weighted risk"
        if score_delta is not None
        else ""
    )
    lines.append(
        f"  runner-up{other}: {where} {ru.text('product', None) or '-'}: "
        f"{ru.amount('monthly_cost_delta'):+} EUR/month, risk {ru.number('risk_delta'):+g}{total}"
    )
    return lines


def _site(option: JsonView) -> str:
    return f"{option.text('provider')}/{option.text('region')}"
