"""A resource only a Terraform plan holds is built on the target, not exported from the source.

The real export is infracost's plan of a 0.14 project: six instances and a database run
(no-op), six more instances, a second `demodb` and its subnet group would be created. The
runbook told the reader to snapshot and export the disk image of instances that do not exist
yet, and to replicate a database that holds no data.
"""

from __future__ import annotations

import pytest

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.emit.escape import md_text
from cloudexit.model.labels import readable_names
from cloudexit.model.policy import Policy
from tests.emit.whole_plans import planned_export_on_scaleway

BUILD = "Build on the target, not the source (only a Terraform plan holds it)"
EXPORT = "Export the disk image, convert to qcow2, import and boot on the target"


@pytest.fixture(scope="module")
def written(shared_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("plan")
    plan = planned_export_on_scaleway(
        shared_dir / "corpus" / "tfplan-aws-infracost-v0.14.json", out
    )
    return plan, (out / "runbook.md").read_text()


def _row(runbook: str, label: str) -> str:
    """The resource's row in its wave's table (the one naming a method)."""
    (row,) = [
        line
        for line in runbook.splitlines()
        if line.startswith(f"| {md_text(label)} |") and line.count("|") == 8
    ]
    return row


def test_planned_instances_are_built_and_running_ones_exported(written):
    plan, runbook = written
    names = readable_names(plan.inventory.resources)
    vms = [r for r in plan.inventory.resources if r.kind.value == "compute.vm"]
    planned = [r for r in vms if r.planned]
    running = [r for r in vms if not r.planned]
    assert len(planned) == 6 and len(running) == 6
    labels = {r.id: names[r.id] for r in vms}
    for r in planned:
        row = _row(runbook, labels[r.id])
        assert BUILD in row and EXPORT not in row
    for r in running:
        assert EXPORT in _row(runbook, labels[r.id])


def test_a_planned_database_has_nothing_to_copy(written):
    plan, runbook = written
    (db,) = [r for r in plan.inventory.resources if r.kind.value == "database.mysql" and r.planned]
    row = _row(runbook, "demodb (module.db.module.db_2.module.db_instance.aws_db_instance.this[0])")
    assert BUILD in row
    assert "| - |" in row  # no copy time
    assert db.attributes.storage_gib


def test_a_for_each_address_reads_as_terraform_wrote_it(written):
    """Markdown needs no escape for a double quote: `instance_named[\\"test.2\\"]` was shown
    with backslashes no Terraform address has, so a search of the configuration found nothing."""
    _, runbook = written
    assert '| test.2 (aws_instance.instance_named\\["test.2"\\]) |' in runbook
    assert '\\\\"' not in runbook


def test_a_wave_of_planned_resources_has_no_cut_over_checklist(shared_dir, tmp_path):
    """terraform-compliance's plan creates all of its nine resources: no wave has a source to
    back up, freeze or roll back to, and none has downtime."""
    catalog = load_catalog()
    inventory = api.inventory(
        "import", shared_dir / "corpus" / "tfplan-azure-vms-tfcompliance.json", planned=True
    )
    plan = api.plan(inventory, Policy(targets=["scaleway"]), catalog)
    api.emit(plan, tmp_path, catalog=catalog)
    runbook = (tmp_path / "runbook.md").read_text()
    assert "Freeze writes on the source" not in runbook
    assert "Backups of the source taken" not in runbook
    assert runbook.count("Every resource of this wave exists only in a Terraform plan") == 2
    schedule = runbook.split("| Wave | Name |")[1].split("\n\n")[0]
    assert "| 30 min |" not in schedule
    assert schedule.count("| 0 min |") == 2
