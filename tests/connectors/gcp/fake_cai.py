"""Cloud Asset Inventory v1 REST over loopback HTTP.

Serves the shared corpus export (one asset per line, as `gcloud asset export` writes it) and our
own fixture in the same format, as `assets` (list) and `results` (search) pages with
``nextPageToken``, Google error JSON, and 429 with Retry-After when told to.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tests.connectors.fakehttp import FakeServer, Reply, Request
from tests.connectors.gcp.fake_monitoring import FakeMonitoring

DATA = Path(__file__).resolve().parents[2] / "data" / "gcp"
_LOCATION_KEYS = ("zone", "region", "location", "locationId", "gceZone")
_STATUS = {
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    400: "INVALID_ARGUMENT",
}


def google_error(status: int, message: str, headers: dict[str, str] | None = None) -> Reply:
    return Reply(
        status,
        {"error": {"code": status, "message": message, "status": _STATUS.get(status, "UNKNOWN")}},
        headers or {},
    )


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


class FakeCai:
    def __init__(self, shared_dir: Path | None, list_page: int = 25, search_page: int = 20) -> None:
        """``shared_dir`` None: our own recorded assets only, without the corpus export."""
        lines = (DATA / "assets.jsonl").read_text().splitlines()
        if shared_dir is not None:
            corpus = shared_dir / "corpus" / "gcp-cai-export-forseti.jsonl"
            lines = corpus.read_text().splitlines() + lines
        self.exported = [json.loads(line) for line in lines if line.strip()]
        self.by_name = {a["name"]: a for a in self.exported}
        self.projects = {
            a["resource"]["data"]["projectNumber"]: a["resource"]["data"]["projectId"]
            for a in self.exported
            if a["asset_type"] == "cloudresourcemanager.googleapis.com/Project"
        }
        self.list_page, self.search_page = list_page, search_page
        self._answers: dict[tuple[str, str, tuple[str, ...]], list[dict[str, Any]]] = {}
        self.server = FakeServer(self.route)
        self.monitoring = FakeMonitoring()
        from tests.connectors.gcp.fake_dns import FakeDns

        self.dns = FakeDns()

    def route(self, request: Request, server: FakeServer) -> Reply:
        match = re.fullmatch(
            r"/v1/((?:projects|folders|organizations)/[^/:]+):searchAllResources", request.path
        )
        if request.method == "GET" and match:
            return self._search(match.group(1), request)
        match = re.fullmatch(
            r"/v1/((?:projects|folders|organizations)/[^/:]+)/assets", request.path
        )
        if request.method == "GET" and match:
            return self._list(match.group(1), request)
        return google_error(404, f"Method not found: {request.method} {request.path}")

    # -- the model of an asset -------------------------------------------------------------

    def _ancestors(self, asset: dict[str, Any]) -> list[str]:
        chain: list[str] = []
        own = asset["name"].split("googleapis.com/", 1)[-1]
        if asset["asset_type"].startswith("cloudresourcemanager.") and own.count("/") == 1:
            chain.append(own)  # a project, folder or organization is its own first ancestor
        parent = asset["resource"].get("parent")
        while parent:
            relative = parent.split("googleapis.com/", 1)[-1]
            if (
                relative.startswith(("projects/", "folders/", "organizations/"))
                and relative.count("/") == 1
            ):
                chain.append(relative)
            owner = self.by_name.get(parent)
            parent = owner["resource"].get("parent") if owner else None
        if not chain or not chain[-1].startswith("organizations/"):
            chain.append("organizations/111222333")
        return chain

    def _project_number(self, asset: dict[str, Any]) -> str | None:
        for ancestor in self._ancestors(asset):
            if ancestor.startswith("projects/"):
                return ancestor.split("/", 1)[1]
        return None

    @staticmethod
    def _location(asset: dict[str, Any]) -> str:
        data = asset["resource"].get("data") or {}
        for key in _LOCATION_KEYS:
            value = data.get(key)
            if isinstance(value, str) and value:
                return value.rstrip("/").rsplit("/", 1)[-1].lower()
        labels = (data.get("metadata") or {}).get("labels") or {}
        if "cloud.googleapis.com/location" in labels:
            return labels["cloud.googleapis.com/location"]
        named = re.search(r"/(?:locations|regions|zones)/([^/]+)/", asset["name"])
        return named.group(1) if named else "global"

    def _in_scope(self, asset: dict[str, Any], scope: str) -> bool:
        ancestors = self._ancestors(asset)
        if scope.startswith("projects/"):
            wanted = scope.split("/", 1)[1]
            number = next((num for num, pid in self.projects.items() if pid == wanted), wanted)
            return f"projects/{number}" in ancestors
        return scope in ancestors

    def _rest_asset(self, asset: dict[str, Any]) -> dict[str, Any]:
        resource = {_camel(k): v for k, v in asset["resource"].items()}
        resource["location"] = self._location(asset)
        return {
            "name": asset["name"],
            "assetType": asset["asset_type"],
            "resource": resource,
            "ancestors": self._ancestors(asset),
            "updateTime": "2026-11-01T00:00:00Z",
        }

    def _search_result(self, asset: dict[str, Any]) -> dict[str, Any]:
        data = asset["resource"].get("data") or {}
        result: dict[str, Any] = {
            "name": asset["name"],
            "assetType": asset["asset_type"],
            "displayName": str(data.get("displayName") or data.get("name") or asset["name"]).rsplit(
                "/", 1
            )[-1],
            "location": self._location(asset),
            "parentFullResourceName": asset["resource"].get("parent", ""),
        }
        if self._project_number(asset):
            result["project"] = f"projects/{self._project_number(asset)}"
        labels = (
            data.get("labels")
            or data.get("resourceLabels")
            or (data.get("settings") or {}).get("userLabels")
        )
        if isinstance(labels, dict) and labels:
            result["labels"] = labels
        for key in ("status", "state", "lifecycleState"):
            if isinstance(data.get(key), str):
                result["state"] = data[key]
                break
        return result

    # -- pages ----------------------------------------------------------------------------

    def _page(self, items: list[Any], request: Request, key: str, size: int) -> Reply:
        wanted = int(request.param("pageSize") or size)
        size = min(size, wanted)
        start = int(request.param("pageToken") or 0)
        body: dict[str, Any] = {key: items[start : start + size]}
        if start + size < len(items):
            body["nextPageToken"] = str(start + size)
        return Reply(200, body)

    def _search(self, scope: str, request: Request) -> Reply:
        key = ("search", scope, ())
        if key not in self._answers:
            results = [self._search_result(a) for a in self.exported if self._in_scope(a, scope)]
            self._answers[key] = sorted(results, key=lambda r: r["name"])
        return self._page(self._answers[key], request, "results", self.search_page)

    def _list(self, scope: str, request: Request) -> Reply:
        if request.param("contentType") not in {"RESOURCE", "1"}:
            return google_error(
                400, f"contentType must be RESOURCE, got {request.param('contentType')}"
            )
        types = tuple(sorted(request.query.get("assetTypes", [])))
        key = ("list", scope, types)
        if key not in self._answers:
            assets = [
                self._rest_asset(a)
                for a in self.exported
                if self._in_scope(a, scope) and (not types or a["asset_type"] in types)
            ]
            self._answers[key] = sorted(assets, key=lambda r: r["name"])
        reply = self._page(self._answers[key], request, "assets", self.list_page)
        reply.body["readTime"] = "2026-11-01T00:00:00Z"
        return reply
