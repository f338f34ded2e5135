"""Work done by a forked child while this process does its own, its result handed back pickled.

The child starts from this process's memory as it is (nothing sent to it) and answers once. When
it cannot be started, fails, or dies, the work is done here instead, so the result is the same
either way; only the wall time differs.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from cloudexit.emit.alongside import MIN_WAIT, can_fork, die_with

T = TypeVar("T")
U = TypeVar("U")

FORK_FROM = 5000
"""Resources from which a plan's candidates are built by two processes: below, starting the
child and handing its result back cost more than it saves (the artefacts' threshold too)."""

PART = 2000
"""Items of a list a child hands back at a time when it is read item by item (``Apart.each``)"""


class Apart(Generic[T]):
    """The result of work started in a child; ``result()`` waits for it."""

    def __init__(self, work: Callable[[], T], fork: bool, parts: int = 0) -> None:
        """``parts``: the result is a list the child hands back that many items at a time, read
        with ``each``; 0: at once, read with ``result``."""
        self._work = work
        self._parts = parts
        self._process: multiprocessing.process.BaseProcess | None = None
        self._answer: Connection | None = None
        self._started = time.monotonic()
        self.forked = False
        """the result came from the child"""
        if fork:
            self._start()

    def _start(self) -> None:
        context = multiprocessing.get_context("fork")
        answer, ask = context.Pipe(duplex=False)
        try:
            target: Callable[..., None] = _child_parts if self._parts else _child
            process = context.Process(
                target=target, args=(self._work, ask, os.getpid(), self._parts), daemon=True
            )
            process.start()
        except Exception:  # noqa: BLE001 - e.g. a daemonic pool worker may not have children
            answer.close()
            ask.close()
            return
        ask.close()
        self._process, self._answer = process, answer

    @property
    def started(self) -> bool:
        """a child was started to do the work"""
        return self._process is not None

    def result(self) -> T:
        """The child's result, waited for four times as long as this process has run beside it
        and at least ``MIN_WAIT`` seconds: a child stuck longer is ended and the work done here."""
        process, answer = self._process, self._answer
        if process is None or answer is None:
            return self._work()
        limit = max(MIN_WAIT, 4 * (time.monotonic() - self._started))
        try:
            if not answer.poll(limit):
                raise EOFError
            found: T = answer.recv()
        except (EOFError, OSError):
            self.cancel()
            return self._work()
        finally:
            answer.close()
        process.join()
        self.forked = True
        return found

    def each(self: Apart[list[U]]) -> Iterator[U]:
        """The items of the child's list, one part at a time: this process never holds the
        whole list, nor its pickled bytes, at once. Should the child fail or stop part way, the
        work is done here and the items not yet given come from it: the same items either way."""
        process, answer = self._process, self._answer
        if process is None or answer is None:
            yield from self._work()
            return
        given = 0
        try:
            while True:
                try:
                    part = self._part(answer)
                except (EOFError, OSError):
                    self.cancel()
                    yield from islice(self._work(), given, None)
                    return
                if part is None:
                    break
                given += len(part)
                yield from part
        finally:
            answer.close()
        process.join()
        self.forked = True

    def _part(self, answer: Connection) -> Any:
        """The child's next part (None after the last), waited for as ``result`` waits."""
        if not answer.poll(max(MIN_WAIT, 4 * (time.monotonic() - self._started))):
            raise EOFError
        return answer.recv()

    def cancel(self) -> None:
        if self._process is not None:
            if self._process.exitcode is None:
                self._process.kill()
            self._process.join()


def _child(work: Callable[[], object], ask: Connection, parent: int, _: int) -> None:
    try:
        die_with(parent)
        ask.send(work())
        ask.close()
    except BaseException:  # noqa: BLE001 - the parent does the work again and raises what it raises
        os._exit(1)
    # no clean-up of what the fork inherited: the parent owns it
    os._exit(0)


def _child_parts(
    work: Callable[[], Sequence[object]], ask: Connection, parent: int, size: int
) -> None:
    try:
        die_with(parent)
        found = work()
        for start in range(0, len(found), size):
            ask.send(found[start : start + size])
        ask.send(None)
        ask.close()
    except BaseException:  # noqa: BLE001 - the parent does the work again and raises what it raises
        os._exit(1)
    os._exit(0)


@contextmanager
def apart(work: Callable[[], T], fork: bool, parts: int = 0) -> Iterator[Apart[T]]:
    """``work`` started in a forked child when ``fork`` (and a second core is there to run it);
    the child is ended if the block raises. ``parts``: see ``Apart``."""
    started = Apart(work, fork and can_fork(), parts)
    try:
        yield started
    except BaseException:
        started.cancel()
        raise
