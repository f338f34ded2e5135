"""Today against after on one footing: every resource counts on both sides, payback is honest."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

import cloudexit
from cloudexit import api
from cloudexit.importers import import_files
from cloudexit.model import Inventory
from cloudexit.model.plan import Plan, SolveStatus
from cloudexit.optimise.footing import annuity_factor
from cloudexit.optimise.today import current_monthly_eur
from tests.helpers import EXAMPLE, FIXTURE_CATALOG, fixture_catalog, inventory, resource


def estate() -> Inventory:
    return Inventory.model_validate(
        inventory(
            resource("web"),
            resource(
                "app",
                attributes={"vcpu": 4, "memory_gib": 16},
                monthly_cost={"amount": "300", "currency": "EUR", "source": "test"},
            ),
            resource(
                "db",
                kind="database.postgresql",
                type="AWS::RDS::DBInstance",
                attributes={"vcpu": 2, "memory_gib": 8, "storage_gib": 100},
                monthly_cost={"amount": "400", "currency": "EUR", "source": "test"},
            ),
            resource(
                "old",
                attributes={"vcpu": 2, "memory_gib": 8, "state": "stopped"},
                monthly_cost={"amount": "50", "currency": "EUR", "source": "test"},
            ),
        )
    )


def make_plan(estate_: Inventory | None = None, **policy: object) -> Plan:
    chosen = cloudexit.Policy.model_validate({"targets": ["ovhcloud", "scaleway"], **policy})
    return cloudexit.plan(estate_ or estate(), chosen, catalog=fixture_catalog())


def assert_identity(plan: Plan) -> None:
    t = plan.totals
    assert t.after_monthly == t.target_monthly + t.retained_monthly + t.unplaced_monthly
    assert t.monthly_saving == t.current_monthly - t.after_monthly
    assert t.horizon_saving is None or (
        t.horizon_saving == t.monthly_saving * t.horizon_months - t.one_off_migration
    )
    assert (t.horizon_saving is None) == (t.npv is None)
    costs = {r.id: current_monthly_eur(r, plan.policy) for r in plan.inventory.resources}
    running = sum(
        (costs[u.resource_id] or Decimal(0) for u in plan.unplaced if u.code != "retired"),
        Decimal(0),
    )
    assert t.unplaced_monthly == running
    if t.payback_months is not None:
        assert t.payback_months == (t.one_off_migration / t.monthly_saving).quantize(Decimal("0.1"))


def test_resources_left_unplaced_still_cost_after():
    forbidden = make_plan(
        allow_retain=False,
        providers=[{"match": {"ids": ["db"]}, "forbid": ["ovhcloud", "scaleway"]}],
    )
    free = make_plan(allow_retain=False)
    assert [u.resource_id for u in forbidden.unplaced] == ["db"]
    assert forbidden.totals.unplaced_monthly == Decimal(400)
    assert_identity(forbidden)
    assert_identity(free)
    # leaving the database behind does not make the case look better
    assert forbidden.totals.monthly_saving < free.totals.monthly_saving


def test_retired_resources_count_today_and_at_zero_after():
    plan = make_plan(retire_stopped=True)
    assert [u.code for u in plan.unplaced] == ["retired"]
    assert plan.totals.retired_monthly == Decimal(50)
    assert plan.totals.unplaced_monthly == 0
    assert_identity(plan)


def test_infeasible_plan_has_no_payback(tmp_path):
    plan = make_plan(min_providers=3, allow_retain=False)
    assert plan.solver.status is SolveStatus.INFEASIBLE
    t = plan.totals
    assert t.payback_months is None and "infeasible" in (t.payback_note or "")
    assert t.npv is None and t.horizon_saving is None
    assert t.no_plan and t.after_monthly is None and t.monthly_saving is None
    cloudexit.emit(plan, tmp_path, catalog=fixture_catalog())
    runbook = (tmp_path / "runbook.md").read_text()
    assert "Payback: none: the plan is infeasible" in runbook
    assert "Saving over" not in runbook and "Net present value" not in runbook
    assert (
        "0.0 months" not in runbook and "0.0 months" not in (tmp_path / "report.html").read_text()
    )


def test_plan_that_moves_nothing_has_no_payback():
    plan = make_plan(providers=[{"forbid": ["ovhcloud", "scaleway"]}])
    assert all(p.choice.retain for p in plan.placements)
    assert plan.totals.payback_months is None and plan.totals.payback_note == "nothing moves"
    assert_identity(plan)


def test_a_plan_that_keeps_everything_saves_exactly_nothing():
    # Fractions of a cent, as a bill or an exchange rate gives them: today and kept must round
    # alike, or three kept resources at EUR 10.005 read as a EUR 0.02 saving.
    fractional = Inventory.model_validate(
        inventory(
            *(
                resource(
                    name,
                    monthly_cost={"amount": "10.005", "currency": "EUR", "source": "test"},
                )
                for name in ("a", "b", "c")
            )
        )
    )
    plan = make_plan(fractional, providers=[{"forbid": ["ovhcloud", "scaleway"]}])
    assert all(p.choice.retain for p in plan.placements)
    t = plan.totals
    assert t.monthly_saving == 0 and t.after_monthly == t.current_monthly == t.retained_monthly
    assert_identity(plan)


def test_moved_resources_without_a_cost_today_do_not_pass_for_a_loss(tmp_path):
    unpriced = Inventory.model_validate(
        inventory(resource("a", monthly_cost=None), resource("b", monthly_cost=None))
    )
    plan = make_plan(unpriced)
    t = plan.totals
    assert t.current_monthly == 0 and t.unpriced_target_monthly == t.target_monthly > 0
    assert t.payback_months is None and "no known cost today" in (t.payback_note or "")
    assert t.npv is None and t.horizon_saving is None  # an unknown today is no loss to discount
    cloudexit.emit(plan, tmp_path, catalog=fixture_catalog())
    runbook = (tmp_path / "runbook.md").read_text()
    assert "Saving over" not in runbook and "resources have no known current cost" in runbook


def test_npv_discounts_the_saving():
    assert annuity_factor(0, 36) == 36
    assert Decimal("33.3") < annuity_factor(0.05, 36) < Decimal("33.5")
    flat, discounted = make_plan(discount_rate=0).totals, make_plan(discount_rate=0.1).totals
    assert flat.npv == flat.horizon_saving
    assert discounted.monthly_saving > 0 and discounted.npv is not None and flat.npv is not None
    assert discounted.npv < flat.npv


def test_identity_on_the_example_estate():
    plan = api.plan(
        api.load_inventory(EXAMPLE / "inventory.json"), EXAMPLE / "policy.yaml", api.load_catalog()
    )
    assert_identity(plan)
    t = plan.totals
    assert t.unplaced_monthly > 0 and t.payback_months is not None


@pytest.mark.parametrize("name", ["gcp-cai-export-forseti.jsonl", "tfplan-aws-55res-checkov.json"])
def test_identity_on_imported_real_estates(shared_dir, name):
    imported = import_files([shared_dir / "corpus" / name], planned=True)
    plan = cloudexit.plan(imported, cloudexit.Policy(), catalog=api.load_catalog())
    assert_identity(plan)


def test_the_runbook_counts_the_same_unpriced_resources_as_the_warning(tmp_path):
    estate = Inventory.model_validate(
        inventory(
            resource("vm-priced"),
            resource("vm-unpriced", monthly_cost=None),
            resource("subnet", kind="network.subnet", type="AWS::EC2::Subnet", monthly_cost=None),
        )
    )
    plan = cloudexit.plan(estate, cloudexit.Policy(targets=["ovhcloud"], allow_retain=False))
    subnet = next(p for p in plan.placements if p.resource_id == "subnet")
    assert subnet.choice.monthly_cost == 0
    # the subnet is free after the move, so it costs nothing today either
    assert plan.totals.current_monthly_unpriced == 1
    assert any("leaves out 1 of 3 resources" in w for w in plan.warnings)
    cloudexit.emit(plan, tmp_path)
    assert "- 1 resource has no known current cost" in (tmp_path / "runbook.md").read_text()


def test_the_runbook_says_how_many_unpriced_resources_move_and_where(tmp_path, shared_dir):
    imported = import_files([shared_dir / "corpus" / "tfplan-aws-55res-checkov.json"], planned=True)
    plan = cloudexit.plan(imported, cloudexit.Policy(), catalog=api.load_catalog())
    after = {p.resource_id: p for p in plan.placements if not p.choice.retain}
    unknown = [r for r in imported.resources if current_monthly_eur(r, plan.policy) is None]
    counted = [r for r in unknown if r.id not in after or after[r.id].choice.monthly_cost > 0]
    moving = [r for r in counted if r.id in after]
    t = plan.totals
    assert t.current_monthly_unpriced == len(counted)
    assert 0 < len(moving) < len(counted)  # the real plan has both
    where = Counter(after[r.id].choice.provider for r in moving)
    assert t.current_monthly_unpriced_moving == dict(sorted(where.items()))
    split = ", ".join(f"{p} {n}" for p, n in sorted(where.items()))
    (line,) = [w for w in plan.warnings if w.startswith("today's cost (EUR")]
    assert f"leaves out {len(counted)} of {len(imported.resources)} resources" in line
    assert f"; {len(moving)} of them move ({split}), and their EUR " in line
    cloudexit.emit(plan, tmp_path)
    runbook = (tmp_path / "runbook.md").read_text()
    (bullet,) = [b for b in runbook.splitlines() if "have no known current cost" in b]
    assert bullet.startswith(f"- {len(counted)} resources have no known current cost (")
    assert f"{len(moving)} of them move ({split}), and their target cost (EUR " in bullet
    assert len(counted) - len(moving) == 1  # the real plan leaves one of them where it is
    assert "the other 1 does not move." in bullet


def test_a_plan_not_found_shows_no_saving_from_what_the_policy_retires(tmp_path, capsys):
    # A budget no placement meets: the stopped machine the policy retires (EUR 50 today) is no
    # saving of a plan that does not exist.
    plan = make_plan(retire_stopped=True, allow_retain=False, monthly_budget=1)
    assert plan.solver.status is SolveStatus.INFEASIBLE
    assert "retired" in [u.code for u in plan.unplaced]
    t = plan.totals
    assert t.no_plan is True
    assert t.retired_monthly == Decimal(50)
    assert t.monthly_saving is None and t.after_monthly is None
    assert t.payback_months is None and t.npv is None and t.horizon_saving is None
    # plan.json read back keeps it so
    again = Plan.model_validate_json(plan.model_dump_json(exclude_none=True))
    assert again.totals.monthly_saving is None and again.totals.after_monthly is None
    cloudexit.emit(plan, tmp_path, catalog=fixture_catalog())
    runbook = (tmp_path / "runbook.md").read_text()
    assert "**No plan**" in runbook
    assert "| Monthly saving | none: no plan |" in runbook
    assert "| Retired by the policy (today's cost) | 50.00 |" in runbook
    assert "Monthly saving (today - after)" not in runbook
    report = (tmp_path / "report.html").read_text()
    assert 'id="no-plan"' in report
    assert "Monthly saving<b>none</b>" in report
    assert "Monthly saving<b>EUR 50.00" not in report


def test_the_command_line_headline_says_no_plan(tmp_path, capsys):
    from cloudexit.cli.main import run

    inventory_path = tmp_path / "inventory.json"
    inventory_path.write_text(estate().model_dump_json(), encoding="utf-8")
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        "targets: [ovhcloud, scaleway]\nallow_retain: false\nretire_stopped: true\n"
        "monthly_budget: 1\n",
        encoding="utf-8",
    )
    args = ["plan", str(inventory_path), "--policy", str(policy)]
    args += ["--catalog", str(FIXTURE_CATALOG), "--out", str(tmp_path / "out")]
    run(args)
    said = capsys.readouterr().err
    assert "no plan (infeasible)" in said, said
    assert "saving EUR/month" not in said
    assert "retired by the policy EUR/month 50.00 today, not a saving" in said
