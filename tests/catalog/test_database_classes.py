"""Managed database instance classes of the source clouds, priced per engine and deployment."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cloudexit.catalog import Catalog, load_catalog
from cloudexit.catalog.coverage import compute_regions
from cloudexit.catalog.sizing import price_in
from cloudexit.connectors.aws.pricing import monthly_cost
from cloudexit.model.inventory import Resource
from tests.helpers import resource


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    return load_catalog()


def _hourly(catalog: Catalog, provider: str, product_id: str, region: str) -> Decimal | None:
    product = next(p for p in catalog.providers[provider].products if p.id == product_id)
    price = price_in(product, region)
    return None if price is None else price.amount


@pytest.mark.parametrize("engine", ["mysql", "postgresql", "mariadb"])
@pytest.mark.parametrize("size", ["db.t3.micro", "db.t4g.medium", "db.m6g.large", "db.r6g.xlarge"])
def test_rds_classes_are_priced_single_and_multi_az_in_every_aws_region(bundled, engine, size):
    for region in compute_regions(bundled.providers["aws"]):
        single = _hourly(bundled, "aws", f"rds/{engine}/{size}", region)
        multi = _hourly(bundled, "aws", f"rds/{engine}/multi-az/{size}", region)
        assert single is not None and multi is not None, (region, engine, size)
        # The pair's own rate: about twice one instance, as AWS rounds it.
        assert single * 2 - Decimal("0.002") <= multi <= single * 2 + Decimal("0.002")


def test_rds_rates_read_from_aws_s_calculator_file(bundled):
    assert _hourly(bundled, "aws", "rds/mysql/db.t3.micro", "us-east-1") == Decimal("0.017")
    assert _hourly(bundled, "aws", "rds/mysql/db.t3.micro", "eu-central-1") == Decimal("0.02")
    assert _hourly(bundled, "aws", "rds/postgresql/multi-az/db.t3.micro", "eu-central-1") == (
        Decimal("0.042")
    )
    product = next(p for p in bundled.providers["aws"].products if p.id == "rds/mysql/db.t3.micro")
    price = price_in(product, "eu-west-1")
    assert price is not None
    assert price.source.evidence == "provider_api" and str(price.source.published) == "2024-09-28"


def test_a_class_offered_in_a_few_regions_is_no_gap_elsewhere_and_has_no_price_there(bundled):
    product = next(
        p for p in bundled.providers["aws"].products if p.id == "rds/mariadb/db.m3.large"
    )
    assert product.regions and "eu-north-1" not in product.regions
    assert bundled.list_price("aws", "eu-north-1", "rds/mariadb/db.m3.large") is None


def _db(high_availability: bool) -> Resource:
    return Resource.model_validate(
        resource(
            "arn:aws:rds:eu-west-3:123456789012:db:orders",
            kind="database.mysql",
            region="eu-west-3",
            type="AWS::RDS::DBInstance",
            attributes={
                "instance_type": "db.t3.micro",
                "engine": "mysql",
                "high_availability": high_availability,
            },
            monthly_cost=None,
        )
    )


def test_a_multi_az_instance_is_priced_at_the_pair_s_rate(bundled):
    single = monthly_cost(_db(False), bundled)
    pair = monthly_cost(_db(True), bundled)
    assert single is not None and pair is not None
    assert "aws/rds/mysql/db.t3.micro eu-west-3" in single.source
    assert "aws/rds/mysql/multi-az/db.t3.micro eu-west-3" in pair.source
    assert (
        pair.amount
        == bundled.list_price("aws", "eu-west-3", "rds/mysql/multi-az/db.t3.micro").monthly_eur
    )
