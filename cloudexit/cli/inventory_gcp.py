"""`cloudexit inventory gcp --scope projects/P|folders/F|organizations/O`, read-only."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cloudexit.cli.inventory_output import catalog_from, write
from cloudexit.progress import progress_display


def gcp(
    scope: Annotated[
        str, typer.Option("--scope", help="projects/ID, folders/NUMBER or organizations/NUMBER")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="inventory.json to write")],
    endpoint_url: Annotated[
        str | None,
        typer.Option(
            "--endpoint-url", help="Cloud Asset API endpoint (sovereign cloud, test server)"
        ),
    ] = None,
    monitoring_endpoint: Annotated[
        str | None,
        typer.Option(
            "--monitoring-endpoint",
            help="Cloud Monitoring gRPC endpoint (host[:port]; http:// for plain text)",
        ),
    ] = None,
    dns_endpoint: Annotated[
        str | None,
        typer.Option(
            "--dns-endpoint", help="Cloud DNS API endpoint (sovereign cloud, test server)"
        ),
    ] = None,
    metrics: Annotated[
        bool, typer.Option("--metrics/--no-metrics", help="Read Cloud Monitoring utilisation")
    ] = True,
    metrics_days: Annotated[
        int, typer.Option("--metrics-days", min=0, help="Days of metrics (0 reads none)")
    ] = 14,
    anonymous: Annotated[
        bool,
        typer.Option("--anonymous", help="Send no credentials (emulators and local test servers)"),
    ] = False,
    catalog: Annotated[
        Path | None, typer.Option("--catalog", help="Catalogue folder (providers/, mappings/)")
    ] = None,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr")
    ] = None,
) -> None:
    """Inventory GCP through Cloud Asset Inventory, Cloud DNS and Cloud Monitoring (application default credentials)."""
    from cloudexit.connectors.gcp import GcpScan, collect

    scan = GcpScan(
        scope=scope,
        endpoint_url=endpoint_url,
        anonymous=anonymous,
        metrics=metrics,
        metrics_days=metrics_days,
        monitoring_endpoint=monitoring_endpoint,
        dns_endpoint=dns_endpoint,
    )
    chosen = catalog_from(catalog)
    with progress_display(progress) as display:
        inventory = collect(scan, catalog=chosen, progress=display)
    write(inventory, output, "gcp")
