"""A subnet named both by an interface kept with its machine and by one that moves is kept on
the source for the first and recreated at the target for the second: the pair is not split.

The real export is terraform-compliance's Azure plan onto IONOS: the Windows VM stays on Azure
(no IONOS server is priced with its licence) with its interface, and the Linux VM's interface
moves; both name `azurerm_subnet.internal` of `azurerm_virtual_network.main`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.catalog import load_catalog
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from tests.helpers import corpus_inventory

EXPORT = "tfplan-azure-vms-tfcompliance.json"
SUBNET = f"terraform:{EXPORT}:azurerm_subnet.internal"
NETWORK = f"terraform:{EXPORT}:azurerm_virtual_network.main"


@pytest.fixture(scope="module")
def on_ionos() -> Plan:
    return api.plan(corpus_inventory(EXPORT), Policy(targets=["ionos"]), load_catalog())


def test_the_subnet_and_its_network_stay_on_the_source_and_go_to_ionos(on_ionos: Plan) -> None:
    by_id = {p.resource_id: p for p in on_ionos.placements}
    for rid, what in ((SUBNET, "1 resource(s)"), (NETWORK, "1 network object(s)")):
        placed = by_id[rid]
        assert (placed.choice.provider, placed.choice.retain) == ("ionos", False)
        # Before: no copy on the source, though the kept Windows interface names it.
        assert [(c.provider, c.region, c.retain) for c in placed.copies or []] == [
            ("azure", "northeurope", True)
        ]
        assert placed.reason.endswith(f"kept on the source ({what})"), placed.reason


def test_no_dependent_pair_is_said_to_be_split(on_ionos: Plan) -> None:
    # Before: "1 of 8 dependent pairs (depends_on) run on different sites, 1 of them on
    # different providers".
    assert not [w for w in on_ionos.warnings if "dependent pairs" in w]


def test_the_figures_do_not_change(on_ionos: Plan) -> None:
    assert str(on_ionos.totals.current_monthly) == "192.10"
    assert str(on_ionos.totals.after_monthly) == "142.23"


def test_the_runbook_lists_both_places(on_ionos: Plan, tmp_path: Path) -> None:
    api.emit(on_ionos, tmp_path, catalog=load_catalog())
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    assert "| network.subnet | azure/northeurope (kept on the source), ionos/de/fra/2 | - |" in (
        runbook
    )


def test_the_runbook_keeps_it_in_the_source_configuration(on_ionos: Plan, tmp_path: Path) -> None:
    api.emit(on_ionos, tmp_path, catalog=load_catalog())
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    (row,) = [line for line in runbook.splitlines() if line.startswith("| internal |")]
    # Before: "Build on the target, not the source", whose step takes it out of the source's
    # Terraform, where the kept Windows VM's interface still names it.
    assert "Build on the target, and on the source as planned" in row
    assert "Keep it in the source's Terraform configuration too" in runbook
