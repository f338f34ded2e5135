"""cloudexit: plan an exit from the US hyperscalers to European clouds.

import cloudexit
inventory = cloudexit.inventory("import", "terraform.tfstate")  # or ("aws", profile=...)
plan = cloudexit.plan(inventory, "policy.yaml")
cloudexit.emit(plan, "out")
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from cloudexit.errors import CloudexitError, InputError, RuntimeFailure
from cloudexit.packages import keep_functions_over_submodules

if TYPE_CHECKING:
    from cloudexit.api import emit, inventory, load_inventory, load_policy, plan
    from cloudexit.catalog import Catalog, load_catalog
    from cloudexit.model import Inventory, Kind, Plan, Policy, Resource

# The API pulls in the optimiser and the emitters; a command that only reads the catalogue
# should not pay for importing them, so names resolve on first use.
_LAZY = {
    **dict.fromkeys(
        ["emit", "inventory", "load_inventory", "load_policy", "plan"], "cloudexit.api"
    ),
    **dict.fromkeys(["Catalog", "load_catalog"], "cloudexit.catalog"),
    **dict.fromkeys(["Inventory", "Kind", "Plan", "Policy", "Resource"], "cloudexit.model"),
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        return _version()
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'cloudexit' has no attribute {name!r}")


keep_functions_over_submodules(__name__, "emit")


__version__: str  # resolved by __getattr__ on first use


def _version() -> str:
    """The installed distribution's version; read on first use (importlib.metadata is slow to load)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cloudexit")
    except PackageNotFoundError:
        return "0.0.0+unknown"


__all__ = [
    "Catalog",
    "CloudexitError",
    "InputError",
    "Inventory",
    "Kind",
    "Plan",
    "Policy",
    "Resource",
    "RuntimeFailure",
    "__version__",
    "emit",
    "inventory",
    "load_catalog",
    "load_inventory",
    "load_policy",
    "plan",
]
