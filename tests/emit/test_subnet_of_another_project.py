"""A resource written into the copy of a subnet of another project is said so, naming both
projects: a shared VPC's service-project machine in the host project's subnet, and a resource
naming no subnet whose own project's network is written elsewhere.

Forseti's real Cloud Asset export: instance3 of project2 runs in project2's us-west1 subnet; as a
service project's machine (project3) it names the same host-project subnet, as shared VPC
exports do. Its Cloud SQL instance `forseti` of project1 names no subnet."""

from __future__ import annotations

from pathlib import Path

import pytest

import cloudexit
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory

INSTANCE3 = "//compute.googleapis.com/projects/project2/zones/us-west1-a/instances/instance3"
HOST_SUBNET = "//compute.googleapis.com/projects/project2/regions/us-west1/subnetworks/default"


def forseti(shared_dir: Path) -> Inventory:
    return import_files([shared_dir / "corpus" / "gcp-cai-export-forseti.jsonl"])


def another(plan: cloudexit.Plan) -> list[str]:
    return [w for w in plan.warnings if w.startswith("subnet of another project on ")]


@pytest.mark.parametrize("target", ["scaleway", "ionos"])
def test_a_service_project_machine_in_the_host_project_subnet_is_said_so(
    shared_dir, tmp_path, target
):
    inventory = forseti(shared_dir)
    machine = inventory.by_id()[INSTANCE3]
    assert machine.account == "project2" and HOST_SUBNET in machine.depends_on
    plan = cloudexit.plan(inventory, cloudexit.Policy(targets=[target]))
    cloudexit.emit(plan, tmp_path / "own")
    assert not [w for w in another(plan) if f"({INSTANCE3})" in w]

    served = machine.model_copy(update={"account": "project3"})
    inventory = inventory.model_copy(
        update={"resources": [served if r.id == INSTANCE3 else r for r in inventory.resources]}
    )
    plan = cloudexit.plan(inventory, cloudexit.Policy(targets=[target]))
    cloudexit.emit(plan, tmp_path / "served")
    (said,) = [w for w in another(plan) if f"({INSTANCE3})" in w]
    assert (
        "of project project3 names subnet default (project2/us-west1) of project project2" in said
    )
    assert "a shared network, and is written into its copy default-project2-us-west1" in said
    assert "decide which project holds that network at the target" in said


def test_a_resource_naming_no_subnet_put_in_another_project_s_subnet_is_said_so(
    shared_dir, tmp_path
):
    """On Scaleway project1's network is written at another site than its Cloud SQL instance,
    which goes into project2's us-west1 subnet there: said, with both projects, not silent."""
    plan = cloudexit.plan(forseti(shared_dir), cloudexit.Policy(targets=["scaleway"]))
    cloudexit.emit(plan, tmp_path)
    lines = another(plan)
    sql = "//cloudsql.googleapis.com/projects/project1/instances/forseti"
    (said,) = [w for w in lines if f"({sql})" in w]
    assert (
        "of project project1 names no subnet and is written into default-project2-us-west1" in said
    )
    assert "subnet default (project2/us-west1) of project project2 in its region" in said
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    assert f"({sql}) of project project1" in runbook
    for line in lines:
        # never said of a resource put in a subnet of its own project
        mine = line.split(" of project ", 2)
        assert mine[1].split(" ", 1)[0] != mine[2].split(" ", 1)[0]
    # a subnet chosen among several says whose it is where it is another project's
    (topic,) = [w for w in plan.warnings if w.startswith("subnet chosen on ") and "test-topic" in w]
    assert "the first in the site's order, of project project1, not of its own project " in topic
