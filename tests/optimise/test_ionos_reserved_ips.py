"""On IONOS every reserved IP block the Terraform writes (a public address, a balancer's
listener) is priced with the placement that writes it, or named as an unpriced part where the
catalogue has no figure for the location: never a free DHCP address at EUR 0.

Forseti's Cloud Asset export has two reserved addresses (testaddress, testglobaladdress) and a
balancer (lb-1)."""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from tests.helpers import corpus_file

PARTS = {"ionoscloud_ipblock": "reserved_ip", "ionoscloud_networkloadbalancer": "listener_ip"}


@functools.cache
def inventory() -> Inventory:
    return import_files([corpus_file("gcp-cai-export-forseti.jsonl")])


@functools.cache
def plan_in(countries: tuple[str, ...]) -> Plan:
    policy = Policy.model_validate(
        {
            "targets": ["ionos"],
            "allow_retain": False,
            "residency": {"allowed_countries": list(countries)},
        }
    )
    return api.plan(inventory(), policy)


@pytest.mark.parametrize(("countries", "priced"), [(("FR",), False), (("DE",), True)])
def test_every_ip_block_written_is_priced_or_named(
    countries: tuple[str, ...], priced: bool, tmp_path: Path
) -> None:
    plan = plan_in(countries)
    blocks = [p for p in plan.placements if p.choice.terraform in PARTS and not p.choice.retain]
    assert len(blocks) == 3, [p.resource_id for p in blocks]
    for p in blocks:
        part = p.choice.costs.get(PARTS[p.choice.terraform or ""])
        if priced:
            # EUR 0.003 an hour, 730 hours a month
            assert part == Decimal("2.19"), (p.resource_id, p.choice.costs)
            assert p.choice.monthly_cost >= Decimal("2.19")
        else:
            assert part is None
            assert any("ipblock-ipv4" in u for u in p.choice.unpriced_parts), p.choice
    named = [w for w in plan.warnings if "want of a list price" in w and "ipblock-ipv4" in w]
    assert bool(named) != priced, named
    api.emit(plan, tmp_path)
    text = "".join(tf.read_text() for tf in sorted((tmp_path / "terraform").rglob("*.tf")))
    assert len(re.findall(r'^resource "ionoscloud_ipblock"', text, re.MULTILINE)) == len(blocks)
