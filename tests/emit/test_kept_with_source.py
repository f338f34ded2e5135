"""What serves only resources kept on the source stays there with them and is never written at a
target: a security group guarding nothing there, a network interface or public IP attached to a
machine left behind.

The real export is terraform-compliance's Azure plan: a Linux VM and a Windows Server VM, each
with its own NSG (the Windows one opens RDP 3389 to the internet) and NIC, and a public IP on the
Windows NIC. No target but Scaleway prices a Windows Server licence, so elsewhere the Windows VM
stays on Azure: its NSG was written at the target all the same, guarding nothing.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.catalog import load_catalog
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from tests.helpers import corpus_inventory

EXPORT = "tfplan-azure-vms-tfcompliance.json"
PREFIX = f"terraform:{EXPORT}:module.windowsservers-pass."
VM = PREFIX + "azurerm_virtual_machine.vm-windows[0]"
KEPT_WITH_VM = {
    PREFIX + "azurerm_network_security_group.vm": "nothing naming it moves",
    PREFIX + "azurerm_network_interface.vm[0]": "attached to it",
    PREFIX + "azurerm_public_ip.vm[0]": "attached to it",
}
LINUX_NSG = f"terraform:{EXPORT}:module.linuxservers-fail.azurerm_network_security_group.vm"


def _plan(target: str) -> Plan:
    return api.plan(corpus_inventory(EXPORT), Policy(targets=[target]), load_catalog())


@pytest.mark.parametrize("target", ["ionos", "ovhcloud", "opennebula"])
def test_the_windows_vms_group_interface_and_address_stay_with_it(
    target: str, tmp_path: Path
) -> None:
    result = _plan(target)
    by_id = {p.resource_id: p for p in result.placements}
    assert by_id[VM].choice.retain
    for rid, how in KEPT_WITH_VM.items():
        kept = by_id[rid]
        assert kept.choice.retain
        assert (kept.choice.provider, kept.choice.region) == ("azure", "northeurope")
        assert kept.kept_with == VM
        assert kept.reason == f"kept with mywinvm-vmWindows-0 ({how}), which stays on the source"
    assert result.unplaced == []
    # the Linux VM's group moves with it
    assert by_id[LINUX_NSG].choice.provider == target
    api.emit(result, tmp_path, catalog=load_catalog())
    written = "\n".join(
        p.read_text() for p in sorted((tmp_path / "terraform").rglob("*")) if p.is_file()
    )
    assert "mywinvm" not in written
    assert "myvm_nsg" in written or "myvm-nsg" in written
    assert not [w for w in result.warnings if "3389" in w]
    assert "3389" not in (tmp_path / "runbook.md").read_text().split("## Kept on the source")[0]


def test_what_stays_is_costed_as_kept_not_as_target_or_a_copy() -> None:
    result = _plan("ionos")
    totals = result.totals
    assert totals.retained_monthly == Decimal("124.93")
    assert totals.target_monthly == Decimal("17.30")
    assert totals.unplaced_monthly == Decimal(0)
    # no one-off for a copy of the Windows VM's group at IONOS (4 moves, 960 EUR, not 5)
    assert totals.one_off_migration == Decimal(960)
    # the address and interface have no known cost today and are still said to have none
    assert totals.current_monthly_unpriced_kinds == {"network.interface": 1, "network.public_ip": 1}


def test_the_runbook_lists_them_as_kept_with_their_cost_unknown(tmp_path: Path) -> None:
    api.emit(_plan("ionos"), tmp_path, catalog=load_catalog())
    kept = (tmp_path / "runbook.md").read_text().split("## Kept on the source")[1].split("\n## ")[0]
    rows = {line.split(" | ")[0][2:]: line for line in kept.splitlines() if line.startswith("| my")}
    assert "| unknown | kept with mywinvm-vmWindows-0 (attached to it)" in rows["mywinvm-pip-0"]
    assert "| 0.00 | kept with mywinvm-vmWindows-0 (nothing naming it moves)" in rows["mywinvm-nsg"]


def test_on_scaleway_everything_moves_with_the_windows_vm() -> None:
    result = _plan("scaleway")
    by_id = {p.resource_id: p for p in result.placements}
    assert all(by_id[rid].choice.provider == "scaleway" for rid in [VM, *KEPT_WITH_VM])
    assert all(p.kept_with is None for p in result.placements)
