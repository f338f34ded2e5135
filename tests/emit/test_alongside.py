"""Artefacts written by a second process are the bytes one process writes; its failures are
raised as they would be without it."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cloudexit.emit import write_artefacts
from cloudexit.emit.alongside import alongside, can_fork
from cloudexit.emit.jinja import make_environment
from cloudexit.model.io import write_text_atomic
from tests.emit.test_runbook import make_plan
from tests.helpers import fixture_catalog

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="forks as Linux does")


def wait_for(path: Path) -> int:
    """The pid the child wrote to ``path`` once it is there."""
    deadline = time.monotonic() + 30
    while not path.exists() or not path.read_text():
        assert time.monotonic() < deadline, "the child never started"
        time.sleep(0.02)
    return int(path.read_text())


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_forked_writers_write_the_same_bytes(tmp_path):
    plan, catalog = make_plan(), fixture_catalog()
    for name, fork in (("one", False), ("two", True)):
        (tmp_path / name).mkdir()
        write_artefacts(plan, tmp_path / name, make_environment(), catalog, fork)
    one, two = snapshot(tmp_path / "one"), snapshot(tmp_path / "two")
    assert "plan.json" in one and any(name.startswith("terraform/") for name in one)
    assert "report.html" in one and "runbook.md" in one
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
    mark, pid_file = tmp_path / "late", tmp_path / "pid"

    def work() -> None:
        pid_file.write_text(str(os.getpid()))
        time.sleep(1)
        mark.write_text("written after the failure")

    with pytest.raises(RuntimeError, match="runbook"), alongside(work, fork=True):
        pid = wait_for(pid_file)
        raise RuntimeError("the runbook failed")
    time.sleep(1.5)
    assert not mark.exists() and gone(pid)


def test_a_child_killed_mid_write_leaves_no_partial_file(tmp_path):
    parent, pid_file, target = os.getpid(), tmp_path / "pid", tmp_path / "out" / "plan.json"

    def pieces() -> Iterator[str]:
        yield "half"
        if os.getpid() != parent:
            pid_file.write_text(str(os.getpid()))
            time.sleep(60)
        yield " and the rest"

    def work() -> None:
        write_text_atomic(target, pieces())

    with alongside(work, fork=True, folder=tmp_path / "out"):
        os.kill(wait_for(pid_file), signal.SIGKILL)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["plan.json"]
    assert target.read_text() == "half and the rest"


def test_a_child_stuck_past_its_time_is_killed_and_its_work_done_here(tmp_path):
    parent, pid_file, mark = os.getpid(), tmp_path / "pid", tmp_path / "done"

    def work() -> None:
        if os.getpid() != parent:
            pid_file.write_text(str(os.getpid()))
            time.sleep(60)
        mark.write_text("here")

    started = time.monotonic()
    with alongside(work, fork=True, wait=0.5):
        pid = wait_for(pid_file)
    assert mark.read_text() == "here" and gone(pid)
    assert time.monotonic() - started < 30


def _in_a_daemon(mark: str) -> None:
    with alongside(lambda: Path(mark).write_text("here"), fork=True):
        pass


def test_where_no_child_may_be_started_the_work_is_done_here(tmp_path):
    """A daemonic process (a pool's worker) may not start one: no traceback, the work done."""
    mark = tmp_path / "done"
    daemon = multiprocessing.get_context("fork").Process(
        target=_in_a_daemon, args=(str(mark),), daemon=True
    )
    daemon.start()
    daemon.join(60)
    assert daemon.exitcode == 0 and mark.read_text() == "here"


def test_a_second_thread_means_no_fork():
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
    finally:
        stop.set()
        thread.join()


THREADS_WHEN_WRITING = """
import importlib, os, sys
from pathlib import Path
from cloudexit.cli.main import entry_point

alongside = importlib.import_module("cloudexit.emit.alongside")
can_fork = alongside.can_fork
record = Path(sys.argv[1])


def counting() -> bool:
    record.write_text(str(len(os.listdir("/proc/self/task"))))
    return can_fork()


alongside.can_fork = counting
sys.argv = ["cloudexit", *sys.argv[2:]]
entry_point()
"""


def test_the_plan_command_holds_one_thread_when_it_writes(tmp_path):
    """NumPy's BLAS would start a thread per core on import and so keep the writer in one
    process; a thread count set by the user is theirs."""
    from tests.cli.test_plan_command import good_inventory
    from tests.helpers import FIXTURE_CATALOG

    inventory = tmp_path / "inventory.json"
    inventory.write_text(json.dumps(good_inventory()))
    args = ["plan", str(inventory), "--catalog", str(FIXTURE_CATALOG), "--out", str(tmp_path / "o")]
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run(
        [sys.executable, "-c", THREADS_WHEN_WRITING, str(tmp_path / "threads"), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "threads").read_text() == "1"


FOUND = "subnet chosen on ovhcloud/GRA: a warning the built sites add"


def _writers_noting_who_wrote(monkeypatch, record: Path, fail_in_child: bool = False) -> None:
    """plan.json's and the Terraform's writers note the process that ran them; the sites add a
    warning to the plan, as a site with a chosen subnet does."""
    from cloudexit.emit import plan_json, summary, terraform

    parent = os.getpid()

    def noting(name, write):
        def run(*args, **kwargs):
            if fail_in_child and os.getpid() != parent:
                raise OSError("the child fails")
            with record.open("a") as out:
                out.write(f"{name} {os.getpid()}\n")
            return write(*args, **kwargs)

        return run

    monkeypatch.setattr(plan_json, "write_plan", noting("plan", plan_json.write_plan))
    monkeypatch.setattr(
        terraform, "write_terraform", noting("terraform", terraform.write_terraform)
    )
    monkeypatch.setattr(summary, "summarise", noting("summary", summary.summarise))
    monkeypatch.setattr(terraform, "subnet_warnings", lambda built: [FOUND])


@pytest.mark.parametrize("fail_in_child", [False, True])
def test_plan_json_started_before_the_sites_gets_their_warnings(
    tmp_path, monkeypatch, fail_in_child
):
    """plan.json's process starts before the sites are built, hands back the summary and is
    handed the warnings the sites add; the Terraform is written by two processes. The bytes are
    those of one process, and where the children fail this one does their part."""
    plan, catalog, record = make_plan(), fixture_catalog(), tmp_path / "who"
    _writers_noting_who_wrote(monkeypatch, record, fail_in_child)
    (tmp_path / "one").mkdir()
    write_artefacts(plan.model_copy(deep=True), tmp_path / "one", make_environment(), catalog)
    record.unlink()
    (tmp_path / "two").mkdir()
    write_artefacts(plan, tmp_path / "two", make_environment(), catalog, fork=True)
    one, two = snapshot(tmp_path / "one"), snapshot(tmp_path / "two")
    assert one == two
    assert FOUND in json.loads(two["plan.json"])["warnings"]
    assert FOUND in two["runbook.md"].decode()
    writers = [line.split() for line in record.read_text().splitlines()]
    here = str(os.getpid())
    if fail_in_child:
        assert sorted(name for name, pid in writers if pid == here) == [
            "plan",
            "summary",
            "terraform",
            "terraform",
        ]
    else:
        by = dict(writers)
        assert sorted(name for name, _ in writers) == ["plan", "summary", "terraform", "terraform"]
        assert here not in {pid for _, pid in writers} and by["summary"] == by["plan"]
        assert len({pid for _, pid in writers}) == 3


def test_a_value_is_handed_to_a_child_after_it_started(tmp_path):
    from cloudexit.emit.alongside import Handed

    handed, out = Handed(), tmp_path / "taken"
    try:
        with alongside(lambda: out.write_text(repr(handed.take())), fork=True):
            time.sleep(0.2)
            handed.give(["late", "é"])
        assert out.read_text() == "['late', 'é']"
        assert handed.take() == ["late", "é"]
    finally:
        handed.close()
