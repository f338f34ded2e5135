"""Scaleway product catalogue (public, paged): retail prices per zone or region."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from cloudexit.catalog.refresh.http import get_dated_json
from cloudexit.catalog.refresh.observed import Observed
from cloudexit.catalog.schema import Unit
from cloudexit.errors import RuntimeFailure

ENDPOINT = "https://api.scaleway.com/product-catalog/v2alpha1/public-catalog/products"
PAGE_SIZE = 100
MAX_PAGES = 500
UNITS: dict[str, Unit] = {"hour": "hour", "month": "month"}
RETIRED_STATUSES = frozenset({"retired", "end_of_life", "end_of_sale", "end_of_service"})


def _retired(product: dict[str, Any]) -> str:
    """The catalogue's own end-of-life statement: its status, with the end-of-life date if given."""
    status = str(product.get("status") or "")
    end = str(product.get("end_of_life_at") or "")[:10]
    if status not in RETIRED_STATUSES and not end:
        return ""
    said = f"status {status}" if status else "listed"
    return f"{said}, end of life {end}" if end else said


def _region(locality: dict[str, Any]) -> str:
    return str(locality.get("zone") or locality.get("region") or "")


def _keys(product: dict[str, Any]) -> tuple[str, ...]:
    parts = str(product.get("sku", "")).strip("/").split("/")
    keys = [str(product.get("product", "")).removesuffix(" Instance")]
    if len(parts) >= 2:
        keys.append(parts[1].replace("_", "-").upper())
    return tuple(k for k in keys if k)


def fetch(endpoint: str, regions: list[str]) -> list[Observed]:
    wanted = set(regions)
    observed: list[Observed] = []
    seen = 0
    for page_number in range(1, MAX_PAGES + 1):
        page, modified = get_dated_json(
            f"{endpoint}?{urlencode({'page': page_number, 'page_size': PAGE_SIZE})}"
        )
        if not isinstance(page, dict) or not isinstance(page.get("products"), list):
            raise RuntimeFailure(f"{endpoint}: not a product catalogue page (no products list)")
        products = page["products"]
        for product in products:
            price = product.get("price", {})
            retail = price.get("retail_price")
            measure = (
                price.get("unit_of_measure")
                or product.get("unit_of_measure")
                or {"unit": "hour", "size": 1}
            )
            unit = UNITS.get(str(measure.get("unit")))
            if retail is None or unit is None or int(measure.get("size", 1)) != 1:
                continue
            region = _region(product.get("locality", {}))
            if (
                wanted
                and region
                and region not in wanted
                and region.rsplit("-", 1)[0] not in wanted
            ):
                continue
            amount = Decimal(int(retail.get("units", 0))) + Decimal(
                int(retail.get("nanos", 0))
            ) / Decimal(10**9)
            observed.append(
                Observed(
                    product=str(product.get("sku", "")),
                    region=region,
                    unit=unit,
                    amount=amount.normalize(),
                    currency=str(retail.get("currency_code", "EUR")),
                    keys=_keys(product),
                    retired=_retired(product),
                    published=modified,
                )
            )
        seen += len(products)
        if not products or seen >= int(page.get("total_count", seen)):
            return observed
    raise RuntimeFailure(f"{endpoint}: more than {MAX_PAGES} pages; giving up")
