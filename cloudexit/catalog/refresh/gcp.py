"""Google Cloud Billing Catalog API (``services/{id}/skus``): Compute Engine on-demand rates.

The catalogue prices a machine type as its vCPUs times the family's core rate plus its GiB of
memory times the family's RAM rate in that region, as Google bills them; a rate with no partner,
or a family with no machine type in the catalogue, is listed for review, never compared.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from cloudexit.catalog.refresh.http import get_json
from cloudexit.catalog.refresh.observed import Observed
from cloudexit.catalog.schema import ProviderFile, Unit
from cloudexit.errors import RuntimeFailure

COMPUTE_ENGINE = "6F81-5844-456A"
ENDPOINT = f"https://cloudbilling.googleapis.com/v1/services/{COMPUTE_ENGINE}/skus"
KEY_VARIABLE = "CLOUDEXIT_GCP_API_KEY"
PAGE_SIZE = 5000
MAX_PAGES = 200
NANOS = Decimal(10**9)

UNITS: dict[str, Unit] = {"h": "hour", "mo": "month", "GiBy.mo": "gib_month", "GiBy": "gib"}
DISKS = {
    "Storage PD Capacity": "pd-standard",
    "SSD backed PD Capacity": "pd-ssd",
    "Balanced PD Capacity": "pd-balanced",
}
PART = re.compile(r"^(?P<family>.+?) (?:Instance )?(?P<part>Core|Ram) running in (?P<place>.+)$")
NOT_PLAIN = ("Custom", "Sole Tenancy", "Preemptible", "Spot", "Commitment", "Windows")
NAMED_FAMILIES = {"compute optimized": "c2", "memory-optimized": "m1"}
CORE, RAM = "core", "ram"
COMPONENT = "component:"
# Shared-core types bill a fraction of a vCPU; GPU and local-SSD types carry charges of their own.
SHARED_CORE = frozenset({"e2-micro", "e2-small", "e2-medium", "f1-micro", "g1-small"})


def _family(name: str) -> str | None:
    """``N2D AMD`` -> n2d, ``N1 Predefined`` -> n1, ``Compute optimized`` -> c2."""
    lowered = name.lower()
    if lowered in NAMED_FAMILIES:
        return NAMED_FAMILIES[lowered]
    first = lowered.split()[0]
    return first if re.fullmatch(r"[a-z]\d+[a-z]?", first) else None


def _amount(rate: dict[str, Any]) -> Decimal:
    price = rate.get("unitPrice", {})
    return Decimal(int(price.get("units") or 0)) + Decimal(int(price.get("nanos") or 0)) / NANOS


def _rows(sku: dict[str, Any], wanted: set[str]) -> list[Observed]:
    category = sku.get("category", {})
    if category.get("usageType") != "OnDemand" or not sku.get("pricingInfo"):
        return []
    description = str(sku.get("description", ""))
    info = sku["pricingInfo"][0]
    expression = info.get("pricingExpression", {})
    tiers = expression.get("tieredRates", [])
    usage_unit = str(expression.get("usageUnit", ""))
    published = str(info.get("effectiveTime", ""))[:10]
    part = PART.match(description)
    unit: Unit | None
    if category.get("resourceFamily") == "Compute" and part:
        if any(word in description for word in NOT_PLAIN):
            return []
        family = _family(part["family"])
        resource = CORE if part["part"] == "Core" else RAM
        expected = "h" if resource == CORE else "GiBy.h"
        if family is None or usage_unit != expected:
            return []
        product, unit = f"{COMPONENT}{family}:{resource}", "hour"
    elif category.get("resourceFamily") == "Storage" and description.split(" in ")[0] in DISKS:
        product, unit = DISKS[description.split(" in ")[0]], UNITS.get(usage_unit)
    else:
        return []
    flag = "" if unit else f"usage unit {usage_unit!r} is not one the catalogue prices in"
    first = min(tiers, key=lambda t: float(t.get("startUsageAmount", 0)), default=None)
    if first is None:
        return []
    if len(tiers) > 1:
        flag = f"{len(tiers)} usage tiers; the first, from 0, is shown"
    currency = str(first.get("unitPrice", {}).get("currencyCode", "USD"))
    return [
        Observed(
            product=product,
            region=region,
            unit=unit or "hour",
            amount=_amount(first).normalize(),
            currency=currency,
            flag=flag,
            stated_unit="" if unit else str(usage_unit),
            published=published,
        )
        for region in sorted(str(r) for r in sku.get("serviceRegions", []))
        if not wanted or region in wanted
    ]


def fetch(endpoint: str, regions: list[str]) -> list[Observed]:
    """Every on-demand core, RAM and persistent-disk rate, one row per region it serves; core
    and RAM rates stay components until ``compose`` prices machine types with them."""
    wanted = set(regions)
    query: dict[str, str | int] = {"pageSize": PAGE_SIZE}
    key = os.environ.get(KEY_VARIABLE)
    if key:
        query["key"] = key
    observed: list[Observed] = []
    token = ""
    for _ in range(MAX_PAGES):
        page = get_json(
            f"{endpoint}?{urlencode({**query, **({'pageToken': token} if token else {})})}"
        )
        if not isinstance(page, dict) or not isinstance(page.get("skus", []), list):
            raise RuntimeFailure(f"{endpoint}: not a Cloud Billing SKU list (no skus list)")
        for sku in page.get("skus", []):
            observed.extend(_rows(sku, wanted))
        token = str(page.get("nextPageToken") or "")
        if not token:
            return observed
    raise RuntimeFailure(f"{endpoint}: more than {MAX_PAGES} pages; giving up")


def compose(observed: list[Observed], provider: ProviderFile | None) -> list[Observed]:
    """Machine types priced from their family's core and RAM rates in each region; rates that
    price no catalogue machine type are kept, flagged, for review."""
    rates: dict[tuple[str, str], dict[str, Observed]] = defaultdict(dict)
    rows = [o for o in observed if not o.product.startswith(COMPONENT)]
    for obs in observed:
        if obs.product.startswith(COMPONENT):
            family, resource = obs.product.removeprefix(COMPONENT).split(":")
            rates[(family, obs.region)][resource] = obs
    machine_types: dict[str, list[tuple[str, Decimal, Decimal]]] = defaultdict(list)
    for product in provider.products if provider else []:
        specs = product.specs
        if (
            product.service == "compute"
            and specs.vcpu
            and specs.memory_gib
            and not specs.gpu_count
            and product.id not in SHARED_CORE
            and "lssd" not in product.id
            and not product.id.endswith("/windows")
        ):
            machine_types[product.id.split("-")[0]].append(
                (product.id, Decimal(str(specs.vcpu)), Decimal(str(specs.memory_gib)))
            )
    for (family, region), pair in sorted(rates.items()):
        core, ram = pair.get(CORE), pair.get(RAM)
        types = machine_types.get(family, [])
        if core and ram and types and core.currency == ram.currency:
            for product_id, vcpu, memory in types:
                rows.append(
                    Observed(
                        product=product_id,
                        region=region,
                        unit="hour",
                        amount=(vcpu * core.amount + memory * ram.amount).normalize(),
                        currency=core.currency,
                        published=max(core.published, ram.published),
                    )
                )
            continue
        why = (
            f"no {family} machine type in the catalogue"
            if not types
            else f"{family} has a {'core' if core else 'RAM'} rate here but no "
            f"{'RAM' if core else 'core'} rate"
        )
        for part in (p for p in (core, ram) if p is not None):
            per = "per vCPU-hour" if part is core else "per GiB-hour of memory"
            rows.append(
                Observed(
                    product=f"{family} {'core' if part is core else 'RAM'}",
                    region=region,
                    unit="hour",
                    amount=part.amount,
                    currency=part.currency,
                    flag=f"{per}; {why}",
                    stated_unit="vCPU-hour" if part is core else "GiB-hour",
                    published=part.published,
                )
            )
    return rows
