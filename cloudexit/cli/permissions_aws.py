"""`cloudexit permissions aws`: the IAM policy a scan needs, generated from the connector's declarations."""

from __future__ import annotations

from typing import Annotated

import typer

from cloudexit.cli.inventory_aws import split_list


def aws(
    org: Annotated[
        bool,
        typer.Option("--org", help="Add listing the organisation and assuming the member role"),
    ] = False,
    role_name: Annotated[
        str | None,
        typer.Option("--role-name", help="Member role the scan assumes (required with --org)"),
    ] = None,
    services: Annotated[
        list[str] | None,
        typer.Option("--services", help="Only the reads of these clients or types"),
    ] = None,
) -> None:
    """Print the minimal read-only IAM policy (JSON) for `cloudexit inventory aws`."""
    from cloudexit.connectors.aws.permissions import policy_json
    from cloudexit.connectors.aws.registry import select

    typer.echo(
        policy_json(select(split_list(services)), org=org, role_name=role_name),
        nl=False,
    )
