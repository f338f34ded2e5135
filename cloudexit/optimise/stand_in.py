"""What the choice counts for a part with no list price at a site.

A part with no price is left out of the option's monthly cost and every figure of the plan, and
named as unpriced. Counting it as nothing when options are compared would make the site look
cheaper for the very reason that its price is unknown. So the choice counts it at the highest
price the catalogue knows for the same thing (the same product, or the block storage the part
would be written on) at any site of the provider, else for the same service at any target
provider: a stated stand-in that is never shown as a cost. An option with a part for which no
price is known anywhere cannot be compared, and is left out of the options."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import lru_cache

from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.schema import Price, Product, ProductSelector, ProviderFile
from cloudexit.catalog.sizing import _Same, monthly_price

NO_STAND_IN = "and no price for it anywhere in the catalogue to count in its stead"


def highest_monthly(
    prices: Iterable[Price], quantity: Decimal, rates: Mapping[str, Decimal]
) -> Decimal | None:
    """The highest monthly EUR any of ``prices`` asks for ``quantity`` units; None when none can
    be read in EUR."""
    found = [m for p in prices if (m := monthly_price(p, quantity, rates)) is not None]
    return max(found) if found else None


def product_prices(product: Product | None) -> tuple[Price, ...]:
    """Every price of the product, in every region."""
    return tuple(product.prices) if product is not None else ()


@lru_cache(maxsize=1024)
def _matching(provider: _Same, selector: _Same) -> tuple[Price, ...]:
    chosen: ProductSelector = selector.obj  # type: ignore[assignment]
    offered: ProviderFile = provider.obj  # type: ignore[assignment]
    return tuple(
        price
        for p in offered.products
        if not p.deprecated
        and p.service == chosen.service
        and (not chosen.products or p.id in chosen.products)
        and p.id not in chosen.refused
        and (not chosen.families or p.family in chosen.families)
        and (not chosen.engine or chosen.engine in p.specs.engines)
        for price in p.prices
    )


def selected_prices(provider: ProviderFile, selector: ProductSelector) -> tuple[Price, ...]:
    """Every price, in every region of the provider, of the products ``selector`` takes."""
    return _matching(_Same(provider), _Same(selector))


@lru_cache(maxsize=64)
def _of_service(catalog: _Same, service: str) -> tuple[Price, ...]:
    held: Catalog = catalog.obj  # type: ignore[assignment]
    return tuple(
        price
        for provider in held.targets()
        for p in held.providers[provider].products
        if not p.deprecated and p.service == service
        for price in p.prices
    )


def service_prices(catalog: Catalog, service: str) -> tuple[Price, ...]:
    """Every price of the service's products at every target provider of the catalogue."""
    return _of_service(_Same(catalog), service)
