"""The read-only guard: every API call is checked before it is sent.

A call goes out only if its operation is a read (Describe*, List*, Get*) or on a short allow
list (the credential calls boto3 makes itself), and is not one of the reads that return
secret values or customer data.
"""

from __future__ import annotations

from typing import Any

from cloudexit.errors import RuntimeFailure

READ_PREFIXES = ("Describe", "List", "Get")

ALLOWED: frozenset[tuple[str, str]] = frozenset(
    {
        ("sts", "AssumeRole"),
        ("sts", "AssumeRoleWithWebIdentity"),
        ("sso-oidc", "CreateToken"),  # SSO token refresh inside boto3's credential chain
    }
)

DENIED: frozenset[tuple[str, str]] = frozenset(
    {
        ("secretsmanager", "GetSecretValue"),
        ("secretsmanager", "BatchGetSecretValue"),
        ("ssm", "GetParameter"),
        ("ssm", "GetParameters"),
        ("ssm", "GetParametersByPath"),
        ("ssm", "GetParameterHistory"),
        ("s3", "GetObject"),
        ("s3", "GetObjectTorrent"),
        ("dynamodb", "GetItem"),
        ("kms", "GetParametersForImport"),
        ("ec2", "GetPasswordData"),
        ("lambda", "GetFunction"),  # hands out a download link to the code
    }
)


class ReadOnlyViolation(RuntimeFailure):
    """A call that is not a read reached the guard: the scan stops rather than send it."""


def is_read(service: str, operation: str) -> bool:
    if (service, operation) in DENIED:
        return False
    return (service, operation) in ALLOWED or operation.startswith(READ_PREFIXES)


def refuse_writes(model: Any, **_: Any) -> None:
    """botocore ``before-call`` handler: raising here stops the request before it is signed."""
    service = model.service_model.service_name
    if not is_read(service, model.name):
        raise ReadOnlyViolation(
            f"refused {service}:{model.name}: the AWS inventory only reads (Describe, List, Get)"
        )


def install(events: Any) -> None:
    """Register the guard on a botocore session's (or client's) event system."""
    events.register("before-call", refuse_writes, unique_id="cloudexit-read-only")
