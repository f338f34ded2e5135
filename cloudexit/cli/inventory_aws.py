"""`cloudexit inventory aws --output inventory.json`: read an AWS estate, read-only."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from cloudexit.model.io import save
from cloudexit.progress import progress_display


def split_list(values: list[str] | None) -> list[str] | None:
    """Options given as ``a,b`` or repeated, as one list; None when not given."""
    if not values:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()] or None


def aws(
    output: Annotated[Path, typer.Option("--output", "-o", help="inventory.json to write")],
    profile: Annotated[
        str | None,
        typer.Option("--profile", help="AWS profile (also SSO); default: the standard chain"),
    ] = None,
    regions: Annotated[
        list[str] | None,
        typer.Option(
            "--regions", help="Regions to scan (comma-separated); default: every enabled one"
        ),
    ] = None,
    org: Annotated[
        bool, typer.Option("--org", help="Scan every active account of the AWS Organization")
    ] = False,
    role_name: Annotated[
        str | None,
        typer.Option(
            "--role-name",
            help="Role assumed in each other account; needed with --org or other --accounts. "
            "Grant it only the policy of `cloudexit permissions aws` (the guard refuses "
            "writes whatever the role allows)",
        ),
    ] = None,
    accounts: Annotated[
        list[str] | None,
        typer.Option("--accounts", help="Only these account ids (comma-separated)"),
    ] = None,
    endpoint_url: Annotated[
        str | None,
        typer.Option(
            "--endpoint-url",
            envvar="AWS_ENDPOINT_URL",
            help="An AWS-compatible endpoint for every service",
        ),
    ] = None,
    services: Annotated[
        list[str] | None,
        typer.Option(
            "--services", help="Only these clients (ec2, rds, s3 ...) or CloudFormation types"
        ),
    ] = None,
    metrics_days: Annotated[
        int,
        typer.Option(
            "--metrics-days", help="Days of CloudWatch CPU for right-sizing; 0 skips metrics"
        ),
    ] = 14,
    workers: Annotated[int, typer.Option("--workers", help="Parallel reads")] = 16,
) -> None:
    """Inventory AWS accounts with boto3: only the declared reads go out, never a write or a secret."""
    from cloudexit.connectors.aws import scan

    with progress_display() as progress:
        inventory = scan(
            profile=profile,
            regions=split_list(regions),
            org=org,
            role_name=role_name,
            accounts=split_list(accounts),
            endpoint_url=endpoint_url,
            services=split_list(services),
            metrics_days=metrics_days,
            workers=workers,
            progress=progress,
        )
    save(inventory, output)
    issues = Counter(i.code for i in inventory.issues)
    summary = ", ".join(f"{n} {code}" for code, n in sorted(issues.items())) or "none"
    typer.echo(
        f"read {len(inventory.resources)} resources from {len(inventory.sources)} account(s); "
        f"issues: {summary}; wrote {output}",
        err=True,
    )
