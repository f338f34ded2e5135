"""Managed disks in European regions: every LRS tier is billed at its own list price where a dated
Retail Prices reading gives it, each region at its own rate."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cloudexit.catalog import Catalog, load_catalog
from cloudexit.connectors.azure.pricing import billed
from cloudexit.connectors.common import listed_cost
from cloudexit.model.inventory import Resource
from tests.helpers import resource


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    return load_catalog()


def _disk(region: str, storage_class: str, gib: float) -> Resource:
    return Resource.model_validate(
        resource(
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/data",
            kind="storage.block",
            provider="azure",
            region=region,
            type="microsoft.compute/disks",
            attributes={"storage_class": storage_class, "storage_gib": gib},
            monthly_cost=None,
        )
    )


@pytest.mark.parametrize("region", ["francecentral", "northeurope", "swedencentral", "westeurope"])
@pytest.mark.parametrize(
    ("storage_class", "gib", "tier"),
    [("Premium_LRS", 100, "P10"), ("StandardSSD_LRS", 1000, "E30"), ("Standard_LRS", 3000, "S50")],
)
def test_a_disk_in_a_european_region_costs_its_tier(bundled, region, storage_class, gib, tier):
    disk = _disk(region, storage_class, gib)
    assert [p.product for p in billed(disk)] == [f"managed-disk/{tier}"]
    cost = listed_cost(bundled, "azure", region, billed(disk))
    price = bundled.list_price("azure", region, f"managed-disk/{tier}")
    assert cost is not None and price is not None and cost.amount == price.monthly_eur > 0


def test_regions_price_the_same_tier_differently(bundled):
    p10 = {
        region: bundled.list_price("azure", region, "managed-disk/P10")
        for region in ("francecentral", "northeurope", "swedencentral")
    }
    amounts = {region: price.monthly_eur for region, price in p10.items() if price is not None}
    assert len(amounts) == 3
    assert amounts["francecentral"] > amounts["swedencentral"] > amounts["northeurope"]


def test_frankfurt_milan_and_zurich_disks_cost_their_own_tier(bundled):
    prices = {}
    for region in ("germanywestcentral", "italynorth", "switzerlandnorth"):
        disk = _disk(region, "Premium_LRS", 100)
        cost = listed_cost(bundled, "azure", region, billed(disk))
        price = bundled.list_price("azure", region, "managed-disk/P10", Decimal(1))
        assert cost is not None and price is not None and cost.amount == price.monthly_eur
        prices[region] = price.monthly_eur
    # Zurich is dearer than Frankfurt, which costs as Milan does.
    assert prices["switzerlandnorth"] > prices["germanywestcentral"] == prices["italynorth"]
