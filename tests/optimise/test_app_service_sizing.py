"""App Service plans are sized like their tier on the target, not on the smallest machine.

The real export is cloud-custodian's recorded ARM resource list: three App Service plans (S1
Linux, B1 Linux, S1 Windows) and two sites, with no properties.
"""

from __future__ import annotations

import pytest

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.model.policy import Policy


@pytest.fixture(scope="module")
def arm_plan(shared_dir):
    inventory = api.inventory("import", shared_dir / "corpus" / "azure-arm-resources-list-c7n.json")
    return api.plan(inventory, Policy(targets=["scaleway"]), load_catalog())


def _placed(plan, name):
    (found,) = [p for p in plan.placements if p.resource_id.lower().endswith(f"/{name}")]
    return found


@pytest.mark.parametrize(
    "plan_name", ["serverfarms/functionshost", "serverfarms/cloud-custodian-test"]
)
def test_a_basic_or_standard_plan_gets_at_least_its_tiers_memory(arm_plan, plan_name):
    placed = _placed(arm_plan, plan_name)
    product = load_catalog().product("scaleway", placed.choice.product)
    assert placed.size_before == "1 vCPU, 1.75 GiB"
    assert product.specs.memory_gib >= 1.75
    assert product.specs.vcpu >= 1


def test_a_site_with_no_plan_in_the_export_is_said_to_be_of_unknown_size(arm_plan):
    placed = _placed(arm_plan, "sites/cctestwebapp")
    assert placed.size_before == "size unknown"
    assert any(
        w.startswith("size unknown for cctestwebapp (")
        and w.split(" (")[1].split(";")[0].endswith("/sites/cctestwebapp")
        for w in arm_plan.warnings
    )
