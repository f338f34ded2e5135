"""runbook.md for the people who approve and run the move."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

from cloudexit.catalog.loader import Catalog
from cloudexit.model.io import write_text_atomic
from cloudexit.model.plan import Plan


def write_runbook(plan: Plan, out_dir: Path, env: Environment, catalog: Catalog) -> list[Path]:
    path = out_dir / "runbook.md"
    resources = plan.inventory.by_id()
    text = env.get_template("runbook/runbook.md.j2").render(plan=plan, resources=resources)
    write_text_atomic(path, text)
    return [path]
