"""The shipped OVHcloud and Scaleway catalogue files: valid, sourced, and usable by the planner."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from cloudexit.catalog import load_catalog
from cloudexit.catalog.schema import ProviderFile
from cloudexit.catalog.sizing import offered_in, price_in
from cloudexit.model.io import read_yaml, validate

TARGETS = ["ovhcloud", "scaleway"]
COMPUTE_FAMILIES = {"general_purpose", "compute", "memory", "gpu"}
ENGINES = {"database": {"postgresql", "mysql", "mongodb"}, "cache": {"redis", "valkey"}}
UNITS = {
    "compute": {"hour", "month"},
    "block_storage": {"gib_month"},
    "object_storage": {"gib_month"},
    "egress": {"gib"},
    "serverless": {"gib_second", "million_requests"},
}


def load(repo_dir: Path, provider_id: str) -> ProviderFile:
    path = repo_dir / "providers" / f"{provider_id}.yaml"
    return validate(ProviderFile, read_yaml(path), path)


@pytest.fixture(scope="module", params=TARGETS)
def provider(request: pytest.FixtureRequest, repo_dir: Path) -> ProviderFile:
    return load(repo_dir, request.param)


def test_identity_matches_the_file(provider: ProviderFile) -> None:
    assert provider.id in TARGETS
    assert provider.role == "target"
    assert provider.currency == "EUR"
    assert provider.company.eu_controlled
    assert provider.company.source.url.startswith("https://")


def test_every_compute_family_is_offered(provider: ProviderFile) -> None:
    families = {p.family for p in provider.products if p.service == "compute"}
    assert families >= COMPUTE_FAMILIES


def test_every_product_has_a_sourced_dated_price(provider: ProviderFile) -> None:
    for product in provider.products:
        quote = product.price_on_request
        if quote is not None:
            # no list price: the offer says where it is quoted, and when that was read
            assert not product.prices and quote.url.startswith("https://"), product.id
            assert quote.retrieved.year >= 2026 and quote.evidence and quote.note, product.id
            continue
        if not product.prices:
            # no list price found at all: the record says what was searched and when
            assert product.unpriced, product.id
            assert all(u.checked.year >= 2026 and len(u.reason) > 40 for u in product.unpriced)
            continue
        for price in product.prices:
            assert price.source.url.startswith("https://"), product.id
            assert price.source.retrieved.year >= 2026, product.id
            assert price.currency == "EUR", product.id
            assert price.amount >= 0, product.id


def test_free_and_unverified_prices_explain_themselves(provider: ProviderFile) -> None:
    for product in provider.products:
        for price in product.prices:
            if price.amount == 0 or not price.verified:
                assert price.source.note, (
                    f"{product.id}: a free or unverified price needs a note saying why"
                )


def test_units_fit_the_service(provider: ProviderFile) -> None:
    for product in provider.products:
        allowed = UNITS.get(product.service)
        if allowed:
            assert {p.unit for p in product.prices} <= allowed, product.id


def test_region_codes_referenced_exist(provider: ProviderFile) -> None:
    codes = {r.code for r in provider.regions}
    for product in provider.products:
        assert set(product.regions) <= codes, product.id
        for price in product.prices:
            assert set(price.regions) <= codes, product.id
    for cert in provider.certifications:
        assert set(cert.regions) <= codes, cert.name
    for region in provider.regions:
        assert len(region.country) == 2
        assert all(zone.lower().startswith(region.code.lower()) for zone in region.zones), (
            region.code
        )


def test_at_least_one_egress_product(provider: ProviderFile) -> None:
    egress = [p for p in provider.products if p.service == "egress"]
    assert egress
    assert all(price.unit == "gib" for p in egress for price in p.prices)


def test_specs_are_consistent(provider: ProviderFile) -> None:
    for product in provider.products:
        specs = product.specs
        if product.service == "compute" and product.price_on_request is None:
            assert specs.vcpu and specs.memory_gib and specs.architecture, product.id
            if product.family == "gpu":
                assert specs.gpu_count and specs.gpu_model, product.id
            else:
                assert not specs.gpu_count, product.id
        if product.service in ENGINES:
            assert specs.engines, product.id
            assert set(specs.engines) <= ENGINES[product.service], product.id
            assert specs.engines == sorted(specs.engines), product.id


def test_kubernetes_has_a_control_plane(provider: ProviderFile) -> None:
    planes = [p for p in provider.products if p.service == "kubernetes"]
    assert planes and all(p.family == "control_plane" for p in planes)


def test_every_product_is_priced_where_it_is_offered(provider: ProviderFile) -> None:
    codes = [r.code for r in provider.regions]
    for product in provider.products:
        for region in product.regions or codes:
            if product.price_on_request is not None:
                # quoted on request: never offered at a price, so never priced as free
                assert not offered_in(product, region) and price_in(product, region) is None
                continue
            if any(region in u.regions for u in product.unpriced):
                # recorded without a price there: never offered at one, so never taken as free
                assert not offered_in(product, region) and price_in(product, region) is None
                continue
            assert offered_in(product, region), f"{product.id} in {region}"
            assert price_in(product, region) is not None


def test_both_files_load_into_the_catalogue(repo_dir: Path) -> None:
    catalog = load_catalog(repo_dir / "providers", repo_dir / "mappings")
    assert set(TARGETS) <= set(catalog.targets())


def test_scaleway_regions_and_zones_match_the_terraform_reference(
    repo_dir: Path, shared_dir: Path
) -> None:
    reference = json.loads(
        (shared_dir / "reference" / "terraform-provider-schemas.json").read_text(encoding="utf-8")
    )
    enums = reference["providers"]["scaleway/scaleway"]["enumerations"]
    scaleway = load(repo_dir, "scaleway")
    assert {r.code for r in scaleway.regions} == set(enums["regions"]["values"])
    assert {z for r in scaleway.regions for z in r.zones} == set(enums["zones"]["values"])


def test_ovhcloud_offers_every_savings_plan_flavour_of_the_terraform_reference(
    repo_dir: Path, shared_dir: Path
) -> None:
    reference = json.loads(
        (shared_dir / "reference" / "terraform-provider-schemas.json").read_text(encoding="utf-8")
    )
    enums = reference["providers"]["ovh/ovh"]["enumerations"]
    flavours = {
        v for v in enums["instance_flavors_savings_plan"]["values"] if not v.startswith("rancher")
    }
    ovh = load(repo_dir, "ovhcloud")
    compute = {p.id for p in ovh.products if p.service == "compute"}
    assert flavours <= compute
    assert {"GRA11", "SBG5", "DE1", "WAW1", "EU-WEST-PAR"} <= {r.code for r in ovh.regions}


def test_scaleway_zone_price_difference_is_not_lost(repo_dir: Path) -> None:
    scaleway = load(repo_dir, "scaleway")
    pro2 = next(p for p in scaleway.products if p.id == "PRO2-XXS")
    price = price_in(pro2, "fr-par")
    assert price is not None and price.amount == Decimal("0.0561")
    assert "fr-par-3" in (price.source.note or "")


def test_ovhcloud_verified_prices_rest_on_first_hand_or_free_figures(repo_dir: Path) -> None:
    ovh = load(repo_dir, "ovhcloud")
    first_hand = (
        "https://www.ovhcloud.com/",
        "https://help.ovhcloud.com/",
        "https://github.com/ovh/",
    )
    for product in ovh.products:
        for price in product.prices:
            if price.verified and price.amount != 0:
                # a raw catalogue response recorded by someone else is still OVHcloud's own figure
                assert (
                    price.source.url.startswith(first_hand)
                    or price.source.evidence == "provider_api"
                ), f"{product.id}: {price.source.url}"


def test_ovhcloud_confirmed_figures(repo_dir: Path) -> None:
    ovh = load(repo_dir, "ovhcloud")
    products = {p.id: p for p in ovh.products}
    b2_monthly = next(p for p in products["b2-7"].prices if p.unit == "month")
    # First-hand but from 2022, before the 2026 price rises: kept, not counted as verified.
    assert not b2_monthly.verified and b2_monthly.amount == Decimal("24.20")
    assert b2_monthly.source.url == "https://www.ovhcloud.com/fr-ca/lp/public-cloud-repricing-faq"
    assert "1 November 2022" in (b2_monthly.source.note or "")
    b2_hourly = next(p for p in products["b2-7"].prices if p.unit == "hour")
    assert not b2_hourly.verified
    mks_free = products["mks-free"].prices[0]
    assert mks_free.verified and mks_free.amount == Decimal(0)
    assert mks_free.source.url.startswith("https://github.com/ovh/terraform-provider-ovh/")
    t1_hourly = next(p for p in products["t1-45"].prices if p.unit == "hour")
    assert not t1_hourly.verified and "0.70" in (t1_hourly.source.note or "")
