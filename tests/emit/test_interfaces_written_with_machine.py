"""A network interface attached to a machine is written inside that machine, and an address on
the interface is attached to the machine.

The real export is terraform-compliance's Azure plan: two VMs, each with one NIC in subnet
`internal`; the Windows VM's NIC holds public IP `mywinvm-pip-0`. Every target's server resource
writes its interfaces as its own network blocks, so the README said "write it by hand" for an
interface already written, the runbook said "Review by hand", and the public IP was reserved
but attached to nothing.
"""

from __future__ import annotations

import pytest

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.model.policy import Policy
from tests.emit.whole_plans import planned_export_on_scaleway


@pytest.fixture(scope="module")
def written(shared_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("plan")
    planned_export_on_scaleway(shared_dir / "corpus" / "tfplan-azure-vms-tfcompliance.json", out)
    (site,) = sorted((out / "terraform" / "scaleway").iterdir())
    return out, site


def test_the_readme_says_the_interface_is_written_in_its_machine(written):
    _, site = written
    readme = (site / "README.md").read_text()
    lines = [line for line in readme.splitlines() if line.startswith("- `myvm-nic-0`")]
    assert len(lines) == 1
    assert "write it by hand" not in lines[0]
    assert "written as a network block of machine myvm-vmLinux-0" in lines[0]
    compute = (site / "compute.tf").read_text()
    linux = compute.split('resource "scaleway_instance_server" "myvm_vmlinux_0"')[1]
    assert "private_network {" in linux.split("\nresource ")[0]


def test_the_runbook_does_not_send_interfaces_to_review_by_hand(shared_dir, tmp_path):
    """cloud-custodian's ARM list: six NICs of running machines, each sent to 'Review by hand'."""
    catalog = load_catalog()
    inventory = api.inventory("import", shared_dir / "corpus" / "azure-arm-resources-list-c7n.json")
    plan = api.plan(inventory, Policy(targets=["scaleway"]), catalog)
    api.emit(plan, tmp_path, catalog=catalog)
    runbook = (tmp_path / "runbook.md").read_text()
    rows = [x for x in runbook.splitlines() if "| network.interface |" in x and x.count("|") == 8]
    assert len(rows) >= 6
    assert all("Review by hand" not in row for row in rows)
    assert all("Recreate with the machine it belongs to" in row for row in rows)


def test_the_public_ip_on_the_windows_nic_is_attached_to_the_windows_machine(written):
    _, site = written
    compute = (site / "compute.tf").read_text()
    windows = compute.split('resource "scaleway_instance_server" "mywinvm_vmwindows_0"')[1]
    assert "ip_id             = scaleway_instance_ip.mywinvm_pip_0.id" in windows
