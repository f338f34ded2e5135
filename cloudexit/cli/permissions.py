"""`cloudexit permissions {aws,azure,gcp}`: the least privilege a scan needs."""

from __future__ import annotations

import typer

app = typer.Typer(help="Print the read-only permissions a scan needs.", no_args_is_help=True)
