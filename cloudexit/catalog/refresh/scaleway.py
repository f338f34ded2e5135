"""Scaleway's price lists: the public product catalogue (paged, retail prices per zone or region)
and the Instances API's server types of one zone (``/instance/v1/zones/<zone>/products/servers``)."""

from __future__ import annotations

import os
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
TOKEN_VARIABLE = "CLOUDEXIT_SCALEWAY_TOKEN"
"""A read-only Scaleway secret key, sent as X-Auth-Token to the Instances API when set."""
HOURS_PER_MONTH = Decimal(730)
"""The Instances API states ``monthly_price`` as 730 hours of ``hourly_price``: a display
figure, not a monthly plan."""


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


def _measure(product: dict[str, Any]) -> tuple[Unit, str, str]:
    """The unit of a retail price and, when it is neither one hour nor one month, why the row is
    listed for review instead of compared (a per-minute GPU, a per-GB figure ...) and the unit
    the list states."""
    price = product.get("price", {})
    measure = (
        price.get("unit_of_measure")
        or product.get("unit_of_measure")
        or {"unit": "hour", "size": 1}
    )
    name, size = str(measure.get("unit")), int(measure.get("size", 1))
    if name in UNITS and size == 1:
        return UNITS[name], "", ""
    per = name if size == 1 else f"{size} {name}"
    return "hour", f"priced per {per}, neither one hour nor one month: not compared", per


def fetch(endpoint: str, regions: list[str]) -> list[Observed]:
    if "/products/servers" in endpoint:
        return fetch_server_types(endpoint, regions)
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
            retail = product.get("price", {}).get("retail_price")
            if retail is None:
                continue
            region = _region(product.get("locality", {}))
            if (
                wanted
                and region
                and region not in wanted
                and region.rsplit("-", 1)[0] not in wanted
            ):
                continue
            unit, flag, stated = _measure(product)
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
                    flag=flag,
                    stated_unit=stated,
                    retired=_retired(product),
                    published=modified,
                )
            )
        seen += len(products)
        if not products or seen >= int(page.get("total_count", seen)):
            return observed
    raise RuntimeFailure(f"{endpoint}: more than {MAX_PAGES} pages; giving up")


def _zone(endpoint: str) -> str:
    parts = endpoint.rstrip("/").split("/")
    return parts[parts.index("zones") + 1] if "zones" in parts[:-1] else ""


def fetch_server_types(endpoint: str, regions: list[str]) -> list[Observed]:
    """One zone's server types, hourly, in euros; ``end_of_service`` marks a retired type. The
    monthly figure is read only to check it is 730 hours of the hourly one; where it is not, it is
    listed for review beside the hourly price, since the plan it would then be is not known."""
    zone = _zone(endpoint)
    if regions and zone and zone not in regions and zone.rsplit("-", 1)[0] not in regions:
        return []
    token = os.environ.get(TOKEN_VARIABLE)
    headers = {"X-Auth-Token": token} if token else None
    observed: list[Observed] = []
    seen: set[str] = set()
    for page_number in range(1, MAX_PAGES + 1):
        page, modified = get_dated_json(
            f"{endpoint}?{urlencode({'page': page_number, 'per_page': PAGE_SIZE})}", headers
        )
        if not isinstance(page, dict) or not isinstance(page.get("servers"), dict):
            raise RuntimeFailure(f"{endpoint}: not a server types page (no servers map)")
        servers: dict[str, Any] = page["servers"]
        # the API may answer fewer than per_page types on a page that is not the last: stop on
        # an empty page, or one that repeats what was read
        if not servers or seen.issuperset(servers):
            return observed
        seen.update(servers)
        for name, server in sorted(servers.items()):
            if server.get("hourly_price") is None:
                continue
            hourly = Decimal(str(server["hourly_price"]))
            retired = "end_of_service" if server.get("end_of_service") else ""
            observed.append(
                Observed(
                    product=name,
                    region=zone,
                    unit="hour",
                    amount=hourly.normalize(),
                    currency="EUR",
                    retired=retired,
                    published=modified,
                )
            )
            monthly = server.get("monthly_price")
            if monthly is None or retired:
                continue
            expected = hourly * HOURS_PER_MONTH
            if abs(Decimal(str(monthly)) - expected) > expected / 200:
                observed.append(
                    Observed(
                        product=name,
                        region=zone,
                        unit="month",
                        amount=Decimal(str(monthly)).normalize(),
                        currency="EUR",
                        flag=(
                            f"monthly_price {monthly} is not {HOURS_PER_MONTH} hours of "
                            f"hourly_price {hourly}: a monthly plan the catalogue does not model"
                        ),
                        published=modified,
                    )
                )
    raise RuntimeFailure(f"{endpoint}: more than {MAX_PAGES} pages; giving up")
