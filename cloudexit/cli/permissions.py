"""`cloudexit permissions {aws,azure,gcp}`: the least privilege a scan needs."""

from __future__ import annotations

import typer

from cloudexit.cli import permissions_aws

app = typer.Typer(help="Print the read-only permissions a scan needs.", no_args_is_help=True)
app.command("aws")(permissions_aws.aws)
