"""Turn a failed call into a CollectionIssue: the scan records it and goes on."""

from __future__ import annotations

from cloudexit.model.inventory import CollectionIssue, IssueCode

SOURCE = "aws"

ACCESS_DENIED = frozenset(
    {
        "AccessDenied",
        "AccessDeniedException",
        "UnauthorizedOperation",
        "UnauthorizedAccess",
        "AuthorizationError",
        "AuthorizationErrorException",
        "Forbidden",
        "403",
        "NotAuthorized",
        "UnauthorizedException",
    }
)
REGION_DISABLED = frozenset(
    {
        "AuthFailure",
        "InvalidClientTokenId",
        "UnrecognizedClientException",
        "OptInRequired",
        "SubscriptionRequiredException",
        "RegionDisabledException",
    }
)
THROTTLED = frozenset(
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottled",
        "RequestThrottledException",
        "RequestLimitExceeded",
        "TooManyRequestsException",
        "SlowDown",
        "BandwidthLimitExceeded",
        "EC2ThrottledException",
        "PriorRequestNotComplete",
        "ProvisionedThroughputExceededException",
    }
)


def code_of(error: BaseException) -> str:
    response = getattr(error, "response", None)
    if isinstance(response, dict):
        return str(response.get("Error", {}).get("Code") or "")
    return ""


def classify(error: BaseException) -> IssueCode:
    code = code_of(error)
    if code in ACCESS_DENIED:
        return "access_denied"
    if code in REGION_DISABLED:
        return "region_disabled"
    if code in THROTTLED:
        return "throttled"
    return "service_error"


def issue(
    error: BaseException, scope: str, what: str, resource_id: str | None = None
) -> CollectionIssue:
    code = classify(error)
    detail = str(error) or type(error).__name__
    if code == "throttled":
        detail = f"gave up after retries: {detail}"
    return CollectionIssue(
        code=code, message=f"{what}: {detail}", source=SOURCE, scope=scope, resource_id=resource_id
    )
