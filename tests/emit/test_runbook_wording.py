"""Counts and the words next to them agree, in the runbook of real exports and in warnings."""

from __future__ import annotations

import re
from pathlib import Path

import cloudexit
from cloudexit.importers import import_files
from cloudexit.wording import counted, plural

ALL = ["ionos", "opennebula", "ovhcloud", "scaleway"]
# A count of one followed by a plural noun or verb, the slips the helper exists to prevent.
SLIP = re.compile(
    r"(?<![\d.,])1 (resources|waves|calendar days|days|months|parts|rules|placements|kinds)\b"
    r"|(?<![\d.,])1 (of them )?(move|stay|are|do|have)\b"
)


def test_plural_and_counted() -> None:
    assert counted(1, "resource") == "1 resource"
    assert counted(0, "resource") == "0 resources"
    assert counted(3, "working day") == "3 working days"
    assert plural(1, "does", "do") == "does"
    assert plural(2, "does", "do") == "do"
    assert plural(1, "It does not move", "None of them moves") == "It does not move"


def _runbook(path: Path, tmp_path: Path, *, planned: bool = False) -> str:
    inv = import_files([path], planned=planned)
    plan = cloudexit.plan(inv, cloudexit.Policy(targets=ALL, min_providers=1, max_providers=4))
    cloudexit.emit(plan, tmp_path)
    return (tmp_path / "runbook.md").read_text(encoding="utf-8")


def test_one_resource_that_stays_is_said_in_the_singular(shared_dir: Path, tmp_path: Path) -> None:
    runbook = _runbook(
        shared_dir / "corpus" / "tfplan-aws-55res-checkov.json", tmp_path, planned=True
    )
    assert "; the other 1 does not move." in runbook
    assert not SLIP.findall(runbook)


def test_one_wave_of_one_day_is_said_in_the_singular(shared_dir: Path, tmp_path: Path) -> None:
    runbook = _runbook(
        shared_dir / "corpus" / "aws-ec2-describe-instances-c7n-placebo.json", tmp_path
    )
    assert "Plan of 3 resources: 3 move, 0 stay on the source, 0 are not migrated." in runbook
    assert "1 wave over 1 calendar day from" in runbook
    assert "1 wave, 1 calendar day in all;" in runbook
    assert "takes 1 day." in runbook
    assert not SLIP.findall(runbook)


def test_one_unpriced_resource_of_one_is_said_in_the_singular(
    shared_dir: Path, tmp_path: Path
) -> None:
    runbook = _runbook(
        shared_dir / "corpus" / "azure-resourcegraph-table-response-c7n.json", tmp_path
    )
    assert (
        "leaves out 1 of 1 resource that is not free (billed by the source, or priced after the move) and has no known"
        in runbook
    )
    assert not SLIP.findall(runbook)


def test_the_exit_strategy_never_offers_the_source_as_an_alternative_provider(
    shared_dir: Path, tmp_path: Path
) -> None:
    runbook = _runbook(
        shared_dir / "corpus" / "tfplan-azure-vms-tfcompliance.json", tmp_path, planned=True
    )
    table = runbook.split("### Chosen alternatives", 1)[1].split("\n\n", 2)[1]
    rows = [line for line in table.splitlines() if line.startswith("| ") and "azure/" in line]
    # Before: "| compute.vm | scaleway/fr-par | azure/northeurope, ovhcloud/BHS5 |", the cloud
    # being left read as a runner-up provider of the exit.
    assert rows
    assert all("azure/northeurope (staying on the source)" in row for row in rows)
