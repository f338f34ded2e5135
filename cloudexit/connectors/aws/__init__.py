"""AWS inventory: read-only, every region and account, every service an exit must move.

    from cloudexit.connectors import aws
    inventory = aws.scan(profile="prod", regions=["eu-west-1"])
    print(aws.policy_json())

boto3 is the ``aws`` extra; it is imported when a scan starts, not here.
"""

from __future__ import annotations

from cloudexit.connectors.aws.permissions import policy
from cloudexit.connectors.aws.permissions import policy_json as _policy_json
from cloudexit.connectors.aws.registry import ALL as RESOURCE_TYPES
from cloudexit.connectors.aws.scan import scan


def policy_json(*, org: bool = False, role_name: str | None = None) -> str:
    """The minimal IAM policy (JSON) for a scan of every declared type."""
    return _policy_json(RESOURCE_TYPES, org=org, role_name=role_name)


__all__ = ["RESOURCE_TYPES", "policy", "policy_json", "scan"]
