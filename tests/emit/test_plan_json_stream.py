"""plan.json is written a batch of items at a time; the bytes must be those of the whole dump."""

from __future__ import annotations

import json

import pytest

import cloudexit
from cloudexit.emit.plan_json import plan_json, write_plan
from cloudexit.model import jsonstream
from cloudexit.model.io import dumps
from tests.helpers import fixture_catalog, inventory, resource

# Text a serialiser could trip on: quotes, escapes, line breaks inside strings, the stream's own
# placeholder, non-ASCII and the separators JSON writers handle specially.
AWKWARD = 'a "b" \\ c\n  ],\n{\x00cloudexit-stream-resources\x00} \u2028 é'


def planned(count: int, unplaced: int = 1):
    resources = [
        resource(f"vm-{n:02d}", name=f"{AWKWARD} {n}", tags={"team": AWKWARD}) for n in range(count)
    ]
    resources += [
        {
            **resource(f"role-{n}", kind="security.identity", type="AWS::IAM::Role"),
            "name": AWKWARD,
            "monthly_cost": None,
        }
        for n in range(unplaced)
    ]
    estate = cloudexit.Inventory.model_validate(inventory(*resources))
    return cloudexit.plan(estate, cloudexit.Policy(targets=["scaleway"]), catalog=fixture_catalog())


@pytest.mark.parametrize(("count", "unplaced"), [(7, 3), (5, 0), (0, 2)])
@pytest.mark.parametrize("batch", [1, 2, 3, jsonstream.BATCH])
def test_streamed_plan_json_is_the_whole_dump(monkeypatch, tmp_path, count, unplaced, batch):
    plan = planned(count, unplaced)
    assert len(plan.placements) == count and len(plan.unplaced) == unplaced
    whole = dumps(plan)
    monkeypatch.setattr(jsonstream, "BATCH", batch)
    pieces = list(plan_json(plan))
    assert "".join(pieces) == whole
    write_plan(plan, tmp_path)
    assert (tmp_path / "plan.json").read_bytes() == whole.encode()
    # More than one piece whenever a list is long enough to be cut.
    if count > batch:
        assert len(pieces) > count // batch


def test_streamed_plan_json_reads_back_as_the_plan(tmp_path):
    plan = planned(6, 2)
    write_plan(plan, tmp_path)
    text = (tmp_path / "plan.json").read_text()
    assert cloudexit.Plan.model_validate_json(text) == plan
    names = [r["name"] for r in json.loads(text)["inventory"]["resources"]]
    assert names.count(AWKWARD) == 2 and f"{AWKWARD} 5" in names


@pytest.mark.parametrize("warnings", [[], ["one"], [AWKWARD, "b", "c"]])
def test_warnings_given_late_are_written_as_the_whole_dump(warnings):
    """plan.json's warnings can be asked for only once the lists before them are written (a
    second process writes them while this one works the warnings out): the same bytes."""
    plan = planned(4, 1)
    plan.warnings = warnings
    whole = dumps(plan)
    asked: list[int] = []

    def given() -> list[str]:
        asked.append(len(text))
        return warnings

    plan.warnings = ["not read"]
    text = ""
    for piece in plan_json(plan, {"warnings": given}):
        text += piece
    assert text == whole
    assert text[: asked[0]].count('"resource_id"') >= 4
