"""The one-off cost dated by the waves: stranded commitments, double running, parallel-run egress."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import cloudexit
from cloudexit import api
from cloudexit.importers.focus import apply_bill
from cloudexit.model import Inventory
from cloudexit.model.bill import Bill, Commitment
from cloudexit.model.plan import Plan
from cloudexit.optimise.parallel import DAYS_PER_MONTH, parallel_days
from tests.economics.test_footing import assert_identity
from tests.helpers import EXAMPLE, inventory, resource

FOCUS = EXAMPLE.parents[1] / "tests" / "data" / "focus" / "aws-focus-1.0.csv"
SAVINGS_PLAN = "arn:aws:savingsplans::123456789012:savingsplan/sp-0a1b2c"
WEB = "arn:aws:ec2:us-east-1:123456789012:instance/i-0web01"


@pytest.fixture(scope="module")
def catalog():
    return api.load_catalog()


def commitment(
    used_by: dict[str, str], fee: str = "1000", unused: str = "0", ends: str | None = "2028-11-01"
) -> Commitment:
    return Commitment(
        id="sp-1",
        name="compute-sp",
        provider="aws",
        type="Compute Savings Plan",
        category="Spend",
        monthly_fee=Decimal(fee),
        unused_monthly=Decimal(unused),
        ends=dt.date.fromisoformat(ends) if ends else None,
        used_by={k: Decimal(v) for k, v in used_by.items()},
    )


def estate(*commitments: Commitment, db_gib: float = 0) -> Inventory:
    resources = [
        resource("a", monthly_cost={"amount": "400", "currency": "EUR", "source": "test"}),
        resource("b", monthly_cost={"amount": "400", "currency": "EUR", "source": "test"}),
    ]
    if db_gib:
        resources.append(
            resource(
                "db",
                kind="database.postgresql",
                type="AWS::RDS::DBInstance",
                attributes={"vcpu": 2, "memory_gib": 8, "storage_gib": db_gib},
                monthly_cost={"amount": "400", "currency": "EUR", "source": "test"},
            )
        )
    data = inventory(*resources)
    if commitments:
        data["bill"] = Bill(
            source="test",
            currency="EUR",
            period_start=dt.date(2026, 10, 1),
            period_end=dt.date(2026, 11, 1),
            months=1,
            total_monthly=Decimal(1000),
            matched_monthly=Decimal(800),
            commitments_monthly=Decimal(1000),
            commitments=list(commitments),
        ).model_dump(mode="json")
    return Inventory.model_validate(data)


def make_plan(catalog, estate_: Inventory, **policy: object) -> Plan:
    chosen = cloudexit.Policy.model_validate(
        {"targets": ["scaleway"], "switching": {"start_date": "2026-11-02"}, **policy}
    )
    return cloudexit.plan(estate_, chosen, catalog=catalog)


def assert_parts_add_up(plan: Plan) -> None:
    for p in plan.placements:
        if not p.choice.retain:
            assert sum(p.choice.one_off.values(), Decimal(0)) == p.choice.migration_cost
    t = plan.totals
    assert sum(t.one_off_parts.values(), Decimal(0)) == t.one_off_migration
    counted = [line.amount for line in plan.stranded if line.counted and line.amount is not None]
    assert t.stranded_commitments == sum(counted, Decimal(0))
    assert_identity(plan)


def test_a_move_strands_its_part_of_a_commitment_from_the_day_its_source_stops(catalog):
    plan = make_plan(catalog, estate(commitment({"a": "300"}, fee="300")), allow_retain=False)
    (line,) = plan.stranded
    stops = {p.source_stops for p in plan.parallel}
    assert line.counted and line.from_date in stops and line.ends == "2028-11-01"
    days = (dt.date(2028, 11, 1) - dt.date.fromisoformat(line.from_date)).days
    assert line.amount == (Decimal(300) * days / DAYS_PER_MONTH).quantize(Decimal("0.01"))
    placed = {p.resource_id: p for p in plan.placements}
    assert placed["a"].choice.one_off["stranded_commitments"] == line.amount
    assert placed["b"].choice.one_off["stranded_commitments"] == 0
    assert plan.totals.stranded_commitments == line.amount
    assert_parts_add_up(plan)


def test_the_stranded_fees_raise_the_one_off_and_lengthen_the_payback(catalog):
    without = make_plan(catalog, estate(), allow_retain=False)
    with_ = make_plan(catalog, estate(commitment({"a": "300"}, fee="300")), allow_retain=False)
    added = with_.totals.stranded_commitments
    assert added > 0
    assert with_.totals.one_off_migration == without.totals.one_off_migration + added
    assert with_.totals.payback_months is not None and without.totals.payback_months is not None
    assert with_.totals.payback_months > without.totals.payback_months


def test_a_resource_with_a_large_commitment_is_better_kept(catalog):
    moved = make_plan(catalog, estate())
    kept = make_plan(catalog, estate(commitment({"a": "350"}, fee="350", ends="2032-01-01")))
    assert {p.resource_id for p in moved.placements if p.choice.retain} == set()
    assert {p.resource_id for p in kept.placements if p.choice.retain} == {"a"}
    (line,) = kept.stranded
    assert not line.counted and line.amount is None and "keeps using" in line.basis
    assert kept.totals.stranded_commitments == 0
    assert_parts_add_up(kept)


def test_unattributed_usage_counts_only_when_nothing_stays_on_the_provider(catalog):
    c = commitment({"a": "300"}, fee="1000", unused="100")
    full = make_plan(catalog, estate(c), allow_retain=False)
    (rest,) = [line for line in full.stranded if line.resource_id is None]
    assert rest.monthly == Decimal(600)  # 1000 fee - 100 unused today - 300 used by a
    assert rest.counted and rest.from_date == max(p.source_stops for p in full.parallel)
    assert_parts_add_up(full)
    partial = make_plan(
        catalog,
        estate(c),
        allow_retain=True,
        providers=[{"match": {"ids": ["b"]}, "forbid": ["scaleway"]}],
    )
    (rest,) = [line for line in partial.stranded if line.resource_id is None]
    assert not rest.counted and "keeps 1 resource running on aws" in rest.basis
    assert_parts_add_up(partial)


def test_a_commitment_without_an_end_date_is_named_not_guessed(catalog):
    plan = make_plan(catalog, estate(commitment({"a": "300"}, ends=None)), allow_retain=False)
    (line,) = [line for line in plan.stranded if line.resource_id == "a"]
    assert not line.counted and line.amount is None and "--commitment-end" in line.basis
    assert plan.totals.stranded_commitments == 0
    assert any("sp-1" in w and "no end date" in w for w in plan.warnings)


def test_focus_bill_commitments_reach_plan_runbook_and_report(catalog, tmp_path):
    billed = apply_bill(
        api.load_inventory(EXAMPLE / "inventory.json"),
        [FOCUS],
        {SAVINGS_PLAN: dt.date(2027, 10, 1)},
    )
    assert billed.bill is not None
    (sp,) = billed.bill.commitments
    assert sp.used_by == {WEB: Decimal("28.00")}
    plan = api.plan(billed, EXAMPLE / "policy.yaml", catalog)
    lines = {line.resource_id: line for line in plan.stranded}
    web = lines[WEB]
    assert web.monthly == (Decimal(28) * Decimal("0.86")).quantize(Decimal("0.01"))
    placed = {p.resource_id: p for p in plan.placements}
    assert web.counted == (not placed[WEB].choice.retain)
    assert_parts_add_up(plan)
    cloudexit.emit(plan, tmp_path, catalog=catalog)
    runbook = (tmp_path / "runbook.md").read_text()
    assert "### Stranded commitments" in runbook and "compute-sp-2025" in runbook
    assert "unused today" in runbook
    report = (tmp_path / "report.html").read_text()
    assert 'id="stranded"' in report and 'id="one-off"' in report


def test_double_running_follows_the_wave_dates(catalog):
    plan = make_plan(catalog, estate(), allow_retain=False)
    for line in plan.parallel:
        both = (dt.date.fromisoformat(line.source_stops) - dt.date.fromisoformat(line.date)).days
        assert both > parallel_days(plan.policy)
        assert line.double_running == (line.source_monthly * both / DAYS_PER_MONTH).quantize(
            Decimal("0.01")
        )
    assert plan.totals.one_off_parts["double_running"] == sum(
        (line.double_running for line in plan.parallel), Decimal(0)
    )
    shorter = make_plan(catalog, estate(), allow_retain=False, parallel_run_months=0)
    assert (
        shorter.totals.one_off_parts["double_running"] < plan.totals.one_off_parts["double_running"]
    )
    assert_parts_add_up(plan)


def test_parallel_run_egress_stays_after_the_data_act_ban(catalog, tmp_path):
    before = make_plan(catalog, estate(db_gib=500), allow_retain=False)
    after = make_plan(
        catalog, estate(db_gib=500), allow_retain=False, switching={"start_date": "2027-02-01"}
    )
    assert after.totals.switching_egress == 0 < before.totals.switching_egress
    egress = [line.parallel_egress for line in after.parallel if line.parallel_egress]
    assert egress and all("Art. 34(2)" in line.basis for line in after.parallel)
    assert (
        after.totals.one_off_parts["parallel_egress"]
        == before.totals.one_off_parts["parallel_egress"]
        > 0
    )
    synced = sum(line.sync_gib for line in after.parallel)
    assert synced == pytest.approx(500 * 0.02 * _sync_days(after), rel=0.01)
    none = make_plan(
        catalog,
        estate(db_gib=500),
        allow_retain=False,
        switching={"start_date": "2027-02-01", "parallel_change_per_day": 0},
    )
    assert "parallel_egress" not in none.totals.one_off_parts
    cloudexit.emit(before, tmp_path, catalog=catalog)
    runbook = (tmp_path / "runbook.md").read_text()
    assert "### Parallel running by date" in runbook and "Art. 34(2)" in runbook
    assert_parts_add_up(before)


def _sync_days(plan: Plan) -> float:
    (line,) = [line for line in plan.parallel if line.sync_gib]
    both = (dt.date.fromisoformat(line.source_stops) - dt.date.fromisoformat(line.date)).days
    copy_days = 500 / (1000 / 8 * 1e6 / 2**30 * 3600) / 24
    return both - copy_days
