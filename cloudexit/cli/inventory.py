"""`cloudexit inventory {aws,azure,gcp,openstack,import}`: build inventory.json."""

from __future__ import annotations

import typer

from cloudexit.cli import (
    inventory_aws,
    inventory_azure,
    inventory_bill,
    inventory_gcp,
    inventory_import,
    inventory_openstack,
)

app = typer.Typer(
    help="Build inventory.json from a cloud (read-only) or from exports.", no_args_is_help=True
)
app.command("aws")(inventory_aws.aws)
app.command("azure")(inventory_azure.azure)
app.command("bill")(inventory_bill.bill)
app.command("gcp")(inventory_gcp.gcp)
app.command("import")(inventory_import.import_)
app.command("openstack")(inventory_openstack.openstack)
