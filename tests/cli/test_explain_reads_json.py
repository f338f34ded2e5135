"""`explain` answers from plan.json as written, without building the plan's models; a file not
shaped as written is validated in full, so the answer or the error is what the model gives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cloudexit import api
from cloudexit.cli.explain import _validated, explain_lines
from cloudexit.cli.json_view import NotAsWritten
from cloudexit.cli.main import run
from cloudexit.emit.plan_json import write_plan
from cloudexit.importers import import_files
from cloudexit.model.io import read_json, validate
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy


@pytest.fixture(scope="module")
def written(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Plan, Path]:
    """A plan of a real export, with one network object recreated at two more sites (one the
    source), as the written file holds it and as its model reads that file back."""
    inventory = import_files(
        [shared_dir / "corpus" / "tfplan-aws-55res-checkov.json"], planned=True
    )
    policy = Policy.model_validate({"targets": ["ovhcloud", "scaleway", "ionos", "opennebula"]})
    folder = tmp_path_factory.mktemp("plan")
    write_plan(api.plan(inventory, policy), folder)
    path = folder / "plan.json"
    data = json.loads(path.read_text())
    choice = data["placements"][0]["choice"]
    elsewhere = {**choice, "region": "elsewhere", "migration_cost": "12.5", "retain": False}
    data["placements"][0]["copies"] = [elsewhere, {**choice, "retain": True}]
    path.write_text(json.dumps(data, indent=2))
    return validate(Plan, data, path), path


def _explain(path: Path, resource_id: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = run(["explain", str(path), resource_id])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_every_resource_reads_the_same_from_the_file_as_from_the_model(
    written: tuple[Plan, Path],
) -> None:
    result, path = written
    data = read_json(path)
    validated = _validated(data, path)
    placed = result.placements
    # the plan exercises every part of an answer
    assert any(p.copies for p in placed) and any(p.size_before for p in placed)
    assert any(p.runner_up for p in placed) and any(p.choice.sovereignty for p in placed)
    assert any(any(p.choice.one_off.values()) for p in placed) and result.unplaced
    for r in result.inventory.resources:
        assert explain_lines(data, r.id, path) == explain_lines(validated, r.id, path)


def test_figures_are_the_plans(written: tuple[Plan, Path]) -> None:
    result, path = written
    data = read_json(path)
    for p in result.placements:
        text = "\n".join(explain_lines(data, p.resource_id, path))
        c = p.choice
        assert f"EUR/month {c.monthly_cost}, one-off EUR {c.migration_cost}" in text
        assert f"why: {p.reason}" in text
        if p.runner_up is not None:
            assert f"{p.runner_up.monthly_cost_delta:+} EUR/month" in text
        for o in p.copies or []:
            assert ("the source (kept)" if o.retain else f"one-off EUR {o.migration_cost})") in text
    for u in result.unplaced:
        text = "\n".join(explain_lines(data, u.resource_id, path))
        assert f"not placed ({u.code}): {u.reason}" in text


def _changed(path: Path, tmp_path: Path, change: Any) -> Path:
    data = json.loads(path.read_text())
    change(data)
    changed = tmp_path / "plan.json"
    changed.write_text(json.dumps(data))
    return changed


def test_a_field_written_otherwise_is_read_by_the_model(
    written: tuple[Plan, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, path = written

    def as_float(data: dict[str, Any]) -> None:
        data["placements"][0]["choice"]["monthly_cost"] = 2.5

    changed = _changed(path, tmp_path, as_float)
    rid = json.loads(changed.read_text())["placements"][0]["resource_id"]
    with pytest.raises(NotAsWritten):
        explain_lines(json.loads(changed.read_text()), rid, changed)
    code, shown = _explain(changed, rid, capsys)
    assert code == 0, shown
    assert "EUR/month 2.5, " in shown


def test_a_broken_field_is_one_line_naming_it(
    written: tuple[Plan, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, path = written

    def broken(data: dict[str, Any]) -> None:
        data["placements"][0]["choice"]["risk"] = "high"

    changed = _changed(path, tmp_path, broken)
    rid = json.loads(changed.read_text())["placements"][0]["resource_id"]
    code, shown = _explain(changed, rid, capsys)
    assert code == 2
    assert shown.count("\n") == 1 and "placements[0].choice.risk" in shown


def test_an_unknown_resource_is_named(
    written: tuple[Plan, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, path = written
    code, shown = _explain(path, "no-such-thing", capsys)
    assert code == 2
    assert "no resource 'no-such-thing' in this plan" in shown
