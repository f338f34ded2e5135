"""Today's cost of what a GCP scan finds beyond machines: disks, GKE control planes, DNS zones,
Cloud SQL and Memorystore, each from the catalogue's list price in its region, or no figure."""

from __future__ import annotations

from decimal import Decimal

from cloudexit.connectors.gcp.pricing import billed
from tests.connectors.gcp.test_gcp_inventory import scan

SHOP = "//compute.googleapis.com/projects/shop-prod/zones/europe-west1-b/disks"


def test_disks_clusters_and_zones_cost_their_list_price(cai, priced_catalog):
    by_id = scan(cai, priced_catalog).by_id()
    data = by_id[f"{SHOP}/app-1-data"]
    ssd = priced_catalog.list_price("gcp", "europe-west1", "pd-ssd", Decimal(500))
    assert ssd is not None and data.monthly_cost is not None
    assert data.monthly_cost.amount == ssd.monthly_eur
    assert data.monthly_cost.source == "list price: gcp/pd-ssd europe-west1, 500.0 GiB"
    # Two sizes of one disk type: the figure follows the size.
    small, large = by_id[f"{SHOP}/api-1"].monthly_cost, by_id[f"{SHOP}/worker-1"].monthly_cost
    assert small is not None and large is not None
    assert large.amount == small.amount * 5
    gke = by_id[
        "//container.googleapis.com/projects/shop-prod/locations/europe-west1/clusters/shop-gke"
    ].monthly_cost
    assert gke is not None and gke.source.startswith("list price: gcp/gke-cluster-management")
    zone = by_id["//dns.googleapis.com/projects/shop-prod/managedZones/shop-zone"].monthly_cost
    assert zone is not None and "cloud-dns-zone" in zone.source


def test_a_database_or_cache_without_a_regional_price_has_no_figure(cai, priced_catalog):
    by_id = scan(cai, priced_catalog).by_id()
    pg = by_id["//cloudsql.googleapis.com/projects/shop-prod/instances/shop-pg"]
    # A custom tier is billed as its vCPUs and memory; a regional (HA) instance as two of them
    # and twice its storage.
    assert [(p.product, p.quantity) for p in billed(pg)] == [
        ("cloudsql-vcpu", Decimal(4)),
        ("cloudsql-memory", Decimal(15)),
        ("cloudsql-ssd-storage", Decimal(200)),
    ]
    cache = by_id[
        "//redis.googleapis.com/projects/shop-prod/locations/europe-west1/instances/shop-cache"
    ]
    assert [(p.product, p.quantity) for p in billed(cache)] == [
        ("memorystore-redis/standard/M2", Decimal(5))
    ]
    for resource, product in (
        (pg, "cloudsql-vcpu"),
        (cache, "memorystore-redis/standard/M2"),
    ):
        if priced_catalog.list_price("gcp", "europe-west1", product) is None:
            # Missing is reported as no figure, never as zero or as the storage part alone.
            assert resource.monthly_cost is None
        else:
            assert resource.monthly_cost is not None and product in resource.monthly_cost.source
    # SQL Server licences and regional persistent disks have no catalogue product: no figure.
    mssql = by_id["//cloudsql.googleapis.com/projects/shop-prod/instances/shop-mssql"]
    assert billed(mssql) == [] and mssql.monthly_cost is None
