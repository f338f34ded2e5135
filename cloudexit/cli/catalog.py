"""`cloudexit catalog {list,show,validate,refresh}`: read, check and update the price catalogue."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cloudexit.errors import InputError

if TYPE_CHECKING:
    from cloudexit.catalog.answers import ProviderAnswers
    from cloudexit.catalog.loader import Catalog

app = typer.Typer(
    help="List, show, validate and refresh the provider catalogue.", no_args_is_help=True
)

CatalogOption = Annotated[
    Path | None,
    typer.Option(
        "--catalog", help="Folder with providers/ and mappings/ instead of the bundled catalogue"
    ),
]


def _load(folder: Path | None) -> Catalog:
    from cloudexit.catalog.loader import load_catalog, load_catalog_dir

    return load_catalog_dir(folder) if folder else load_catalog()


def _folders(folder: Path | None) -> tuple[Path, Path]:
    from cloudexit.datafiles import data_dir

    if folder is None:
        return data_dir("providers"), data_dir("mappings")
    for sub in ("providers", "mappings"):
        if not (folder / sub).is_dir():
            raise InputError(f"{folder}: catalogue folder has no {sub}/ subfolder")
    return folder / "providers", folder / "mappings"


def _answers(folder: Path | None, provider: str | None) -> list[ProviderAnswers]:
    """What the look-ups print, read from the cache when this catalogue was answered before."""
    from cloudexit.catalog.answers import answers_for

    providers_dir, mappings_dir = _folders(folder)
    return answers_for(
        providers_dir, mappings_dir, [provider] if provider else None, lambda: _load(folder)
    )


@app.command("list")
def list_products(
    provider: Annotated[
        str | None, typer.Option("--provider", "-p", help="Only this provider")
    ] = None,
    service: Annotated[
        str | None, typer.Option("--service", "-s", help="Only this service (compute, egress ...)")
    ] = None,
    catalog: CatalogOption = None,
) -> None:
    """One line per product: provider, id, service, family, vCPU, memory, lowest price, priced regions."""
    from cloudexit.catalog.answers import LIST_HEADER, SERVICE_COLUMN

    rows = [
        row
        for answers in _answers(catalog, provider)
        for row in answers.rows
        if not service or row[SERVICE_COLUMN] == service
    ]
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(*LIST_HEADER, title=f"{len(rows)} products")
        for row in rows:
            table.add_row(*row)
        Console().print(table)
        return
    typer.echo("\t".join(LIST_HEADER))
    for row in rows:
        typer.echo("\t".join(row))


@app.command("show")
def show(
    provider: Annotated[str, typer.Argument(help="Provider id (aws, azure, gcp, ovhcloud ...)")],
    product: Annotated[str | None, typer.Argument(help="Product id or native size name")] = None,
    catalog: CatalogOption = None,
) -> None:
    """A provider's company, certifications, regions and product counts; or one product in full."""
    (answers,) = _answers(catalog, provider)
    if product is None:
        typer.echo(answers.summary)
        return
    text = answers.product(product)
    if text is None:
        raise InputError(
            f"{provider}: no product {product!r}; try `cloudexit catalog list --provider {provider}`"
        )
    typer.echo(text)


@app.command("validate")
def validate_catalogue(
    catalog: CatalogOption = None,
    list_unverified: Annotated[
        bool,
        typer.Option(
            "--list-unverified", help="Print every unverified figure, not only the counts"
        ),
    ] = False,
) -> None:
    """Check every file and cross-reference; exit 2 with one line per problem."""
    from cloudexit.catalog.validate import check_catalog

    providers_dir, mappings_dir = _folders(catalog)
    report = check_catalog(providers_dir, mappings_dir)
    for provider_id, prov in sorted(report.providers.items()):
        prices = [price for p in prov.products for price in p.prices]
        unverified = sum(1 for price in prices if not price.verified)
        certs = sum(1 for cert in prov.certifications if not cert.verified)
        typer.echo(
            f"{provider_id}: {len(prov.products)} products, {len(prices)} prices "
            f"({len(prices) - unverified} verified, {unverified} unverified), "
            f"{len(prov.regions)} regions, {len(prov.certifications)} certifications ({certs} unverified)"
        )
    for warning in report.warnings:
        typer.echo(f"warning: {warning}", err=True)
    if list_unverified:
        for line in report.unverified:
            typer.echo(f"unverified: {line}")
    if not report.ok:
        for problem in report.problems:
            typer.echo(problem, err=True)
        typer.echo(f"catalogue has {len(report.problems)} problem(s)", err=True)
        raise typer.Exit(2)
    typer.echo("catalogue is valid")


NO_PRICE_LIST = {
    "ionos": "IONOS publishes no machine-readable price list; its prices are kept by hand",
    "opennebula": "OpenNebula is software run on your own hardware; its costs are user-set",
}


@app.command("refresh")
def refresh(
    provider: Annotated[
        list[str] | None,
        typer.Option("--provider", "-p", help="Provider to refresh (repeatable); default all"),
    ] = None,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for the <provider>.changes.yaml files")
    ] = Path("catalog-refresh"),
    endpoint: Annotated[
        str | None,
        typer.Option("--endpoint", help="Base URL replacing the public price list (one provider)"),
    ] = None,
    region: Annotated[
        list[str] | None,
        typer.Option(
            "--region", "-r", help="Region to fetch (repeatable); default the catalogue's"
        ),
    ] = None,
    catalog: CatalogOption = None,
) -> None:
    """Fetch public price lists and write the differences for review; the catalogue is never changed."""
    from cloudexit.catalog.refresh import FETCHERS, compare, write_changes

    chosen = sorted(set(provider)) if provider else sorted(FETCHERS)
    unknown = [p for p in chosen if p not in FETCHERS]
    if unknown:
        why = "; ".join(NO_PRICE_LIST[p] for p in unknown if p in NO_PRICE_LIST)
        raise InputError(
            f"--provider: no price list fetcher for {', '.join(unknown)}; known: {', '.join(FETCHERS)}"
            + (f" ({why})" if why else "")
        )
    if endpoint and len(chosen) != 1:
        raise InputError("--endpoint needs exactly one --provider")
    providers_dir, _ = _folders(catalog)
    if out.resolve() == providers_dir.resolve():
        raise InputError(
            f"--out {out}: refresh never writes into the catalogue; choose another folder"
        )
    loaded = _load(catalog)
    for provider_id in chosen:
        fetcher = FETCHERS[provider_id]
        current = loaded.providers.get(provider_id)
        regions = list(region or [])
        if not regions and fetcher.per_region and current is not None:
            regions = sorted(r.code for r in current.regions)
        base = (endpoint or fetcher.endpoint).rstrip("/")
        observed = fetcher.fetch(base, regions)
        if fetcher.compose is not None:
            observed = fetcher.compose(observed, current)
        changes = compare(provider_id, current, observed, base)
        written = write_changes(changes, out)
        typer.echo(f"{changes.summary()} -> {written}")
