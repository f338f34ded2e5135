"""`cloudexit check INVENTORY|PLAN`: hard limits on cloud dependence, for CI."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer


def check(
    subject: Annotated[
        Path, typer.Argument(help="inventory.json (the estate today) or plan.json (after the plan)")
    ],
    policy: Annotated[
        Path | None,
        typer.Option(
            "--policy", "-p", help="policy.yaml with `limits:` (default: the plan's own policy)"
        ),
    ] = None,
    suppliers: Annotated[
        list[Path] | None,
        typer.Option("--suppliers", help="Supplier register, YAML or CSV; repeatable"),
    ] = None,
    drills: Annotated[
        Path | None, typer.Option("--drills", help="Drills file: figures per drill")
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help="An earlier `check --format json` output: a figure that got worse fails",
        ),
    ] = None,
    terraform_plan: Annotated[
        Path | None,
        typer.Option(
            "--terraform-plan",
            help="`terraform show -json` of a plan: what the change adds, checked as if applied",
        ),
    ] = None,
    fmt: Annotated[
        Literal["markdown", "json"],
        typer.Option("--format", help="markdown (for a pull-request comment) or json (a baseline)"),
    ] = "markdown",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Also write the report here")
    ] = None,
) -> None:
    """Hold the estate against the policy's limits and a baseline; exit 1 when a limit is breached
    or a figure regressed, 0 when all pass."""
    from cloudexit.catalog.loader import load_catalog
    from cloudexit.dependence.check import CheckReport, additions, measure, regressions
    from cloudexit.dependence.drills import load_drills
    from cloudexit.dependence.register import load_register
    from cloudexit.dependence.render import check_markdown
    from cloudexit.dependence.subject import load_subject, with_created
    from cloudexit.model.io import read_json, validate, write_text_atomic
    from cloudexit.risk.exposure import load_control_planes

    chosen = load_subject(subject, policy)
    catalog = load_catalog()
    register = load_register(*suppliers) if suppliers else None
    drill_list = load_drills(drills).drills if drills else []
    data = load_control_planes()
    limits = chosen.policy.limits
    estate = chosen.estate
    notes: list[str] = []
    if register is None and (
        limits.max_critical_functions_on_non_eu_suppliers is not None
        or limits.max_non_eu_critical_function_share is not None
    ):
        notes.append("limits on critical functions need --suppliers: not checked")
    metrics = measure(estate, catalog, limits, register, drill_list, data)
    found = []
    added = []
    if terraform_plan is not None:
        from cloudexit.importers import import_file

        imported = import_file(
            terraform_plan, format="terraform-json", planned=True, catalog=catalog
        )
        created = [r for r in imported.resources if r.planned]
        changed = with_created(estate, created)
        after_change = measure(changed, catalog, limits, register, drill_list, data)
        found += regressions(metrics, after_change, f"terraform plan {terraform_plan.name}")
        added = additions(created, catalog, data, estate)
        metrics = after_change
        notes.append(
            f"{terraform_plan.name}: {len(created)} resource(s) created, "
            f"{sum(a.jurisdiction == 'non-EU' for a in added)} under non-EU jurisdiction"
        )
    if baseline is not None:
        old = validate(CheckReport, read_json(baseline), baseline)
        found += regressions(old.metrics, metrics, f"baseline {baseline.name}")
    report = CheckReport(
        subject=subject.name,
        stage=estate.stage,
        metrics=metrics,
        regressions=found,
        additions=added,
        notes=notes,
    )
    text = report.model_dump_json(indent=2) + "\n" if fmt == "json" else check_markdown(report)
    if output is not None:
        write_text_atomic(output, text)
    typer.echo(text, nl=False)
    if not report.passed:
        raise typer.Exit(1)
