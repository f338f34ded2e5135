from __future__ import annotations

import json
from decimal import Decimal

import pytest
from pydantic import ValidationError

from cloudexit.model import Inventory, Kind
from cloudexit.model.io import dumps
from tests.helpers import EXAMPLE, inventory, resource


def test_round_trip_is_lossless_and_byte_stable():
    data = json.loads((EXAMPLE / "inventory.json").read_text())
    first = Inventory.model_validate(data)
    text = dumps(first)
    second = Inventory.model_validate_json(text)
    assert second == first
    assert dumps(second) == text


def test_money_stays_decimal_and_is_written_as_exact_string():
    inv = Inventory.model_validate(
        inventory(resource("a", monthly_cost={"amount": "0.10", "currency": "USD", "source": "x"}))
    )
    assert inv.resources[0].monthly_cost.amount == Decimal("0.10")
    assert json.loads(dumps(inv))["resources"][0]["monthly_cost"]["amount"] == "0.10"


def test_resources_and_dependencies_are_sorted():
    inv = Inventory.model_validate(inventory(resource("b", depends_on=["z", "a"]), resource("a")))
    assert [r.id for r in inv.resources] == ["a", "b"]
    assert inv.resources[1].depends_on == ["a", "z"]


def test_duplicate_ids_are_rejected():
    with pytest.raises(ValidationError, match="duplicate resource id 'a'"):
        Inventory.model_validate(inventory(resource("a"), resource("a")))


def test_unknown_kind_is_rejected():
    with pytest.raises(ValidationError):
        Inventory.model_validate(inventory(resource("a", kind="compute.mainframe")))


def test_unknown_field_is_rejected():
    with pytest.raises(ValidationError):
        Inventory.model_validate(inventory(resource("a", colour="blue")))


def test_taxonomy_covers_what_an_exit_moves():
    values = {k.value for k in Kind}
    for needed in (
        "compute.vm",
        "storage.block",
        "storage.object",
        "storage.file",
        "database.postgresql",
        "database.mysql",
        "database.keyvalue",
        "database.document",
        "cache.redis",
        "kubernetes.cluster",
        "kubernetes.node_pool",
        "compute.container_service",
        "compute.function",
        "messaging.queue",
        "messaging.topic",
        "messaging.stream",
        "network.load_balancer",
        "network.dns_zone",
        "network.cdn",
        "container.registry",
        "security.secrets",
        "network.vpc",
        "network.subnet",
        "network.security_group",
        "network.public_ip",
        "analytics.search",
        "analytics.warehouse",
        "other",
    ):
        assert needed in values
    assert Kind.POSTGRESQL.category == "database"


def test_example_estate_is_realistic():
    inv = Inventory.model_validate_json((EXAMPLE / "inventory.json").read_text())
    assert len(inv.resources) >= 80
    assert {r.provider for r in inv.resources} == {"aws", "azure", "gcp"}
    assert sum(r.region == "us-east-1" for r in inv.resources) >= 30
    ids = {r.id for r in inv.resources}
    assert all(dep in ids for r in inv.resources for dep in r.depends_on)
    kinds = {r.kind for r in inv.resources}
    for needed in (
        Kind.VM,
        Kind.POSTGRESQL,
        Kind.MYSQL,
        Kind.KEY_VALUE,
        Kind.DOCUMENT,
        Kind.OBJECT_BUCKET,
        Kind.KUBERNETES_CLUSTER,
        Kind.FUNCTION,
        Kind.QUEUE,
        Kind.LOAD_BALANCER,
        Kind.DNS_ZONE,
    ):
        assert needed in kinds
