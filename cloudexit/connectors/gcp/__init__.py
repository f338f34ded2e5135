"""GCP connector: Cloud Asset Inventory (search and list), read-only.

The scan resolves on first use: an importer that needs one helper module here does not load
every describer of the connector."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cloudexit.connectors.gcp.scan import TYPES, GcpScan, collect


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(import_module("cloudexit.connectors.gcp.scan"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["TYPES", "GcpScan", "collect"]
