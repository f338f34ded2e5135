"""The business case on a real export: a Terraform plan from a public repository, imported, with
today's bill from a FOCUS 1.0 export written to the column specification for its resources."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

import cloudexit
from cloudexit import api
from cloudexit.importers import import_files
from cloudexit.importers.focus import apply_bill
from tests.economics.test_footing import assert_identity
from tests.economics.test_one_off import assert_parts_add_up

COLUMNS = [
    "BilledCost",
    "EffectiveCost",
    "BillingCurrency",
    "ChargeCategory",
    "ChargePeriodStart",
    "ChargePeriodEnd",
    "CommitmentDiscountCategory",
    "CommitmentDiscountId",
    "CommitmentDiscountName",
    "CommitmentDiscountStatus",
    "CommitmentDiscountType",
    "ProviderName",
    "ResourceId",
    "ServiceName",
]
PLAN_ID = "arn:aws:savingsplans::123123123123:savingsplan/sp-test"
# us-east-1 on-demand list prices a month (730 h): t3.nano USD 0.0052/h, db.t3.micro MySQL
# USD 0.017/h plus 5 GB of gp2 at USD 0.115 per GB-month
INSTANCE, DATABASE = "3.80", "12.99"


def bill_rows(resources: list[str], database: str) -> list[dict[str, str]]:
    base = {
        "BillingCurrency": "USD",
        "ChargePeriodStart": "2026-10-01T00:00:00Z",
        "ChargePeriodEnd": "2026-11-01T00:00:00Z",
        "ProviderName": "AWS",
        "ChargeCategory": "Usage",
    }
    rows = []
    for i, rid in enumerate(resources):
        covered = i < 2
        row = {
            **base,
            "ResourceId": rid.rsplit("/", 1)[-1],
            "ServiceName": "Amazon Elastic Compute Cloud",
            "BilledCost": "0" if covered else INSTANCE,
            "EffectiveCost": "2.66" if covered else INSTANCE,
        }
        if covered:
            row |= {
                "CommitmentDiscountCategory": "Spend",
                "CommitmentDiscountId": PLAN_ID,
                "CommitmentDiscountName": "compute-sp",
                "CommitmentDiscountStatus": "Used",
                "CommitmentDiscountType": "Compute Savings Plan",
            }
        rows.append(row)
    rows.append(
        {
            **base,
            "ResourceId": database,
            "ServiceName": "Amazon Relational Database Service",
            "BilledCost": DATABASE,
            "EffectiveCost": DATABASE,
        }
    )
    return rows


def test_business_case_of_an_imported_real_plan_with_its_bill(shared_dir, tmp_path):
    imported = import_files([shared_dir / "corpus" / "tfplan-aws-infracost-v0.14.json"])
    instances = sorted(
        r.id for r in imported.resources if r.kind.value == "compute.vm" and ":instance/" in r.id
    )
    database = next(r.id for r in imported.resources if ":db:" in r.id)
    assert len(instances) == 6
    export = tmp_path / "focus.csv"
    with export.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        for row in bill_rows(instances, database):
            writer.writerow({c: row.get(c, "") for c in COLUMNS})
    billed = apply_bill(imported, [export], {PLAN_ID: dt.date(2027, 11, 1)})
    assert billed.bill is not None and billed.bill.matched_resources == 7
    assert billed.bill.commitments[0].used_by == {i: Decimal("2.66") for i in instances[:2]}
    catalog = api.load_catalog()
    policy = cloudexit.Policy.model_validate(
        {"allow_retain": False, "switching": {"start_date": "2026-11-02"}}
    )
    plan = cloudexit.plan(billed, policy, catalog=catalog)
    t = plan.totals
    # Each resource's cost today in EUR to the cent, then summed, as a kept resource is priced.
    in_eur = [
        (Decimal(usd) * Decimal("0.86")).quantize(Decimal("0.01"))
        for usd in [*[INSTANCE] * 4, "2.66", "2.66", DATABASE]
    ]
    assert t.current_monthly == sum(in_eur, Decimal(0))
    assert_identity(plan)
    assert_parts_add_up(plan)
    # both covered instances move, so their shares of the Savings Plan are stranded
    counted = [line for line in plan.stranded if line.counted]
    assert {line.resource_id for line in counted} == set(instances[:2])
    assert t.stranded_commitments > 0
    # The db.t3.micro is sized for its 10 % baseline (a one-vCPU plan, not two dedicated vCPUs)
    # and every machine is written with a 20 GB Block Storage root volume, priced after: the
    # estate costs about the same after. The free resources with no cost today (VPC, option and
    # parameter groups) do not hide the saving behind "no known cost", and a one-off of thousands
    # against a few euros a month either way pays back over decades or never.
    assert t.monthly_saving == t.current_monthly - t.after_monthly
    assert abs(t.monthly_saving) < 5
    assert t.payback_months is None or t.payback_months > 120
    assert t.payback_note in (None, "the estate after the plan does not cost less per month")
    cloudexit.emit(plan, tmp_path / "out", catalog=catalog)
    runbook = (tmp_path / "out" / "runbook.md").read_text()
    assert f"| Today (all resources) | {t.current_monthly:,.2f} |" in runbook
    assert f"| After the plan | {t.after_monthly:,.2f} |" in runbook
    assert f"| Monthly saving (today - after) | {t.monthly_saving:,.2f} |" in runbook
    assert f"One-off migration cost: EUR {t.one_off_migration:,.2f}" in runbook
