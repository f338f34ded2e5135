"""Plans of real exports read as an architect would: what lands together, what the plan says."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from cloudexit.api import inventory as import_inventory
from cloudexit.api import plan as make_plan
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy

SHARED = Path("../shared/corpus")
RESIDENCY = Policy.model_validate(
    {
        "targets": ["ionos", "opennebula", "ovhcloud", "scaleway"],
        "residency": {
            "allowed_countries": ["DE", "FR", "NL", "BE", "ES", "IT", "PL", "AT", "LU", "IE"]
        },
    }
)


@cache
def planned(name: str) -> Plan:
    path = SHARED / name
    if not path.is_file():
        pytest.skip(f"{path} not present (the shared corpus sits beside the repository)")
    inventory = import_inventory("import", path, planned=name.startswith("tfplan"))
    return make_plan(inventory, RESIDENCY)


def test_a_public_ip_lands_where_the_firewalls_using_it_land() -> None:
    plan = planned("tfplan-azure-firewall-infracost.json")
    kinds = {r.id: r.kind for r in plan.inventory.resources}
    sites = {
        p.resource_id: (p.choice.provider, p.choice.region)
        for p in plan.placements
        if kinds[p.resource_id] in (Kind.FIREWALL, Kind.PUBLIC_IP)
    }
    assert len(sites) == 6
    assert len(set(sites.values())) == 1, sites
