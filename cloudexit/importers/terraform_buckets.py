"""S3 bucket settings written as resources of their own (AWS provider 4 and later):
``aws_s3_bucket_acl``, ``aws_s3_bucket_public_access_block``,
``aws_s3_bucket_server_side_encryption_configuration`` and ``aws_s3_bucket_versioning`` join
the bucket they name, as AWS provider 3 wrote them inline and as the scans read them."""

from __future__ import annotations

from typing import Any

from cloudexit.importers.terraform_sizing import block, blocks, text
from cloudexit.model.bucket_access import (
    ACL,
    BLOCKED,
    ENCRYPTION,
    blocked,
    canned_acl,
    default_encryption,
)

SETTINGS = frozenset(
    {
        "aws_s3_bucket_acl",
        "aws_s3_bucket_public_access_block",
        "aws_s3_bucket_server_side_encryption_configuration",
        "aws_s3_bucket_versioning",
    }
)


def setting(tf_type: str, values: dict[str, Any]) -> dict[str, Any]:
    """The bucket details one setting resource gives, in the keys the bucket's readers use."""
    if tf_type == "aws_s3_bucket_acl":
        canned = text(values.get("acl"))
        if canned:
            return {ACL: canned}
        grants = [
            {"Grantee": grantee, "Permission": grant.get("permission")}
            for policy in blocks(values, "access_control_policy")
            for grant in blocks(policy, "grant")
            for grantee in blocks(grant, "grantee")
        ]
        found = canned_acl(grants) if grants else None
        return {ACL: found} if found else {}
    if tf_type == "aws_s3_bucket_public_access_block":
        found_block = blocked(
            {
                k: values.get(k)
                for k in (
                    "block_public_acls",
                    "ignore_public_acls",
                    "block_public_policy",
                    "restrict_public_buckets",
                )
            }
        )
        return {BLOCKED: found_block} if found_block is not None else {}
    if tf_type == "aws_s3_bucket_server_side_encryption_configuration":
        algorithm = default_encryption({"rule": values.get("rule")})
        return {ENCRYPTION: algorithm} if algorithm else {}
    if tf_type == "aws_s3_bucket_versioning":
        status = text(block(values, "versioning_configuration").get("status"))
        return {"versioning": status} if status else {}
    return {}
