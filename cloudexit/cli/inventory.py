"""`cloudexit inventory {aws,azure,gcp,openstack,import}`: build inventory.json."""

from __future__ import annotations

import typer

from cloudexit.cli.lazy import lazy_group

COMMANDS = {
    "aws": ("cloudexit.cli.inventory_aws", "aws"),
    "azure": ("cloudexit.cli.inventory_azure", "azure"),
    "bill": ("cloudexit.cli.inventory_bill", "bill"),
    "gcp": ("cloudexit.cli.inventory_gcp", "gcp"),
    "import": ("cloudexit.cli.inventory_import", "import_"),
    "openstack": ("cloudexit.cli.inventory_openstack", "openstack"),
}

app = typer.Typer(
    cls=lazy_group(COMMANDS),
    help="Build inventory.json from a cloud (read-only) or from exports.",
    no_args_is_help=True,
)
