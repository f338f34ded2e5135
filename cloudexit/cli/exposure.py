"""`cloudexit exposure [INVENTORY] [--plan PLAN] [--scenario S] [--json]`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from cloudexit.dependence.drills import DrillResult
    from cloudexit.model.inventory import Inventory
    from cloudexit.model.plan import Plan
    from cloudexit.risk.exposure import ControlPlanes, Exposure, SinglePoint

from cloudexit.errors import InputError


def exposure(
    inventory: Annotated[
        Path | None,
        typer.Argument(help="inventory.json; optional with --plan, whose inventory is used"),
    ] = None,
    plan: Annotated[
        Path | None, typer.Option("--plan", help="plan.json: also show the estate after the plan")
    ] = None,
    scenario: Annotated[
        list[str] | None,
        typer.Option(
            "--scenario",
            "-s",
            help="any provider, source or target (aws, scaleway), a region (aws/us-east-1, "
            "scaleway/fr-par, ionos/de/fra), a service (aws/dynamodb) or a named outage such as "
            "aws-2025-10-20; repeatable. Default: the named outages, plus with --plan each "
            "provider and site the plan makes a single point of failure",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables")] = False,
    suppliers: Annotated[
        list[Path] | None,
        typer.Option(
            "--suppliers",
            help="Supplier register (YAML or CSV): also the suppliers and business "
            "functions the outage hits; repeatable",
        ),
    ] = None,
) -> None:
    """Which resources and what share of spend fail or become unreachable in an outage, today and
    after the plan, and what the plan newly puts at risk."""
    from cloudexit.catalog.loader import load_catalog
    from cloudexit.model.io import load_inventory, read_json, validate
    from cloudexit.model.plan import Plan
    from cloudexit.risk.exposure import (
        assess,
        assess_plan,
        known_sites,
        load_control_planes,
        parse_scenario,
        single_points,
    )

    data = load_control_planes()
    chosen_plan = validate(Plan, read_json(plan), plan) if plan is not None else None
    if inventory is not None:
        inv = load_inventory(inventory)
        if chosen_plan is not None and {r.id for r in chosen_plan.inventory.resources} != {
            r.id for r in inv.resources
        }:
            raise InputError(
                f"{plan}: the plan was made from a different inventory than {inventory}"
            )
    elif chosen_plan is not None:
        inv = chosen_plan.inventory
    else:
        raise InputError("exposure: give an inventory, a plan (--plan), or both")
    sites = known_sites(load_catalog(), inv, chosen_plan)
    points = single_points(chosen_plan) if chosen_plan is not None else []
    names = scenario or [s.id for s in data.scenarios] + [p.site for p in points if p.new]
    results: list[Exposure] = []
    for name in names:
        parsed = parse_scenario(name, data, sites)
        results.append(
            assess(inv, parsed, data, policy=chosen_plan.policy if chosen_plan else None)
        )
        if chosen_plan is not None:
            results.append(assess_plan(chosen_plan, parsed, data))
    drills = _supplier_drills(suppliers, names, inv, chosen_plan, data) if suppliers else None
    if as_json:
        payload: object = [r.model_dump(mode="json") for r in results]
        if drills is not None:
            payload = {
                "exposure": payload,
                "functions": [d.model_dump(mode="json") for d in drills],
            }
        typer.echo(json.dumps(payload, indent=2, sort_keys=True))
        return
    _print_tables(results)
    if points:
        _print_single_points(points)
    if drills is not None:
        from cloudexit.dependence.render import drills_markdown

        typer.echo(drills_markdown(drills), nl=False)


def _supplier_drills(
    paths: list[Path], names: list[str], inv: Inventory, plan: Plan | None, data: ControlPlanes
) -> list[DrillResult]:
    """Each scenario as a drill with the register: which suppliers and functions it hits."""
    from cloudexit.catalog.loader import load_catalog
    from cloudexit.dependence.drills import Drill, run_drill
    from cloudexit.dependence.functions import resolve
    from cloudexit.dependence.register import load_register

    register = load_register(*paths)
    functions = resolve(register, inv)
    catalog = load_catalog()
    found: list[DrillResult] = []
    for name in names:
        drill = Drill(id=name, scenario=name)
        found.append(run_drill(drill, inv, register, functions, data, catalog))
        if plan is not None:
            found.append(run_drill(drill, inv, register, functions, data, catalog, plan))
    return found


def _print_tables(results: list[Exposure]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    summary = Table(title="Outage exposure")
    for column in (
        "scenario",
        "stage",
        "down",
        "unreachable",
        "control plane",
        "resources hit",
        "spend hit",
        "newly hit",
    ):
        summary.add_column(column, justify="left" if column in ("scenario", "stage") else "right")
    for r in results:
        summary.add_row(
            r.scenario,
            r.stage,
            str(r.down),
            str(r.unreachable),
            str(r.control_plane),
            f"{r.resource_share * 100:.1f} %",
            f"{r.spend_share * 100:.1f} %",
            f"{len(r.newly_hit)} ({r.newly_hit_spend_share * 100:.1f} %)"
            if r.stage == "after"
            else "",
        )
    console.print(summary)
    for r in results:
        if not r.affected:
            continue
        detail = Table(title=f"{r.title} ({r.stage})")
        for column in ("resource", "kind", "where", "impact", "why", "EUR/month"):
            detail.add_column(column)
        for a in r.affected:
            detail.add_row(
                a.name,
                a.kind,
                f"{a.provider}/{a.region}",
                a.impact,
                a.via,
                a.monthly_cost or "unknown",
            )
        console.print(detail)


def _print_single_points(points: list[SinglePoint]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Single points of failure after the plan (share of known spend)")
    for column in ("provider or site", "resources today", "after", "spend today", "after", "new"):
        table.add_column(column, justify="left" if column == "provider or site" else "right")
    for p in points:
        table.add_row(
            p.site,
            str(p.resources_before),
            str(p.resources_after),
            f"{p.spend_share_before * 100:.1f} %",
            f"{p.spend_share_after * 100:.1f} %",
            "yes" if p.new else "no",
        )
    Console().print(table)
