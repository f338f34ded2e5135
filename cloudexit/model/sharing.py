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
from decimal import Decimal
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


def shared_tags(tags: dict[str, str]) -> dict[str, str]:
    return {sys.intern(k): sys.intern(v) for k, v in tags.items()}


class SharedValues:
    """One object for each amount and text that repeats over many models (a plan's placements:
    some 230,000 amounts at 20,000 resources, a sixth of them distinct), shared in place."""

    def __init__(self) -> None:
        self._amounts: dict[str, Decimal] = {}
        self._texts: dict[str, str] = {}
        self._done: set[int] = set()

    def amount(self, value: Decimal) -> Decimal:
        # Keyed by the text, not the value: 0 and 0.00 are equal but print differently.
        return self._amounts.setdefault(str(value), value)

    def share(self, model: BaseModel) -> None:
        """Share the amounts and texts of ``model`` and of the models it holds, in place (the
        values stay equal, so nothing is validated again). A model met before is skipped."""
        if id(model) in self._done:
            return
        self._done.add(id(model))
        values = model.__dict__
        texts = self._texts
        for name, value in values.items():
            kind = type(value)
            if kind is str:
                values[name] = texts.setdefault(value, value)
            elif kind is Decimal:
                values[name] = self.amount(value)
            elif kind is dict:
                for key, item in value.items():
                    if type(item) is Decimal:
                        value[key] = self.amount(item)
            elif kind is list:
                for at, item in enumerate(value):
                    if type(item) is str:
                        value[at] = texts.setdefault(item, item)
                    elif isinstance(item, BaseModel):
                        self.share(item)
            elif isinstance(value, BaseModel):
                self.share(value)
