"""A wave's days in the runbook say where they come from: its copies over the one link plus the
engineer days per move, a planning assumption the policy can replace."""

from __future__ import annotations

import re
from pathlib import Path

import cloudexit
from cloudexit.importers import import_files

EXPORT = "aws-ec2-describe-instances-c7n-placebo.json"


def _wave_days(shared_dir: Path, tmp_path: Path, policy: cloudexit.Policy) -> tuple[str, list[int]]:
    plan = cloudexit.plan(import_files([shared_dir / "corpus" / EXPORT]), policy)
    cloudexit.emit(plan, tmp_path)
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    rows = re.findall(
        r"^\| \d+ \| [^|]* \| \d+ \| [^|]* \| [^|]* \| [^|]* \| (\d+) \| \d+ min \|$",
        runbook,
        re.MULTILINE,
    )
    return runbook, [int(d) for d in rows]


def test_wave_days_follow_the_engineer_days_per_move_and_say_so(
    shared_dir: Path, tmp_path: Path
) -> None:
    targets = ["scaleway"]
    runbook, default = _wave_days(shared_dir, tmp_path / "a", cloudexit.Policy(targets=targets))
    assert default and "the engineer days per move (`running_costs.effort_days`" in runbook
    assert "a planning assumption to replace with your own" in runbook

    slow = cloudexit.Policy(targets=targets, running_costs={"effort_days": {"compute.vm": 9.0}})
    _, days = _wave_days(shared_dir, tmp_path / "b", slow)
    assert days == [9] * len(days) and days != default
