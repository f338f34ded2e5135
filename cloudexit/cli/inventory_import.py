"""`cloudexit inventory import FILE... --output inventory.json`: inventories from exports."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Annotated

import typer

from cloudexit.errors import InputError
from cloudexit.importers import FORMATS, import_files
from cloudexit.model.io import save
from cloudexit.wording import counted


def import_(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Export files: Terraform state or plan JSON, AWS Config, "
            "AWS CLI output, Resource Graph, Cloud Asset, server CSV"
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="inventory.json to write")],
    format: Annotated[
        str | None,
        typer.Option("--format", "-f", help=f"Skip detection; one of {', '.join(FORMATS)}"),
    ] = None,
    planned: Annotated[
        bool, typer.Option("--planned", help="Include the resources a Terraform plan would create")
    ] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="When the exports were taken (ISO 8601 date or time, UTC if no zone); "
            "recorded as the inventory's date instead of now, so the same exports give the same "
            "file. SOURCE_DATE_EPOCH is honoured the same way",
        ),
    ] = None,
) -> None:
    """Detect each file's format and write the same inventory a live scan would."""
    stamp = _stamp(as_of)
    inventory = import_files(files, format=format, planned=planned)
    inventory.generated_at = stamp
    save(inventory, output)
    unread = [i for i in inventory.issues if i.code == "unreadable"]
    if unread:
        faults = "; ".join(i.message for i in unread)
        raise InputError(
            f"{faults}; wrote {output} with {counted(len(inventory.resources), 'resource')} "
            "read in all, the fault recorded among its issues"
        )
    skipped = sum(1 for i in inventory.issues if i.code == "skipped")
    other = len(inventory.issues) - skipped
    typer.echo(
        f"imported {len(inventory.resources)} resources from {len(files)} file(s), "
        f"{skipped} skipped with a reason, {other} other issue(s); wrote {output}",
        err=True,
    )


def _stamp(as_of: str | None) -> str:
    """The inventory's date: the one given, else SOURCE_DATE_EPOCH, else now (UTC, seconds)."""
    if as_of is not None:
        try:
            when = dt.datetime.fromisoformat(as_of)
            if when.tzinfo is None:
                when = when.replace(tzinfo=dt.UTC)
            return when.astimezone(dt.UTC).replace(microsecond=0).isoformat()
        except (ValueError, OverflowError):
            raise InputError(
                f"--as-of {as_of!r} is not an ISO 8601 date or time in UTC's range, e.g. "
                "2026-12-01 or 2026-12-01T09:30:00+01:00"
            ) from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC).isoformat()
        except (ValueError, OverflowError, OSError):
            raise InputError(
                f"SOURCE_DATE_EPOCH={epoch!r} is not a count of seconds since 1970"
            ) from None
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
