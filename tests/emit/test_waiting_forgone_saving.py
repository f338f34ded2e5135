"""What waiting for the Data Act's ban forgoes is measured on the saving that can be judged.

The real export is forseti's Cloud Asset dump: 81 resources, 20 of the moved ones with no cost
today (BigQuery datasets, Dataproc, App Engine ...). The whole-estate saving counts their target
cost against nothing and comes out negative, so the runbook said a 35-day delay "would forgo
about EUR 0.00", beside EUR 70 of egress it would save, though the saving on what has a cost
today is positive and over those days outweighs the egress.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.emit.summary import summarise
from cloudexit.model.policy import Policy, Switching


@pytest.fixture(scope="module")
def planned(shared_dir):
    catalog = load_catalog()
    inventory = api.inventory("import", shared_dir / "corpus" / "gcp-cai-export-forseti.jsonl")
    policy = Policy(
        targets=["ionos", "opennebula", "ovhcloud", "scaleway"],
        switching=Switching(start_date=dt.date(2026, 12, 6)),
    )
    plan = api.plan(inventory, policy, catalog)
    return plan, summarise(plan, catalog)


def test_the_forgone_saving_is_the_comparable_saving_over_the_delay(planned):
    _, summary = planned
    assert summary.monthly_saving < 0
    assert summary.priced_saving is not None and summary.priced_saving > 0
    waiting = summary.waiting
    assert waiting is not None and waiting.saves > 0
    assert waiting.on_priced
    expected = summary.priced_saving * Decimal(waiting.days) * 12 / Decimal(365)
    assert abs(waiting.forgone_saving - expected) < Decimal("0.02")
    assert waiting.forgone_saving > 0


def test_the_runbook_says_which_saving_it_forgoes(planned, tmp_path):
    plan, summary = planned
    api.emit(plan, tmp_path, catalog=load_catalog())
    runbook = (tmp_path / "runbook.md").read_text()
    (line,) = [x for x in runbook.splitlines() if x.startswith("- Waiting: ")]
    assert "would forgo about EUR 0.00" not in line
    # the figure is the saving over the whole delay, not a month's
    days = f"{summary.waiting.days} days"
    assert f"of saving over those {days}" in line and "monthly saving" not in line
    # 18: project3's second BigQuery dataset is a part of its project's one warehouse, and
    # project2's holds no table, so nothing of it moves
    assert "(the saving on what has a cost today; the 18 moved resources with none" in line
