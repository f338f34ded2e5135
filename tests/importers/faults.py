"""The fault an import reports: raised when nothing could be read, else kept as an issue."""

from __future__ import annotations

from pathlib import Path

from cloudexit.errors import InputError
from cloudexit.importers import import_file


def fault_of(path: Path, format: str | None = None) -> str:
    try:
        ctx = import_file(path, format)
    except InputError as caught:
        return str(caught)
    (fault,) = [i for i in ctx.issues if i.code == "unreadable"]
    return fault.message.split("; what came before it is kept")[0]
