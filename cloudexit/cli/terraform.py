"""`cloudexit terraform {check,validate} DIR`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cloudexit.errors import RuntimeFailure

app = typer.Typer(
    help="Check generated Terraform: offline, or with your terraform/tofu binary.",
    no_args_is_help=True,
)


@app.command("check")
def check(
    folder: Annotated[Path, typer.Argument(help="Folder of Terraform modules, e.g. out/terraform")],
    schemas: Annotated[
        Path | None,
        typer.Option(
            "--schemas",
            help="Provider-schema reference or derived facts file (default: bundled facts)",
        ),
    ] = None,
    warnings: Annotated[
        bool, typer.Option("--warnings/--no-warnings", help="List warnings too")
    ] = True,
) -> None:
    """Schema, `terraform fmt` and configuration-loader checks, without network."""
    from cloudexit.tfcheck.run import NOT_RUN, check_folder

    report = check_folder(folder, schemas)
    for finding in report.findings:
        if finding.severity == "error" or warnings or finding.message == NOT_RUN:
            typer.echo(finding.line())
    typer.echo(
        f"checked {report.files} files in {report.modules} modules: "
        f"{len(report.errors)} errors, {len(report.warnings)} warnings",
        err=True,
    )
    if report.errors:
        raise RuntimeFailure(f"{folder}: {len(report.errors)} errors in the Terraform checks")


@app.command("validate")
def validate(
    folder: Annotated[Path, typer.Argument(help="Folder of Terraform modules, e.g. out/terraform")],
    binary: Annotated[
        str | None, typer.Option("--binary", help="terraform or tofu executable")
    ] = None,
) -> None:
    """`init -backend=false` and `validate` in every module; needs providers from the network."""
    from cloudexit.tfcheck.validate import validate as run_validate

    failed = 0
    for result in run_validate(folder, binary):
        status = "ok" if result.ok else "FAILED"
        typer.echo(f"{status}: {result.module}")
        if not result.ok:
            failed += 1
            typer.echo(result.output)
    if failed:
        raise RuntimeFailure(f"{failed} modules failed terraform validate")
