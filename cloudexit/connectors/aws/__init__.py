"""AWS inventory: read-only, every region and account, every service an exit must move.

    from cloudexit.connectors import aws
    inventory = aws.scan(profile="prod", regions=["eu-west-1"])
    print(aws.policy_json())

boto3 is the ``aws`` extra; it is imported when a scan starts, not here. The scan, the type
registry and the policy resolve on first use: pricing an imported AWS resource needs one
module of this package, not every describer of the connector.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from cloudexit.packages import keep_functions_over_submodules

if TYPE_CHECKING:
    from cloudexit.connectors.aws.permissions import policy
    from cloudexit.connectors.aws.registry import ALL as RESOURCE_TYPES
    from cloudexit.connectors.aws.scan import scan

_LAZY = {
    "policy": ("cloudexit.connectors.aws.permissions", "policy"),
    "RESOURCE_TYPES": ("cloudexit.connectors.aws.registry", "ALL"),
    "scan": ("cloudexit.connectors.aws.scan", "scan"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attribute = _LAZY[name]
        return getattr(import_module(module), attribute)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


keep_functions_over_submodules(__name__, "scan")


def policy_json(*, org: bool = False, role_name: str | None = None) -> str:
    """The minimal IAM policy (JSON) for a scan of every declared type."""
    from cloudexit.connectors.aws.permissions import policy_json as _policy_json
    from cloudexit.connectors.aws.registry import ALL

    return _policy_json(ALL, org=org, role_name=role_name)


__all__ = ["RESOURCE_TYPES", "policy", "policy_json", "scan"]
