"""Endpoints, credentials and read-only SDK clients for Azure Resource Manager.

Imported only once the azure extra is known to be installed.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from azure.core.exceptions import (
    AzureError,
    ClientAuthenticationError,
    HttpResponseError,
    ServiceRequestError,
)
from azure.core.pipeline import PipelineRequest
from azure.core.pipeline.policies import SansIOHTTPPolicy

from cloudexit.connectors.common import ReadOnlyViolation
from cloudexit.errors import InputError, RuntimeFailure
from cloudexit.model.inventory import IssueCode

CLOUDS: dict[str, tuple[str, str, str]] = {
    # name: (Resource Manager endpoint, token scope, sign-in authority)
    "public": (
        "https://management.azure.com",
        "https://management.azure.com/.default",
        "login.microsoftonline.com",
    ),
    "usgov": (
        "https://management.usgovcloudapi.net",
        "https://management.core.usgovcloudapi.net/.default",
        "login.microsoftonline.us",
    ),
    "china": (
        "https://management.chinacloudapi.cn",
        "https://management.chinacloudapi.cn/.default",
        "login.chinacloudapi.cn",
    ),
}


@dataclass(frozen=True)
class Endpoint:
    url: str
    scope: str
    authority: str | None

    @property
    def plain_http(self) -> bool:
        return urlparse(self.url).scheme == "http"


def resolve_endpoint(
    cloud: str = "public",
    endpoint_url: str | None = None,
    credential_scope: str | None = None,
    authority: str | None = None,
) -> Endpoint:
    """Resource Manager endpoint and token scope for a named cloud, or an explicit endpoint."""
    if cloud not in CLOUDS:
        raise InputError(
            f"--cloud: unknown Azure cloud {cloud!r}; known: {', '.join(sorted(CLOUDS))}"
        )
    url, scope, login = CLOUDS[cloud]
    sign_in: str | None = login if cloud != "public" else None
    if endpoint_url:
        parsed = urlparse(endpoint_url)
        if parsed.scheme not in {"http", "https"} or not parsed.netloc:
            raise InputError(f"--endpoint-url: {endpoint_url!r} is not an http(s) URL")
        if parsed.scheme == "http" and not _loopback(parsed.hostname or ""):
            raise InputError(
                f"--endpoint-url: {endpoint_url!r}: tokens are sent over plain http only to loopback"
            )
        url = endpoint_url.rstrip("/")
        known = {u: s for u, s, _ in CLOUDS.values()}
        scope = known.get(url, f"{url}/.default")
    return Endpoint(url=url, scope=credential_scope or scope, authority=authority or sign_in)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# The Resource Manager paths the connector reads, lower case, no trailing slash.
LISTS = (
    re.compile(r"/subscriptions"),
    re.compile(r"/subscriptions/[^/]+/resources"),
    re.compile(r"/providers/microsoft\.management/managementgroups/[^/]+/descendants"),
)
GRAPH_QUERY = "/providers/microsoft.resourcegraph/resources"
DNS_ZONE = "microsoft.network/dnszones"
RECORD_SETS = re.compile(
    r"/subscriptions/[^/]+/resourcegroups/[^/]+/providers/microsoft\.network/dnszones/[^/]+/recordsets"
)
PRIVATE_DNS_ZONE = "microsoft.network/privatednszones"
PRIVATE_RECORD_SETS = re.compile(
    r"/subscriptions/[^/]+/resourcegroups/[^/]+/providers/microsoft\.network/privatednszones/[^/]+/all"
)
METRICS = "/providers/microsoft.insights/metrics"
RESOURCE = re.compile(
    r"/subscriptions/[^/]+/resourcegroups/[^/]+/providers/(?P<namespace>[^/]+)/(?P<rest>.+)"
)


def resource_type(path: str) -> str | None:
    """``.../providers/Microsoft.Sql/servers/a/databases/b`` -> ``microsoft.sql/servers/databases``."""
    match = RESOURCE.fullmatch(path)
    if not match:
        return None
    parts = match["rest"].split("/")
    if len(parts) % 2:
        return None
    return "/".join([match["namespace"], *parts[0::2]])


def is_allowed(method: str, url: str, types: frozenset[str] = frozenset()) -> bool:
    """The listed reads only: the lists, the Resource Graph query (POST), GET of a resource
    (or its metrics) of a declared type, and a declared public or private DNS zone's record sets. Actions such as listKeys and any write are refused."""
    method = method.upper()
    path = urlparse(url).path.rstrip("/").lower()
    if method == "POST":
        return path == GRAPH_QUERY
    if method != "GET":
        return False
    if any(pattern.fullmatch(path) for pattern in LISTS):
        return True
    if RECORD_SETS.fullmatch(path):
        return DNS_ZONE in types
    if PRIVATE_RECORD_SETS.fullmatch(path):
        return PRIVATE_DNS_ZONE in types
    if path.endswith(METRICS):
        # metrics of a declared resource or of a child of one (a storage account's blob service)
        found = resource_type(path[: -len(METRICS)]) or ""
        parts = found.split("/")
        return any("/".join(parts[:n]) in types for n in range(2, len(parts) + 1))
    return resource_type(path) in types


class ReadOnlyPolicy(SansIOHTTPPolicy):  # type: ignore[type-arg]
    """Refuses, before it is sent, a request that is not one of the connector's reads.

    Installed per call and per retry: the per-retry copy also sees requests that inner
    policies make on their own, such as resource provider registration.
    """

    def __init__(self, types: frozenset[str]) -> None:
        super().__init__()
        self.types = types

    def on_request(self, request: PipelineRequest) -> None:  # type: ignore[type-arg]
        http = request.http_request
        if not is_allowed(http.method, http.url, self.types):
            raise ReadOnlyViolation(
                f"refused {http.method} {urlparse(http.url).path}: "
                "the Azure connector makes only the reads it declares"
            )


class LoopbackHttpPolicy(SansIOHTTPPolicy):  # type: ignore[type-arg]
    """Lets the bearer token go over plain http; installed only for a loopback endpoint."""

    def on_request(self, request: PipelineRequest) -> None:  # type: ignore[type-arg]
        request.context["enforce_https"] = False


def client_kwargs(
    endpoint: Endpoint, retries: int, types: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """``types``: the ARM types (lower case) whose resources may be read by id."""
    per_call: list[SansIOHTTPPolicy] = [ReadOnlyPolicy(types)]  # type: ignore[type-arg]
    if endpoint.plain_http:
        per_call.append(LoopbackHttpPolicy())
    return {
        "base_url": endpoint.url,
        "credential_scopes": [endpoint.scope],
        "per_call_policies": per_call,
        "per_retry_policies": [ReadOnlyPolicy(types)],
        "retry_total": retries,
    }


def default_credential(endpoint: Endpoint) -> Any:
    """Azure CLI login, managed identity, environment service principal... in the SDK's order."""
    from azure.identity import DefaultAzureCredential

    if endpoint.authority:
        return DefaultAzureCredential(authority=endpoint.authority)
    return DefaultAzureCredential()


def describe(exc: Exception) -> tuple[IssueCode, str]:
    """An SDK error as an issue code and one line naming the ARM error code."""
    if isinstance(exc, HttpResponseError):
        status = exc.status_code
        error = getattr(exc, "error", None)
        code = getattr(error, "code", None) or (exc.reason or "")
        message = (getattr(error, "message", None) or exc.message or "").strip().splitlines()
        text = f"HTTP {status} {code}: {message[0] if message else ''}".rstrip(": ")
        if status in (401, 403):
            return "access_denied", text
        if status == 404:
            return "not_found", text
        if status == 429:
            return "throttled", f"{text} (gave up after retries)"
        return "service_error", text
    if isinstance(exc, ServiceRequestError):
        return "service_error", f"cannot reach Azure: {exc}".splitlines()[0]
    return "service_error", f"{type(exc).__name__}: {exc}".splitlines()[0]


SDK_ERRORS = (AzureError,)


def sign_in(credential: Any, endpoint: Endpoint) -> None:
    """Fetch one token first, so a missing login fails the scan at once with a clear line."""
    try:
        credential.get_token(endpoint.scope)
    except ClientAuthenticationError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise RuntimeFailure(
            f"Azure sign-in failed ({first}): run `az login`, or set a service principal (AZURE_CLIENT_ID, "
            "AZURE_TENANT_ID, AZURE_CLIENT_SECRET), or use a managed identity"
        ) from None
