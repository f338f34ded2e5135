"""A resource kept on its source because no target site could take it says what ruled the sites
out, as the candidate stage found it, not "lowest cost of 1 option".

The real export is terraform-compliance's Azure plan: a Linux VM and a Windows Server 2016 VM. No
IONOS server in the catalogue is priced with a Windows Server licence, so under the default
``windows: licensed`` the Windows VM can only stay on Azure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.catalog import load_catalog
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from cloudexit.optimise import plan
from cloudexit.optimise.planner import plan as plan_with
from tests.helpers import corpus_inventory, resource

EXPORT = "tfplan-azure-vms-tfcompliance.json"
WINDOWS = f"terraform:{EXPORT}:module.windowsservers-pass.azurerm_virtual_machine.vm-windows[0]"


@pytest.fixture(scope="module")
def on_ionos() -> Plan:
    return api.plan(corpus_inventory(EXPORT), Policy(targets=["ionos"]), load_catalog())


def test_the_windows_vm_says_no_ionos_server_prices_its_licence(on_ionos: Plan) -> None:
    (kept,) = [p for p in on_ionos.placements if p.resource_id == WINDOWS]
    assert kept.choice.retain
    assert "lowest" not in kept.reason
    assert kept.reason.startswith("kept on the source, no target can take it: ionos: ")
    assert "no target price for a Windows Server licence" in kept.reason


def test_the_runbook_and_report_give_the_same_reason(on_ionos: Plan, tmp_path: Path) -> None:
    api.emit(on_ionos, tmp_path, catalog=load_catalog())
    runbook = (tmp_path / "runbook.md").read_text()
    (row,) = [line for line in runbook.splitlines() if line.startswith("| mywinvm-vmWindows-0 |")]
    assert "no target price for a Windows Server licence" in row
    assert "of 1 option" not in row
    assert "no target price for a Windows Server licence" in (tmp_path / "report.html").read_text()


@pytest.mark.parametrize("target", ["ovhcloud", "opennebula"])
def test_every_target_without_a_windows_price_says_so(target: str) -> None:
    result = api.plan(corpus_inventory(EXPORT), Policy(targets=[target]), load_catalog())
    (kept,) = [p for p in result.placements if p.resource_id == WINDOWS]
    assert kept.choice.retain
    assert kept.reason.startswith(f"kept on the source, no target can take it: {target}: ")
    assert "no target price for a Windows Server licence" in kept.reason


def test_scaleway_prices_the_licence_so_the_windows_vm_moves() -> None:
    result = api.plan(corpus_inventory(EXPORT), Policy(targets=["scaleway"]), load_catalog())
    (moved,) = [p for p in result.placements if p.resource_id == WINDOWS]
    assert moved.choice.provider == "scaleway"
    assert load_catalog().product("scaleway", moved.choice.product or "").specs.os == "windows"


def test_a_resource_with_a_target_option_keeps_the_cost_reason() -> None:
    result = plan(
        Inventory(resources=[Resource.model_validate(resource("web"))]),
        load_catalog(),
        Policy(targets=["ionos"]),
    )
    (placed,) = result.placements
    assert not placed.choice.retain
    assert placed.reason.startswith("lowest 36-month cost plus weighted risk of ")


def test_the_reason_is_the_same_when_a_second_process_builds_half_the_candidates() -> None:
    inventory, catalog = corpus_inventory(EXPORT), load_catalog()
    policy = Policy(targets=["ionos"])
    reasons = [
        {
            p.resource_id: p.reason
            for p in plan_with(inventory, catalog, policy, fork_from=f)[0].placements
        }
        for f in (2, 1_000_000)
    ]
    assert reasons[0] == reasons[1]
    assert "Windows Server licence" in reasons[0][WINDOWS]
