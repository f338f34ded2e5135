"""`cloudexit plan INVENTORY... [--policy FILE] --out DIR`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cloudexit import api


def plan(
    inventories: Annotated[list[Path], typer.Argument(help="inventory.json files to plan together")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for plan.json, terraform/, runbook.md")],
    policy: Annotated[Path | None, typer.Option("--policy", "-p", help="policy.yaml")] = None,
    catalog: Annotated[
        Path | None,
        typer.Option("--catalog", help="Folder with providers/ and mappings/ replacing the bundled catalogue"),
    ] = None,
    templates: Annotated[
        Path | None, typer.Option("--templates", help="Folder of templates overriding the bundled ones")
    ] = None,
) -> None:
    """Place every resource under the policy and write the artefacts."""
    inventory = api.load_inventory(*inventories)
    chosen_policy = api.load_policy(policy)
    chosen_catalog = api.load_catalog_dir(catalog) if catalog else api.load_catalog()
    result = api.plan(inventory, chosen_policy, chosen_catalog)
    written = api.emit(result, out, templates, chosen_catalog)
    t = result.totals
    typer.echo(
        f"planned {len(result.placements)} of {len(inventory.resources)} resources "
        f"({len(result.unplaced)} not placed); EUR/month {t.current_monthly} today -> "
        f"{t.target_monthly} target + {t.retained_monthly} kept; one-off {t.one_off_migration}; "
        f"{len(written)} files in {out}",
        err=True,
    )
    for warning in result.warnings:
        typer.echo(f"warning: {warning}", err=True)
