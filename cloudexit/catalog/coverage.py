"""Which regions a source cloud's non-compute products are priced in, recorded missing, or neither."""

from __future__ import annotations

from cloudexit.catalog.schema import Product, ProviderFile, Service
from cloudexit.catalog.sizing import price_in

# Countries counted as Europe for a source cloud's regions (EU, EEA, Switzerland, United Kingdom).
EUROPE = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CH",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GB",
        "GR",
        "HR",
        "HU",
        "IE",
        "IS",
        "IT",
        "LI",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "NO",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    ]
)


def compute_regions(provider: ProviderFile) -> list[str]:
    """Regions where the provider prices at least one compute size."""
    codes = [r.code for r in provider.regions]
    found: set[str] = set()
    for product in provider.products:
        if product.service == "compute":
            for price in product.prices:
                found.update(price.regions or codes)
    return [code for code in codes if code in found]


def european_regions(provider: ProviderFile) -> list[str]:
    """Regions in Europe where the provider prices compute."""
    countries = {r.code: r.country for r in provider.regions}
    return [code for code in compute_regions(provider) if countries[code] in EUROPE]


def priced_kinds(provider: ProviderFile) -> list[Service]:
    """Non-compute kinds (services) the file prices somewhere."""
    return sorted({p.service for p in provider.products if p.service != "compute" and p.prices})


def kind_gaps(provider: ProviderFile) -> list[tuple[Service, str]]:
    """(kind, European region) pairs where the file prices the kind somewhere but no product of
    that kind has a price in the region (each such product is then recorded as unpriced there)."""
    gaps: list[tuple[Service, str]] = []
    for kind in priced_kinds(provider):
        products = [p for p in provider.products if p.service == kind]
        gaps += [
            (kind, region)
            for region in european_regions(provider)
            if not any(price_in(p, region) is not None for p in products)
        ]
    return gaps


def _covered(product: Product, everywhere: list[str]) -> set[str]:
    # A region where the product is not offered is no gap: there is nothing to price there.
    priced = {r for r in everywhere if product.regions and r not in product.regions}
    for price in product.prices:
        priced.update(price.regions or everywhere)
    return priced | {r for u in product.unpriced for r in u.regions}


def price_gaps(provider: ProviderFile) -> list[tuple[str, str]]:
    """(product, region) pairs of non-compute products with neither a price nor an unpriced
    record in a region where the provider prices compute; egress counts as priced where it is."""
    codes = [r.code for r in provider.regions]
    regions = compute_regions(provider)
    gaps: list[tuple[str, str]] = []
    for product in sorted(provider.products, key=lambda p: p.id):
        if product.service == "compute" or product.id.startswith("custom/"):
            continue
        covered = _covered(product, codes)
        gaps += [(product.id, region) for region in regions if region not in covered]
    return gaps


def unpriced_pairs(provider: ProviderFile) -> list[tuple[str, str]]:
    """(product, region) pairs recorded without a list price."""
    return sorted((p.id, r) for p in provider.products for u in p.unpriced for r in u.regions)


def coverage_warnings(provider: ProviderFile) -> list[str]:
    """One line per source provider on product-region pairs without a list price."""
    if provider.role != "source":
        return []
    lines = []
    gaps = price_gaps(provider)
    if gaps:
        shown = ", ".join(f"{p} {r}" for p, r in gaps[:5]) + (", ..." if len(gaps) > 5 else "")
        lines.append(
            f"{provider.id}: {len(gaps)} non-compute product-region pairs have neither a price "
            f"nor an unpriced record ({shown})"
        )
    kinds = kind_gaps(provider)
    if kinds:
        pairs = len(priced_kinds(provider)) * len(european_regions(provider))
        by_kind: dict[str, list[str]] = {}
        for kind, region in kinds:
            by_kind.setdefault(kind, []).append(region)
        # Every pair is named: a shortened list hid which regions a plan there cannot cost.
        shown = "; ".join(f"{k}: {', '.join(rs)}" for k, rs in by_kind.items())
        lines.append(
            f"{provider.id}: {len(kinds)} of {pairs} kind-region pairs in Europe have no list "
            f"price for any product of the kind ({shown})"
        )
    missing = unpriced_pairs(provider)
    if missing:
        products = len({p for p, _ in missing})
        lines.append(
            f"{provider.id}: {len(missing)} product-region pairs ({products} products) have no "
            "list price (recorded as unpriced): today's cost leaves those resources out"
        )
    return lines
