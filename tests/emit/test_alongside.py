"""Artefacts written by a second process are the bytes one process writes; its failures are
raised as they would be without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cloudexit.emit import write_artefacts
from cloudexit.emit.alongside import alongside, can_fork
from cloudexit.emit.jinja import make_environment
from tests.emit.test_runbook import make_plan
from tests.helpers import fixture_catalog

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs fork and a second core")


def snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_forked_writers_write_the_same_bytes(tmp_path):
    plan, catalog = make_plan(), fixture_catalog()
    for name, fork in (("one", False), ("two", True)):
        (tmp_path / name).mkdir()
        write_artefacts(plan, tmp_path / name, make_environment(), catalog, fork)
    one, two = snapshot(tmp_path / "one"), snapshot(tmp_path / "two")
    assert "plan.json" in one and any(name.startswith("terraform/") for name in one)
    assert one == two


def test_work_the_child_could_not_do_is_done_here(tmp_path):
    parent, mark = os.getpid(), tmp_path / "done"

    def work() -> None:
        if os.getpid() != parent:
            raise OSError("the child fails")
        mark.write_text("here")

    with alongside(work, fork=True):
        assert not mark.exists()
    assert mark.read_text() == "here"


def test_an_error_of_the_work_is_raised_here_as_it_is(tmp_path):
    def work() -> None:
        raise FileNotFoundError(2, "No such file or directory", str(tmp_path / "gone"))

    with pytest.raises(FileNotFoundError) as caught, alongside(work, fork=True):
        pass
    assert caught.value.filename == str(tmp_path / "gone")


def test_a_failure_here_stops_the_child_and_skips_its_work(tmp_path):
    mark = tmp_path / "late"

    def work() -> None:
        import time

        time.sleep(5)
        mark.write_text("written after the failure")

    with pytest.raises(RuntimeError, match="runbook"), alongside(work, fork=True):
        raise RuntimeError("the runbook failed")
    assert not mark.exists()
