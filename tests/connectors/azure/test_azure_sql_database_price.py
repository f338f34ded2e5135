"""Azure SQL Database, single database: today's cost from its vCore or DTU size (and a vCore
database's storage), where the catalogue has a list price; elsewhere no figure, never zero."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from cloudexit.catalog import Catalog, load_catalog
from cloudexit.connectors.azure.pricing import billed
from cloudexit.connectors.common import listed_cost
from cloudexit.model.inventory import Resource
from tests.helpers import resource


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    return load_catalog()


def _db(region: str = "eastus", **attributes: Any) -> Resource:
    details = attributes.pop("details", {})
    return Resource.model_validate(
        resource(
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/sql/databases/orders",
            kind="database.sqlserver",
            provider="azure",
            region=region,
            type="microsoft.sql/servers/databases",
            attributes={"engine": "sqlserver", "details": details, **attributes},
            monthly_cost=None,
        )
    )


def _list(catalog: Catalog, product: str, quantity: str = "1") -> Decimal:
    price = catalog.list_price("azure", "eastus", product, Decimal(quantity))
    assert price is not None, product
    return price.monthly_eur


@pytest.mark.parametrize("name", ["GP_Gen5_4", "GP_Gen5"])
def test_a_vcore_database_costs_its_vcores_and_its_storage(bundled, name):
    # Terraform names the size GP_Gen5_4; a scan reports GP_Gen5 with a capacity of 4 vCores.
    db = _db(instance_type=name, vcpu=4, storage_gib=100)
    cost = listed_cost(bundled, "azure", "eastus", billed(db))
    assert cost is not None
    expected = _list(bundled, "sql-database/GP_Gen5_4") + _list(
        bundled, "sql-database-storage/general-purpose", "100"
    )
    assert cost.amount == expected
    assert "sql-database/GP_Gen5_4 eastus" in cost.source and "100.0 GiB" in cost.source


@pytest.mark.parametrize(("name", "dtu"), [("S1", None), ("Standard", 20)])
def test_a_dtu_database_costs_its_size(bundled, name, dtu):
    db = _db(instance_type=name, details={"dtu": dtu} if dtu else {})
    cost = listed_cost(bundled, "azure", "eastus", billed(db))
    assert cost is not None and cost.amount == _list(bundled, "sql-database/S1")
    assert "included size not included" in cost.source


@pytest.mark.parametrize(
    "db",
    [
        # Unpriced in the region: reported as missing, not as free.
        _db("westeurope", instance_type="GP_Gen5_4", vcpu=4, storage_gib=100),
        # Serverless bills per vCore-second used; elastic-pool databases bill as their pool.
        _db(instance_type="GP_S_Gen5_4", vcpu=4, storage_gib=100),
        _db(instance_type="ElasticPool", storage_gib=100),
        # Zone redundancy adds a charge the catalogue does not price.
        _db(instance_type="GP_Gen5_4", vcpu=4, storage_gib=100, high_availability=True),
        # A vCore database of unknown size cannot be priced whole.
        _db(instance_type="GP_Gen5_4", vcpu=4),
    ],
)
def test_what_the_catalogue_cannot_price_whole_has_no_figure(bundled, db):
    assert listed_cost(bundled, "azure", db.region, billed(db)) is None
