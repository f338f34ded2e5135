"""Streaming JSON reads: build only the objects an importer asks for, one at a time.

A 500 MB Terraform state never sits in memory whole; only the resource being mapped does.
Errors name the file, the field being read and, for arrays, which item.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import ijson
from ijson.common import ObjectBuilder

from cloudexit.errors import InputError
from cloudexit.importers.decode import open_input

_START = frozenset({"start_map", "start_array"})
_END = frozenset({"end_map", "end_array"})
_SKIP = frozenset({"end_map", "end_array", "map_key"})
_CACHE_LIMIT = 4096
_BYTES_REPR = re.compile(r"\bb('[^']*'|\"[^\"]*\")")
# Real exports nest a few dozen levels; deeper input is hostile or broken and would exhaust
# the recursion of every later step.
MAX_DEPTH = 200


def readable_prefix(prefix: str) -> str:
    """``resources.item.instances.item`` -> ``resources[].instances[]``; ``item`` -> the top-level list."""
    if not prefix:
        return "(top level)"
    readable = ("." + prefix).replace(".item", "[]").lstrip(".")
    return "the top-level list" if readable == "[]" else readable


def open_binary(path: Path) -> IO[bytes]:
    """The file as UTF-8 bytes: gzip, byte-order marks, UTF-16 and the setup-terraform wrapper undone."""
    return open_input(path)


def walk(path: Path, want: Callable[[str], bool]) -> Iterator[tuple[str, Any]]:
    """Yield ``(prefix, value)`` for every value whose ijson prefix ``want`` accepts.

    Maps and arrays are built whole (and nothing inside them is offered again); scalars are
    yielded as they are. Malformed or truncated input raises InputError naming the position.
    """
    decisions: dict[str, bool] = {}
    counts: dict[str, int] = {}
    last = current = ""
    with open_binary(path) as handle:
        events = ijson.parse(handle, use_float=True)
        try:
            for prefix, event, value in events:
                current = prefix
                if event in _SKIP:
                    continue
                wanted = decisions.get(prefix)
                if wanted is None:
                    wanted = want(prefix)
                    if len(decisions) < _CACHE_LIMIT:
                        decisions[prefix] = wanted
                if not wanted:
                    continue
                last = prefix
                counts[prefix] = counts.get(prefix, 0) + 1
                if event not in _START:
                    yield prefix, value
                    continue
                builder = ObjectBuilder()
                builder.event(event, value)
                depth = 1
                for _, inner_event, inner_value in events:
                    builder.event(inner_event, inner_value)
                    if inner_event in _START:
                        depth += 1
                        if depth > MAX_DEPTH:
                            raise InputError(
                                f"{path}: {readable_prefix(prefix)}, item {counts[prefix]}: nested more "
                                f"than {MAX_DEPTH} levels deep"
                            )
                    elif inner_event in _END:
                        depth -= 1
                        if depth == 0:
                            break
                yield prefix, builder.value
        except ijson.JSONError as exc:
            raise InputError(
                f"{path}: {_position(last, counts, current)}: {_reason(exc)}{_near(exc)}"
            ) from None
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not UTF-8 text near byte {exc.start}") from None


def _position(last: str, counts: dict[str, int], current: str = "") -> str:
    """Where the reader was: inside the last item it built, or further on, past it."""
    if current and current != last and not current.startswith(f"{last}."):
        return f"invalid JSON in {readable_prefix(current)}"
    if not last:
        return "invalid JSON"
    return f"invalid or truncated JSON in {readable_prefix(last)}, item {counts.get(last, 0)}"


def _near(exc: Exception) -> str:
    """The text the parser stopped at (it prints it above a 'right here' mark), made safe."""
    lines = str(exc).splitlines()
    if len(lines) < 3 or "right here" not in lines[2]:
        return ""
    snippet = "".join(c if c.isprintable() else "?" for c in lines[1].strip())[:60]
    return f" near {snippet!r}" if snippet else ""


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    first = _BYTES_REPR.sub(r"\1", text[0]) if text else type(exc).__name__
    if "premature EOF" in first:
        return f"file ends early ({first})"
    return first


def top_level_keys(path: Path) -> list[str]:
    """The keys of the top-level object, in file order (reads the whole file, builds nothing)."""
    keys: list[str] = []
    with open_binary(path) as handle:
        try:
            for prefix, event, value in ijson.parse(handle):
                if prefix == "" and event == "map_key":
                    keys.append(str(value))
        except ijson.JSONError as exc:
            raise InputError(f"{path}: invalid JSON: {_reason(exc)}") from None
    return keys


def wrapper_key(path: Path, inner: frozenset[str]) -> str | None:
    """The one key of a top-level object that wraps a document starting with one of ``inner``
    keys (``{"tfplan": {"format_version": ...}}``, as policy tools take plans), else None."""
    with open_binary(path) as handle:
        events = ijson.parse(handle)
        try:
            head = [next(events) for _ in range(4)]
        except (StopIteration, ijson.JSONError):
            return None
    kinds = [event for _, event, _ in head]
    if kinds != ["start_map", "map_key", "start_map", "map_key"]:
        return None
    outer, first = str(head[1][2]), str(head[3][2])
    return outer if first in inner and outer not in inner else None


def json_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """Yield ``(line number, object)`` for each non-empty line of a JSON-lines file."""
    with open_binary(path) as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.strip()
            if not line:
                continue
            try:
                yield number, json.loads(line)
            except RecursionError:
                raise InputError(f"{path}: line {number}: nested too deep") from None
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                message = (
                    f"{exc.msg} (column {exc.colno})"
                    if isinstance(exc, json.JSONDecodeError)
                    else "not UTF-8 text"
                )
                raise InputError(f"{path}: line {number}: invalid JSON: {message}") from None
