"""Today's cost of what an Azure scan finds beyond machines: flexible servers, disks, caches, AKS
control planes, each from the catalogue's list price in its region, or no figure at all."""

from __future__ import annotations

from decimal import Decimal

from cloudexit.connectors.azure.pricing import billed
from cloudexit.connectors.common import listed_cost
from tests.connectors.azure.test_azure_inventory import BASE, scan


def test_a_flexible_server_costs_its_compute_and_its_storage(arm, priced_catalog):
    by_id = scan(arm, priced_catalog).by_id()
    mysql = by_id[f"{BASE}/microsoft.dbformysql/flexibleservers/shop-mysql"]
    assert [(p.product, p.quantity) for p in billed(mysql)] == [
        ("mysql-flexible-storage", Decimal(20))
    ]
    storage = priced_catalog.list_price(
        "azure", "westeurope", "mysql-flexible-storage", Decimal(20)
    )
    # The recorded server is stopped: it bills its storage, not its compute hours.
    assert storage is not None and mysql.monthly_cost is not None
    assert mysql.monthly_cost.amount == storage.monthly_eur
    assert mysql.monthly_cost.source == (
        "list price: azure/mysql-flexible-storage westeurope, 20.0 GiB; stopped: storage only"
    )
    running = mysql.model_copy(
        update={"attributes": mysql.attributes.model_copy(update={"state": "ready"})}
    )
    compute = priced_catalog.list_price("azure", "westeurope", "mysql-flexible/B_Standard_B1ms")
    total = listed_cost(priced_catalog, "azure", "westeurope", billed(running))
    assert compute is not None and total is not None
    assert total.amount == compute.monthly_eur + storage.monthly_eur
    assert total.source == (
        "list price: azure/mysql-flexible/B_Standard_B1ms westeurope"
        " + list price: azure/mysql-flexible-storage westeurope, 20.0 GiB"
    )
    aks = by_id[f"{BASE}/microsoft.containerservice/managedclusters/shop-aks"].monthly_cost
    standard = priced_catalog.list_price("azure", "westeurope", "aks-standard")
    assert aks is not None and standard is not None and aks.amount == standard.monthly_eur


def test_a_server_is_priced_whole_and_what_the_catalogue_cannot_price_has_no_figure(
    arm, priced_catalog
):
    by_id = scan(arm, priced_catalog).by_id()
    # Zone-redundant HA bills a standby: twice the compute and twice the storage.
    pg = by_id[f"{BASE}/microsoft.dbforpostgresql/flexibleservers/shop-pg"]
    assert [(p.product, p.quantity) for p in billed(pg)] == [
        ("postgresql-flexible/GP_Standard_D2ds_v4", Decimal(2)),
        ("postgresql-flexible-storage", Decimal(256)),
    ]
    compute = priced_catalog.list_price(
        "azure", "westeurope", "postgresql-flexible/GP_Standard_D2ds_v4", Decimal(2)
    )
    storage = priced_catalog.list_price(
        "azure", "westeurope", "postgresql-flexible-storage", Decimal(256)
    )
    assert compute is not None and storage is not None and pg.monthly_cost is not None
    assert pg.monthly_cost.amount == compute.monthly_eur + storage.monthly_eur
    # A Standard cache bills its primary and its replica at the per-node list price.
    redis = by_id[f"{BASE}/microsoft.cache/redis/shop-redis"]
    assert [(p.product, p.quantity) for p in billed(redis)] == [
        ("redis-cache/Standard_C1", Decimal(2))
    ]
    nodes = priced_catalog.list_price("azure", "westeurope", "redis-cache/Standard_C1", Decimal(2))
    assert nodes is not None and redis.monthly_cost is not None
    assert redis.monthly_cost.amount == nodes.monthly_eur
    # Where no reading prices that size: no figure, and no part passed off as the cost.
    assert listed_cost(priced_catalog, "azure", "italynorth", billed(redis)) is None
    # Geo-redundant storage has no catalogue price; LRS hot blob would.
    account = by_id[f"{BASE}/microsoft.storage/storageaccounts/shopassets"]
    assert account.attributes.storage_class == "Standard_GRS" and account.monthly_cost is None


def test_a_managed_disk_is_billed_as_the_smallest_tier_that_holds_it(arm, priced_catalog):
    by_id = scan(arm, priced_catalog).by_id()
    disks = {
        name: [p.product for p in billed(by_id[f"{BASE}/microsoft.compute/disks/{name}"])]
        for name in ("web-1_os", "web-1_data", "orphan-data")
    }
    assert sorted(disks.values()) == [
        ["managed-disk/E15"],
        ["managed-disk/P10"],
        ["managed-disk/P4"],
    ]
    for name, (product,) in disks.items():
        price = priced_catalog.list_price("azure", "westeurope", product)
        cost = by_id[f"{BASE}/microsoft.compute/disks/{name}"].monthly_cost
        assert (cost is None) == (price is None), name
        if cost is not None and price is not None:
            assert cost.amount == price.monthly_eur


def test_a_public_dns_zone_held_at_location_global_is_priced_at_the_zone_1_meter(
    arm, priced_catalog
):
    """Azure holds a public zone at location global; Retail Prices lists its meter under billing
    zone Zone 1, so the zone is priced there, unverified, its figure naming the assumption."""
    zone = scan(arm, priced_catalog).by_id()[f"{BASE}/microsoft.network/dnszones/example.com"]
    assert zone.region == "global"
    listed = priced_catalog.list_price("azure", "global", "dns-zone/global")
    assert listed is not None and zone.monthly_cost is not None
    assert zone.monthly_cost.amount == listed.monthly_eur > 0
    assert zone.monthly_cost.source == (
        "list price: azure/dns-zone/global global (unverified); billed at the Zone 1 meter"
        " (assumed for a zone with location global); queries not included"
    )
