"""Every figure plan.json states is rounded: a risk total summed from its parts read
1.1255950000000001 on the example, where its parts read to six places."""

from __future__ import annotations

import json
from pathlib import Path

from cloudexit import api
from cloudexit.emit.plan_json import write_plan
from tests.helpers import EXAMPLE


def _floats(value: object, path: str = "") -> list[tuple[str, float]]:
    if isinstance(value, float):
        return [(path, value)]
    if isinstance(value, dict):
        return [f for k, v in value.items() for f in _floats(v, f"{path}.{k}")]
    if isinstance(value, list):
        return [f for v in value for f in _floats(v, f"{path}[]")]
    return []


def test_every_float_in_the_example_plan_is_rounded(tmp_path: Path) -> None:
    plan = api.plan(
        api.load_inventory(EXAMPLE / "inventory.json"), EXAMPLE / "policy.yaml", api.load_catalog()
    )
    (written,) = [p for p in write_plan(plan, tmp_path) if p.name == "plan.json"]
    found = _floats(json.loads(written.read_text(encoding="utf-8")))
    assert any(path.endswith("risk.total") for path, _ in found)
    assert [(path, x) for path, x in found if x != round(x, 6)] == []
