"""Progress reporting for long scans: a Rich display on a terminal, silence in pipes."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Progress(Protocol):
    def add(self, description: str, total: int | None = None) -> int: ...

    def advance(self, task: int, amount: int = 1) -> None: ...

    def log(self, message: str) -> None: ...


class SilentProgress:
    """Used in libraries, tests and pipes."""

    def add(self, description: str, total: int | None = None) -> int:
        return 0

    def advance(self, task: int, amount: int = 1) -> None:
        return None

    def log(self, message: str) -> None:
        return None


class _RichProgress:
    def __init__(self, progress: object) -> None:
        self._progress = progress

    def add(self, description: str, total: int | None = None) -> int:
        return int(self._progress.add_task(description, total=total))  # type: ignore[attr-defined]

    def advance(self, task: int, amount: int = 1) -> None:
        self._progress.advance(task, amount)  # type: ignore[attr-defined]

    def log(self, message: str) -> None:
        self._progress.console.log(message)  # type: ignore[attr-defined]


@contextmanager
def progress_display(enabled: bool | None = None) -> Iterator[Progress]:
    """A Rich progress bar on stderr when it is a terminal (or when forced), else silence."""
    show = sys.stderr.isatty() if enabled is None else enabled
    if not show:
        yield SilentProgress()
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as RichProgress

    with RichProgress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        yield _RichProgress(progress)
