"""Default factories for model fields."""

from __future__ import annotations

from typing import Any


def empty_list() -> list[Any]:
    """A new empty list. Pydantic reads a default factory's signature each time it builds a
    model's validator, and for ``list`` itself Python parses that signature from text: half a
    millisecond a field, a tenth of a quick command's CPU over the models it validates."""
    return []
