"""Where compiled catalogue files are kept, and how one is written.

Kept apart from the compiler so that a look-up answered from the cache imports neither
pydantic nor the catalogue models."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

CACHE_ENV = "CLOUDEXIT_CACHE_DIR"


def cache_dir() -> Path | None:
    """Where compiled files go; None when no cache folder can be named."""
    override = os.environ.get(CACHE_ENV)
    if override is not None:
        return Path(override) if override else None
    try:
        from platformdirs import user_cache_dir
    except ImportError:
        return None
    return Path(user_cache_dir("cloudexit", appauthor=False)) / "catalog"


def write_atomically(target: Path, text: str) -> None:
    """Readers see the whole file or none: a cache shared by concurrent commands."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
