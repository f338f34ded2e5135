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
BILLING_WORDS = frozenset({"consumption", "postpaid", "monthly", "hour", "month"})
PER_QUANTITY: tuple[tuple[str, str], ...] = (
    ("volume.", "GiB"),
    ("storage", "GiB"),
    ("snapshot", "GiB"),
    ("bandwidth", "GiB"),
    ("retrieval", "GiB"),
    ("deep-archive", "GiB"),
    ("instance.local-storage", "GiB"),
    ("instance.windows-vcore-license", "vCore"),
)
"""Add-ons billed per GiB stored or moved, or per vCore, not per item: their hourly or monthly
figure is a rate per quantity, never the price of one volume, bucket or machine."""


def _unit(offer: dict[str, Any], pricing: dict[str, Any]) -> Unit | None:
    """The price's unit from its interval (``intervalUnit`` hour or month, interval 1), else the
    commercial blob's ISO 8601 interval; None when neither gives one."""
    interval_unit = str(pricing.get("intervalUnit", ""))
    if pricing.get("interval", 1) == 1 and interval_unit in INTERVALS:
        return INTERVALS[interval_unit]
    blobs = offer.get("blobs") or {}
    commercial = (blobs.get("commercial") or {}).get("price", {}).get("interval")
    if commercial in COMMERCIAL_INTERVALS:
        return COMMERCIAL_INTERVALS[commercial]
    return None


def _split(code: str) -> tuple[str, str]:
    """The plan code's product part and its deployment variant: what follows the billing words
    (``b3-8.consumption.3AZ`` -> 3az, ``...consumption.LZ.EU`` -> lz-eu, ``databases.x.hour.consumption.apac``
    -> apac); '' when the code names no variant."""
    parts = code.split(".")
    billing = [i for i, part in enumerate(parts) if part.lower() in BILLING_WORDS]
    if not billing:
        return code, ""
    stem, tail = parts[: billing[0]], parts[billing[-1] + 1 :]
    return ".".join(stem), "-".join(tail).lower()


def _names(offer: dict[str, Any], stem: str) -> list[str]:
    """Names the catalogue may give the product: the invoice name, the plan code's product part
    with dots kept and as dashes (volume.classic, volume-classic), and the flavour a service's
    plan code ends with (databases.mysql-business-db1-4 -> mysql-business-db1-4)."""
    names = [str(offer.get("invoiceName", "")), stem, stem.replace(".", "-")]
    flavour = stem.rsplit(".", 1)[-1]
    if "." in stem and "-" in flavour:
        names.append(flavour)
    return [n for n in dict.fromkeys(names) if n]


def _quantity(code: str) -> str:
    """What the figure is a rate per (GiB, vCore), or '' for a price per item."""
    lowered = code.lower()
    return next((per for prefix, per in PER_QUANTITY if lowered.startswith(prefix)), "")


def _regions(offer: dict[str, Any]) -> list[str]:
    for configuration in offer.get("configurations") or []:
        if configuration.get("name") == "region":
            return sorted(str(v) for v in configuration.get("values", []))
    return [""]


UNSTATED = "unstated interval"


def _interval(pricing: dict[str, Any]) -> str:
    """The interval as stated; OVHcloud writes ``none`` for a pricing billed on no interval."""
    interval, unit = pricing.get("interval"), pricing.get("intervalUnit")
    if interval in (None, "") or unit in (None, "", "none"):
        return UNSTATED
    return f"{interval} {unit}"


def _reading(code: str, unit: Unit | None, pricing: dict[str, Any]) -> tuple[Unit, str]:
    """The unit the figure is in and, when it cannot be compared as it stands, why."""
    if unit is None:
        stated = _interval(pricing)
        said = stated if stated == UNSTATED else f"interval {stated}"
        return "hour", f"{said}: neither an hour nor a month"
    per = _quantity(code)
    if not per:
        return unit, ""
    if per == "GiB" and unit == "month":
        return "gib_month", ""
    if per != "GiB":
        return unit, f"per {per}-{unit}, not per item: not compared"
    return unit, (
        f"per GiB-{unit} (billed on the GiB stored or moved, not per item); the catalogue "
        "keeps GiB-month figures: not compared"
    )


def fetch(endpoint: str, regions: list[str]) -> list[Observed]:
    catalog, modified = get_dated_json(f"{endpoint}?{urlencode({'ovhSubsidiary': 'FR'})}")
    if not isinstance(catalog, dict) or "plans" not in catalog:
        raise RuntimeFailure(f"{endpoint}: not an OVHcloud catalogue (no plans)")
    currency = str(catalog.get("locale", {}).get("currencyCode", "EUR"))
    wanted = set(regions)
    observed: list[Observed] = []
    for offer in [*catalog.get("plans", []), *catalog.get("addons", [])]:
        code = str(offer.get("planCode", ""))
        stem, variant = _split(code)
        # A variant is its own product: matching it to the plain flavour would set one price
        # over the other.
        keys = tuple(
            dict.fromkeys(
                f"{n}.{variant}" if variant else n for n in _names(offer, stem) if n != code
            )
        )
        for pricing in offer.get("pricings", []):
            if pricing.get("mode", "default") != "default":
                continue
            read = _unit(offer, pricing)
            unit, flag = _reading(code, read, pricing)
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
                        variant=variant,
                        flag=flag,
                        stated_unit="" if read else _interval(pricing),
                        published=modified,
                    )
                )
            break
    return observed
