"""A Kubernetes pool whose target writes no disk for its nodes keeps their data on the flavour's
local disk: the flavours whose local disk holds the source node's disk."""

from __future__ import annotations

from functools import lru_cache

from cloudexit.catalog.schema import Product
from cloudexit.catalog.sizing import _Same


def holding(products: tuple[Product, ...], gib: float) -> tuple[Product, ...]:
    """The products among ``products`` with a local disk of at least ``gib``: the same tuple
    for the same list and size, so the rankings made from it are kept too."""
    return _holding(_Same(products), gib)


@lru_cache(maxsize=4096)
def _holding(products: _Same, gib: float) -> tuple[Product, ...]:
    offered: tuple[Product, ...] = products.obj  # type: ignore[assignment]
    return tuple(p for p in offered if (p.specs.local_storage_gib or 0) >= gib)
