"""Azure Retail Prices API: Linux pay-as-you-go VM prices per region, following NextPageLink."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from cloudexit.catalog.refresh.http import get_json
from cloudexit.catalog.refresh.observed import Observed
from cloudexit.errors import RuntimeFailure

ENDPOINT = "https://prices.azure.com/api/retail/prices"
MAX_PAGES = 2000


def _pages(first_url: str) -> Iterator[dict[str, Any]]:
    url: str | None = first_url
    for _ in range(MAX_PAGES):
        if not url:
            return
        page = get_json(url)
        if not isinstance(page, dict) or not isinstance(page.get("Items"), list):
            raise RuntimeFailure(f"{url}: not a Retail Prices page (no Items list)")
        yield page
        url = page.get("NextPageLink") or None
    raise RuntimeFailure(f"{first_url}: more than {MAX_PAGES} pages; giving up")


def is_linux_on_demand(item: dict[str, Any]) -> bool:
    return (
        item.get("type") == "Consumption"
        and item.get("unitOfMeasure") == "1 Hour"
        and not str(item.get("productName", "")).endswith(" Windows")
        and "Spot" not in str(item.get("skuName", ""))
        and "Low Priority" not in str(item.get("skuName", ""))
        and bool(item.get("armSkuName"))
    )


def fetch(endpoint: str, regions: list[str]) -> list[Observed]:
    observed: list[Observed] = []
    for region in regions:
        query = (
            "serviceName eq 'Virtual Machines' and priceType eq 'Consumption' "
            f"and armRegionName eq '{region}'"
        )
        for page in _pages(f"{endpoint}?{urlencode({'$filter': query})}"):
            for item in page["Items"]:
                if not is_linux_on_demand(item) or item.get("armRegionName") != region:
                    continue
                observed.append(
                    Observed(
                        product=str(item["armSkuName"]),
                        region=region,
                        unit="hour",
                        amount=Decimal(str(item["retailPrice"])),
                        currency=str(item.get("currencyCode", "USD")),
                        published=str(item.get("effectiveStartDate") or "")[:10],
                    )
                )
    return observed
