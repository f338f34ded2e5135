"""Where moved resources have no known cost today, the runbook and the report also give the
saving on the resources that do, so the only saving shown is not one that compares 19 resources
today with 31 after.

Real export: checkov's 55-resource AWS plan: EKS, MySQL and two t2.nano machines are priced
today (EUR 80.73 a month); twelve resources, among them a search domain and a graph database
run on VMs after, have no price today.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy


def test_the_saving_on_what_has_a_cost_today_is_given(shared_dir: Path, tmp_path: Path) -> None:
    catalog = load_catalog()
    inventory = api.inventory(
        "import", shared_dir / "corpus" / "tfplan-aws-55res-checkov.json", planned=True
    )
    plan = api.plan(inventory, Policy(targets=["scaleway"], allow_retain=False), catalog)
    t = plan.totals
    priced_after = sum(
        (p.choice.monthly_cost for p in plan.placements if p.resource_id in _priced(plan)),
        Decimal(0),
    )
    expected = t.current_monthly - priced_after
    assert t.monthly_saving is not None and t.monthly_saving < 0 < expected
    api.emit(plan, tmp_path, catalog=catalog)
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    moving = sum(t.current_monthly_unpriced_moving.values())
    row = (
        f"| Monthly saving on what has a cost today (leaving out the {moving} moved resources "
        f"with none) | {expected:,.2f} |"
    )
    # Before: only "| Monthly saving (today - after) | -1,643.75 |".
    assert row in runbook
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert f"EUR {expected:,.2f} on what has a cost today" in report


def test_no_such_line_when_every_moved_resource_has_a_cost_today(
    shared_dir: Path, tmp_path: Path
) -> None:
    catalog = load_catalog()
    inventory = api.inventory(
        "import", shared_dir / "corpus" / "aws-ec2-describe-instances-c7n-placebo.json"
    )
    plan = api.plan(inventory, Policy(targets=["scaleway"]), catalog)
    api.emit(plan, tmp_path, catalog=catalog)
    assert "on what has a cost today" not in (tmp_path / "runbook.md").read_text(encoding="utf-8")


def _priced(plan: Plan) -> set[str]:
    return {r.id for r in plan.inventory.resources if r.monthly_cost is not None}
