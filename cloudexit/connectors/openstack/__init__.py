"""OpenStack connector: the project's resources in each region, and its capacity, read-only.

The scan resolves on first use: an importer that needs one helper module here does not load
every describer of the connector."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cloudexit.connectors.openstack.scan import (
        TYPES,
        OpenStackResult,
        OpenStackScan,
        collect,
        scan_cloud,
    )


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(import_module("cloudexit.connectors.openstack.scan"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["TYPES", "OpenStackResult", "OpenStackScan", "collect", "scan_cloud"]
