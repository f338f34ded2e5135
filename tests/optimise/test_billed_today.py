"""A resource the source bills for, with no known cost today, is never read as free because its
target costs nothing: the business case says it leaves it out and judges no saving."""

from __future__ import annotations

from pathlib import Path

import cloudexit
from cloudexit.importers import import_files


def test_azure_firewalls_are_priced_by_tier_and_an_unstated_tier_is_left_out(
    shared_dir: Path,
) -> None:
    inventory = import_files(
        [shared_dir / "corpus" / "tfplan-azure-firewall-infracost.json"], planned=True
    )
    cost = {r.id.rsplit(".", 1)[-1]: r.monthly_cost for r in inventory.resources}
    premium, standard = cost["premium_virtual_hub"], cost["standard_virtual_hub"]
    assert premium is not None and standard is not None
    # USD 1.75 and 1.25 a deployment hour, 730 hours, at the catalogue's exchange rate.
    assert premium.amount > standard.amount > 0
    assert "azure-firewall/Premium" in premium.source
    assert "data processed not included" in premium.source
    assert cost["premium"] == premium
    # A plan that leaves the tier to Azure states none: no tier is guessed.
    assert cost["standard"] is None and cost["non_usage"] is None
    plan = cloudexit.plan(inventory, cloudexit.Policy(targets=["ionos"]))
    assert plan.totals.current_monthly_unpriced_kinds.get("network.firewall") == 2
    assert any("network.firewall 2" in w for w in plan.warnings)


def test_a_subnet_free_on_both_sides_is_still_left_out_of_the_count(shared_dir: Path) -> None:
    inventory = import_files(
        [shared_dir / "corpus" / "tfplan-azure-firewall-infracost.json"], planned=True
    )
    plan = cloudexit.plan(inventory, cloudexit.Policy(targets=["ionos"]))
    assert "network.subnet" not in plan.totals.current_monthly_unpriced_kinds
    assert "network.vpc" not in plan.totals.current_monthly_unpriced_kinds


def test_basic_load_balancers_cost_nothing_today_with_a_source(shared_dir: Path) -> None:
    inventory = import_files([shared_dir / "corpus" / "azure-arm-resources-list-c7n.json"])
    balancers = [r for r in inventory.resources if r.type == "microsoft.network/loadbalancers"]
    assert len(balancers) == 4
    for balancer in balancers:
        assert balancer.attributes.instance_type == "Basic"
        assert balancer.monthly_cost is not None and balancer.monthly_cost.amount == 0
        assert "lb-basic" in balancer.monthly_cost.source
