"""cloudexit: plan an exit from the US hyperscalers to European clouds.

import cloudexit
inventory = cloudexit.inventory("import", "terraform.tfstate")  # or ("aws", profile=...)
plan = cloudexit.plan(inventory, "policy.yaml")
cloudexit.emit(plan, "out")
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from cloudexit.api import emit, inventory, load_inventory, load_policy, plan
from cloudexit.catalog import Catalog, load_catalog
from cloudexit.errors import CloudexitError, InputError, RuntimeFailure
from cloudexit.model import Inventory, Kind, Plan, Policy, Resource

try:
    __version__ = version("cloudexit")
except PackageNotFoundError:
    __version__ = "0.0.0+unknown"

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
