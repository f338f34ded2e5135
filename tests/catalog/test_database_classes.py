"""Managed database instance classes of the source clouds, priced per engine, deployment and region."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cloudexit.catalog import Catalog, load_catalog
from cloudexit.catalog.coverage import compute_regions, european_regions
from cloudexit.catalog.sizing import price_in
from cloudexit.connectors.aws.pricing import monthly_cost
from cloudexit.connectors.azure.pricing import billed as azure_billed
from cloudexit.connectors.common import today_cost
from cloudexit.connectors.gcp.pricing import billed as gcp_billed
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


def _server(provider: str, native: str, region: str, **attributes: object) -> Resource:
    return Resource.model_validate(
        resource(
            f"{provider}-{native}-{region}",
            kind=str(attributes.pop("kind")),
            provider=provider,
            region=region,
            type=native,
            attributes=attributes,
            monthly_cost=None,
        )
    )


@pytest.mark.parametrize("engine", ["postgresql", "mysql"])
def test_azure_flexible_general_purpose_servers_are_priced_per_vcore_in_europe(bundled, engine):
    europe = european_regions(bundled.providers["azure"])
    for size in (2, 4, 16, 64):
        product = f"{engine}-flexible/GP_Standard_D{size}ds_v4"
        priced = {r for r in europe if _hourly(bundled, "azure", product, r) is not None}
        # Italy North and Spain Central: no reading found, said so rather than priced.
        assert set(europe) - priced == {"italynorth", "spaincentral"}, product
        two = _hourly(bundled, "azure", f"{engine}-flexible/GP_Standard_D2ds_v4", "westeurope")
        assert _hourly(bundled, "azure", product, "westeurope") == two * size / 2
    native = f"Microsoft.DBfor{'PostgreSQL' if engine == 'postgresql' else 'MySQL'}/flexibleServers"
    server = _server(
        "azure",
        native.lower(),
        "germanywestcentral",
        kind=f"database.{engine}",
        instance_type="Standard_D4ds_v4",
        details={"tier": "GeneralPurpose"},
    )
    cost = today_cost(bundled, "azure", server, azure_billed)
    assert cost is not None
    assert f"azure/{engine}-flexible/GP_Standard_D4ds_v4 germanywestcentral" in cost.source


def test_a_cloud_sql_custom_tier_is_billed_as_its_vcpus_and_memory(bundled):
    def sql(tier: str, region: str = "europe-west2", ha: bool = False) -> Resource:
        return _server(
            "gcp",
            "sqladmin.googleapis.com/Instance",
            region,
            kind="database.postgresql",
            engine="postgresql",
            instance_type=tier,
            high_availability=ha,
        )

    listed = bundled.list_price("gcp", "europe-west2", "cloudsql/postgresql/db-custom-2-7680")
    parts = today_cost(bundled, "gcp", sql("db-custom-2-7680"), gcp_billed)
    assert listed is not None and parts is not None
    # The same bill as the tier's own list price, to the cent per part.
    assert abs(parts.amount - listed.monthly_eur) <= Decimal("0.01")
    # A shape the catalogue lists no product for is priced from the same two rates.
    odd = today_cost(bundled, "gcp", sql("db-custom-3-12288"), gcp_billed)
    pair = today_cost(bundled, "gcp", sql("db-custom-3-12288", ha=True), gcp_billed)
    assert odd is not None and pair is not None and "3 vCPU" in odd.source
    assert abs(pair.amount - 2 * odd.amount) <= Decimal("0.02")
    # Frankfurt has no Cloud SQL reading: no figure, never zero.
    assert today_cost(bundled, "gcp", sql("db-custom-2-7680", "europe-west3"), gcp_billed) is None
    micro = today_cost(bundled, "gcp", sql("db-f1-micro", "europe-west1"), gcp_billed)
    assert micro is not None and "cloudsql/postgresql/db-f1-micro europe-west1" in micro.source
