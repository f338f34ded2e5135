"""The least-privilege IAM policy a scan needs, derived from the type declarations."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from cloudexit.connectors.aws.declare import ResourceType
from cloudexit.connectors.aws.readonly import Call, Guard
from cloudexit.errors import InputError

ROLE_NEEDED = (
    "--role-name: name the read-only role to assume in each member account (grant it the policy "
    "of cloudexit permissions aws); OrganizationAccountAccessRole is an administrator role and is "
    "never assumed by default"
)

IAM_PREFIX = {
    "elb": "elasticloadbalancing",
    "elbv2": "elasticloadbalancing",
    "efs": "elasticfilesystem",
    "opensearch": "es",
    "resourcegroupstaggingapi": "tag",
    "apigatewayv2": "apigateway",
}

# Operations whose IAM action is not named after them.
IAM_ACTIONS: dict[Call, str] = {
    ("s3", "ListBuckets"): "s3:ListAllMyBuckets",
    ("s3", "GetPublicAccessBlock"): "s3:GetBucketPublicAccessBlock",
    ("s3", "GetBucketEncryption"): "s3:GetEncryptionConfiguration",
    ("apigateway", "GetRestApis"): "apigateway:GET",
    ("apigatewayv2", "GetApis"): "apigateway:GET",
}

# Calls the scan makes around the declared types: identity, organisation, regions.
SCAN_CALLS: tuple[Call, ...] = (
    ("sts", "GetCallerIdentity"),
    ("ec2", "DescribeRegions"),
)
ORG_CALLS: tuple[Call, ...] = (("organizations", "ListAccounts"),)

# API Gateway grants by HTTP verb and path: `apigateway:GET` on "*" would also read API key
# values, so its reads are limited to the API lists the scan makes.
PATH_SCOPED: dict[str, tuple[str, ...]] = {
    "apigateway:GET": ("arn:aws:apigateway:*::/restapis", "arn:aws:apigateway:*::/apis"),
}


def declared_calls(types: Iterable[ResourceType], *, org: bool = False) -> frozenset[Call]:
    """Every operation a scan of these types makes: the IAM policy and the guard both use it."""
    calls = {call for rt in types for call in rt.all_reads()} | set(SCAN_CALLS)
    if org:
        calls |= set(ORG_CALLS)
    return frozenset(calls)


def guard(types: Iterable[ResourceType], *, org: bool = False) -> Guard:
    return Guard(declared_calls(types, org=org))


def iam_action(client: str, operation: str) -> str:
    return IAM_ACTIONS.get((client, operation)) or f"{IAM_PREFIX.get(client, client)}:{operation}"


def actions(types: Iterable[ResourceType]) -> list[str]:
    calls = declared_calls(types) - set(ORG_CALLS)
    # sts:GetCallerIdentity needs no permission
    return sorted({iam_action(c, o) for c, o in calls if (c, o) != ("sts", "GetCallerIdentity")})


def policy(
    types: Iterable[ResourceType], *, org: bool = False, role_name: str | None = None
) -> dict[str, Any]:
    """An IAM policy document. ``org`` adds what the management account needs to walk members."""
    if org and not role_name:
        raise InputError(ROLE_NEEDED)
    wanted = actions(types)
    statements: list[dict[str, Any]] = [
        {
            "Sid": "CloudexitInventoryRead",
            "Effect": "Allow",
            "Action": [a for a in wanted if a not in PATH_SCOPED],
            "Resource": "*",
        }
    ]
    scoped = [a for a in wanted if a in PATH_SCOPED]
    if scoped:
        statements.append(
            {
                "Sid": "CloudexitApiListsRead",
                "Effect": "Allow",
                "Action": scoped,
                "Resource": sorted({r for a in scoped for r in PATH_SCOPED[a]}),
            }
        )
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
                "Resource": f"arn:aws:iam::*:role/{role_name}",
            }
        )
    return {"Version": "2012-10-17", "Statement": statements}


def policy_json(
    types: Iterable[ResourceType], *, org: bool = False, role_name: str | None = None
) -> str:
    return json.dumps(policy(types, org=org, role_name=role_name), indent=2) + "\n"
