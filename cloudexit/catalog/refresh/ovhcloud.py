"""OVHcloud public order catalogue: plans and add-ons with their pricings (prices in 1e-8 of a currency unit)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from cloudexit.catalog.refresh.http import get_dated_json
from cloudexit.catalog.refresh.observed import Observed
from cloudexit.catalog.schema import Unit
from cloudexit.errors import RuntimeFailure

ENDPOINT = "https://eu.api.ovh.com/v1/order/catalog/public/cloud"
MICROCENTS = Decimal(100_000_000)


INTERVALS: dict[str, Unit] = {"hour": "hour", "month": "month"}
COMMERCIAL_INTERVALS: dict[str, Unit] = {"PT1H": "hour", "P1M": "month"}


def _unit(offer: dict[str, Any], pricing: dict[str, Any]) -> Unit | None:
    """The price's unit from its interval (``intervalUnit`` hour or month, interval 1), else the
    commercial blob's ISO 8601 interval; None when neither gives one."""
    interval_unit = str(pricing.get("intervalUnit", ""))
    if pricing.get("interval", 1) == 1 and interval_unit in INTERVALS:
        return INTERVALS[interval_unit]
    commercial = offer.get("blobs", {}).get("commercial", {}).get("price", {}).get("interval")
    if commercial in COMMERCIAL_INTERVALS:
        return COMMERCIAL_INTERVALS[commercial]
    return None


def _variant(code: str) -> str:
    """``3az`` for a 3-AZ plan code, ``lz-<area>`` for a Local Zone one, '' otherwise."""
    parts = code.split(".")
    for i, part in enumerate(parts):
        if part.lower() == "3az":
            return "3az"
        if part == "LZ":
            return f"lz-{parts[i + 1].lower()}" if i + 1 < len(parts) else "lz"
    return ""


def _regions(offer: dict[str, Any]) -> list[str]:
    for configuration in offer.get("configurations", []):
        if configuration.get("name") == "region":
            return sorted(str(v) for v in configuration.get("values", []))
    return [""]


def fetch(endpoint: str, regions: list[str]) -> list[Observed]:
    catalog, modified = get_dated_json(f"{endpoint}?{urlencode({'ovhSubsidiary': 'FR'})}")
    if not isinstance(catalog, dict) or "plans" not in catalog:
        raise RuntimeFailure(f"{endpoint}: not an OVHcloud catalogue (no plans)")
    currency = str(catalog.get("locale", {}).get("currencyCode", "EUR"))
    wanted = set(regions)
    observed: list[Observed] = []
    for offer in [*catalog.get("plans", []), *catalog.get("addons", [])]:
        code = str(offer.get("planCode", ""))
        variant = _variant(code)
        names = [k for k in (str(offer.get("invoiceName", "")), code.split(".")[0]) if k]
        # A variant is its own product: matching it to the plain flavour would set one price
        # over the other.
        keys = tuple(dict.fromkeys(f"{n}.{variant}" if variant else n for n in names if n != code))
        for pricing in offer.get("pricings", []):
            if pricing.get("mode", "default") != "default":
                continue
            unit = _unit(offer, pricing)
            flag = (
                ""
                if unit
                else f"interval {pricing.get('interval')} {pricing.get('intervalUnit')} is neither an hour nor a month"
            )
            amount = (Decimal(int(pricing["price"])) / MICROCENTS).normalize()
            for region in _regions(offer):
                if wanted and region and region not in wanted and region.lower() not in wanted:
                    continue
                observed.append(
                    Observed(
                        product=code,
                        region=region,
                        unit=unit or "hour",
                        amount=amount,
                        currency=currency,
                        keys=keys,
                        variant=variant,
                        flag=flag,
                        published=modified,
                    )
                )
            break
    return observed
