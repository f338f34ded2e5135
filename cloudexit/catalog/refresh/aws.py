"""AWS Price List offer files: EC2 Linux on-demand shared-tenancy prices, one region file at a time.

The region files are hundreds of megabytes: they are streamed to a temporary file and read with ijson.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import ijson

from cloudexit.catalog.refresh.http import download, get_json, resolve
from cloudexit.catalog.refresh.observed import Observed
from cloudexit.errors import RuntimeFailure

ENDPOINT = "https://pricing.us-east-1.amazonaws.com"
INDEX = "/offers/v1.0/aws/index.json"


def _wanted(attributes: dict[str, Any]) -> bool:
    return (
        attributes.get("operatingSystem") == "Linux"
        and attributes.get("tenancy") == "Shared"
        and attributes.get("preInstalledSw") == "NA"
        and attributes.get("capacitystatus") == "Used"
        and bool(attributes.get("instanceType"))
    )


def publication_date(path: Path) -> str:
    """The offer file's ``publicationDate`` (a top-level key before the products), as a date."""
    with path.open("rb") as handle:
        for prefix, event, value in ijson.parse(handle):
            if prefix == "publicationDate" and event == "string":
                return str(value)[:10]
            if prefix in ("products", "terms"):
                return ""
    return ""


def read_offer_file(path: Path, region: str) -> list[Observed]:
    published = publication_date(path)
    skus: dict[str, str] = {}
    with path.open("rb") as handle:
        for sku, entry in ijson.kvitems(handle, "products"):
            if entry.get("productFamily") == "Compute Instance" and _wanted(
                entry.get("attributes", {})
            ):
                skus[sku] = entry["attributes"]["instanceType"]
    observed: list[Observed] = []
    with path.open("rb") as handle:
        for sku, terms in ijson.kvitems(handle, "terms.OnDemand"):
            if sku not in skus:
                continue
            for term in terms.values():
                for dimension in term.get("priceDimensions", {}).values():
                    usd = dimension.get("pricePerUnit", {}).get("USD")
                    if dimension.get("unit") != "Hrs" or usd is None or Decimal(usd) == 0:
                        continue
                    observed.append(
                        Observed(
                            product=skus[sku],
                            region=region,
                            unit="hour",
                            amount=Decimal(usd).normalize(),
                            currency="USD",
                            published=published,
                        )
                    )
    return observed


def fetch(endpoint: str, regions: list[str]) -> list[Observed]:
    index = get_json(resolve(endpoint, INDEX.lstrip("/")))
    try:
        region_index_url = index["offers"]["AmazonEC2"]["currentRegionIndexUrl"]
    except (KeyError, TypeError):
        raise RuntimeFailure(
            f"{endpoint}{INDEX}: no offers.AmazonEC2.currentRegionIndexUrl"
        ) from None
    region_index = get_json(resolve(endpoint, region_index_url.lstrip("/")))
    observed: list[Observed] = []
    with tempfile.TemporaryDirectory(prefix="cloudexit-aws-") as tmp:
        for region in regions:
            entry = region_index.get("regions", {}).get(region)
            if entry is None:
                continue
            target = download(
                resolve(endpoint, entry["currentVersionUrl"].lstrip("/")),
                Path(tmp) / f"{region}.json",
            )
            observed.extend(read_offer_file(target, region))
            target.unlink()
    return observed
