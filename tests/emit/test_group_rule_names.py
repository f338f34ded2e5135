"""A rule naming another security group is left to decide by hand under the group's name, not
its id: inframap's OpenStack state has `openstack_networking_secgroup_v2.ilWCI` allow all
ingress from the group `openstack_networking_secgroup_v2.KFnza`, id 3456c3ff-...-69591e6e3180."""

from __future__ import annotations

from pathlib import Path

from cloudexit import api
from cloudexit.model.policy import Policy

UUID = "3456c3ff-0b92-441d-9837-69591e6e3180"


def test_a_group_a_rule_names_is_said_by_its_name(shared_dir: Path, tmp_path: Path) -> None:
    inventory = api.inventory(
        "import", shared_dir / "corpus" / "tfstate-v4-openstack-lb-inframap.tfstate.json"
    )
    api.emit(api.plan(inventory, Policy(targets=["scaleway"])), tmp_path)
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    gaps = runbook.split("## Firewall rules to decide by hand", 1)[1].split("\n## ", 1)[0]
    (row,) = [line for line in gaps.splitlines() if "ilWCI" in line]
    assert "from group:openstack\\_networking\\_secgroup\\_v2.KFnza" in row or (
        "from group:openstack_networking_secgroup_v2.KFnza" in row
    )
    assert "security group 'openstack_networking_secgroup_v2.KFnza'" in row
    assert UUID not in runbook.split("## Firewall rules to decide by hand", 1)[1]
    readme = "\n".join(p.read_text() for p in sorted((tmp_path / "terraform").rglob("README.md")))
    assert UUID not in readme and "KFnza" in readme
