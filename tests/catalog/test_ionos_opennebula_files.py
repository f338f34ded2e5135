"""The shipped IONOS Cloud and OpenNebula catalogue files: valid, sourced, consistent, usable by the planner."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from cloudexit.catalog import load_catalog
from cloudexit.catalog.evidence import standing
from cloudexit.catalog.schema import Product, ProductSelector, ProviderFile
from cloudexit.catalog.sizing import Needs, cheapest_fit, price_in, select_products
from cloudexit.model.io import read_yaml, validate
from cloudexit.risk.score import certifications_in

FILES = ["ionos", "opennebula"]
COMPUTE_FAMILIES = {"general_purpose", "compute", "memory", "gpu", "shared", "cube"}
ENGINES = {"postgresql", "mysql", "mariadb", "mongodb", "redis"}
GIB_PER_CORE = {"compute": 2, "general_purpose": 4, "memory": 8}


def load(repo_dir: Path, provider_id: str) -> ProviderFile:
    path = repo_dir / "providers" / f"{provider_id}.yaml"
    return validate(ProviderFile, read_yaml(path), path)


@pytest.fixture(scope="module", params=FILES)
def provider(request: pytest.FixtureRequest, repo_dir: Path) -> ProviderFile:
    return load(repo_dir, request.param)


@pytest.fixture(scope="module")
def ionos(repo_dir: Path) -> ProviderFile:
    return load(repo_dir, "ionos")


@pytest.fixture(scope="module")
def opennebula(repo_dir: Path) -> ProviderFile:
    return load(repo_dir, "opennebula")


def test_identity(provider: ProviderFile) -> None:
    assert provider.role == "target"
    assert provider.currency == "EUR"
    assert provider.company.eu_controlled
    assert provider.company.exposure in ("none", "low")
    assert provider.company.exposure_reason
    assert provider.company.source.url.startswith("https://")


def test_every_price_is_sourced_dated_and_explained_when_unverified(provider: ProviderFile) -> None:
    for product in provider.products:
        for price in product.prices:
            assert price.source.url.startswith("https://"), product.id
            assert price.source.retrieved.isoformat() >= "2026-11-23", product.id
            assert price.amount >= 0, product.id
            if price.amount == 0 or not price.verified:
                assert price.source.note, product.id


def test_families_engines_and_units(provider: ProviderFile) -> None:
    for product in provider.products:
        if product.service == "compute":
            assert product.family in COMPUTE_FAMILIES, product.id
            assert product.specs.vcpu and product.specs.memory_gib and product.specs.architecture, (
                product.id
            )
            assert {p.unit for p in product.prices} <= {"hour", "month"}, product.id
        if product.service in ("database", "cache"):
            assert product.specs.engines and set(product.specs.engines) <= ENGINES, product.id
            assert all(e == e.lower() for e in product.specs.engines), product.id
        if product.service in ("block_storage", "object_storage") and product.prices:
            assert {p.unit for p in product.prices} == {"gib_month"}, product.id
    egress = [p for p in provider.products if p.service == "egress"]
    assert egress and all(price.unit == "gib" for p in egress for price in p.prices)


def test_every_product_is_priced_wherever_it_is_offered(provider: ProviderFile) -> None:
    for product in provider.products:
        unpriced = {r for gap in product.unpriced for r in gap.regions}
        for region in product.regions or [r.code for r in provider.regions]:
            priced = price_in(product, region) is not None
            assert priced != (region in unpriced), f"{product.id} in {region}"


def test_products_without_a_price_say_what_was_searched(provider: ProviderFile) -> None:
    for product in provider.products:
        if not product.prices:
            assert product.unpriced or product.price_on_request, product.id
            assert all(len(gap.reason) > 80 for gap in product.unpriced), product.id


def _rates(products: list[Product]) -> tuple[Decimal, Decimal]:
    """Per-core and per-GiB rate solved from two products of different shape."""
    a, b = (
        products[0],
        next(
            p
            for p in products
            if p.specs.memory_gib / p.specs.vcpu
            != products[0].specs.memory_gib / products[0].specs.vcpu
        ),
    )
    pa, pb = a.prices[0].amount, b.prices[0].amount
    ca, ma = Decimal(str(a.specs.vcpu)), Decimal(str(a.specs.memory_gib))
    cb, mb = Decimal(str(b.specs.vcpu)), Decimal(str(b.specs.memory_gib))
    ram = (pb * ca - pa * cb) / (mb * ca - ma * cb)
    return (pa - ram * ma) / ca, ram


def test_composable_servers_are_priced_cores_times_rate_plus_ram_times_rate(
    provider: ProviderFile,
) -> None:
    grids: dict[str, list[Product]] = defaultdict(list)
    for product in provider.products:
        if (
            product.service in ("compute", "database", "cache")
            and not product.specs.local_storage_gib
        ):
            grids[product.id.split("-")[0]].append(product)
    assert grids
    for prefix, products in grids.items():
        core, ram = _rates(products)
        assert core > 0 and ram > 0, prefix
        for product in products:
            expected = core * Decimal(str(product.specs.vcpu)) + ram * Decimal(
                str(product.specs.memory_gib)
            )
            # Amounts are rounded to 4 or 6 places, so the solved rates carry a tiny relative error.
            assert abs(product.prices[0].amount - expected) <= expected * Decimal("0.0001"), (
                product.id
            )
            if product.service == "compute" and product.family in GIB_PER_CORE:
                assert (
                    product.specs.memory_gib == product.specs.vcpu * GIB_PER_CORE[product.family]
                ), product.id


def test_ionos_locations_are_the_terraform_providers(ionos: ProviderFile, shared_dir: Path) -> None:
    reference = json.loads(
        (shared_dir / "reference" / "terraform-provider-schemas.json").read_text(encoding="utf-8")
    )
    locations = set(
        reference["providers"]["ionos-cloud/ionoscloud"]["enumerations"]["locations"]["values"]
    )
    codes = {r.code for r in ionos.regions}
    assert locations <= codes
    assert codes - locations == {"de/fkb"}
    karlsruhe = next(r for r in ionos.regions if r.code == "de/fkb")
    assert karlsruhe.source is not None and "availability" in (karlsruhe.source.note or "")


def test_ionos_offers_every_service_the_brief_lists(ionos: ProviderFile) -> None:
    services = defaultdict(set)
    for product in ionos.products:
        services[product.service].add(product.family)
    assert {"general_purpose", "compute", "memory", "shared"} <= services["compute"]
    assert {"hdd", "ssd_premium"} <= services["block_storage"]
    assert services["kubernetes"] == {"control_plane"}
    engines = {e for p in ionos.products for e in p.specs.engines}
    assert engines == {"postgresql", "mariadb", "mongodb", "redis"}
    assert services["object_storage"] and services["load_balancer"] and services["egress"]


def test_ionos_managed_databases_only_where_the_service_runs(ionos: ProviderFile) -> None:
    mariadb = [p for p in ionos.products if "mariadb" in p.specs.engines]
    assert mariadb and all("de/fra/2" not in p.regions for p in mariadb)
    needs = Needs(vcpu=2, memory_gib=8)
    selector = ProductSelector(service="database", engine="mariadb")
    assert cheapest_fit(select_products(ionos, selector, "de/fra/2"), needs, "de/fra/2") is None
    chosen = cheapest_fit(select_products(ionos, selector, "de/txl"), needs, "de/txl")
    assert chosen is not None and chosen.specs.vcpu == 2 and chosen.specs.memory_gib == 8


def test_ionos_us_locations_use_the_us_price_list(ionos: ProviderFile) -> None:
    for pid in ("object-storage", "egress-internet"):
        product = next(p for p in ionos.products if p.id == pid)
        us, eu = price_in(product, "us/las"), price_in(product, "de/fra")
        assert us is not None and eu is not None
        assert (us.currency, eu.currency) == ("USD", "EUR")


def test_certifications_only_count_when_verified(ionos: ProviderFile) -> None:
    # IONOS's own ISO 27001 page names the 2013 edition, lapsed since October 2025, and the dated
    # ISO 27001 and C5 statements are second-hand copies: neither satisfies a requirement
    held = certifications_in(ionos, "de/fra", "compute")
    assert "ISO/IEC 27001" not in held and "BSI C5" not in held
    assert {c.name for c in ionos.certifications if not c.verified} >= {"ISO 27001", "BSI C5"}
    # once verified, names come back canonical ("ISO 27001" is ISO/IEC 27001) and keep their regions
    checked = ionos.model_copy(
        update={
            "certifications": [
                c.model_copy(update={"verified": True}) for c in ionos.certifications
            ]
        }
    )
    assert "ISO/IEC 27001" in certifications_in(checked, "de/fra", "compute")
    assert "ISO/IEC 27001" not in certifications_in(checked, "us/las", "compute")


def test_opennebula_rates_are_marked_as_defaults_to_replace(opennebula: ProviderFile) -> None:
    assert {r.code for r in opennebula.regions} >= {"default"}
    for region in opennebula.regions:
        assert region.source is not None and "USER-DEFINED DEFAULT" in (region.source.note or ""), (
            region.code
        )
    for product in opennebula.products:
        for price in product.prices:
            assert not price.verified, product.id
            assert "DEFAULT" in (price.source.note or ""), product.id
    assert opennebula.certifications == []


def test_both_files_load_into_the_catalogue(repo_dir: Path) -> None:
    catalog = load_catalog(repo_dir / "providers", repo_dir / "mappings")
    assert set(FILES) <= set(catalog.targets())
    price = catalog.list_price("ionos", "de/fra", "dedicated-2c-8g")
    assert price is not None and price.monthly_eur > 0


IONOS_FIRST_HAND_HOSTS = (
    "https://docs.ionos.com/",
    "https://cloud.ionos.de/",
    "https://cloud.ionos.com/",
    "https://cloud.ionos.co.uk/",
    "https://github.com/ionos-cloud/",
)
UNIVIE = "https://zid.univie.ac.at/en/server-housing/costs/"


def _product(provider: ProviderFile, product_id: str) -> Product:
    return next(p for p in provider.products if p.id == product_id)


def test_ionos_verified_only_from_ionos_itself_and_second_hand_says_so(ionos: ProviderFile) -> None:
    for product in ionos.products:
        for price in product.prices:
            if price.verified:
                assert price.source.url.startswith(IONOS_FIRST_HAND_HOSTS), product.id
            else:
                note = price.source.note or ""
                assert any(word in note for word in ("second-hand", "derived", "as quoted")), (
                    product.id
                )


def test_ionos_recorded_rates(ionos: ProviderFile) -> None:
    dedicated = [p for p in ionos.products if p.id.startswith("dedicated-")]
    assert _rates(dedicated) == (Decimal("0.04"), Decimal("0.0045"))
    shared = [p for p in ionos.products if p.id.startswith("vcpu-")]
    assert _rates(shared) == (Decimal("0.017"), Decimal("0.0025"))
    assert _product(ionos, "dedicated-2c-8g").prices[0].amount == Decimal("0.116")
    assert _product(ionos, "volume-hdd").prices[0].amount == Decimal("0.04")
    assert _product(ionos, "volume-ssd-premium").prices[0].amount == Decimal("0.15")
    eu_egress = price_in(_product(ionos, "egress-internet"), "de/fra")
    us_egress = price_in(_product(ionos, "egress-internet"), "us/ewr")
    assert (
        eu_egress is not None
        and eu_egress.amount == Decimal("0.05")
        and eu_egress.free_quantity is None
    )
    assert (
        us_egress is not None
        and us_egress.amount == Decimal("0.036")
        and us_egress.free_quantity == 2048
    )


def test_opennebula_defaults_are_the_published_univie_rates(opennebula: ProviderFile) -> None:
    vms = [p for p in opennebula.products if p.service == "compute"]
    core, ram = _rates(vms)
    # EUR 20 per vCPU and EUR 20 per GB RAM a year, billed per month.
    assert abs(core - Decimal(20) / 12) < Decimal("0.0001") and abs(
        ram - Decimal(20) / 12
    ) < Decimal("0.0001")
    assert _product(opennebula, "vm-2c-8g").prices[0].amount == Decimal("16.6667")
    datastore = _product(opennebula, "datastore-volume").prices[0]
    assert datastore.amount == Decimal("0.15") / 12
    assert _product(opennebula, "object-storage-ceph-rgw").prices[0].amount == 3 * datastore.amount
    for product in opennebula.products:
        if product.service in ("compute", "block_storage", "object_storage"):
            assert product.prices[0].source.url == UNIVIE, product.id
    egress = _product(opennebula, "egress-internet").prices[0]
    assert egress.amount == 0 and "showback" in egress.source.url


def test_opennebula_defaults_are_dated_user_set_figures(opennebula: ProviderFile) -> None:
    # A default is the catalogue's own choice: it carries the day it was set, and its standing
    # stays user-set so no plan takes it for a provider's price.
    for product in opennebula.products:
        for price in product.prices:
            assert price.source.evidence == "user_set", product.id
            assert isinstance(price.source.published, dt.date), product.id
            assert standing(price) == "user_set", product.id
