"""`cloudexit catalog {list,show,validate,refresh}`: read, check and update the price catalogue."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.schema import Price, Product, ProviderFile
from cloudexit.errors import InputError

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


def _price_text(price: Price) -> str:
    return f"{format(price.amount, 'f')} {price.currency}/{price.unit}"


def _cheapest(product: Product) -> str:
    if not product.prices:
        return "price on request"
    price = min(product.prices, key=lambda p: (p.unit, p.currency, p.amount))
    return _price_text(price)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


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
    loaded = _load(catalog)
    providers = (
        [loaded.provider(provider)]
        if provider
        else [loaded.providers[p] for p in sorted(loaded.providers)]
    )
    header = [
        "provider",
        "product",
        "service",
        "family",
        "vcpu",
        "memory_gib",
        "from",
        "priced_regions",
        "unverified",
    ]
    rows: list[list[str]] = []
    for prov in providers:
        for product in sorted(prov.products, key=lambda p: (p.service, p.id)):
            if service and product.service != service:
                continue
            regions = sorted({r for p in product.prices for r in p.regions}) or ["all"]
            unverified = sum(1 for p in product.prices if not p.verified)
            rows.append(
                [
                    prov.id,
                    product.id,
                    product.service,
                    product.family,
                    _number(product.specs.vcpu),
                    _number(product.specs.memory_gib),
                    _cheapest(product),
                    str(len(regions)) if regions != ["all"] else "all",
                    str(unverified) if unverified else "",
                ]
            )
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(*header, title=f"{len(rows)} products")
        for row in rows:
            table.add_row(*row)
        Console().print(table)
        return
    typer.echo("\t".join(header))
    for row in rows:
        typer.echo("\t".join(row))


@app.command("show")
def show(
    provider: Annotated[str, typer.Argument(help="Provider id (aws, azure, gcp, ovhcloud ...)")],
    product: Annotated[str | None, typer.Argument(help="Product id or native size name")] = None,
    catalog: CatalogOption = None,
) -> None:
    """A provider's company, certifications, regions and product counts; or one product in full."""
    loaded = _load(catalog)
    prov = loaded.provider(provider)
    if product is None:
        _show_provider(prov)
        return
    from cloudexit.catalog.lookup import find_product, index_products

    found = find_product(index_products(prov), product)
    if found is None:
        raise InputError(
            f"{provider}: no product {product!r}; try `cloudexit catalog list --provider {provider}`"
        )
    _show_product(prov, found)


def _show_provider(prov: ProviderFile) -> None:
    c = prov.company
    lines = [
        f"{prov.name} ({prov.id}), role {prov.role}, prices in {prov.currency}",
        f"company: {c.legal_name}, {c.headquarters} ({c.country})"
        + (f", parent {c.parent}" if c.parent else ""),
        f"jurisdiction exposure: {c.exposure}; laws: {', '.join(c.extraterritorial_laws) or 'none'}",
        f"  {c.exposure_reason}",
        f"  source: {c.source.url} (retrieved {c.source.retrieved})",
        f"certifications ({len(prov.certifications)}):",
    ]
    for cert in prov.certifications:
        where = ", ".join(cert.regions) or "all regions"
        flag = "" if cert.verified else " [unverified]"
        lines.append(f"  {cert.name}: {where}{flag} - {cert.source.url}")
    lines.append(f"regions ({len(prov.regions)}):")
    for region in prov.regions:
        lines.append(f"  {region.code}: {region.name}, {region.city} ({region.country})")
    services: dict[str, int] = {}
    for p in prov.products:
        services[p.service] = services.get(p.service, 0) + 1
    prices = [price for p in prov.products for price in p.prices]
    unverified = sum(1 for price in prices if not price.verified)
    lines.append(
        f"products ({len(prov.products)}): "
        + ", ".join(f"{s} {n}" for s, n in sorted(services.items()))
    )
    lines.append(f"prices: {len(prices)} entries, {unverified} unverified")
    typer.echo("\n".join(lines))


def _show_product(prov: ProviderFile, product: Product) -> None:
    specs = product.specs.model_dump(exclude_none=True, exclude_defaults=True)
    lines = [
        f"{prov.id}/{product.id}: {product.name}",
        f"service {product.service}, family {product.family}"
        + (" (deprecated)" if product.deprecated else ""),
        "specs: "
        + (
            ", ".join(f"{k} {_number(v) if isinstance(v, float) else v}" for k, v in specs.items())
            or "none recorded"
        ),
    ]
    if product.regions:
        lines.append("offered in: " + ", ".join(product.regions))
    if product.price_on_request is not None:
        quote = product.price_on_request
        lines.append(f"price on request: {quote.url} (retrieved {quote.retrieved})")
    lines.append(f"prices ({len(product.prices)}):")
    for price in product.prices:
        where = ", ".join(price.regions) or "all regions"
        free = f", first {price.free_quantity} free" if price.free_quantity else ""
        flag = "" if price.verified else " [unverified]"
        lines.append(f"  {_price_text(price)} in {where}{free}{flag}")
        lines.append(f"    source: {price.source.url} (retrieved {price.source.retrieved})")
        if price.source.note:
            lines.append(f"    note: {price.source.note}")
    for gap in product.unpriced:
        lines.append(f"no price in {', '.join(gap.regions)} (checked {gap.checked}): {gap.reason}")
    typer.echo("\n".join(lines))


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
        raise InputError(
            f"--provider: no price list fetcher for {', '.join(unknown)}; known: {', '.join(FETCHERS)}"
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
