"""plan.json, deterministic, written as it is serialised (the long lists a batch at a time)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from cloudexit.model.inventory import Resource
from cloudexit.model.io import write_text_atomic
from cloudexit.model.jsonstream import stream_json
from cloudexit.model.plan import Placement, Plan, Unplaced

STREAMED = {
    "resources": (["inventory", "resources"], Resource),
    "placements": (["placements"], Placement),
    "unplaced": (["unplaced"], Unplaced),
}


def plan_json(plan: Plan, late: dict[str, Callable[[], Any]] | None = None) -> Iterator[str]:
    """The same text as ``dumps(plan)``, in pieces; ``late``: fields whose value is asked for
    when the text reaches them (``stream_json``)."""
    return stream_json(plan, STREAMED, late)


def write_plan(
    plan: Plan, out_dir: Path, late: dict[str, Callable[[], Any]] | None = None
) -> list[Path]:
    path = out_dir / "plan.json"
    write_text_atomic(path, plan_json(plan, late))
    return [path]
