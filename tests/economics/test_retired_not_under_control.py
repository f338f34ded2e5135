"""A retired resource runs nowhere after the plan: it is under no one's control then, so the
non-EU share after and the sovereignty rollup after leave it out. It was counted at its source,
as if it still ran on AWS."""

from __future__ import annotations

from decimal import Decimal

import cloudexit
from cloudexit.emit.summary import summarise
from cloudexit.model import Inventory
from tests.helpers import fixture_catalog, inventory, resource


def _plan() -> cloudexit.Plan:
    estate = Inventory.model_validate(
        inventory(
            resource(
                "web",
                monthly_cost={"amount": "100", "currency": "EUR", "source": "test"},
            ),
            resource(
                "old",
                attributes={"vcpu": 2, "memory_gib": 8, "state": "stopped"},
                monthly_cost={"amount": "900", "currency": "EUR", "source": "test"},
            ),
        )
    )
    policy = cloudexit.Policy(
        targets=["ovhcloud"], min_providers=1, allow_retain=False, retire_stopped=True
    )
    return cloudexit.plan(estate, policy, catalog=fixture_catalog())


def test_a_retired_resource_is_not_under_non_eu_control_after() -> None:
    plan = _plan()
    assert [(u.resource_id, u.code) for u in plan.unplaced] == [("old", "retired")]
    summary = summarise(plan, fixture_catalog())
    assert summary.non_eu_before.resources == 2
    assert summary.non_eu_after.resources == 0
    assert summary.non_eu_after.resources_share == 0.0
    assert summary.non_eu_after.spend == Decimal(0)


def test_a_retired_resource_weighs_nothing_in_the_sovereignty_after() -> None:
    """Weighted at its spend today, the retired machine pulled the estate after down to the
    source cloud's grade; only the moved machine is left to weigh."""
    plan = _plan()
    (moved,) = plan.placements
    assert plan.sovereignty is not None
    after = plan.sovereignty.after
    assert after.weight_total == round(float(moved.choice.monthly_cost), 2)
    assert moved.choice.sovereignty is not None
    assert after.score == round(moved.choice.sovereignty.score, 1)
