"""An infeasible plan whose conflict lies with resources that must share one site names that
group, its share of the target spend and the limits it breaks, never "conflict only in
combination" with co-location alone."""

from __future__ import annotations

from pathlib import Path

import cloudexit
from tests.helpers import corpus_inventory, fixture_catalog, inventory, resource


def _infeasible(plan: cloudexit.Plan) -> list[str]:
    assert plan.solver.status.value == "infeasible"
    return [w for w in plan.warnings if w.startswith("infeasible: ")]


def test_attached_group_is_named_with_the_limits_it_breaks(repo_dir: Path) -> None:
    policy = cloudexit.load_policy(repo_dir / "examples" / "estate" / "policy.yaml")
    plan = cloudexit.plan(corpus_inventory("tfstate-v4-openstack-lb-inframap.tfstate.json"), policy)
    (line,) = _infeasible(plan)
    assert "in combination" not in line
    assert line.startswith("infeasible: attached group ")
    assert "openstack_lb_loadbalancer_v2.PPdjL" in line and "5 resources" in line
    assert "100% of the target spend" in line
    assert "max_region_spend_share 0.6 (one site)" in line
    assert "max_spend_share 0.7 (one provider)" in line
    assert "attached parts cannot be split" in line


def test_tagged_group_larger_than_a_site_may_hold_is_named() -> None:
    tagged = [resource(f"app-{i}", tags={"colocate": "shop"}) for i in range(3)]
    estate = inventory(*tagged, resource("other"))
    plan = cloudexit.plan(
        cloudexit.Inventory.model_validate(estate),
        cloudexit.Policy(
            targets=["ovhcloud", "scaleway"],
            allow_retain=False,
            min_providers=2,
            max_region_spend_share=0.6,
            colocation={"tag_keys": ["colocate"]},
            risk_weights={"jurisdiction": 0},
        ),
        catalog=fixture_catalog(),
    )
    lines = _infeasible(plan)
    assert not any("in combination" in line for line in lines)
    (line,) = [line for line in lines if "co-location group colocate=shop" in line]
    assert "3 resources: app-0, app-1, app-2" in line
    assert "max_region_spend_share 0.6 (one site)" in line
    assert "drop the co-location tag or raise these limits" in line
