"""Where the bundled data lives: inside the wheel, or beside the package in a checkout."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=8)
def data_dir(name: str) -> Path:
    """Return the folder ``providers``, ``mappings`` or ``templates``."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"cloudexit data folder {name!r} is missing from this installation")
