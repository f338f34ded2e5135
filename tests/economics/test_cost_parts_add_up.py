"""An option's monthly cost by part adds up to its monthly cost: each part was rounded to the
cent on its own, so Forseti's `instance3` on Scaleway read EUR 33 a month as 1.72 + 31.27."""

from __future__ import annotations

from decimal import Decimal

import cloudexit
from cloudexit.importers import import_files
from cloudexit.model.money import parts_to_the_cent
from tests.helpers import CORPUS


def test_every_option_s_parts_add_up_to_its_monthly_cost() -> None:
    inventory = import_files([CORPUS / "gcp-cai-export-forseti.jsonl"])
    policy = cloudexit.Policy(targets=["scaleway"], min_providers=1, allow_retain=False)
    plan = cloudexit.plan(inventory, policy)
    parted = [p.choice for p in plan.placements if p.choice.costs]
    assert len(parted) > 10
    for choice in parted:
        assert sum(choice.costs.values(), Decimal(0)) == choice.monthly_cost, choice.costs


def test_the_cents_rounding_loses_go_to_the_parts_it_moved_most() -> None:
    parts = {
        "boot_volume": Decimal("1.7228"),
        "compute": Decimal("14.744"),
        "ops": Decimal("212.5"),
    }
    assert parts_to_the_cent(parts) == {
        "boot_volume": Decimal("1.72"),
        "compute": Decimal("14.75"),
        "ops": Decimal("212.50"),
    }
    thirds = parts_to_the_cent({k: Decimal("0.335") for k in "abc"})
    assert sum(thirds.values()) == Decimal("1.00")
    assert parts_to_the_cent({}) == {}
