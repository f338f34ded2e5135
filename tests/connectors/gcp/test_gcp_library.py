"""`cloudexit.inventory("gcp", **options)` reaches the connector with the options it takes."""

from __future__ import annotations

from google.auth.credentials import AnonymousCredentials

import cloudexit


def test_gcp_through_the_library(cai, connector_catalog):
    inventory = cloudexit.inventory(
        "gcp",
        scope="projects/shop-prod",
        endpoint_url=cai.server.url,
        retries=1,
        credentials=AnonymousCredentials(),
        catalog=connector_catalog,
    )
    assert inventory.resources
    assert {r.account for r in inventory.resources} == {"shop-prod"}
