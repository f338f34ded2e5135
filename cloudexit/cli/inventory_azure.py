"""`cloudexit inventory azure`: every visible subscription, read-only."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cloudexit.cli.inventory_output import catalog_from, write
from cloudexit.progress import progress_display


def azure(
    output: Annotated[Path, typer.Option("--output", "-o", help="inventory.json to write")],
    subscription: Annotated[
        list[str] | None,
        typer.Option(
            "--subscription", "-s", help="Subscription id; repeatable (default: all visible)"
        ),
    ] = None,
    management_group: Annotated[
        list[str] | None,
        typer.Option("--management-group", "-m", help="Management group id; repeatable"),
    ] = None,
    cloud: Annotated[str, typer.Option("--cloud", help="public, usgov or china")] = "public",
    endpoint_url: Annotated[
        str | None,
        typer.Option(
            "--endpoint-url",
            help="Resource Manager endpoint (sovereign cloud, Azure Stack, test server)",
        ),
    ] = None,
    credential_scope: Annotated[
        str | None,
        typer.Option(
            "--credential-scope", help="Token scope, when it differs from <endpoint>/.default"
        ),
    ] = None,
    authority: Annotated[
        str | None, typer.Option("--authority", help="Sign-in authority host")
    ] = None,
    resource_graph: Annotated[
        bool,
        typer.Option(
            "--resource-graph/--no-resource-graph",
            help="Query Resource Graph (else list through ARM)",
        ),
    ] = True,
    metrics: Annotated[
        bool, typer.Option("--metrics/--no-metrics", help="Read Azure Monitor utilisation")
    ] = True,
    metrics_days: Annotated[
        int, typer.Option("--metrics-days", min=1, max=93, help="Days of metrics")
    ] = 14,
    catalog: Annotated[
        Path | None, typer.Option("--catalog", help="Catalogue folder (providers/, mappings/)")
    ] = None,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr")
    ] = None,
) -> None:
    """Inventory Azure through Resource Graph and Azure Monitor (DefaultAzureCredential)."""
    from cloudexit.connectors.azure import AzureScan, collect

    scan = AzureScan(
        subscriptions=tuple(subscription or ()),
        management_groups=tuple(management_group or ()),
        cloud=cloud,
        endpoint_url=endpoint_url,
        credential_scope=credential_scope,
        authority=authority,
        resource_graph=resource_graph,
        metrics=metrics,
        metrics_days=metrics_days,
    )
    chosen = catalog_from(catalog)
    with progress_display(progress) as display:
        inventory = collect(scan, catalog=chosen, progress=display)
    write(inventory, output, "azure")
