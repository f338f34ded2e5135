"""`cloudexit.inventory("azure", **options)` reaches the connector with the options it takes."""

from __future__ import annotations

import pytest

import cloudexit
from cloudexit.errors import InputError
from cloudexit.model.kinds import Kind
from tests.connectors.azure.fake_arm import StaticToken


def test_azure_through_the_library(arm, connector_catalog):
    inventory = cloudexit.inventory(
        "azure",
        endpoint_url=arm.server.url,
        metrics=False,
        retries=1,
        subscriptions=[arm.subscription],
        credential=StaticToken(),
        catalog=connector_catalog,
    )
    assert {s.kind for s in inventory.sources} == {"azure"}
    assert {r.account for r in inventory.resources} == {arm.subscription}
    assert any(r.kind == Kind.VM and r.name == "web-1" for r in inventory.resources)


@pytest.mark.parametrize("source", ["azure", "gcp", "openstack"])
def test_an_unknown_option_is_named(source):
    with pytest.raises(
        InputError, match=rf"inventory '{source}': unknown option subscripton; choose from .*"
    ):
        cloudexit.inventory(source, subscripton="x")


def test_a_missing_required_option_is_named():
    with pytest.raises(InputError, match="inventory 'gcp': .*scope"):
        cloudexit.inventory("gcp")
