"""A machine group written as a fixed number of servers is graded as that in plan.json, as the
runbook's losses table says: Forseti's instance group `igm-1` was graded "native" on Scaleway
and IONOS (fidelity risk 0) while their Terraform writes three fixed servers and the runbook
says its autoscaling is lost."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import cloudexit
from cloudexit.catalog import load_catalog
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import choose_type
from cloudexit.importers import import_files
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Option
from cloudexit.model.policy import Residency
from tests.helpers import CORPUS

IGM_1 = "//compute.googleapis.com/projects/project1/regions/us-central1/instanceGroupManagers/igm-1"


@pytest.mark.parametrize(
    ("target", "server"),
    [
        ("scaleway", "scaleway_instance_server"),
        ("ionos", "ionoscloud_server"),
        ("opennebula", "opennebula_virtual_machine"),
    ],
)
def test_a_group_written_as_fixed_servers_is_not_graded_native(
    tmp_path: Path, target: str, server: str
) -> None:
    inventory = import_files([CORPUS / "gcp-cai-export-forseti.jsonl"])
    policy = cloudexit.Policy(targets=[target], min_providers=1, allow_retain=False)
    cloudexit.emit(cloudexit.plan(inventory, policy), tmp_path)
    plan = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    (group,) = [p["choice"] for p in plan["placements"] if p["resource_id"] == IGM_1]
    assert group["fidelity"] == "compatible" and group["risk"]["fidelity"] > 0
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    (lost,) = [
        line
        for line in runbook.splitlines()
        if line.startswith(f"| {target} | compute.vm_group |") and "autoscaling" in line
    ]
    assert f"written as 3 fixed {server}" in lost


def test_a_group_graded_native_is_written_as_a_group() -> None:
    """The grade and the Terraform agree for every target: native only where the group's own
    resource is written."""
    env = make_environment()
    mapping = load_catalog().kinds[Kind.VM_GROUP]
    for provider, target in sorted(mapping.targets.items()):
        if target is None or target.fidelity != "native":
            continue
        written, _ = choose_type(env, provider, Kind.VM_GROUP, target.terraform)
        assert written == target.terraform, provider


def _group_on(target: str, country: str, nodes: int | None = None) -> Option:
    inventory = import_files([CORPUS / "gcp-cai-export-forseti.jsonl"])
    if nodes is not None:
        inventory = inventory.model_copy(
            update={
                "resources": [
                    r.model_copy(
                        update={"attributes": r.attributes.model_copy(update={"node_count": nodes})}
                    )
                    if r.id == IGM_1
                    else r
                    for r in inventory.resources
                ]
            }
        )
    policy = cloudexit.Policy(
        targets=[target],
        min_providers=1,
        allow_retain=False,
        residency=Residency(allowed_countries=[country]),
    )
    (group,) = [
        p.choice for p in cloudexit.plan(inventory, policy).placements if p.resource_id == IGM_1
    ]
    return group


@pytest.mark.parametrize(("target", "country"), [("scaleway", "FR"), ("ionos", "DE")])
def test_each_fixed_server_of_a_group_is_priced_with_its_system_disk(
    target: str, country: str
) -> None:
    """Each of the three servers written for `igm-1` has the system disk every server of its
    type is written with; the group was priced as three machines without one."""
    three, one = _group_on(target, country), _group_on(target, country, nodes=1)
    assert (three.quantity, one.quantity) == (3, 1)
    assert (three.provider, three.region, three.product) == (one.provider, one.region, one.product)
    assert one.costs["boot_volume"] > 0
    assert abs(three.costs["boot_volume"] - 3 * one.costs["boot_volume"]) <= Decimal("0.02")
    assert three.monthly_cost == sum(three.costs.values(), Decimal(0))
