"""A node pool is never planned or written on a machine type the target's Kubernetes refuses.

The real export is Cloud Custodian's Azure resource list: its ACS agent pool has no size, so the
cheapest machine the pool's target accepts is what it gets.
"""

from __future__ import annotations

import json
import re

import pytest

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from tests.helpers import corpus_inventory, one_target_policy

REFUSED = {"scaleway": {"DEV1-S", "PLAY2-PICO", "STARDUST1-S"}, "ovhcloud": {"d2-2"}}
NODE_TYPE = {"scaleway": r'node_type += "([^"]+)"', "ovhcloud": r'flavor_name += "([^"]+)"'}


def test_the_catalogue_offers_no_refused_type_to_a_pool():
    catalog = load_catalog()
    pools = catalog.kinds["kubernetes.node_pool"].targets  # type: ignore[index]
    for provider, refused in REFUSED.items():
        select = pools[provider].select
        assert select is not None
        assert refused <= set(select.refused)
        assert pools[provider].notes and "Read 20" in pools[provider].notes


@pytest.mark.parametrize("target", sorted(REFUSED))
def test_an_unsized_pool_from_the_real_export_lands_on_a_type_the_pool_accepts(target, tmp_path):
    inventory = corpus_inventory("azure-arm-resources-list-c7n.json")
    catalog = load_catalog()
    plan = api.plan(inventory, one_target_policy(target), catalog)
    api.emit(plan, tmp_path, catalog=catalog)
    (pool,) = [p for p in plan.placements if p.kind == "kubernetes.node_pool"]
    assert pool.choice is not None and pool.choice.product not in REFUSED[target]
    written = json.loads((tmp_path / "plan.json").read_text())
    (row,) = [p for p in written["placements"] if p["kind"] == "kubernetes.node_pool"]
    assert row["choice"]["product"] == pool.choice.product
    text = "".join(p.read_text() for p in sorted((tmp_path / "terraform").rglob("kubernetes.tf")))
    types = re.findall(NODE_TYPE[target], text)
    assert types and not set(types) & REFUSED[target]
