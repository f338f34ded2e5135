"""Azure connector: Resource Graph (Resource Manager as fallback) and Azure Monitor, read-only.

The scan resolves on first use: an importer that needs one helper module here does not load
every describer of the connector."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cloudexit.connectors.azure.scan import TYPES, AzureScan, collect


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(import_module("cloudexit.connectors.azure.scan"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["TYPES", "AzureScan", "collect"]
