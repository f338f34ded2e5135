"""Source-cloud list prices: Linux rates only, and every non-compute kind priced (or said missing) per region."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from decimal import Decimal

import pytest

from cloudexit.catalog import Catalog, load_catalog
from cloudexit.catalog.sizing import price_in

# Azure prices a D or E series (v4 and later) linearly in vCPU within a region; a constrained size
# (E16-4ads_v5) is billed as its parent. A Windows meter adds USD 0.046 per vCPU and breaks that line.
AZURE_SERIES = re.compile(r"^Standard_([DE])(\d+)(?:-\d+)?([a-z]*)_v(\d+)$")


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    return load_catalog()


def test_azure_d_and_e_series_cost_the_same_per_vcpu_in_a_region(bundled):
    per_vcpu: dict[tuple[str, str, str, str], dict[str, Decimal]] = defaultdict(dict)
    for product in bundled.providers["azure"].products:
        match = AZURE_SERIES.match(product.id)
        if product.service != "compute" or not match or int(match.group(4)) < 4:
            continue
        series, vcpu, features, version = match.groups()
        for price in product.prices:
            for region in price.regions:
                key = (series, features, version, region)
                per_vcpu[key][product.id] = price.amount / int(vcpu)
    assert len(per_vcpu) > 100
    off = []
    for key, sizes in sorted(per_vcpu.items()):
        lowest = min(sizes.values())
        off += [
            (size, key[3])
            for size, rate in sorted(sizes.items())
            if rate > lowest * Decimal("1.02")
        ]
    assert off == []


def test_azure_sizes_read_as_windows_keep_an_earlier_linux_reading(bundled):
    product = next(p for p in bundled.providers["azure"].products if p.id == "Standard_D2as_v5")
    eastus = price_in(product, "eastus")
    frankfurt = price_in(product, "germanywestcentral")
    assert eastus is not None and frankfurt is not None
    assert (eastus.amount, eastus.source.published) == (Decimal("0.086"), dt.date(2025, 5, 16))
    assert frankfurt.amount == Decimal("0.104")
    assert "Windows meter" in (eastus.source.note or "")
    b2ats = next(p for p in bundled.providers["azure"].products if p.id == "Standard_B2ats_v2")
    linux = price_in(b2ats, "eastus")
    assert linux is not None and linux.amount == Decimal("0.0094")
