"""FOCUS 1.x cost exports: today's cost per resource, commitments, and spend nothing covers.
The test export is written to the FOCUS 1.0 column specification (AWS shape)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from cloudexit.cli.main import run
from cloudexit.errors import InputError
from cloudexit.importers.focus import apply_bill
from cloudexit.model.io import load_inventory
from tests.helpers import EXAMPLE

EXPORT = Path(__file__).resolve().parents[1] / "data" / "focus" / "aws-focus-1.0.csv"
PLAN_ID = "arn:aws:savingsplans::123456789012:savingsplan/sp-0a1b2c"
WEB = "arn:aws:ec2:us-east-1:123456789012:instance/i-0web01"
ORDERS = "arn:aws:rds:us-east-1:123456789012:db:shop-orders"


@pytest.fixture(scope="module")
def billed():
    return apply_bill(
        load_inventory(EXAMPLE / "inventory.json"), [EXPORT], {PLAN_ID: dt.date(2027, 10, 1)}
    )


def test_matched_resources_cost_their_effective_cost_per_month(billed):
    by_id = billed.by_id()
    assert by_id[WEB].monthly_cost.amount == Decimal(
        "68.00"
    )  # on-demand 40 + Savings Plan share 28
    assert by_id[ORDERS].monthly_cost.amount == Decimal("310.50")
    assert "FOCUS export" in by_id[ORDERS].monthly_cost.source


def test_the_bill_adds_up_and_tax_stays_out(billed):
    bill = billed.bill
    assert bill.months == 1
    assert bill.total_monthly == Decimal("485.75")
    unused = sum(c.unused_monthly for c in bill.commitments)
    unmatched = sum(u.monthly for u in bill.unmatched)
    assert bill.matched_monthly + unmatched + unused == bill.total_monthly


def test_spend_the_inventory_does_not_cover_is_summarised(billed):
    assert {(u.service, u.monthly) for u in billed.bill.unmatched} == {
        ("AmazonCloudWatch", Decimal("75.25")),
        ("AWS Support (Business)", Decimal("20.00")),
    }


def test_commitments_and_their_stranded_fees(billed):
    (plan,) = billed.bill.commitments
    assert plan.type == "Compute Savings Plan"
    assert plan.monthly_fee == Decimal("40.00") and plan.unused_monthly == Decimal("12.00")
    # 1 Nov 2026 to 1 Oct 2027
    assert plan.remaining_months == pytest.approx(334 / 30.436875, abs=0.01)
    assert plan.stranded == Decimal("438.94")  # 40 a month x 334 days / 30.436875
    assert billed.bill.stranded_total == plan.stranded


def test_without_an_end_date_no_stranded_cost_is_invented():
    bill = apply_bill(load_inventory(EXAMPLE / "inventory.json"), [EXPORT]).bill
    assert bill.commitments[0].stranded is None and bill.stranded_total is None


def test_parquet_reads_like_csv(tmp_path, billed):
    pa = pytest.importorskip("pyarrow", reason="Parquet needs the parquet extra")
    import pyarrow.parquet as pq

    with EXPORT.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    table = pa.table({k: [r[k] or None for r in rows] for k in rows[0]})
    path = tmp_path / "focus.parquet"
    pq.write_table(table, path)
    again = apply_bill(
        load_inventory(EXAMPLE / "inventory.json"), [path], {PLAN_ID: dt.date(2027, 10, 1)}
    )
    assert again.bill.model_dump(exclude={"source"}) == billed.bill.model_dump(exclude={"source"})


def test_not_a_focus_file_is_named(tmp_path):
    bad = tmp_path / "x.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a FOCUS export: column"):
        apply_bill(load_inventory(EXAMPLE / "inventory.json"), [bad])


def test_bill_command_writes_the_inventory(tmp_path, capsys):
    out = tmp_path / "inventory.json"
    code = run(
        [
            "inventory",
            "bill",
            str(EXAMPLE / "inventory.json"),
            str(EXPORT),
            "--output",
            str(out),
            "--commitment-end",
            f"{PLAN_ID}=2027-10-01",
        ]
    )
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["bill"]["stranded_total"]
    assert "on resources not in the inventory" in capsys.readouterr().err


def test_bad_commitment_end_exits_2(tmp_path, capsys):
    code = run(
        [
            "inventory",
            "bill",
            str(EXAMPLE / "inventory.json"),
            str(EXPORT),
            "--output",
            str(tmp_path / "o.json"),
            "--commitment-end",
            "sp-1=next-year",
        ]
    )
    assert code == 2
    assert "COMMITMENT_ID=YYYY-MM-DD" in capsys.readouterr().err


def test_an_inline_ebs_volume_s_bill_lines_land_on_its_instance(shared_dir, tmp_path):
    """Infracost's real state declares each instance's root volume inline (vol-08c9... on
    i-0ec3...); a bill names the volume by its id, which no resource of the inventory held, so
    today's cost from the bill left the disk out while the target priced it."""
    from cloudexit.importers import import_files

    inventory = import_files([shared_dir / "corpus" / "tfstate-showjson-aws-infracost-v0.14.json"])
    with EXPORT.open(encoding="utf-8", newline="") as handle:
        template = next(csv.DictReader(handle))
    rows = [
        {
            **template,
            "BilledCost": cost,
            "EffectiveCost": cost,
            "ResourceId": rid,
            "CommitmentDiscountId": "",
            "CommitmentDiscountStatus": "",
            "ServiceName": service,
        }
        for rid, cost, service in (
            ("i-0ec3a64e9a6965cfc", "3.80", "Amazon Elastic Compute Cloud"),
            ("vol-08c99249550e157d9", "0.80", "Amazon Elastic Block Store"),
        )
    ]
    path = tmp_path / "focus.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(template))
        writer.writeheader()
        writer.writerows(rows)
    billed = apply_bill(inventory, [path])
    (instance,) = [r for r in billed.resources if r.id.endswith("i-0ec3a64e9a6965cfc")]
    assert instance.monthly_cost.amount == Decimal("4.60")
    assert billed.bill.unmatched == []
