"""`cloudexit suppliers {discover,letters}`: where suppliers run, and what to ask them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

import typer

from cloudexit.errors import InputError

app = typer.Typer(help="Suppliers and the clouds they run on.", no_args_is_help=True)


@app.command("discover")
def discover(
    dns: Annotated[
        list[Path], typer.Option("--dns", help="Zone file or 'name TYPE value' lines; repeatable")
    ],
    ip_ranges: Annotated[
        list[Path] | None,
        typer.Option(
            "--ip-ranges",
            help="AWS ip-ranges.json, Azure Service Tags or Google cloud.json; repeatable",
        ),
    ] = None,
    origin: Annotated[
        str | None, typer.Option("--origin", help="Domain for relative names")
    ] = None,
    fmt: Annotated[Literal["table", "json"], typer.Option("--format")] = "table",
) -> None:
    """Suggest which cloud and region serve the names in your DNS records (nothing is looked up)."""
    from cloudexit.dependence.discover import (
        IpRanges,
        load_patterns,
        read_ip_ranges,
        read_records,
        suggest,
    )

    records = [r for path in dns for r in read_records(path, origin)]
    ranges = (
        IpRanges([r for path in ip_ranges or [] for r in read_ip_ranges(path)])
        if ip_ranges
        else None
    )
    found = suggest(records, load_patterns(), ranges)
    if fmt == "json":
        typer.echo(json.dumps([s.model_dump() for s in found], indent=2, sort_keys=True))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(found)} of {len(records)} record(s) point into a cloud")
    for column in ("likely supplier", "record", "provider", "region", "service", "confidence"):
        table.add_column(column)
    for s in found:
        table.add_row(
            s.supplier_hint, s.record, s.provider, s.region or "-", s.service, s.confidence
        )
    Console().print(table)


@app.command("letters")
def letters(
    suppliers: Annotated[list[Path], typer.Argument(help="Supplier register, YAML or CSV")],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for one Markdown letter per supplier")
    ],
    organisation: Annotated[
        str, typer.Option("--organisation", help="Who signs")
    ] = "Our organisation",
) -> None:
    """A request for hosting, subprocessors, offline and exit options to every supplier on a
    non-EU or unknown cloud that a critical function relies on."""
    from cloudexit.catalog.loader import load_catalog
    from cloudexit.dependence.letters import letters as build
    from cloudexit.dependence.register import load_register
    from cloudexit.model.io import write_text_atomic

    register = load_register(*suppliers)
    found = build(register, load_catalog(), organisation)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    for letter in found:
        write_text_atomic(out / letter.filename, letter.text)
        typer.echo(f"{out / letter.filename}: {letter.supplier.name} ({letter.reason})")
    if not found:
        typer.echo(
            "no supplier on a non-EU or unknown cloud serves a critical function: no letter written"
        )
