"""`cloudexit.inventory("openstack", **options)` reaches the connector with the options it takes."""

from __future__ import annotations

import cloudexit


def test_openstack_through_the_library_takes_a_list_of_regions(cloud, connector_catalog):
    inventory = cloudexit.inventory(
        "openstack", cloud="ovh-prod", regions=["GRA11"], catalog=connector_catalog
    )
    assert inventory.resources
    assert {r.region for r in inventory.resources} - {"global"} == {"GRA11"}
