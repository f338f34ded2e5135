"""IONOS caches are written as In-Memory DB v2 clusters, whose location argument takes only the
locations the provider's documentation lists (terraform-provider-ionoscloud,
docs/resources/inmemorydb_cluster_v2.md, commit 187532e): a cache placed elsewhere would fail
at apply."""

from __future__ import annotations

from cloudexit.catalog.loader import load_catalog

CLUSTER_V2_LOCATIONS = {
    "de/fra",
    "de/txl",
    "es/vit",
    "fr/par",
    "gb/bhx",
    "gb/lhr",
    "us/ewr",
    "us/las",
    "us/mci",
}


def test_every_ionos_cache_region_is_a_location_the_written_cluster_takes() -> None:
    ionos = load_catalog().providers["ionos"]
    caches = [p for p in ionos.products if p.service == "cache"]
    assert caches
    for product in caches:
        assert set(product.regions) <= CLUSTER_V2_LOCATIONS, product.id
