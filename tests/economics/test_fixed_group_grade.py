"""A machine group written as a fixed number of servers is graded as that in plan.json, as the
runbook's losses table says: Forseti's instance group `igm-1` was graded "native" on Scaleway
and IONOS (fidelity risk 0) while their Terraform writes three fixed servers and the runbook
says its autoscaling is lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cloudexit
from cloudexit.catalog import load_catalog
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import choose_type
from cloudexit.importers import import_files
from cloudexit.model.kinds import Kind
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
