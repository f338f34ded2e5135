"""A model's deterministic JSON (``io.dumps``) written piece by piece.

A 100,000-resource plan is a few hundred megabytes of text; written whole it exists once in
pydantic-core and once as a Python string. Here the long lists are serialised a batch of items at
a time into the places the rest of the document leaves for them, giving the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from pydantic import BaseModel, TypeAdapter

BATCH = 2_000
_HOLE = "\x00cloudexit-stream-{}\x00"


def _items(adapter: TypeAdapter[Any], items: Sequence[Any], pad: str) -> Iterator[str]:
    """The items of a non-empty list as ``dumps`` writes them nested ``pad`` deep, comma-joined."""
    for start in range(0, len(items), BATCH):
        batch = adapter.dump_json(
            list(items[start : start + BATCH]), indent=2, exclude_none=True
        ).decode()
        # "[\n  {...},\n  {...}\n]": keep the items (two spaces in), shifted to ``pad``.
        shift = pad[2:]
        body = batch[2:-2].replace("\n", "\n" + shift)
        yield (",\n" if start else "") + shift + body


def stream_json(
    model: BaseModel,
    lists: Mapping[str, tuple[list[str], type[Any]]],
    late: Mapping[str, Callable[[], Any]] | None = None,
) -> Iterator[str]:
    """``dumps(model)`` in pieces. ``lists``: a name -> (path of attributes to a list, item type)
    for each long list to stream; every other value is serialised with the document's shell.
    ``late``: fields of ``model`` itself whose value is asked for only when the text before it
    is written (a process may write the long lists while the value is still being worked out
    elsewhere); the model's own value of such a field is not read."""
    shell = model
    holes: list[tuple[str, Sequence[Any], type[Any]]] = []
    for name, (path, item_type) in lists.items():
        items = _get(model, path)
        if not items:
            continue  # an empty list is written as [] by the shell itself
        token = _HOLE.format(name)
        shell = _replace(shell, path, [token])
        holes.append((token, items, item_type))
    values: dict[str, tuple[str, Callable[[], Any]]] = {}
    for name, value in (late or {}).items():
        token = _HOLE.format(name)
        shell = _replace(shell, [name], token)
        values[token] = (name, value)
    text = shell.model_dump_json(indent=2, exclude_none=True, warnings=False) + "\n"
    tokens = [h[0] for h in holes] + list(values)
    streamed = {h[0]: h for h in holes}
    for token in sorted(tokens, key=lambda t: text.index(_quoted(t))):
        at = text.index(_quoted(token))
        line_start = text.rindex("\n", 0, at) + 1
        if token in values:
            name, value = values[token]
            yield text[:at]
            yield _nested(model, name, value(), text[line_start:at])
        else:
            _, items, item_type = streamed[token]
            yield text[:line_start]
            adapter: TypeAdapter[Any] = TypeAdapter(list[item_type])  # type: ignore[valid-type]
            yield from _items(adapter, items, text[line_start:at])
        text = text[at + len(_quoted(token)) :]
    yield text


def _nested(model: BaseModel, name: str, value: Any, line: str) -> str:
    """``value`` of ``model``'s field ``name`` as ``dumps`` writes it after the key on ``line``."""
    annotation: Any = type(model).model_fields[name].annotation
    text = TypeAdapter(annotation).dump_json(value, indent=2, exclude_none=True).decode()
    indent = line[: len(line) - len(line.lstrip(" "))]
    return text.replace("\n", "\n" + indent)


def _quoted(token: str) -> str:
    return '"' + token.replace("\x00", "\\u0000") + '"'


def _get(model: BaseModel, path: list[str]) -> Sequence[Any]:
    value: Any = model
    for attribute in path:
        value = getattr(value, attribute)
    return value  # type: ignore[no-any-return]


def _replace(model: BaseModel, path: list[str], value: Any) -> BaseModel:
    """A shallow copy of ``model`` with the attribute at ``path`` set to ``value`` (not validated)."""
    head, *rest = path
    if not rest:
        return model.model_copy(update={head: value})
    return model.model_copy(update={head: _replace(getattr(model, head), rest, value)})
