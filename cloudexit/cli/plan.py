"""`cloudexit plan INVENTORY... [--policy FILE] --out DIR`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cloudexit.errors import InputError, RuntimeFailure


def plan(
    ctx: typer.Context,
    inventories: Annotated[
        list[Path], typer.Argument(help="inventory.json files to plan together")
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for plan.json, terraform/, runbook.md")
    ],
    policy: Annotated[Path | None, typer.Option("--policy", "-p", help="policy.yaml")] = None,
    catalog: Annotated[
        Path | None,
        typer.Option(
            "--catalog", help="Folder with providers/ and mappings/ replacing the bundled catalogue"
        ),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option("--templates", help="Folder of templates overriding the bundled ones"),
    ] = None,
    frontier: Annotated[
        int,
        typer.Option(
            "--frontier", min=0, help="Also compute N points of the cost/sovereignty-risk frontier"
        ),
    ] = 0,
    timings: Annotated[
        bool,
        typer.Option(
            "--timings", help="Record the solve time in plan.json (it then differs run to run)"
        ),
    ] = False,
    drills: Annotated[
        Path | None,
        typer.Option(
            "--drills",
            help="Drills file: run each drill before and after the plan; the "
            "runbook's exit strategy cites the results",
        ),
    ] = None,
    suppliers: Annotated[
        list[Path] | None,
        typer.Option(
            "--suppliers", help="Supplier register (YAML or CSV) for the drills; repeatable"
        ),
    ] = None,
) -> None:
    """Place every resource under the policy and write the artefacts."""
    # imported here: `cloudexit --help` lists this command without loading the optimiser
    from cloudexit import api
    from cloudexit.emit import OutputFolder
    from cloudexit.model.plan import SolveStatus

    if templates is not None:
        from cloudexit.emit.jinja import check_templates

        check_templates(templates)
    # An unwritable, full or busy --out is said before the solve; the lock lasts the command.
    folder = ctx.with_resource(OutputFolder(out))
    from cloudexit.optimise import Worked, plan_timed

    inventory = api.load_inventory(*inventories)
    chosen_policy = api.load_policy(policy)
    chosen_catalog = api.load_catalog_dir(catalog) if catalog else api.load_catalog()
    label = str(policy) if policy else "policy"
    worked = Worked()
    result, seconds = plan_timed(
        inventory, chosen_catalog, chosen_policy, frontier, label=label, worked=worked
    )
    if timings:
        result.solver.time_s = round(seconds, 3)
    if drills is not None:
        result.drills = api.drill(result, drills, suppliers or [], chosen_catalog)
    written = api.emit(result, out, templates, chosen_catalog, output=folder, worked=worked)
    t = result.totals
    if t.after_monthly is None:
        typer.echo(
            f"no plan ({result.solver.status.value}): 0 of {len(inventory.resources)} resources "
            f"placed, nothing moves; EUR/month {t.current_monthly} today; {len(written)} files "
            f"in {out}",
            err=True,
        )
        retired = (
            f"; retired by the policy EUR/month {t.retired_monthly} today, not a saving"
            if t.retired_monthly
            else ""
        )
        typer.echo(f"saving: none, no plan{retired}", err=True)
    else:
        typer.echo(
            f"planned {len(result.placements)} of {len(inventory.resources)} resources "
            f"({len(result.unplaced)} not placed); EUR/month {t.current_monthly} today -> "
            f"{t.after_monthly} after ({t.target_monthly} target + {t.retained_monthly} kept + "
            f"{t.unplaced_monthly} not placed); one-off {t.one_off_migration}; {len(written)} "
            f"files in {out}",
            err=True,
        )
        payback = (
            f"payback {t.payback_months} months"
            + (f" ({t.payback_note})" if t.payback_note else "")
            if t.payback_months is not None
            else f"no payback: {t.payback_note}"
        )
        npv = f"; NPV {t.npv} over {t.horizon_months} months" if t.npv is not None else ""
        typer.echo(f"saving EUR/month {t.monthly_saving}; {payback}{npv}", err=True)
    s = result.solver
    typer.echo(
        f"solver {s.solver}: {s.status.value}, objective {s.objective}, bound {s.bound}, "
        f"gap {s.gap}, {s.classes} classes, {seconds:.2f} s",
        err=True,
    )
    unverified_prefix = "unverified price used: "
    unverified = [
        w.removeprefix(unverified_prefix)
        for w in result.warnings
        if w.startswith(unverified_prefix)
    ]
    for warning in result.warnings:
        if not warning.startswith(unverified_prefix):
            typer.echo(f"warning: {warning}", err=True)
    if unverified:
        typer.echo(
            f"warning: {len(unverified)} unverified prices used (listed in plan.json warnings): "
            f"{', '.join(unverified[:5])}{', ...' if len(unverified) > 5 else ''}",
            err=True,
        )
    if s.status is SolveStatus.INFEASIBLE:
        reasons = [
            w.removeprefix("infeasible: ") for w in result.warnings if w.startswith("infeasible: ")
        ]
        raise InputError(
            f"{policy or 'policy'}: infeasible: {'; '.join(reasons) or 'no reason found'} "
            f"(plan.json in {out} records what could not be placed)"
        )
    if s.status is SolveStatus.NOT_SOLVED:
        raise RuntimeFailure(
            f"no plan found within solver.time_limit_s = {chosen_policy.solver.time_limit_s:g} s"
        )
