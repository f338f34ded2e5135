"""Cloud DNS v1 REST over loopback HTTP: ``resourceRecordSets.list`` as the API answers it
(``kind``, ``rrsets`` pages with ``nextPageToken``, Google error JSON for an unknown zone).
Record sets are ours, keyed by project id and zone as the request path names them."""

from __future__ import annotations

import json
import re
from typing import Any

from tests.connectors.fakehttp import FakeServer, Reply, Request
from tests.connectors.gcp.fake_cai import DATA, google_error

_LIST = re.compile(r"/dns/v1/projects/([^/]+)/managedZones/([^/]+)/rrsets")


class FakeDns:
    def __init__(self, page: int = 3) -> None:
        self.rrsets: dict[str, list[dict[str, Any]]] = json.loads(
            (DATA / "rrsets.json").read_text(encoding="utf-8")
        )
        self.page = page
        self.server = FakeServer(self.route)

    def route(self, request: Request, server: FakeServer) -> Reply:
        match = _LIST.fullmatch(request.path)
        if request.method != "GET" or match is None:
            return google_error(404, f"Method not found: {request.method} {request.path}")
        found = self.rrsets.get(f"{match.group(1)}/{match.group(2)}")
        if found is None:
            return google_error(
                404,
                f"The 'parameters.managedZone' resource named '{match.group(2)}' does not exist.",
            )
        size = min(self.page, int(request.param("maxResults") or self.page))
        start = int(request.param("pageToken") or 0)
        body: dict[str, Any] = {
            "kind": "dns#resourceRecordSetsListResponse",
            "rrsets": found[start : start + size],
        }
        if start + size < len(found):
            body["nextPageToken"] = str(start + size)
        return Reply(200, body)
