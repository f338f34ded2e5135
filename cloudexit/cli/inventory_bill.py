"""`cloudexit inventory bill INVENTORY FOCUS... --output FILE`: today's cost from a cost export."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer

from cloudexit.errors import InputError
from cloudexit.model.io import load_inventory, save


def _ends(values: list[str]) -> dict[str, dt.date]:
    ends: dict[str, dt.date] = {}
    for value in values:
        cid, sep, date = value.rpartition("=")
        try:
            ends[cid] = dt.date.fromisoformat(date)
        except ValueError:
            sep = ""
        if not sep or not cid:
            raise InputError(f"--commitment-end {value!r}: expected COMMITMENT_ID=YYYY-MM-DD")
    return ends


def bill(
    inventory: Annotated[Path, typer.Argument(help="inventory.json to complete")],
    exports: Annotated[
        list[Path], typer.Argument(help="FOCUS 1.x cost exports, CSV (optionally gzip) or Parquet")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="inventory.json to write")],
    commitment_end: Annotated[
        list[str] | None,
        typer.Option(
            "--commitment-end",
            help="ID=YYYY-MM-DD: when a commitment's term ends (FOCUS exports "
            "do not say); its remaining fees become a stranded cost. Repeatable",
        ),
    ] = None,
) -> None:
    """Set each resource's monthly cost from the export's effective cost; summarise commitments and
    spend on resources the inventory does not hold."""
    from cloudexit.importers.focus import apply_bill

    result = apply_bill(load_inventory(inventory), exports, _ends(commitment_end or []))
    save(result, output)
    summary = result.bill
    assert summary is not None
    unmatched = sum((u.monthly for u in summary.unmatched), Decimal(0))
    typer.echo(
        f"{summary.matched_resources} resources priced from the bill ({summary.currency} "
        f"{summary.matched_monthly:,.2f} a month of {summary.total_monthly:,.2f}); {len(summary.commitments)} "
        f"commitment(s); {summary.currency} {unmatched:,.2f} a month on resources not in the inventory; "
        f"wrote {output}",
        err=True,
    )
