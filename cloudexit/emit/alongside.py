"""Writing one artefact in a second process while this one writes the others.

The child is forked, so it reads the plan and the built sites as they are in memory (nothing
pickled) and writes its files into the same staging folder. It reports nothing back but its exit
status: when it fails for any reason (killed mid-write, or not done in time), the parent removes
what it left half-written and writes the same artefact itself, so an error is raised here exactly
as it would be without the child (a user template's line, an OSError's path).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import pickle
import select
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from cloudexit.model.io import remove_partial_writes

_PR_SET_PDEATHSIG = 1
MIN_WAIT = 120.0
"""Seconds the parent waits for the child after its own block, at least (see ``alongside``)."""


def can_fork() -> bool:
    """Forking pays only with a second core, and only where fork is the usual way to start.

    A process with a second thread (a solver's, say) may fork while that thread holds a lock the
    child then waits on forever: such a process writes everything itself."""
    if sys.platform != "linux":
        return False
    return len(os.sched_getaffinity(0)) > 1 and len(os.listdir("/proc/self/task")) == 1


def die_with(parent: int) -> None:
    """The child ends when its parent does (kill -9 included): a staging folder the next run
    cleans is never written again after the run that made it is gone."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def _child(work: Callable[[], object], parent: int) -> None:
    try:
        die_with(parent)
        work()
    except BaseException:  # noqa: BLE001 - the parent does the work again and raises what it raises
        os._exit(1)


@contextmanager
def alongside(
    work: Callable[[], object],
    fork: bool,
    folder: Path | None = None,
    wait: float | None = None,
    needs_block: bool = False,
) -> Iterator[None]:
    """Run ``work`` in a forked child while the block runs here; wait for it at the end.

    ``fork`` False, a child that cannot be started, or one that failed: ``work`` runs here (before
    the block when not forked, so the order of writes is the one a single process has; after it
    when ``needs_block``: the work waits for something the block makes). Files a failed child
    left half-written in ``folder`` are removed first. The child is given ``wait`` seconds after
    the block, by default four times the block's own time and at least ``MIN_WAIT``: a child
    stuck longer is killed and its work done here."""
    process = None
    if fork:
        try:
            process = multiprocessing.get_context("fork").Process(
                target=_child, args=(work, os.getpid()), daemon=True
            )
            process.start()
        except Exception:  # noqa: BLE001 - e.g. a daemonic pool worker may not have children
            process = None
    if process is None:
        if not needs_block:
            work()
        yield
        if needs_block:
            work()
        return
    started = time.monotonic()
    try:
        yield
        limit = wait if wait is not None else max(MIN_WAIT, 4 * (time.monotonic() - started))
        process.join(limit)
    except BaseException:
        process.kill()
        process.join()
        raise
    if process.exitcode is None:
        process.kill()
        process.join()
    if process.exitcode != 0:
        if folder is not None:
            remove_partial_writes(folder)
        work()


class Handed:
    """A value one process works out for the other after a fork: ``give`` it there once;
    ``take`` here waits until it is given (in the process that gave it, it is the value given).
    It goes through a file, so giving never waits for the other process to read."""

    def __init__(self) -> None:
        self._ready, self._signal = os.pipe()
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self._given = False
        self._value: Any = None

    def give(self, value: Any) -> None:
        self._value, self._given = value, True
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        os.pwrite(self._file.fileno(), data, 0)
        os.write(self._signal, len(data).to_bytes(8, "little"))

    def only_taken_here(self) -> None:
        """This process gives nothing: a ``take`` here ends (EOFError) when the other process
        does without giving."""
        if self._signal >= 0:
            os.close(self._signal)
            self._signal = -1

    def take(self, wait: float | None = None) -> Any:
        """The value given; ``wait``: seconds at most (TimeoutError after them)."""
        if self._given:
            return self._value
        if not select.select([self._ready], [], [], wait)[0]:
            raise TimeoutError("nothing given in time")
        size = os.read(self._ready, 8)
        if len(size) != 8:
            raise EOFError("nothing given")
        self._value = pickle.loads(os.pread(self._file.fileno(), int.from_bytes(size, "little"), 0))
        self._given = True
        return self._value

    def close(self) -> None:
        self.only_taken_here()
        os.close(self._ready)
        self._file.close()
