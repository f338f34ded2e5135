"""`cloudexit inventory openstack --cloud NAME`: a project's resources, flavours and quotas, read-only."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cloudexit.cli.inventory_output import catalog_from, write
from cloudexit.errors import InputError
from cloudexit.progress import progress_display


def openstack(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="inventory.json to write")
    ] = None,
    cloud: Annotated[
        str | None,
        typer.Option(
            "--cloud", help="Cloud in clouds.yaml (default: OS_CLOUD, else OS_* variables)"
        ),
    ] = None,
    region: Annotated[
        list[str] | None,
        typer.Option("--region", "-r", help="Region; repeatable (default: those configured)"),
    ] = None,
    endpoint_url: Annotated[
        str | None,
        typer.Option("--endpoint-url", help="Keystone URL replacing the configured auth_url"),
    ] = None,
    capacity_out: Annotated[
        Path | None,
        typer.Option(
            "--capacity-out",
            help="Write flavours and quota headroom per region (.yaml or .json) "
            "for the policy's capacity section",
        ),
    ] = None,
    capacity_provider: Annotated[
        str, typer.Option("--capacity-provider", help="Provider id the capacity entries name")
    ] = "ovhcloud",
    catalog: Annotated[
        Path | None, typer.Option("--catalog", help="Catalogue folder (providers/, mappings/)")
    ] = None,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr")
    ] = None,
) -> None:
    """Inventory an OpenStack project (clouds.yaml or OS_* credentials), and its capacity."""
    if output is None and capacity_out is None:
        raise InputError("inventory openstack: give --output, --capacity-out or both")
    from cloudexit.connectors.openstack import OpenStackScan, scan_cloud
    from cloudexit.connectors.openstack.capacity import write as write_capacity

    scan = OpenStackScan(
        cloud=cloud,
        regions=tuple(region or ()),
        endpoint_url=endpoint_url,
        capacity_provider=capacity_provider,
    )
    chosen = catalog_from(catalog)
    with progress_display(progress) as display:
        result = scan_cloud(scan, catalog=chosen, progress=display)
    if capacity_out is not None:
        write_capacity(
            capacity_out, result.capacity, result.flavors, result.inventory.sources[0].location
        )
        typer.echo(
            f"openstack: capacity of {len(result.capacity)} region(s) and {len(result.flavors)} flavours "
            f"written to {capacity_out}",
            err=True,
        )
    if output is not None:
        write(result.inventory, output, "openstack")
