"""Finding a product by the name a user or a source cloud gives it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, TypeVar


class Named(Protocol):
    @property
    def id(self) -> str: ...


N = TypeVar("N", bound=Named)


def bare(name: str) -> str:
    """Native names sometimes arrive as URLs (GCP machineTypes/...): keep the size name."""
    return name.rsplit("/machineTypes/", 1)[-1].strip().lower()


def find_product(index: Mapping[str, list[N]], name: str) -> N | None:
    """The product an index (``lookup.index_products``) gives a name: an exact id first, then
    the last segment of a path-like id."""
    key = name.strip().lower()
    exact = [p for p in index.get(key, []) if p.id.lower() == key]
    if exact:
        return exact[0]
    matches = index.get(bare(name), [])
    return matches[0] if matches else None
