"""Jurisdiction risk follows who runs a site, not only the company behind the software."""

from __future__ import annotations

import cloudexit
from cloudexit.catalog import load_catalog
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.runbook import write_runbook
from cloudexit.model import Inventory, Policy
from cloudexit.risk.score import jurisdiction_points
from tests.helpers import inventory, resource


def _plan(residency: dict[str, list[str]]) -> cloudexit.Plan:
    resources = [resource(f"vm-{i}") for i in range(3)]
    policy = Policy(targets=["opennebula"], residency=residency, allow_retain=False)
    return cloudexit.plan(Inventory.model_validate(inventory(*resources)), policy)


def test_a_site_whose_operator_control_is_not_established_scores_worse_than_an_eu_one():
    one = load_catalog().provider("opennebula")
    assert jurisdiction_points(one, "virt8ra-de") == jurisdiction_points(one) == 1.0
    assert jurisdiction_points(one, "virt8ra-es") == 1.0
    assert jurisdiction_points(one, "virt8ra-pl") == 2.0
    ionos = load_catalog().provider("ionos")
    # Sites run by the EU-controlled company's own subsidiaries keep the company's exposure.
    assert all(jurisdiction_points(ionos, r.code) == 1.0 for r in ionos.regions)


def test_at_equal_price_the_plan_takes_the_site_with_a_known_eu_operator():
    plan = _plan({"allowed_countries": ["PL", "DE"]})
    assert plan.placements
    for p in plan.placements:
        assert p.choice.region == "virt8ra-de"
        assert p.choice.risk.jurisdiction == 1.0
        # Not a tie broken by order: the Polish site costs the same and carries more risk.
        assert p.runner_up is not None and p.runner_up.region == "virt8ra-pl"
        assert p.runner_up.monthly_cost_delta == 0
        assert p.runner_up.risk_delta > 0
    assert plan.sovereignty is not None
    assert plan.sovereignty.after.score >= plan.sovereignty.before.score
    assert not any("lowers the estate's sovereignty" in w for w in plan.warnings)


def test_a_plan_that_lowers_the_framework_score_says_so(tmp_path):
    plan = _plan({"allowed_regions": ["opennebula/virt8ra-pl"]})
    assert {p.choice.region for p in plan.placements} == {"virt8ra-pl"}
    assert {p.choice.risk.jurisdiction for p in plan.placements} == {2.0}
    assert plan.sovereignty is not None
    before, after = plan.sovereignty.before.score, plan.sovereignty.after.score
    assert after < before
    lowered = [w for w in plan.warnings if "lowers the estate's sovereignty" in w]
    assert len(lowered) == 1
    assert lowered[0].startswith(
        f"the plan lowers the estate's sovereignty framework score from {before:g} today "
        f"to {after:g} after the plan"
    )
    write_runbook(plan, tmp_path, make_environment(None), load_catalog())
    text = (tmp_path / "runbook.md").read_text()
    assert f"{before} today, {after} after the plan: **the plan lowers the score**" in text
