"""A balancer whose members anti-affinity keeps apart stands at a site holding one of them, so
its Terraform fronts the members there; it was placed at its own cheapest site, where none was,
and written with `server_ips = []`."""

from __future__ import annotations

import re
from pathlib import Path

import cloudexit
from cloudexit.model import Inventory
from tests.helpers import inventory, resource


def _plan() -> cloudexit.Plan:
    machines = [resource(f"web-{i}", region="eu-west-1", tags={"ha": "web"}) for i in (1, 2)]
    inv = Inventory.model_validate(
        inventory(
            *machines,
            resource(
                "lb",
                kind="network.load_balancer",
                type="AWS::ElasticLoadBalancingV2::LoadBalancer",
                region="eu-west-1",
                attributes={},
                topology={"listeners": [{"protocol": "TCP", "port": 443}]},
                depends_on=["web-1", "web-2"],
                monthly_cost=None,
            ),
        )
    )
    # No machine fits at fr-par, the balancer's own cheapest site: left free, it stood there alone.
    policy = cloudexit.Policy(
        targets=["scaleway"],
        min_providers=1,
        anti_affinity=[{"tag_key": "ha", "level": "region"}],
        capacity=[{"provider": "scaleway", "region": "fr-par", "max_vcpu": 0}],
    )
    return cloudexit.plan(inv, policy)


def test_a_balancer_held_apart_from_its_members_fronts_the_ones_at_its_site(
    tmp_path: Path,
) -> None:
    plan = _plan()
    at = {p.resource_id: p.choice.region for p in plan.placements}
    assert at["web-1"] != at["web-2"]
    assert at["lb"] in (at["web-1"], at["web-2"])
    here = "web-1" if at["web-1"] == at["lb"] else "web-2"
    away = "web-2" if here == "web-1" else "web-1"
    # priced once, as written
    (lb,) = [p for p in plan.placements if p.resource_id == "lb"]
    assert lb.choice.product == "LB-S" and lb.choice.monthly_cost > 0
    assert not any("where none of its members is" in w for w in plan.warnings)
    assert "placed at" not in lb.reason

    cloudexit.emit(plan, tmp_path)
    site = tmp_path / "terraform" / "scaleway" / at["lb"]
    written = (site / "load_balancers.tf").read_text()
    (ips,) = re.findall(r"server_ips\s*=\s*\[(.*)\]", written)
    assert ips.strip(), written
    server = here.replace("-", "_")
    assert f"scaleway_instance_server.{server}." in ips
    assert away.replace("-", "_") not in ips
    assert f'resource "scaleway_instance_server" "{server}"' in (site / "compute.tf").read_text()
    # the member at the other site is named for a balancer of its own
    readme = (site / "README.md").read_text()
    assert "## Load balancers to decide by hand" not in readme
    section = readme.split("## Load balancer members at other sites", 1)[1]
    assert f"- `lb`: members {away} (scaleway/{at[away]})" in section
