"""A balancer whose listener the export holds without a port is not said to have no listener in
the inventory: the plan and the runbook name the listener and what it lacks.

Real export: inframap's OpenStack tfstate, whose `openstack_lb_listener_v2.lzSKa` on
`openstack_lb_loadbalancer_v2.PPdjL` has no `protocol_port`.
"""

from __future__ import annotations

from pathlib import Path

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.model.policy import Policy


def test_the_portless_listener_is_named(shared_dir: Path, tmp_path: Path) -> None:
    catalog = load_catalog()
    inventory = api.inventory(
        "import", shared_dir / "corpus" / "tfstate-v4-openstack-lb-inframap.tfstate.json"
    )
    plan = api.plan(inventory, Policy(targets=["scaleway"]), catalog)
    (line,) = [w for w in plan.warnings if "openstack_lb_loadbalancer_v2.PPdjL" in w]
    # Before: "no listener in the inventory: its ports are unknown".
    assert "no listener in the inventory" not in line
    assert "openstack_lb_listener_v2.lzSKa" in line and "no port" in line
    api.emit(plan, tmp_path, catalog=catalog)
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    gaps = runbook.split("## Load balancers to complete by hand", 1)[1].split("\n## ", 1)[0]
    assert "openstack_lb_listener_v2.lzSKa" in gaps and "no listener in the inventory" not in gaps
