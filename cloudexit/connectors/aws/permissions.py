"""The least-privilege IAM policy a scan needs, derived from the type declarations."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from cloudexit.connectors.aws.declare import ResourceType

IAM_PREFIX = {
    "elb": "elasticloadbalancing",
    "elbv2": "elasticloadbalancing",
    "efs": "elasticfilesystem",
    "opensearch": "es",
    "resourcegroupstaggingapi": "tag",
    "apigatewayv2": "apigateway",
}

# Operations whose IAM action is not named after them.
IAM_ACTIONS: dict[tuple[str, str], str] = {
    ("s3", "ListBuckets"): "s3:ListAllMyBuckets",
    ("apigateway", "GetRestApis"): "apigateway:GET",
    ("apigatewayv2", "GetApis"): "apigateway:GET",
}

# Calls the scan makes around the declared types: identity, organisation, regions.
SCAN_CALLS: tuple[tuple[str, str], ...] = (
    ("sts", "GetCallerIdentity"),
    ("ec2", "DescribeRegions"),
)
ORG_CALLS: tuple[tuple[str, str], ...] = (("organizations", "ListAccounts"),)


def iam_action(client: str, operation: str) -> str:
    return IAM_ACTIONS.get((client, operation)) or f"{IAM_PREFIX.get(client, client)}:{operation}"


def actions(types: Iterable[ResourceType]) -> list[str]:
    calls = {call for rt in types for call in rt.all_reads()} | set(SCAN_CALLS)
    return sorted({iam_action(c, o) for c, o in calls if (c, o) != ("sts", "GetCallerIdentity")})


def policy(
    types: Iterable[ResourceType], *, org: bool = False, role_name: str | None = None
) -> dict[str, Any]:
    """An IAM policy document. ``org`` adds what the management account needs to walk members."""
    statements: list[dict[str, Any]] = [
        {
            "Sid": "CloudexitInventoryRead",
            "Effect": "Allow",
            "Action": actions(types),
            "Resource": "*",
        }
    ]
    if org:
        statements.append(
            {
                "Sid": "CloudexitListAccounts",
                "Effect": "Allow",
                "Action": sorted(iam_action(c, o) for c, o in ORG_CALLS),
                "Resource": "*",
            }
        )
        statements.append(
            {
                "Sid": "CloudexitAssumeMemberRole",
                "Effect": "Allow",
                "Action": ["sts:AssumeRole"],
                "Resource": f"arn:aws:iam::*:role/{role_name or '*'}",
            }
        )
    return {"Version": "2012-10-17", "Statement": statements}


def policy_json(
    types: Iterable[ResourceType], *, org: bool = False, role_name: str | None = None
) -> str:
    return json.dumps(policy(types, org=org, role_name=role_name), indent=2) + "\n"
