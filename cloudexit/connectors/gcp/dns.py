"""Cloud DNS record sets over REST, through a session that only lets the one read through.

Cloud Asset Inventory lists managed zones but not their records; the Cloud DNS API's
``resourceRecordSets.list`` gives them. Imported only once the gcp extra is known to be installed.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from google.api_core import exceptions as gexc
from google.auth.transport.requests import AuthorizedSession

from cloudexit.connectors.common import ReadOnlyViolation
from cloudexit.connectors.gcp.calls import with_retries

ENDPOINT = "https://dns.googleapis.com"
# resourceRecordSets.list: the only call the connector makes; any other is refused unsent.
_READ = re.compile(r"/dns/v1/projects/[^/]+/managedZones/[^/]+/rrsets")


def is_read(method: str, url: str) -> bool:
    return method.upper() == "GET" and _READ.fullmatch(urlsplit(url).path) is not None


class ReadOnlySession(AuthorizedSession):
    """An authorised requests session that refuses, before sending, anything but the list."""

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        if not is_read(method, url):
            raise ReadOnlyViolation(
                f"refused Cloud DNS call {method.upper()} {urlsplit(url).path}: the GCP "
                "connector makes only resourceRecordSets.list (GET .../managedZones/ZONE/rrsets)"
            )
        return super().request(method, url, *args, **kwargs)  # type: ignore[no-untyped-call]


def make_session(credentials: Any) -> ReadOnlySession:
    return ReadOnlySession(credentials)  # type: ignore[no-untyped-call]


def record_sets(
    session: ReadOnlySession,
    project: str,
    zone: str,
    retries: int,
    endpoint: str | None = None,
    page_size: int = 1000,
) -> list[dict[str, Any]]:
    """Every record set of one managed zone, page by page; errors as google.api_core
    exceptions, throttling retried as the other GCP calls are."""
    url = (
        f"{(endpoint or ENDPOINT).rstrip('/')}/dns/v1/projects/{project}/managedZones/{zone}/rrsets"
    )
    found: list[dict[str, Any]] = []
    token = ""
    while True:
        params: dict[str, str | int] = {"maxResults": page_size}
        if token:
            params["pageToken"] = token

        def page(params: dict[str, str | int] = params) -> dict[str, Any]:
            response = session.get(url, params=params, timeout=60)
            if response.status_code >= 400:
                raise gexc.from_http_response(response)  # type: ignore[no-untyped-call]
            body = response.json()
            return body if isinstance(body, dict) else {}

        body = with_retries(page, retries)
        found.extend(r for r in body.get("rrsets") or [] if isinstance(r, dict))
        token = str(body.get("nextPageToken") or "")
        if not token:
            return found
