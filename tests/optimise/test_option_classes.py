"""Classes keyed by the options the solver sees after right-sizing, not by raw attributes."""

from __future__ import annotations

from cloudexit.model import Inventory, Policy
from cloudexit.optimise.planner import plan
from tests.helpers import fixture_catalog, inventory, resource

USAGE = {"period_days": 30}


def estate() -> Inventory:
    return Inventory.model_validate(
        inventory(
            resource("a", attributes={"vcpu": 2, "memory_gib": 8}),
            # Four and eight vCPU, used lightly: both right-size to the 2 vCPU / 8 GiB of "a".
            resource(
                "b",
                attributes={"vcpu": 4, "memory_gib": 16},
                utilisation={"cpu_p95": 20, "memory_p95": 25, **USAGE},
            ),
            resource(
                "c",
                attributes={"vcpu": 8, "memory_gib": 32},
                utilisation={"cpu_p95": 10, "memory_p95": 12, **USAGE},
            ),
            resource("d", attributes={"vcpu": 2, "memory_gib": 8}, name="other", tags={"t": "x"}),
            # Same size, a dearer bill today: a different retain option and risk stake.
            resource(
                "e",
                attributes={"vcpu": 2, "memory_gib": 8},
                monthly_cost={"amount": "90", "currency": "USD", "source": "test"},
            ),
        )
    )


def test_resources_with_the_same_options_share_a_class_whatever_their_raw_attributes() -> None:
    policy = Policy(
        targets=["ovhcloud", "scaleway"],
        max_spend_share=0.6,
        risk_weights={"concentration": 0},
        solver={"name": "highs", "gap": 0},
    )
    aggregated, _ = plan(estate(), fixture_catalog(), policy)
    single, _ = plan(estate(), fixture_catalog(), policy, aggregate=False)
    assert aggregated.solver.classes == 2
    assert single.solver.classes == 5
    assert aggregated.solver.objective == single.solver.objective
    assert aggregated.solver.status.value == single.solver.status.value == "optimal"
    sizes = {p.resource_id: p.size_before for p in aggregated.placements}
    assert sizes["b"] != sizes["a"] and sizes["c"] != sizes["a"]
