"""Azure Resource Manager, Resource Graph and Azure Monitor over loopback HTTP.

Speaks the REST formats of the recorded responses in the shared corpus: the ARM resource list
(``value`` + ``nextLink``), Resource Graph query results (objectArray or table, ``$skipToken``),
ARM error JSON and Azure Monitor metric responses.
"""

from __future__ import annotations

import base64
import json
import re
import time
from pathlib import Path
from typing import Any

from tests.connectors.fakehttp import FakeServer, Reply, Request

DATA = Path(__file__).resolve().parents[2] / "data" / "azure"
CORPUS_SUBSCRIPTION = "ea42f556-5106-4743-99b0-c129bfa71a47"
DISABLED_SUBSCRIPTION = "9d2b0c4e-1f3a-4b5c-8d6e-7f8091a2b3c4"
GIB = 1024**3


class StaticToken:
    """A credential that hands out a fixed bearer token (the fake server accepts any)."""

    def get_token(self, *scopes: str, **kwargs: Any) -> Any:
        from azure.core.credentials import AccessToken

        return AccessToken("test-token", int(time.time()) + 3600)


def arm_error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Reply:
    return Reply(status, {"error": {"code": code, "message": message}}, headers or {})


def _token(offset: int) -> str:
    return base64.urlsafe_b64encode(str(offset).encode()).decode()


def _offset(token: str | None) -> int:
    return int(base64.urlsafe_b64decode(token.encode()).decode()) if token else 0


class FakeArm:
    def __init__(self, shared_dir: Path, page_size: int = 10) -> None:
        fixture = json.loads((DATA / "resources.json").read_text())
        self.record_sets = {
            k: v
            for k, v in json.loads((DATA / "recordsets.json").read_text()).items()
            if not k.startswith("_")
        }
        self.subscription: str = fixture["subscription"]
        table = json.loads(
            (shared_dir / "corpus" / "azure-resourcegraph-table-response-c7n.json").read_text()
        )
        self.columns = [c["name"] for c in table["data"]["columns"]]
        corpus_rows = [dict(zip(self.columns, row, strict=True)) for row in table["data"]["rows"]]
        self.graph_rows: list[dict[str, Any]] = fixture["rows"] + corpus_rows
        self.arm_lists: dict[str, list[dict[str, Any]]] = {
            self.subscription: [
                {
                    k: v
                    for k, v in row.items()
                    if k not in {"properties", "subscriptionId", "resourceGroup"}
                }
                for row in fixture["rows"]
            ],
            CORPUS_SUBSCRIPTION: json.loads(
                (shared_dir / "corpus" / "azure-arm-resources-list-c7n.json").read_text()
            )["value"],
        }
        self.by_id = {row["id"].lower(): row for row in self.graph_rows}
        self.page_size = page_size
        self.table_format = False
        self.metrics: dict[str, dict[str, list[dict[str, Any]]]] = {}
        self.server = FakeServer(self.route)

    # -- routes --------------------------------------------------------------------------------

    def route(self, request: Request, server: FakeServer) -> Reply:
        path = request.path.rstrip("/")
        if request.method == "GET" and path == "/subscriptions":
            return self._subscriptions(request)
        if (
            request.method == "POST"
            and path.lower() == "/providers/microsoft.resourcegraph/resources"
        ):
            return self._graph(request)
        match = re.fullmatch(r"/subscriptions/([^/]+)/resources", path, re.IGNORECASE)
        if request.method == "GET" and match:
            return self._arm_list(match.group(1), request)
        match = re.fullmatch(
            r"/providers/Microsoft.Management/managementGroups/([^/]+)/descendants",
            path,
            re.IGNORECASE,
        )
        if request.method == "GET" and match:
            return self._descendants(match.group(1))
        for listing in ("/recordsets", "/all"):  # public zones, private zones
            if request.method == "GET" and path.lower().endswith(listing):
                zone = path.lower()[: -len(listing)]
                if zone in self.record_sets:
                    return Reply(200, self.record_sets[zone])
        if request.method == "GET" and path.lower().endswith(
            "/providers/microsoft.insights/metrics"
        ):
            return self._metrics(path[: -len("/providers/microsoft.insights/metrics")], request)
        if request.method == "GET" and path.lower() in self.by_id:
            row = self.by_id[path.lower()]
            return Reply(
                200, {k: v for k, v in row.items() if k not in {"subscriptionId", "resourceGroup"}}
            )
        if request.method == "GET" and path.lower().startswith("/subscriptions/"):
            for listed in self.arm_lists.get(path.split("/")[2].lower(), []):
                if listed["id"].lower() == path.lower():
                    return Reply(200, {**listed, "properties": {}})
        return arm_error(404, "ResourceNotFound", f"The resource '{path}' was not found.")

    def _subscriptions(self, request: Request) -> Reply:
        subs = [
            {
                "id": f"/subscriptions/{self.subscription}",
                "subscriptionId": self.subscription,
                "displayName": "shop-prod",
                "state": "Enabled",
                "tenantId": "2f4a9838-26b7-47ee-be60-ccc1fdec5953",
            },
            {
                "id": f"/subscriptions/{CORPUS_SUBSCRIPTION}",
                "subscriptionId": CORPUS_SUBSCRIPTION,
                "displayName": "c7n test",
                "state": "Enabled",
                "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47",
            },
            {
                "id": f"/subscriptions/{DISABLED_SUBSCRIPTION}",
                "subscriptionId": DISABLED_SUBSCRIPTION,
                "displayName": "old-lab",
                "state": "Disabled",
                "tenantId": "2f4a9838-26b7-47ee-be60-ccc1fdec5953",
            },
        ]
        return self._page(subs, request, "/subscriptions", size=1)

    def _page(
        self, items: list[Any], request: Request, path: str, size: int | None = None
    ) -> Reply:
        size = size or self.page_size
        start = _offset(request.param("$skiptoken"))
        body: dict[str, Any] = {"value": items[start : start + size]}
        if start + size < len(items):
            version = request.param("api-version")
            body["nextLink"] = (
                f"{self.server.url}{path}?api-version={version}&%24skiptoken={_token(start + size)}"
            )
        return Reply(200, body)

    def _arm_list(self, subscription: str, request: Request) -> Reply:
        if subscription.lower() not in self.arm_lists:
            return arm_error(
                404,
                "SubscriptionNotFound",
                f"The subscription '{subscription}' could not be found.",
            )
        return self._page(
            self.arm_lists[subscription.lower()],
            request,
            f"/subscriptions/{subscription}/resources",
        )

    def _graph(self, request: Request) -> Reply:
        body = request.json()
        subs = {s.lower() for s in body.get("subscriptions") or []}
        groups = body.get("managementGroups") or []
        if groups:
            subs = {self.subscription} if "shop-mg" in groups else set()
        options = body.get("options") or {}
        rows = [r for r in self.graph_rows if r["subscriptionId"].lower() in subs]
        start = _offset(options.get("$skipToken"))
        size = min(int(options.get("$top") or 1000), self.page_size)
        page = rows[start : start + size]
        data: Any = page
        if self.table_format or options.get("resultFormat") == "table":
            data = {
                "columns": [{"name": c, "type": "string"} for c in self.columns],
                "rows": [[row.get(c) for c in self.columns] for row in page],
            }
        reply: dict[str, Any] = {
            "totalRecords": len(rows),
            "count": len(page),
            "data": data,
            "facets": [],
            "resultTruncated": "false",
        }
        if start + size < len(rows):
            reply["$skipToken"] = _token(start + size)
        return Reply(200, reply)

    def _descendants(self, group: str) -> Reply:
        if group != "shop-mg":
            return arm_error(403, "AuthorizationFailed", f"no access to management group {group}")
        return Reply(
            200,
            {
                "value": [
                    {
                        "id": f"/providers/Microsoft.Management/managementGroups/{group}/subscriptions/{self.subscription}",
                        "type": "Microsoft.Management/managementGroups/subscriptions",
                        "name": self.subscription,
                        "properties": {"displayName": "shop-prod"},
                    },
                    {
                        "id": "/providers/Microsoft.Management/managementGroups/shop-dev",
                        "name": "shop-dev",
                        "type": "Microsoft.Management/managementGroups",
                        "properties": {"displayName": "dev"},
                    },
                ]
            },
        )

    def _metrics(self, resource: str, request: Request) -> Reply:
        names = (request.param("metricnames") or "").split(",")
        series = self.metrics.get(resource.lower(), {})
        return Reply(
            200,
            {
                "cost": 0,
                "timespan": request.param("timespan"),
                "interval": request.param("interval"),
                "namespace": request.param("metricnamespace")
                or "Microsoft.Compute/virtualMachines",
                "resourceregion": "westeurope",
                "value": [
                    {
                        "id": f"{resource}/providers/Microsoft.Insights/metrics/{name}",
                        "type": "Microsoft.Insights/metrics",
                        "name": {"value": name, "localizedValue": name},
                        "displayDescription": "",
                        "unit": "Percent" if name == "Percentage CPU" else "Bytes",
                        "timeseries": [{"metadatavalues": [], "data": series.get(name, [])}]
                        if name in series
                        else [],
                        "errorCode": "Success",
                    }
                    for name in names
                ],
            },
        )


def hourly(values: list[float], key: str) -> list[dict[str, Any]]:
    return [
        {"timeStamp": f"2026-11-0{1 + i // 24}T{i % 24:02d}:00:00Z", key: v}
        for i, v in enumerate(values)
    ]
