"""The --out folder, all or nothing: staged beside it, swapped in whole, one writer at a time.

A run takes a lock beside the folder, removes what killed runs left behind, writes every
artefact into a staging folder next to it, and exchanges the two folders with one rename
(renameat2 RENAME_EXCHANGE on Linux), so the folder always holds the old complete set or
the new one. Where the exchange is not available the old folder is renamed aside first and
the next run puts it back if the process died between the two renames. Files in the folder
that cloudexit does not write are carried over as hard links.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Self

from cloudexit.errors import InputError, RuntimeFailure

ARTEFACTS = ("plan.json", "report.html", "runbook.md", "terraform")
PROBE_BYTES = 1 << 20  # a full disk shows up before the solve, not after it
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _prefix(out: Path) -> str:
    return f".{out.name}.cloudexit-"


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step; False where the system cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(a))


def _carry(source: Path, target: Path) -> None:
    """Hard-link (or copy) a file tree the artefacts do not own into the staging folder."""
    if source.is_symlink():
        os.symlink(os.readlink(source), target)
    elif source.is_dir():
        target.mkdir()
        for child in sorted(source.iterdir()):
            _carry(child, target / child.name)
    else:
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait while folders move, then act: a swap is never half done."""
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class OutputFolder:
    """``with OutputFolder(out) as folder: ... folder.publish(write)`` ."""

    def __init__(self, out: str | Path) -> None:
        self.out = Path(out).absolute()
        self.parent = self.out.parent
        self._lock: int | None = None

    # --- before the solve ---------------------------------------------------------------

    def __enter__(self) -> Self:
        self.check()
        self._take_lock()
        try:
            self.clean_stale()
            self._probe()
        except BaseException:
            self._release()
            raise
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._release()

    def check(self) -> None:
        """The folder can be made and written, as far as permissions tell."""
        if self.out.exists() and not self.out.is_dir():
            raise InputError(f"{self.out}: --out is a file, not a folder")
        try:
            self.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(
                f"{self.out}: cannot create the output folder: {exc.strerror}"
            ) from None
        for place in (self.parent, self.out):
            if place.exists() and not os.access(place, os.W_OK | os.X_OK):
                raise InputError(f"{place}: not writable (--out {self.out})")

    def _take_lock(self) -> None:
        path = self.parent / f"{_prefix(self.out)}lock"
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise InputError(
                f"{self.out}: cannot write beside the output folder: {exc.strerror}"
            ) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise RuntimeFailure(
                f"{self.out}: another cloudexit run is writing to this folder"
            ) from None
        self._lock = fd

    def _release(self) -> None:
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def _probe(self) -> None:
        """Write and sync a megabyte where the staging folder will be."""
        try:
            with tempfile.NamedTemporaryFile(
                dir=self.parent, prefix=f"{_prefix(self.out)}probe-"
            ) as probe:
                probe.write(b"\0" * PROBE_BYTES)
                probe.flush()
                os.fsync(probe.fileno())
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise RuntimeFailure(
                    f"{self.parent}: no space left for the output (--out {self.out})"
                ) from None
            raise InputError(
                f"{self.parent}: cannot write the output there: {exc.strerror}"
            ) from None

    def clean_stale(self) -> list[Path]:
        """Remove staging left by killed runs; put back a folder a run had moved aside."""
        leftovers = sorted(p for p in self.parent.iterdir() if p.name.startswith(_prefix(self.out)))
        aside = [
            p for p in leftovers if p.name.startswith(f"{_prefix(self.out)}old-") and p.is_dir()
        ]
        if aside and not self.out.exists():
            aside[-1].rename(self.out)
        removed = []
        for path in leftovers:
            if (
                path.name == f"{_prefix(self.out)}lock"
                or not path.exists()
                and not path.is_symlink()
            ):
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
        return removed

    # --- after the solve ----------------------------------------------------------------

    @contextlib.contextmanager
    def staging(self) -> Iterator[Path]:
        """A fresh folder beside ``out``; removed on any failure or interruption."""
        stage = Path(tempfile.mkdtemp(prefix=f"{_prefix(self.out)}stage-", dir=self.parent))
        try:
            yield stage
        finally:
            with _signals_held():
                shutil.rmtree(stage, ignore_errors=True)

    def swap_in(self, stage: Path) -> None:
        """Make ``stage`` the output folder in one step; the old set goes where stage was."""
        os.chmod(stage, 0o755)  # mkdtemp makes 0700; the folder is meant to be shared
        with _signals_held():
            self._swap(stage)

    def _swap(self, stage: Path) -> None:
        if not self.out.exists():
            stage.rename(self.out)
            stage.mkdir()  # the staging context removes an empty folder
            return
        for entry in sorted(self.out.iterdir()):
            if entry.name not in ARTEFACTS and not (stage / entry.name).exists():
                _carry(entry, stage / entry.name)
        if _exchange(stage, self.out):
            return
        aside = self.parent / f"{_prefix(self.out)}old-{os.getpid()}"
        self.out.rename(aside)
        stage.rename(self.out)
        aside.rename(stage)

    def written(self) -> list[Path]:
        return sorted(
            p
            for name in ARTEFACTS
            for p in [self.out / name, *(self.out / name).rglob("*")]
            if p.is_file()
        )
