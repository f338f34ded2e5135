"""The catalogue: providers, products, prices and service mappings.

Names resolve on first use: a look-up answered from the compiled cache imports a light module
of this package and should not pay for building the catalogue models."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cloudexit.catalog.loader import Catalog, load_catalog

_LAZY = dict.fromkeys(["Catalog", "load_catalog"], "cloudexit.catalog.loader")


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'cloudexit.catalog' has no attribute {name!r}")


__all__ = ["Catalog", "load_catalog"]
