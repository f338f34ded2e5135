"""The schedule's days are the calendar days its dates count, weekends included."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from cloudexit.api import emit as make_emit
from cloudexit.api import plan as make_plan
from cloudexit.model.policy import Policy
from tests.helpers import corpus_inventory


def test_the_schedule_counts_the_calendar_days_its_dates_run_through(tmp_path: Path) -> None:
    # Infracost's plan onto Scaleway: 3 waves on days 0, 1 and 4, dated (and their switching and
    # double running dated) start + day; the runbook called those 5 "working days", though from
    # a Tuesday start the third wave falls on a Saturday.
    plan = make_plan(
        corpus_inventory("tfplan-aws-infracost-v0.14.json"),
        Policy.model_validate({"targets": ["scaleway"]}),
    )
    make_emit(plan, tmp_path / "out")
    runbook = (tmp_path / "out" / "runbook.md").read_text()
    assert "working day" not in runbook
    head = re.search(r"^(\d+) waves? over (\d+) calendar days? from (\S+),", runbook, re.MULTILINE)
    assert head is not None
    waves, days, start = int(head[1]), int(head[2]), dt.date.fromisoformat(head[3])
    assert (waves, days) == (3, 5)
    assert f"{waves} waves, {days} calendar days in all;" in runbook
    gantt = re.findall(r"^  .* :w(\d+), (\S+), (\d+)d$", runbook, re.MULTILINE)
    starts = re.findall(r"Starts on day (\d+), takes (\d+) days?\.", runbook)
    assert len(gantt) == len(starts) == waves
    for (_, date, length), (day, takes) in zip(gantt, starts, strict=True):
        assert dt.date.fromisoformat(date) == start + dt.timedelta(days=int(day))
        assert length == takes
    last = max(int(day) + int(takes) for day, takes in starts)
    assert last == days
