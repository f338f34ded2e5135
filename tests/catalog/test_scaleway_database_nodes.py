"""Scaleway's DB-PLAY2-NANO (2 vCPU, 4 GiB) is in the catalogue, priced in fr-par only and marked
unverified: a 2-vCPU, 4-GiB MySQL instance (checkov's RDS instance of the real plan, at the size of
db.t3.medium) placed there takes it instead of an 8-GiB node at more than twice the price."""

from __future__ import annotations

from decimal import Decimal

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.importers import import_files
from cloudexit.model.policy import Policy


def test_db_play2_nano_is_priced_in_paris_only_and_unverified():
    (product,) = [
        p for p in load_catalog().provider("scaleway").products if p.id == "DB-PLAY2-NANO"
    ]
    (price,) = product.prices
    assert (price.amount, price.unit, price.regions, price.verified) == (
        Decimal("0.0432"),
        "hour",
        ["fr-par"],
        False,
    )
    assert str(price.source.published) == "2026-09-30" and price.source.evidence == "second_hand"


def test_a_two_vcpu_four_gib_mysql_takes_db_play2_nano_in_paris(shared_dir):
    inventory = import_files(
        [shared_dir / "corpus" / "tfplan-aws-55res-checkov.json"], planned=True
    )
    (database,) = [r for r in inventory.resources if r.kind.value == "database.mysql"]
    database.attributes.instance_type = "db.t3.medium"
    database.attributes.vcpu, database.attributes.memory_gib = 2.0, 4.0
    inventory.resources = [database]
    policy = Policy(targets=["scaleway"], residency={"allowed_regions": ["scaleway/fr-par"]})
    (placed,) = api.plan(inventory, policy, load_catalog()).placements
    assert placed.choice.product == "DB-PLAY2-NANO"
    assert placed.choice.costs["compute"] == Decimal("31.54")  # 0.0432 x 730
    assert "scaleway/DB-PLAY2-NANO" in placed.choice.unverified_prices
