"""Warnings about a resource's size or assumed usage lead with its name, not its id.

Cloud Asset and ARM ids run to a hundred characters; a reader scanning the warnings looks for
the names they know (``dataset1``, ``cctestvm``), and finds the id beside it to search for.
"""

from __future__ import annotations

import pytest

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.importers import import_files
from cloudexit.model.policy import Policy


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _size_lines(plan):
    return [w for w in plan.warnings if w.startswith(("size unknown for ", "size of "))]


def test_forseti_size_warnings_name_the_dataset_then_its_id(shared_dir, catalog):
    inventory = api.inventory("import", shared_dir / "corpus" / "gcp-cai-export-forseti.jsonl")
    plan = api.plan(inventory, Policy(targets=["scaleway"]), catalog)
    lines = _size_lines(plan)
    assert lines
    dataset = "//bigquery.googleapis.com/projects/1043/datasets/dataset1"
    (line,) = [w for w in lines if dataset in w]
    assert line.startswith(
        f"size unknown for dataset1 ({dataset}; bigquery.googleapis.com/Dataset, "
    )
    assert not [w for w in lines if w.startswith(("size unknown for //", "size of //"))]


def test_arm_size_warnings_lead_with_names(shared_dir, catalog):
    inventory = api.inventory("import", shared_dir / "corpus" / "azure-arm-resources-list-c7n.json")
    plan = api.plan(inventory, Policy(targets=["scaleway"]), catalog)
    lines = _size_lines(plan)
    assert any(w.startswith("size unknown for cctestvm (/subscriptions/") for w in lines)
    assert any(w.startswith("size of functionshost (/subscriptions/") for w in lines)
    assert not [w for w in lines if w.startswith(("size unknown for /", "size of /"))]


def test_checkov_function_usage_names_the_function(shared_dir, catalog):
    inventory = import_files(
        [shared_dir / "corpus" / "tfplan-aws-55res-checkov.json"], planned=True
    )
    plan = api.plan(inventory, Policy(targets=["scaleway"]), catalog)
    (line,) = [w for w in plan.warnings if w.startswith("usage of ")]
    assert line.startswith("usage of 123456789123-acme-corp-analysis (terraform:")


def test_a_reason_names_attached_resources_not_the_groups_key(shared_dir, catalog):
    """terraform-compliance's plan: a VM kept at fr-par with its NIC, though Amsterdam or Warsaw
    alone is cheaper for one of them; the reason said 'co-location group attached:terraform:...'."""
    inventory = import_files(
        [shared_dir / "corpus" / "tfplan-azure-vms-tfcompliance.json"], planned=True
    )
    plan = api.plan(inventory, Policy(targets=["scaleway"]), catalog)
    reasons = [p.reason for p in plan.placements if "its best option alone" in p.reason]
    assert reasons
    assert not [r for r in reasons if "attached:" in r]
    by_name = {r.id: r.name for r in inventory.resources}
    vm = next(p for p in plan.placements if by_name[p.resource_id] == "myvm-vmLinux-0")
    assert (
        "which would break the attachment of myvm-nic-0 and myvm-vmLinux-0, split over 2 sites: "
        in (vm.reason)
    )
