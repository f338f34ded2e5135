"""Certifications hold per service and region as their sources state, so a requirement places
only what the provider's own documentation covers."""

from __future__ import annotations

from cloudexit.catalog import load_catalog
from cloudexit.catalog.schema import ProviderFile
from cloudexit.datafiles import data_dir
from cloudexit.risk.score import certifications_in


def _provider(provider_id: str) -> ProviderFile:
    return load_catalog(data_dir("providers"), data_dir("mappings")).provider(provider_id)


def test_ovhcloud_hds_covers_the_listed_products_in_french_regions_only() -> None:
    ovh = _provider("ovhcloud")
    for service in ("compute", "block_storage", "object_storage", "kubernetes", "database"):
        assert "HDS" in certifications_in(ovh, "GRA11", service), service
    for service in ("load_balancer", "public_ip", "dns"):
        assert "HDS" not in certifications_in(ovh, "GRA11", service), service
    assert "HDS" not in certifications_in(ovh, "DE1", "compute")


def test_type_1_attestations_are_scoped_to_instances() -> None:
    ovh = _provider("ovhcloud")
    assert {"BSI C5", "SOC 2"} <= certifications_in(ovh, "DE1", "compute")
    assert not {"BSI C5", "SOC 2"} & certifications_in(ovh, "DE1", "object_storage")


def test_scaleway_hds_includes_block_storage_in_paris_only() -> None:
    scaleway = _provider("scaleway")
    assert "HDS" in certifications_in(scaleway, "fr-par", "block_storage")
    assert "HDS" not in certifications_in(scaleway, "nl-ams", "block_storage")
    first_hand = [
        c
        for c in scaleway.certifications
        if c.name == "HDS" and c.source.evidence == "provider_page"
    ]
    assert first_hand and all("block_storage" in c.services for c in first_hand)
