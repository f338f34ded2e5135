"""plan.json, deterministic."""

from __future__ import annotations

from pathlib import Path

from cloudexit.model.io import dumps, write_text_atomic
from cloudexit.model.plan import Plan


def write_plan(plan: Plan, out_dir: Path) -> list[Path]:
    path = out_dir / "plan.json"
    write_text_atomic(path, dumps(plan))
    return [path]
