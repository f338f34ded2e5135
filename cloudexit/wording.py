"""Words that agree with a count, for every sentence the artefacts and warnings write."""

from __future__ import annotations

from collections.abc import Iterable


def plural(count: float, one: str, many: str | None = None) -> str:
    """``one`` when ``count`` is 1, else ``many`` (``one`` + "s" when not given): nouns
    ("resource"), verbs ("moves", "move") or whole phrases agree through this one rule."""
    if count == 1:
        return one
    return many if many is not None else f"{one}s"


def counted(count: float, one: str, many: str | None = None) -> str:
    """'1 resource', '3 resources', '0 resources'."""
    return f"{count} {plural(count, one, many)}"


def first_few(names: Iterable[str], shown: int = 3) -> str:
    """'a, b, c and 2 more': the first ``shown`` names in sorted order and how many are left."""
    ordered = sorted(names)
    rest = len(ordered) - shown
    return ", ".join(ordered[:shown]) + (f" and {rest} more" if rest > 0 else "")
