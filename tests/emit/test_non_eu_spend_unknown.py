"""A share of spend counted only over what has a known cost says how many resources under
non-EU control it leaves out: forseti's export keeps resources on GCP, 4 with no known cost,
and read '0.0 %' of spend under non-EU control after the move (5 there: the three balancer parts
with no forwarding rule in front are retired, not built, under no one's control after; they were
counted, 8). Before the move it counted 68 where
today's cost leaves out 27: a subnet or a firewall with no list price is free by nature, not
spend left out, on both figures alike."""

from __future__ import annotations

from pathlib import Path

import cloudexit
from cloudexit.importers import import_files
from cloudexit.model.policy import Policy, Residency

EU = [
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
]


def test_spend_share_names_kept_resources_of_unknown_cost(shared_dir: Path, tmp_path: Path) -> None:
    inventory = import_files([shared_dir / "corpus" / "gcp-cai-export-forseti.jsonl"])
    policy = Policy(
        targets=["ionos", "opennebula", "ovhcloud", "scaleway"],
        residency=Residency(allowed_countries=EU),
        allow_retain=True,
    )
    plan = cloudexit.plan(inventory, policy)
    cloudexit.emit(plan, tmp_path)
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    (row,) = [line for line in runbook.splitlines() if "Spend under non-EU control" in line]
    before, after = row.split("|")[2:4]
    assert after.strip() == "0.0 % of known spend (4 of 5 resources with no known cost)"
    left_out = plan.totals.current_monthly_unpriced
    assert left_out == 26
    # 81 resources of the export and the default firewall rule of each App Engine application,
    # less project3's second BigQuery dataset, a part of that project's one warehouse
    assert (
        before.strip() == f"100.0 % of known spend ({left_out} of 82 resources with no known cost)"
    )
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert (
        "before: of known spend (26 of 82 resources under non-EU control with no known cost); "
        "after: of known spend (4 of 5 resources under non-EU control with no known cost)" in report
    )
