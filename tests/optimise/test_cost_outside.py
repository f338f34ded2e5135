"""A target service whose cost no price list here holds is said, never left silently at zero:
OpenNebula takes a public address from the owner's own uplink range, so every address moved
there is named in one warning; elsewhere an address is priced and no such line appears."""

from __future__ import annotations

import functools
from pathlib import Path

import cloudexit
from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.importers import import_files
from cloudexit.model.policy import Policy

CORPUS = "azure-arm-resources-list-c7n.json"


@functools.cache
def catalog() -> Catalog:
    return load_catalog()


def outside(plan: cloudexit.Plan) -> list[str]:
    return [w for w in plan.warnings if w.startswith("not in the target cost, paid outside")]


def test_public_addresses_on_opennebula_are_named_as_paid_outside_the_catalogue(shared_dir: Path):
    inventory = import_files([shared_dir / "corpus" / CORPUS])
    plan = cloudexit.plan(inventory, Policy(targets=["opennebula"]), catalog=catalog())
    moved = [p for p in plan.placements if p.kind == "network.public_ip" and not p.choice.retain]
    assert moved and all(p.choice.provider == "opennebula" for p in moved)
    (line,) = outside(plan)
    assert "on opennebula: the address, taken from a public range you own" in line
    assert f"on {len(moved)} placement" in line


def test_no_such_line_where_every_address_has_a_price(shared_dir: Path):
    inventory = import_files([shared_dir / "corpus" / CORPUS])
    plan = cloudexit.plan(inventory, Policy(targets=["scaleway"]), catalog=catalog())
    assert any(p.kind == "network.public_ip" for p in plan.placements)
    assert outside(plan) == []
