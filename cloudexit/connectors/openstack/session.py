"""Connections to an OpenStack cloud exactly as the `openstack` command makes them, made read-only.

Imported only once the openstack extra is known to be installed.
"""

from __future__ import annotations

import os
import re
from typing import Any
from urllib.parse import urlparse

import openstack
from keystoneauth1 import exceptions as ks_exceptions
from keystoneauth1.session import TCPKeepAliveAdapter
from openstack import exceptions as os_exceptions
from openstack.config import OpenStackConfig

from cloudexit.connectors.common import ReadOnlyViolation
from cloudexit.errors import InputError, RuntimeFailure
from cloudexit.model.inventory import IssueCode

# What the connector lists, matched at the end of the path (endpoints carry their own prefixes:
# /GRA11/compute/v2.1, https://compute.gra11.../v2.1/<project>).
READS = tuple(
    re.compile(f"{pattern}$")
    for pattern in (
        r"/servers/detail",
        r"/flavors/detail",
        r"/limits",
        r"/volumes/detail",
        r"/v1/AUTH_[^/]+",  # the containers of the project's object store account
        r"/v2\.0/(networks|subnets|security-groups|routers|ports|floatingips)",
        r"/v2/images",
        r"/v2\.0/lbaas/(loadbalancers|listeners|pools|pools/[^/]+/members)",
        r"/v2/zones(/[^/]+/recordsets)?",
        r"/v1/clusters",
    )
)
# Version discovery: the root of an endpoint, a version document or a service's own root.
DISCOVERY = re.compile(
    r"(^|/(identity|compute|image|dns|volume|volumev3|block-storage|network|load-balancer"
    r"|container-infra|object-store))(/v\d+(\.\d+)?)?$"
)
TOKENS = "/auth/tokens"


def is_allowed(method: str, url: str) -> bool:
    """The listed GETs and version discovery; POST only to Keystone's token endpoint, to sign in."""
    method = method.upper()
    path = urlparse(url).path.rstrip("/")
    if method == "POST":
        return path.endswith(TOKENS)
    if method != "GET":
        return False
    return bool(DISCOVERY.search(path)) or any(read.search(path) for read in READS)


class ReadOnlyAdapter(TCPKeepAliveAdapter):
    """The transport under the keystoneauth session: refuses a write before it is sent."""

    def send(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if not is_allowed(str(request.method), str(request.url)):
            raise ReadOnlyViolation(
                f"refused {request.method} {urlparse(str(request.url)).path}: "
                "the OpenStack connector makes only the reads it lists"
            )
        return super().send(request, *args, **kwargs)


def guard(conn: Any) -> Any:
    http = conn.session.session
    for prefix in ("http://", "https://"):
        http.mount(prefix, ReadOnlyAdapter())
    return conn


def cloud_name(cloud: str | None) -> str:
    return cloud or os.environ.get("OS_CLOUD") or "envvars"


def configured_regions(cloud: str) -> list[str]:
    """Regions clouds.yaml (or OS_REGION_NAME) lists for the cloud; empty if none is named."""
    try:
        regions = OpenStackConfig().get_all_clouds()
    except os_exceptions.ConfigException as exc:
        raise InputError(f"OpenStack configuration: {exc}") from None
    names = [r.name for r in regions]
    if cloud not in names:
        known = ", ".join(sorted(set(names))) or "none (no clouds.yaml and no OS_AUTH_URL)"
        raise InputError(
            f"--cloud: no OpenStack cloud named {cloud!r} in clouds.yaml or OS_* variables; known: {known}"
        )
    return sorted({r.region_name for r in regions if r.name == cloud and r.region_name})


def connect(cloud: str, region: str | None, retries: int, auth_url: str | None = None) -> Any:
    """openstack.connect(cloud=...) as the CLI calls it; ``auth_url`` replaces the Keystone endpoint."""
    options: dict[str, Any] = {"status_code_retries": retries}
    if auth_url:
        options["auth"] = {"auth_url": auth_url}
    try:
        conn = openstack.connect(cloud=cloud, region_name=region, **options)
    except os_exceptions.ConfigException as exc:
        raise InputError(f"OpenStack configuration of cloud {cloud!r}: {exc}") from None
    guard(conn)
    try:
        conn.authorize()
    except (ks_exceptions.ClientException, os_exceptions.SDKException) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise RuntimeFailure(f"OpenStack sign-in to cloud {cloud!r} failed: {first}") from None
    return conn


def catalogue_regions(conn: Any) -> list[str]:
    """Regions that have a compute endpoint in the token's service catalogue."""
    access = conn.session.auth.get_access(conn.session)
    endpoints = access.service_catalog.get_endpoints(service_type="compute", interface="public")
    return sorted(
        {e.get("region_id") or e.get("region") for e in endpoints.get("compute", [])} - {None}
    )


SDK_ERRORS = (os_exceptions.SDKException, ks_exceptions.ClientException)
MISSING_SERVICE = (
    os_exceptions.EndpointNotFound,
    os_exceptions.ServiceDiscoveryException,
    os_exceptions.ServiceDisabledException,
    ks_exceptions.EndpointNotFound,
    ks_exceptions.DiscoveryFailure,
)


def describe(exc: Exception) -> tuple[IssueCode, str]:
    status = getattr(exc, "status_code", None) or getattr(exc, "http_status", None)
    details = getattr(exc, "details", None) or getattr(exc, "message", None) or str(exc)
    text = f"HTTP {status}: {details}" if status else f"{type(exc).__name__}: {details}"
    text = text.strip().splitlines()[0]
    if status in (401, 403):
        return "access_denied", text
    if status == 404:
        return "not_found", text
    if status in (413, 429):
        return "throttled", f"{text} (gave up after retries)"
    return "service_error", text
