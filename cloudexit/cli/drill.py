"""`cloudexit drill DRILLS INVENTORY [--plan] [--suppliers]`: every outage drill in one run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

import typer


def drill(
    drills: Annotated[
        Path, typer.Argument(help="Drills file (YAML): scenarios or lost suppliers, with durations")
    ],
    inventory: Annotated[Path, typer.Argument(help="inventory.json")],
    plan: Annotated[
        Path | None, typer.Option("--plan", help="plan.json: also run each drill after the plan")
    ] = None,
    suppliers: Annotated[
        list[Path] | None,
        typer.Option("--suppliers", help="Supplier register, YAML or CSV; repeatable"),
    ] = None,
    fmt: Annotated[Literal["markdown", "json"], typer.Option("--format")] = "markdown",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Also write the results here")
    ] = None,
) -> None:
    """Run every drill before (and after) the plan: functions hit and hours until they stop."""
    from cloudexit.catalog.loader import load_catalog
    from cloudexit.dependence.drills import load_drills, run_all
    from cloudexit.dependence.register import load_register
    from cloudexit.dependence.render import drills_markdown
    from cloudexit.errors import InputError
    from cloudexit.model.io import load_inventory, read_json, validate, write_text_atomic
    from cloudexit.model.plan import Plan
    from cloudexit.model.suppliers import SupplierRegister
    from cloudexit.risk.exposure import load_control_planes

    drill_file = load_drills(drills)
    inv = load_inventory(inventory)
    chosen_plan = None
    if plan is not None:
        chosen_plan = validate(Plan, read_json(plan), plan)
        if {r.id for r in chosen_plan.inventory.resources} != {r.id for r in inv.resources}:
            raise InputError(
                f"{plan}: the plan was made from a different inventory than {inventory}"
            )
    register = load_register(*suppliers) if suppliers else SupplierRegister()
    results = run_all(
        drill_file.drills, inv, register, load_control_planes(), load_catalog(), chosen_plan
    )
    if fmt == "json":
        text = (
            json.dumps([r.model_dump(mode="json") for r in results], indent=2, sort_keys=True)
            + "\n"
        )
    else:
        text = drills_markdown(results)
    if output is not None:
        write_text_atomic(output, text)
    typer.echo(text, nl=False)
