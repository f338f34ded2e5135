"""OVHcloud public order catalogue: plans and add-ons with their pricings (prices in 1e-8 of a currency unit)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from cloudexit.catalog.refresh.http import get_json
from cloudexit.catalog.refresh.observed import Observed
from cloudexit.catalog.schema import Unit
from cloudexit.errors import RuntimeFailure

ENDPOINT = "https://eu.api.ovh.com/v1/order/catalog/public/cloud"
MICROCENTS = Decimal(100_000_000)


def _unit(pricing: dict[str, Any]) -> Unit | None:
    capacities = pricing.get("capacities", [])
    if "consumption" in capacities or pricing.get("type") == "consumption":
        return "hour"
    if (
        pricing.get("interval") == 1
        and pricing.get("intervalUnit") == "month"
        and "renew" in capacities
    ):
        return "month"
    return None


def _regions(offer: dict[str, Any]) -> list[str]:
    for configuration in offer.get("configurations", []):
        if configuration.get("name") == "region":
            return sorted(str(v) for v in configuration.get("values", []))
    return [""]


def fetch(endpoint: str, regions: list[str]) -> list[Observed]:
    catalog = get_json(f"{endpoint}?{urlencode({'ovhSubsidiary': 'FR'})}")
    if not isinstance(catalog, dict) or "plans" not in catalog:
        raise RuntimeFailure(f"{endpoint}: not an OVHcloud catalogue (no plans)")
    currency = str(catalog.get("locale", {}).get("currencyCode", "EUR"))
    wanted = set(regions)
    observed: list[Observed] = []
    for offer in [*catalog.get("plans", []), *catalog.get("addons", [])]:
        code = str(offer.get("planCode", ""))
        keys = tuple(
            k for k in (str(offer.get("invoiceName", "")), code.split(".")[0]) if k and k != code
        )
        for pricing in offer.get("pricings", []):
            unit = _unit(pricing)
            if unit is None or pricing.get("mode", "default") != "default":
                continue
            amount = (Decimal(int(pricing["price"])) / MICROCENTS).normalize()
            for region in _regions(offer):
                if wanted and region and region not in wanted and region.lower() not in wanted:
                    continue
                observed.append(
                    Observed(
                        product=code,
                        region=region,
                        unit=unit,
                        amount=amount,
                        currency=currency,
                        keys=keys,
                    )
                )
            break
    return observed
