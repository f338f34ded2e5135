"""Words that agree with a count, for every sentence the artefacts and warnings write."""

from __future__ import annotations

import re
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


def engine_named(
    engine: str | None, version: str | None, missing: str = "version not reported"
) -> str:
    """An engine and its version as a reader says them: 'nodejs 12', 'node20' (a version that
    names its language already), 'neptune (version not reported)'."""
    if not version:
        return f"{engine} ({missing})" if engine else missing
    if not engine:
        return version
    prefix = re.match(r"[a-z]+", version.lower())
    if prefix and engine.lower().startswith(prefix.group()):
        return version
    return f"{engine} {version}"
