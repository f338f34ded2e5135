"""Planning pauses the cyclic collector and leaves it as it found it, whatever happens inside."""

from __future__ import annotations

import gc
import importlib
import json
from pathlib import Path
from typing import Any

import pytest

from cloudexit.collector import collection_paused
from cloudexit.errors import InputError
from cloudexit.model import Inventory, Policy, io
from cloudexit.optimise import planner
from tests.helpers import fixture_catalog, inventory, resource


def test_the_collector_is_off_inside_and_on_again_after_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collection_paused():
        assert not gc.isenabled()
        raise RuntimeError("stop")
    assert gc.isenabled()


def test_a_collector_turned_off_before_stays_off() -> None:
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_planning_runs_with_the_collector_off_and_restores_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    enabled: list[bool] = []
    decide = planner.decide

    def noting(*args: Any, **kwargs: Any) -> Any:
        enabled.append(gc.isenabled())
        return decide(*args, **kwargs)

    monkeypatch.setattr(planner, "decide", noting)
    estate = Inventory.model_validate(inventory(*(resource(f"vm-{i}") for i in range(40))))
    result, _ = planner.plan(estate, fixture_catalog(), Policy.model_validate({}))
    assert len(result.placements) == 40
    assert enabled == [False]
    assert gc.isenabled()
    with pytest.raises(InputError):
        planner.plan(estate, fixture_catalog(), Policy.model_validate({"targets": ["nowhere"]}))
    assert gc.isenabled()


def test_reading_an_inventory_runs_with_the_collector_off_and_restores_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    enabled: list[bool] = []
    validate = io.validate

    def noting(*args: Any, **kwargs: Any) -> Any:
        enabled.append(gc.isenabled())
        return validate(*args, **kwargs)

    monkeypatch.setattr(io, "validate", noting)
    good = tmp_path / "inventory.json"
    good.write_text(json.dumps(inventory(resource("vm-1"))))
    assert [r.id for r in io.load_inventory(good).resources] == ["vm-1"]
    assert enabled == [False]
    assert gc.isenabled()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**inventory(resource("vm-1")), "resources": [{"id": 3}]}))
    with pytest.raises(InputError):
        io.load_inventory(bad)
    assert gc.isenabled()


def test_writing_the_artefacts_runs_with_the_collector_off_and_restores_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.emit.test_runbook import make_plan

    emit = importlib.import_module("cloudexit.emit")  # the package, not the function it exports

    enabled: list[bool] = []
    write = emit.write_artefacts

    def noting(*args: Any, **kwargs: Any) -> Any:
        enabled.append(gc.isenabled())
        return write(*args, **kwargs)

    monkeypatch.setattr(emit, "write_artefacts", noting)
    emit.emit(make_plan(), tmp_path / "out", catalog=fixture_catalog())
    assert (tmp_path / "out" / "plan.json").is_file()
    assert enabled == [False]
    assert gc.isenabled()

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise OSError("disk full")

    monkeypatch.setattr(emit, "write_artefacts", failing)
    with pytest.raises(Exception, match="disk full"):
        emit.emit(make_plan(), tmp_path / "again", catalog=fixture_catalog())
    assert gc.isenabled()
