"""The source account a wave's egress and double running are charged to is named as the export
gives it: one account when a plan's new resources sit beside ones that name it, and said to be
missing when no resource names one.

Real exports: infracost's v0.14 AWS plan (resources to create beside ones of account
123123123123) and checkov's 55-resource AWS plan (every resource to create, no account named).
"""

from __future__ import annotations

from pathlib import Path

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.model.policy import Policy


def _emit(export: Path, out: Path, exist: bool = False) -> tuple[str, str]:
    """``exist``: the plan's resources taken as already running on the source, so that they
    have data to move and a wave line names their account."""
    catalog = load_catalog()
    inventory = api.inventory("import", export, planned=True)
    if exist:
        running = [r.model_copy(update={"planned": False}) for r in inventory.resources]
        inventory = inventory.model_copy(update={"resources": running})
    plan = api.plan(inventory, Policy(targets=["scaleway"], allow_retain=False), catalog)
    api.emit(plan, out, catalog=catalog)
    return (
        (out / "runbook.md").read_text(encoding="utf-8"),
        (out / "report.html").read_text(encoding="utf-8"),
    )


def test_resources_a_plan_creates_join_the_account_beside_them(shared_dir: Path) -> None:
    export = shared_dir / "corpus" / "tfplan-aws-infracost-v0.14.json"
    inventory = api.inventory("import", export, planned=True)
    # Before: 7 resources of account 123123123123 and 10 of account "".
    assert {r.account for r in inventory.resources} == {"123123123123"}


def test_one_account_gets_one_free_allowance_a_wave(shared_dir: Path, tmp_path: Path) -> None:
    runbook, _ = _emit(shared_dir / "corpus" / "tfplan-aws-infracost-v0.14.json", tmp_path)
    egress = runbook.split("### Switching egress by date", 1)[1].split("\n\n", 3)[2]
    rows = [line for line in egress.splitlines() if line.startswith("| 2 |")]
    # Before: wave 2 in two rows, "aws/" and "aws/123123123123", each with its own free GiB.
    assert len(rows) == 1 and "| aws/123123123123 |" in rows[0]


def test_a_missing_account_is_said_to_be_missing(shared_dir: Path, tmp_path: Path) -> None:
    runbook, report = _emit(
        shared_dir / "corpus" / "tfplan-aws-55res-checkov.json", tmp_path, exist=True
    )
    assert "| aws/ |" not in runbook
    assert "| aws/(account not in the export) |" in runbook
    assert "<td>aws/</td>" not in report
    assert "<td>aws/(account not in the export)</td>" in report
