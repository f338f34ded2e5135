"""A resource the source bills for, with no known cost today, is never read as free because its
target costs nothing: the business case says it leaves it out and judges no saving."""

from __future__ import annotations

from pathlib import Path

import cloudexit
from cloudexit.importers import import_files


def test_azure_firewalls_are_not_taken_as_free_today(shared_dir: Path) -> None:
    inventory = import_files(
        [shared_dir / "corpus" / "tfplan-azure-firewall-infracost.json"], planned=True
    )
    plan = cloudexit.plan(inventory, cloudexit.Policy(targets=["ionos"]))
    totals = plan.totals
    # Five Azure Firewalls (billed per deployment hour) become security group rules at no cost.
    assert totals.current_monthly_unpriced_kinds.get("network.firewall") == 5
    assert totals.npv is None and totals.horizon_saving is None
    assert totals.payback_note is not None and "cannot be judged" in totals.payback_note
    assert any("network.firewall 5" in w for w in plan.warnings)


def test_a_subnet_free_on_both_sides_is_still_left_out_of_the_count(shared_dir: Path) -> None:
    inventory = import_files(
        [shared_dir / "corpus" / "tfplan-azure-firewall-infracost.json"], planned=True
    )
    plan = cloudexit.plan(inventory, cloudexit.Policy(targets=["ionos"]))
    assert "network.subnet" not in plan.totals.current_monthly_unpriced_kinds
    assert "network.vpc" not in plan.totals.current_monthly_unpriced_kinds
