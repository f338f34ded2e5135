"""A resource whose source has no egress price here (on premises, a private OpenStack) is placed;
the copy's egress is named as unpriced in plan.json, the runbook and the report, never counted as
zero, and the one-off and payback say they leave it out."""

from __future__ import annotations

from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.api import inventory as import_inventory
from cloudexit.catalog.loader import load_catalog
from cloudexit.model.inventory import Inventory
from tests.helpers import inventory, one_target_policy, resource

SERVERS = Path(__file__).parent.parent / "data" / "imports" / "servers.csv"


def openstack_vm(storage_gib: int | None) -> dict[str, object]:
    attributes: dict[str, object] = {"vcpu": 2, "memory_gib": 8}
    if storage_gib is not None:
        attributes["storage_gib"] = storage_gib
    return resource(
        "openstack:vm-1",
        provider="openstack",
        account="project-a",
        region="RegionOne",
        type="OS::Nova::Server",
        name="app-1",
        attributes=attributes,
        monthly_cost={"amount": "900", "currency": "EUR", "source": "test"},
    )


@pytest.mark.parametrize("target", ["scaleway", "ionos"])
def test_on_premises_servers_are_placed_and_their_egress_is_named_unpriced(
    target, tmp_path: Path
) -> None:
    catalog = load_catalog()
    plan = api.plan(import_inventory("import", SERVERS), one_target_policy(target), catalog)
    # IONOS prices no Windows licence: its Windows server stays, for that reason alone.
    assert not [u for u in plan.unplaced if "egress" in u.reason]
    assert len(plan.placements) == (3 if target == "scaleway" else 2)
    moved = sorted(p.resource_id for p in plan.placements)
    assert plan.totals.one_off_unpriced_egress == moved
    assert all(p.choice.egress_unpriced for p in plan.placements)
    (line,) = plan.switching
    assert line.egress_unpriced == moved and line.data_gib > 0
    assert "own internet line" in line.basis
    (warning,) = [w for w in plan.warnings if "own internet line" in w]
    assert "paid on the company's own line or contract and not priced" in warning
    api.emit(plan, tmp_path, catalog=catalog)
    runbook = (tmp_path / "runbook.md").read_text()
    n = len(moved)
    assert f"incomplete: it leaves out the egress of copying the data of {n} moved resources" in (
        runbook
    )
    assert "Not included, for want of a price" in runbook
    assert f"not priced ({n} resources)" in (tmp_path / "report.html").read_text()


def test_an_openstack_vm_with_storage_is_placed_and_its_payback_says_it_is_a_lower_bound() -> None:
    catalog = load_catalog()
    plan = api.plan(
        Inventory.model_validate(inventory(openstack_vm(40))),
        one_target_policy("scaleway"),
        catalog,
    )
    (placement,) = plan.placements
    assert placement.choice.egress_unpriced
    assert placement.choice.switching_egress == 0
    t = plan.totals
    assert t.one_off_unpriced_egress == ["openstack:vm-1"]
    assert t.payback_months is not None
    assert t.payback_note is not None and t.payback_note.startswith("at least")
    assert any("no egress price for openstack/RegionOne" in w for w in plan.warnings)


def test_without_data_to_copy_nothing_is_unpriced() -> None:
    plan = api.plan(
        Inventory.model_validate(inventory(openstack_vm(None))),
        one_target_policy("scaleway"),
        load_catalog(),
    )
    (placement,) = plan.placements
    assert placement.choice.egress_unpriced is None
    assert plan.totals.one_off_unpriced_egress is None and plan.totals.payback_note is None
    assert not any("egress price" in w for w in plan.warnings)
