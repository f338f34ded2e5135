"""One copy of what repeats across the resources of a large inventory.

A million resources are a million copies of the same few region, account, type and tag
strings, and pydantic gives every model its own set of the names of the fields it was given,
though a few shapes of resource give only a handful of distinct sets. Reading such an estate
ran out of 8 GB before planning started. Here a validated model shares those with its likes:
the strings through ``sys.intern``, the sets through one copy per distinct set of names. A
model that is later given a field it was not given at first takes its own copy of the set
before pydantic records the name (``SharedFieldsSet.__setattr__``), so no model ever sees
another's change.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

from pydantic import BaseModel


@lru_cache(maxsize=1024)
def _one_set(names: frozenset[str]) -> set[str]:
    return set(names)


class SharedFieldsSet(BaseModel):
    """A model whose set of given fields may be shared with models given the same fields."""

    def __setattr__(self, name: str, value: Any) -> None:
        given = self.__pydantic_fields_set__
        if name not in given and name in type(self).model_fields:
            object.__setattr__(self, "__pydantic_fields_set__", set(given))
        super().__setattr__(name, value)


def share_fields_set(model: SharedFieldsSet) -> None:
    object.__setattr__(
        model, "__pydantic_fields_set__", _one_set(frozenset(model.__pydantic_fields_set__))
    )


def share_strings(model: BaseModel, names: tuple[str, ...]) -> None:
    """Intern the string values of the fields ``names`` in place (the same text, one object)."""
    values = model.__dict__
    for name in names:
        value = values[name]
        if type(value) is str:
            values[name] = sys.intern(value)


class _Keys:
    """Instances lend their attribute dictionary: the interpreter keeps one table of names per
    class for them (PEP 412), so each dictionary holds its values only."""


_HOLDERS: dict[tuple[str, ...], type[_Keys]] = {}
_HOLDERS_KEPT = 256


def shared_keys(values: dict[str, Any]) -> dict[str, Any]:
    """An equal dictionary, in the same order, whose table of names is shared with every other
    one made here with the same names in the same order: a model's dictionary of 16 to 24 fields
    is a third of the size. Only the memory differs; beyond a few hundred distinct sets of names,
    or where the interpreter does not share (another implementation, another version), the copy
    is a plain dictionary."""
    names = tuple(values)
    holder = _HOLDERS.get(names)
    if holder is None:
        if len(_HOLDERS) >= _HOLDERS_KEPT:
            return dict(values)
        holder = _HOLDERS[names] = type("_Keys", (_Keys,), {})
    held: dict[str, Any] = holder().__dict__
    for name, value in values.items():
        held[name] = value
    return held


def share_keys(model: BaseModel) -> None:
    """The model's own dictionary of fields with its table of names shared (``shared_keys``)."""
    object.__setattr__(model, "__dict__", shared_keys(model.__dict__))


def shared_tags(tags: dict[str, str]) -> dict[str, str]:
    return {sys.intern(k): sys.intern(v) for k, v in tags.items()}
