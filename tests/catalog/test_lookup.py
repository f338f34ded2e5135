"""Catalog.specs_for and Catalog.list_price on a small catalogue with known figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cloudexit.api import load_catalog_dir
from cloudexit.catalog.custom_types import parse_custom
from cloudexit.model.money import HOURS_PER_MONTH, quantize

RATES = {"USD": Decimal("0.9")}


@pytest.fixture
def catalog(small_catalog):
    return load_catalog_dir(small_catalog)


def test_specs_for_resolves_ids_names_case_and_urls(catalog):
    assert catalog.specs_for("aws", "m5.large").vcpu == 2
    assert catalog.specs_for("aws", "db.t3.large").engines == ["mysql"]
    assert catalog.specs_for("azure", "standard_d2s_v3").memory_gib == 8
    url = "https://www.googleapis.com/compute/v1/projects/p/zones/us-central1-a/machineTypes/n2-standard-4"
    assert catalog.specs_for("gcp", url).vcpu == 4


def test_specs_for_gcp_custom_types_come_from_the_name(catalog):
    specs = catalog.specs_for("gcp", "n2-custom-6-24576")
    assert (specs.vcpu, specs.memory_gib) == (6, 24)
    assert catalog.specs_for("gcp", "custom-2-7680-ext").memory_gib == 7.5
    assert parse_custom("custom-2-7680").series == "n1"


def test_specs_for_unknown_size_or_provider_is_none(catalog):
    assert catalog.specs_for("aws", "zz9.huge") is None
    assert catalog.specs_for("nowhere", "m5.large") is None
    assert catalog.specs_for("aws", "n2-custom-2-4096") is None


def test_list_price_is_hourly_price_times_730_in_eur(catalog):
    found = catalog.list_price("aws", "us-east-1", "m5.large", rates=RATES)
    assert found is not None
    assert found.monthly_eur == quantize(Decimal("0.096") * HOURS_PER_MONTH * RATES["USD"])
    assert found.source == "list price: aws/m5.large us-east-1"


def test_list_price_defaults_to_policy_exchange_rate(catalog):
    from cloudexit.model.policy import Policy

    rate = Policy().exchange_rates["USD"]
    found = catalog.list_price("azure", "westeurope", "Standard_D2s_v3")
    assert found.monthly_eur == quantize(Decimal("0.12") * HOURS_PER_MONTH * rate)


def test_list_price_missing_region_product_or_rate_is_none(catalog):
    assert catalog.list_price("aws", "eu-west-1", "m5.large") is None
    assert catalog.list_price("aws", "us-east-1", "zz9.huge") is None
    assert catalog.list_price("aws", "us-east-1", "m5.large", rates={}) is None


def test_list_price_marks_unverified_figures(catalog):
    found = catalog.list_price("aws", "us-east-1", "db.t3.large", rates=RATES)
    assert found.source.endswith("(unverified)")


def test_list_price_per_unit_products_use_quantity_and_free_allowance(catalog):
    found = catalog.list_price(
        "aws", "eu-west-1", "internet-egress", quantity=Decimal(600), rates=RATES
    )
    assert found.monthly_eur == quantize(Decimal("0.09") * (600 - 100) * RATES["USD"])
    assert (
        catalog.list_price(
            "aws", "eu-west-1", "internet-egress", quantity=Decimal(50), rates=RATES
        ).monthly_eur
        == 0
    )


def test_list_price_gcp_custom_type_from_per_unit_prices(catalog):
    found = catalog.list_price("gcp", "us-central1", "n2-custom-4-16384", rates=RATES)
    hourly = Decimal("0.033174") * 4 + Decimal("0.004446") * 16
    assert found.monthly_eur == quantize(hourly * HOURS_PER_MONTH * RATES["USD"])
    assert "custom/n2 (4 vCPU, 16 GiB) us-central1" in found.source
    assert catalog.list_price("gcp", "europe-west1", "n2-custom-4-16384") is None
    assert catalog.list_price("gcp", "us-central1", "e2-custom-4-16384") is None


def test_a_size_look_up_reads_the_compiled_sizes_not_the_provider_file(
    small_catalog, tmp_path, monkeypatch
):
    from cloudexit.catalog import loader

    monkeypatch.setenv("CLOUDEXIT_CACHE_DIR", str(tmp_path / "cache"))
    names = [
        ("aws", "M5.Large"),
        ("aws", "db.t3.large"),
        ("azure", "standard_d2s_v3"),
        ("gcp", "n2-standard-4"),
    ]
    first = load_catalog_dir(small_catalog)
    expected = [first.specs_for(p, n) for p, n in names]
    assert all(s is not None for s in expected)
    assert list((tmp_path / "cache").glob("SizeIndex-*.keyed"))
    loader._load_catalog.cache_clear()  # as a new process would

    def no_provider(self, provider_id):
        raise AssertionError(f"provider {provider_id} read for a size")

    monkeypatch.setattr(loader.ProviderFiles, "__getitem__", no_provider)
    again = load_catalog_dir(small_catalog)
    assert [again.specs_for(p, n) for p, n in names] == expected
    assert again.specs_for("gcp", "n2-custom-6-24576").vcpu == 6
    assert again.specs_for("aws", "zz9.huge") is None


def test_a_catalogue_with_its_providers_replaced_looks_sizes_up_in_them(small_catalog):
    import dataclasses

    bundled = load_catalog_dir(small_catalog)
    assert bundled.specs_for("aws", "m5.large") is not None
    aws = bundled.providers["aws"].model_copy(update={"products": []})
    replaced = dataclasses.replace(bundled, providers={**bundled.providers, "aws": aws})
    assert replaced.specs_for("aws", "m5.large") is None
    assert replaced.specs_for("azure", "standard_d2s_v3").memory_gib == 8


def test_a_price_look_up_reads_one_regions_compiled_prices_with_the_same_answers(
    small_catalog, tmp_path, monkeypatch
):
    from cloudexit.catalog import loader

    monkeypatch.setenv("CLOUDEXIT_CACHE_DIR", str(tmp_path / "cache"))
    whole = load_catalog_dir(small_catalog)
    asks = [
        (provider.id, region.code, name)
        for provider in whole.providers.values()
        for region in provider.regions
        for product in provider.products
        for name in (product.id, product.id.upper(), product.id.rsplit("/", 1)[-1])
    ] + [("gcp", "us-central1", "n2-custom-4-16384"), ("aws", "us-east-1", "zz9.huge")]
    expected = [whole.list_price(*ask, rates=RATES) for ask in asks]
    assert sum(e is not None for e in expected) > len(asks) // 3
    regions = sorted({(provider_id, region) for provider_id, region, _ in asks})
    loader._load_catalog.cache_clear()
    fresh = load_catalog_dir(small_catalog)
    for provider_id, region in regions:
        fresh.providers.prices_in(provider_id, region)
    assert len(list((tmp_path / "cache").glob("RegionPrices-*.keyed"))) == len(regions)
    loader._load_catalog.cache_clear()  # as a new process would, with the views compiled

    def no_provider(self, provider_id):
        raise AssertionError(f"provider {provider_id} read for a price")

    monkeypatch.setattr(loader.ProviderFiles, "__getitem__", no_provider)
    again = load_catalog_dir(small_catalog)
    assert [again.list_price(*ask, rates=RATES) for ask in asks] == expected
