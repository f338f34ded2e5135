"""What every Google API call of the connector shares: retries on throttling, errors as issue codes.

Imported only once the gcp extra is known to be installed.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import TypeVar

from google.api_core import exceptions as gexc

from cloudexit.model.inventory import IssueCode

SDK_ERRORS = (gexc.GoogleAPIError,)
_REQUEST_PREFIX = re.compile(r"^[A-Z]+ \S+: ")
_MAX_WAIT = 120.0
T = TypeVar("T")


def _retry_after(exc: gexc.GoogleAPICallError) -> float | None:
    """The wait the service asked for: Retry-After over REST, RetryInfo over gRPC."""
    for detail in exc.details or ():
        delay = getattr(detail, "retry_delay", None)
        if delay is not None and detail.HasField("retry_delay"):
            return min(float(delay.seconds + delay.nanos / 1e9), _MAX_WAIT)
    response = getattr(exc, "response", None)
    value = getattr(response, "headers", {}).get("Retry-After") if response is not None else None
    try:
        return min(float(value), _MAX_WAIT) if value is not None else None
    except ValueError:
        return None


def with_retries(
    call: Callable[[], T], retries: int, sleep: Callable[[float], None] = time.sleep
) -> T:
    """Retry throttling and unavailability, waiting as long as the service asks."""
    for attempt in range(retries + 1):
        try:
            return call()
        except (gexc.TooManyRequests, gexc.ResourceExhausted, gexc.ServiceUnavailable) as exc:
            if attempt == retries:
                raise
            delay = _retry_after(exc)
            sleep(delay if delay is not None else min(2.0**attempt, 30.0))
    raise AssertionError("unreachable")


def describe(exc: Exception) -> tuple[IssueCode, str]:
    if isinstance(exc, gexc.GoogleAPICallError):
        message = _REQUEST_PREFIX.sub("", str(exc.message or ""))
        over_grpc = callable(getattr(exc.response, "code", None))
        status = (
            getattr(exc.grpc_status_code, "name", exc.code) if over_grpc else f"HTTP {exc.code}"
        )
        text = f"{status} {message}".strip()
        if isinstance(
            exc, gexc.PermissionDenied | gexc.Forbidden | gexc.Unauthenticated | gexc.Unauthorized
        ):
            return "access_denied", text
        if isinstance(exc, gexc.NotFound):
            return "not_found", text
        if isinstance(exc, gexc.TooManyRequests | gexc.ResourceExhausted):
            return "throttled", f"{text} (gave up after retries)"
        return "service_error", text
    return "service_error", f"{type(exc).__name__}: {exc}".splitlines()[0]
