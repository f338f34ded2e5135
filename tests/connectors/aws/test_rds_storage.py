"""An RDS instance's today: its instance hours plus its allocated storage at the volume type's rate."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from cloudexit.catalog import Catalog, load_catalog
from cloudexit.connectors.aws.pricing import monthly_cost
from cloudexit.model.inventory import Resource
from tests.helpers import resource


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    return load_catalog()


def _db(region: str, **attributes: Any) -> Resource:
    return Resource.model_validate(
        resource(
            f"arn:aws:rds:{region}:123456789012:db:orders",
            kind="database.postgresql",
            region=region,
            type="AWS::RDS::DBInstance",
            attributes={"instance_type": "db.t4g.medium", "engine": "postgresql", **attributes},
            monthly_cost=None,
        )
    )


def _list(catalog: Catalog, region: str, product: str, quantity: int = 1) -> Decimal:
    price = catalog.list_price("aws", region, product, Decimal(quantity))
    assert price is not None, (product, region)
    return price.monthly_eur


@pytest.mark.parametrize("region", ["eu-central-1", "eu-west-3", "eu-south-2", "us-east-1"])
def test_allocated_gp2_storage_is_added_to_the_instance_s_hours(bundled, region):
    cost = monthly_cost(_db(region, storage_gib=100, storage_class="gp2"), bundled)
    hours = _list(bundled, region, "rds/postgresql/db.t4g.medium")
    storage = _list(bundled, region, "rds-storage-gp2", 100)
    assert cost is not None and storage > 0
    assert cost.amount == hours + storage
    assert f"rds-storage-gp2 {region}, 100.0 GiB" in cost.source


def test_a_multi_az_pair_pays_the_multi_az_storage_rate(bundled):
    single = monthly_cost(_db("eu-central-1", storage_gib=200, storage_class="gp2"), bundled)
    pair = monthly_cost(
        _db("eu-central-1", storage_gib=200, storage_class="gp2", high_availability=True), bundled
    )
    assert single is not None and pair is not None
    storage = _list(bundled, "eu-central-1", "rds-storage-gp2/multi-az", 200)
    hours = _list(bundled, "eu-central-1", "rds/postgresql/multi-az/db.t4g.medium")
    assert pair.amount == hours + storage
    # AWS's own Multi-AZ storage rate (0.273 a GiB-month in Frankfurt), not the Single-AZ one doubled.
    assert storage != 2 * _list(bundled, "eu-central-1", "rds-storage-gp2", 200)


@pytest.mark.parametrize(
    ("attributes", "said"),
    [
        (
            {"storage_gib": 100, "storage_class": "gp3"},
            "100.0 GiB gp3 storage not included (no list price)",
        ),
        (
            {"storage_gib": 100, "storage_class": "io1"},
            "100.0 GiB io1 storage not included (no list price)",
        ),
        ({"storage_gib": 100}, "100.0 GiB storage not included (no list price)"),
        ({"storage_class": "gp2"}, "storage not included (allocated size unknown)"),
    ],
)
def test_storage_without_a_price_is_said_left_out_never_taken_as_free(bundled, attributes, said):
    cost = monthly_cost(_db("eu-central-1", **attributes), bundled)
    assert cost is not None
    assert cost.amount == _list(bundled, "eu-central-1", "rds/postgresql/db.t4g.medium")
    assert cost.source.endswith(said)
