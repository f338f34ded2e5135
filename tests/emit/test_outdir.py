"""The --out folder holds the old complete set or the new one, never a mix, never leftovers."""

from __future__ import annotations

import importlib
import json
import os
import signal
from pathlib import Path

import pytest

import cloudexit
from cloudexit import optimise
from cloudexit.cli.main import run
from cloudexit.emit.outdir import OutputFolder
from cloudexit.errors import InputError, RuntimeFailure
from tests.emit.test_runbook import make_plan
from tests.helpers import FIXTURE_CATALOG, fixture_catalog, inventory, resource

# the writers' modules: the package imports them when it writes
report_module = importlib.import_module("cloudexit.emit.report")
runbook_module = importlib.import_module("cloudexit.emit.runbook")


def beside(out: Path) -> list[str]:
    """What cloudexit keeps next to the folder: only its (empty) lock file."""
    return sorted(
        p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.cloudexit-")
    )


def snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_second_run_replaces_the_set_and_keeps_other_files(tmp_path):
    out = tmp_path / "out"
    cloudexit.emit(make_plan(), out, catalog=fixture_catalog())
    (out / "terraform" / "stale.tf").write_text("# from an older plan\n")
    (out / "notes.txt").write_text("mine")
    (out / "mine").mkdir()
    (out / "mine" / "keep.md").write_text("kept")
    written = cloudexit.emit(make_plan(bandwidth_mbps=100), out, catalog=fixture_catalog())
    assert not (out / "terraform" / "stale.tf").exists()
    assert (out / "notes.txt").read_text() == "mine" and (
        out / "mine" / "keep.md"
    ).read_text() == "kept"
    assert out / "plan.json" in written and all(p.is_file() for p in written)
    assert json.loads((out / "plan.json").read_text())["policy"]["bandwidth_mbps"] == 100
    assert beside(out) == [".out.cloudexit-lock"]


def test_stale_staging_is_removed_and_a_folder_moved_aside_comes_back(tmp_path):
    out = tmp_path / "out"
    cloudexit.emit(make_plan(), out, catalog=fixture_catalog())
    before = snapshot(out)
    stale = tmp_path / ".out.cloudexit-stage-abc123"
    (stale / "terraform").mkdir(parents=True)
    (stale / "plan.json").write_text("{}")
    out.rename(tmp_path / ".out.cloudexit-old-4242")  # killed between the two renames
    with OutputFolder(out):
        pass
    assert snapshot(out) == before
    assert beside(out) == [".out.cloudexit-lock"]


def test_a_second_run_into_the_same_folder_is_refused(tmp_path):
    out = tmp_path / "out"
    with OutputFolder(out), pytest.raises(RuntimeFailure, match="another cloudexit run is writing"):
        cloudexit.emit(make_plan(), out, catalog=fixture_catalog())
    cloudexit.emit(make_plan(), out, catalog=fixture_catalog())  # the lock went with the first


def test_failed_write_leaves_the_old_set_and_no_staging(tmp_path, monkeypatch):
    out = tmp_path / "out"
    cloudexit.emit(make_plan(), out, catalog=fixture_catalog())
    before = snapshot(out)

    def full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report_module, "write_report", full)
    with pytest.raises(
        RuntimeFailure, match="could not write the artefacts: No space left on device"
    ):
        cloudexit.emit(make_plan(bandwidth_mbps=100), out, catalog=fixture_catalog())
    assert snapshot(out) == before
    assert beside(out) == [".out.cloudexit-lock"]


def test_out_that_cannot_be_a_folder_is_named_before_anything_runs(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="file: --out is a file, not a folder"):
        OutputFolder(tmp_path / "file").__enter__()
    with pytest.raises(InputError, match="cannot create the output folder"):
        OutputFolder(tmp_path / "file" / "out").__enter__()


def _inventory(tmp_path: Path) -> Path:
    path = tmp_path / "inventory.json"
    path.write_text(json.dumps(inventory(resource("i-1"), resource("i-2"))))
    return path


def test_unwritable_out_is_bad_input_before_the_solve(tmp_path, capsys, monkeypatch):
    solved = []
    monkeypatch.setattr(optimise, "plan_timed", lambda *a, **k: solved.append(1))
    (tmp_path / "file").write_text("x")
    code = run(["plan", str(_inventory(tmp_path)), "--out", str(tmp_path / "file" / "out")])
    err = capsys.readouterr().err
    assert code == 2 and solved == []
    (line,) = err.strip().splitlines()
    assert line.startswith(
        f"cloudexit: error: {tmp_path / 'file' / 'out'}: cannot create the output folder: "
    )


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signal_during_the_solve_exits_with_its_code_and_one_line(
    tmp_path, capsys, monkeypatch, signum, code
):
    def killed(*_args, **_kwargs):
        os.kill(os.getpid(), signum)
        raise AssertionError("the signal handler raises first")

    monkeypatch.setattr(optimise, "plan_timed", killed)
    out = tmp_path / "out"
    assert (
        run(
            [
                "plan",
                str(_inventory(tmp_path)),
                "--catalog",
                str(FIXTURE_CATALOG),
                "--out",
                str(out),
            ]
        )
        == code
    )
    assert capsys.readouterr().err.strip() == "cloudexit: interrupted"
    assert beside(out) == [".out.cloudexit-lock"]


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signal_while_writing_keeps_the_old_set_and_removes_staging(
    tmp_path, capsys, monkeypatch, signum, code
):
    inv = _inventory(tmp_path)
    out = tmp_path / "out"
    args = ["plan", str(inv), "--catalog", str(FIXTURE_CATALOG), "--out", str(out)]
    assert run(args) == 0
    before = snapshot(out)

    def killed(*_args, **_kwargs):
        os.kill(os.getpid(), signum)

    monkeypatch.setattr(runbook_module, "write_runbook", killed)
    capsys.readouterr()
    assert run(args) == code
    assert capsys.readouterr().err.strip() == "cloudexit: interrupted"
    assert snapshot(out) == before
    assert beside(out) == [".out.cloudexit-lock"]
