"""Attached parts stay together on the example estate, with and without priced dependencies."""

from __future__ import annotations

import pytest

from cloudexit import api
from cloudexit.catalog import load_catalog
from cloudexit.model.io import load_inventory
from cloudexit.model.policy import Policy
from cloudexit.optimise import plan
from cloudexit.optimise.attachments import attachments
from tests.helpers import EXAMPLE


@pytest.mark.parametrize("from_dependencies", [False, True])
def test_the_example_splits_no_attached_pair(from_dependencies: bool) -> None:
    inventory = load_inventory(EXAMPLE / "inventory.json")
    policy = api.load_policy(EXAMPLE / "policy.yaml")
    policy = Policy.model_validate(
        {
            **policy.model_dump(),
            "colocation": {
                **policy.colocation.model_dump(),
                "from_dependencies": from_dependencies,
            },
        }
    )
    result = plan(inventory, load_catalog(), policy)
    assert result.solver.status.value in ("optimal", "feasible")
    assert len(result.placements) > 100
    site = {
        p.resource_id: (p.choice.provider, p.choice.region, p.choice.retain)
        for p in result.placements
    }
    pairs = attachments(inventory)
    # Volumes to VMs, node pools to clusters, subnets to networks, target group to its load balancer.
    assert len(pairs) >= 22
    assert [(a, b) for a, b in pairs if a in site and b in site and site[a] != site[b]] == []
