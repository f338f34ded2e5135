"""A balancer whose members all run at other sites (anti-affinity can hold them apart) forwards
to no server where it is written: its site README says so, naming each member and its site."""

from __future__ import annotations

from pathlib import Path

import cloudexit
from cloudexit.model import Inventory
from tests.helpers import inventory, resource


def _plan() -> cloudexit.Plan:
    inv = Inventory.model_validate(
        inventory(
            resource("web-1", region="eu-west-1"),
            resource("web-2", region="eu-west-1"),
            resource(
                "lb",
                kind="network.load_balancer",
                type="AWS::ElasticLoadBalancingV2::LoadBalancer",
                region="eu-west-1",
                attributes={},
                depends_on=["web-1", "web-2"],
                monthly_cost=None,
            ),
        )
    )
    return cloudexit.plan(inv, cloudexit.Policy(targets=["scaleway"], min_providers=1))


def test_site_readme_names_a_balancer_whose_members_run_elsewhere(tmp_path: Path) -> None:
    plan = _plan()
    lb = next(p for p in plan.placements if p.resource_id == "lb")
    together = tmp_path / "together"
    cloudexit.emit(plan, together)
    readme = (together / "terraform" / "scaleway" / lb.choice.region / "README.md").read_text()
    assert "Load balancers to decide by hand" not in readme

    away = "fr-par" if lb.choice.region != "fr-par" else "pl-waw"
    moved = [
        p.model_copy(update={"choice": p.choice.model_copy(update={"region": away})})
        if p.resource_id.startswith("web-")
        else p
        for p in plan.placements
    ]
    apart = tmp_path / "apart"
    cloudexit.emit(plan.model_copy(update={"placements": moved}), apart)
    readme = (apart / "terraform" / "scaleway" / lb.choice.region / "README.md").read_text()
    section = readme.split("## Load balancers to decide by hand", 1)[1]
    assert f"- `lb`: members web-1 (scaleway/{away}), web-2 (scaleway/{away})" in section
    members_site = (apart / "terraform" / "scaleway" / away / "README.md").read_text()
    assert "Load balancers to decide by hand" not in members_site
