"""Writing one artefact in a second process while this one writes the others.

The child is forked, so it reads the plan and the built sites as they are in memory (nothing
pickled) and writes its files into the same staging folder. It reports nothing back but its exit
status: when it fails for any reason, the parent writes the same artefact itself, so an error is
raised here exactly as it would be without the child (a user template's line, an OSError's path).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_PR_SET_PDEATHSIG = 1


def can_fork() -> bool:
    """Forking pays only with a second core, and only where fork is the usual way to start."""
    if sys.platform != "linux":
        return False
    return len(os.sched_getaffinity(0)) > 1


def _die_with(parent: int) -> None:
    """The child ends when its parent does (kill -9 included): a staging folder the next run
    cleans is never written again after the run that made it is gone."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def _child(work: Callable[[], object], parent: int) -> None:
    try:
        _die_with(parent)
        work()
    except BaseException:  # noqa: BLE001 - the parent does the work again and raises what it raises
        os._exit(1)


@contextmanager
def alongside(work: Callable[[], object], fork: bool) -> Iterator[None]:
    """Run ``work`` in a forked child while the block runs here; wait for it at the end.

    ``fork`` False, or a child that failed: ``work`` runs here (before the block when not
    forked, so the order of writes is the one a single process has)."""
    if not fork:
        work()
        yield
        return
    process = multiprocessing.get_context("fork").Process(
        target=_child, args=(work, os.getpid()), daemon=True
    )
    process.start()
    try:
        yield
    except BaseException:
        process.kill()
        process.join()
        raise
    process.join()
    if process.exitcode != 0:
        work()
