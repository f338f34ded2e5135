"""An OpenStack cloud over loopback HTTP: Keystone v3 with a service catalogue, and Nova,
Cinder, Neutron, Glance, Swift, Octavia, Magnum and Designate answering in their REST formats
(version discovery documents, ``*_links`` paging, faults such as ``{"forbidden": {...}}``).
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

from tests.connectors.fakehttp import FakeServer, Reply, Request

DATA = Path(__file__).resolve().parents[2] / "data" / "openstack"
TOKEN = "gAAAAAB-test-token"
FULL_SERVICES = (
    "compute",
    "volumev3",
    "network",
    "image",
    "object-store",
    "load-balancer",
    "container-infra",
    "dns",
)
BASIC_SERVICES = ("compute", "volumev3", "network", "image", "object-store")


def fault(status: int, name: str, message: str, headers: dict[str, str] | None = None) -> Reply:
    """Nova and Cinder style fault bodies."""
    return Reply(status, {name: {"code": status, "message": message}}, headers or {})


class FakeOpenStack:
    def __init__(self, servers_page: int = 2) -> None:
        estate = json.loads((DATA / "estate.json").read_text())
        self.project_id: str = estate["project_id"]
        self.project_name: str = estate["project_name"]
        self.regions: dict[str, dict[str, Any]] = estate["regions"]
        self.services = {"GRA11": FULL_SERVICES, "SBG5": BASIC_SERVICES}
        self.servers_page = servers_page
        self.embed_flavors = True
        self.server = FakeServer(self.route)

    # -- Keystone ------------------------------------------------------------------------

    def _endpoint(self, region: str, service: str) -> str:
        base = f"{self.server.url}/{region}"
        return {
            "compute": f"{base}/compute/v2.1",
            "volumev3": f"{base}/volume/v3/{self.project_id}",
            "network": f"{base}/network",
            "image": f"{base}/image",
            "object-store": f"{base}/object-store/v1/AUTH_{self.project_id}",
            "load-balancer": f"{base}/load-balancer",
            "container-infra": f"{base}/container-infra/v1",
            "dns": f"{base}/dns",
        }[service]

    def _catalog(self) -> list[dict[str, Any]]:
        catalog = [
            {
                "type": "identity",
                "name": "keystone",
                "id": "identity",
                "endpoints": [
                    {
                        "id": f"identity-{i}",
                        "interface": i,
                        "region": "GRA11",
                        "region_id": "GRA11",
                        "url": f"{self.server.url}/identity/v3",
                    }
                    for i in ("public", "internal")
                ],
            }
        ]
        names = {
            "compute": "nova",
            "volumev3": "cinderv3",
            "network": "neutron",
            "image": "glance",
            "object-store": "swift",
            "load-balancer": "octavia",
            "container-infra": "magnum",
            "dns": "designate",
        }
        for service in FULL_SERVICES:
            endpoints = [
                {
                    "id": f"{service}-{region}",
                    "interface": "public",
                    "region": region,
                    "region_id": region,
                    "url": self._endpoint(region, service),
                }
                for region in sorted(self.regions)
                if service in self.services[region]
            ]
            catalog.append(
                {"type": service, "name": names[service], "id": service, "endpoints": endpoints}
            )
        return catalog

    def _token(self, request: Request) -> Reply:
        body = request.json()
        password = body["auth"]["identity"]["password"]["user"]
        if password.get("password") != "s3cret":
            return Reply(
                401,
                {
                    "error": {
                        "code": 401,
                        "title": "Unauthorized",
                        "message": "The request you have made requires authentication.",
                    }
                },
            )
        token = {
            "methods": ["password"],
            "expires_at": "2099-01-01T00:00:00.000000Z",
            "issued_at": "2026-11-01T00:00:00Z",
            "user": {
                "id": "u1",
                "name": password["name"],
                "domain": {"id": "default", "name": "Default"},
            },
            "project": {
                "id": self.project_id,
                "name": self.project_name,
                "domain": {"id": "default", "name": "Default"},
            },
            "roles": [{"id": "r1", "name": "reader"}],
            "catalog": self._catalog(),
            "audit_ids": ["a"],
        }
        return Reply(201, {"token": token}, {"X-Subject-Token": TOKEN})

    def _identity(self, request: Request) -> Reply:
        rest = request.path[len("/identity") :].rstrip("/")
        version = {
            "id": "v3.14",
            "status": "stable",
            "updated": "2020-04-07T00:00:00Z",
            "links": [{"rel": "self", "href": f"{self.server.url}/identity/v3/"}],
            "media-types": [
                {"base": "application/json", "type": "application/vnd.openstack.identity-v3+json"}
            ],
        }
        if rest == "" and request.method == "GET":
            return Reply(300, {"versions": {"values": [version]}})
        if rest == "/v3" and request.method == "GET":
            return Reply(200, {"version": version})
        if rest == "/v3/auth/tokens" and request.method == "POST":
            return self._token(request)
        return Reply(404, {"error": {"code": 404, "message": f"not found: {request.path}"}})

    # -- services ------------------------------------------------------------------------

    def route(self, request: Request, server: FakeServer) -> Reply:
        if request.path.startswith("/identity"):
            return self._identity(request)
        if request.headers.get("x-auth-token") != TOKEN:
            return Reply(401, {"error": {"code": 401, "message": "missing or bad token"}})
        match = re.fullmatch(r"/([A-Z0-9]+)/([a-z-]+)(/.*)?", request.path)
        if not match or match.group(1) not in self.regions:
            return Reply(
                404, {"itemNotFound": {"code": 404, "message": f"no route {request.path}"}}
            )
        region, service, rest = match.group(1), match.group(2), (match.group(3) or "").rstrip("/")
        data = self.regions[region]
        handler = getattr(self, "_" + service.replace("-", "_"), None)
        if handler is None or request.method != "GET":
            return Reply(405, {"error": {"code": 405, "message": f"{request.method} not served"}})
        return handler(region, data, rest, request)

    def _versions(self, region: str, service: str, versions: list[dict[str, Any]]) -> Reply:
        for version in versions:
            version["links"] = [
                {
                    "rel": "self",
                    "href": f"{self.server.url}/{region}/{service}/{version.pop('path')}/",
                }
            ]
        return Reply(200, {"versions": versions})

    def _compute(self, region: str, data: dict[str, Any], rest: str, request: Request) -> Reply:
        version = {
            "id": "v2.1",
            "status": "CURRENT",
            "version": "2.96",
            "min_version": "2.1",
            "updated": "2013-07-23T11:33:21Z",
            "links": [{"rel": "self", "href": f"{self.server.url}/{region}/compute/v2.1/"}],
        }
        if rest in ("", "/v2.1"):
            return Reply(200, {"version": version}) if rest else Reply(200, {"versions": [version]})
        rest = rest.removeprefix("/v2.1")
        if rest == "/servers/detail":
            return self._servers(region, data, request)
        if rest == "/flavors/detail":
            return Reply(200, {"flavors": data["flavors"]})
        if rest == "/limits":
            return Reply(200, {"limits": {"absolute": data["compute_limits"], "rate": []}})
        return fault(404, "itemNotFound", f"no {rest}")

    def _servers(self, region: str, data: dict[str, Any], request: Request) -> Reply:
        servers = copy.deepcopy(data["servers"])
        microversion = request.headers.get("openstack-api-version", "compute 2.1").split()[-1]
        if self.embed_flavors and tuple(int(p) for p in microversion.split(".")) >= (2, 47):
            flavors = {f["id"]: f for f in data["flavors"]}
            for server in servers:
                flavor = flavors[server["flavor"]["id"]]
                server["flavor"] = {
                    "original_name": flavor["name"],
                    "vcpus": flavor["vcpus"],
                    "ram": flavor["ram"],
                    "disk": flavor["disk"],
                    "ephemeral": 0,
                    "swap": 0,
                    "extra_specs": flavor["extra_specs"],
                }
        marker = request.param("marker")
        start = next((i + 1 for i, s in enumerate(servers) if s["id"] == marker), 0)
        page = servers[start : start + self.servers_page]
        body: dict[str, Any] = {"servers": page}
        if start + self.servers_page < len(servers):
            body["servers_links"] = [
                {
                    "rel": "next",
                    "href": f"{self.server.url}/{region}/compute/v2.1/servers/detail"
                    f"?limit={self.servers_page}&marker={page[-1]['id']}",
                }
            ]
        return Reply(200, body)

    def _volume(self, region: str, data: dict[str, Any], rest: str, request: Request) -> Reply:
        if rest == "":
            return self._versions(
                region,
                "volume",
                [
                    {
                        "id": "v3.0",
                        "status": "CURRENT",
                        "version": "3.70",
                        "min_version": "3.0",
                        "path": "v3",
                    }
                ],
            )
        rest = rest.removeprefix(f"/v3/{self.project_id}").removeprefix("/v3")
        if rest == "":
            return Reply(
                200,
                {
                    "version": {
                        "id": "v3.0",
                        "status": "CURRENT",
                        "version": "3.70",
                        "min_version": "3.0",
                        "links": [],
                    }
                },
            )
        if rest == "/volumes/detail":
            return Reply(200, {"volumes": data["volumes"]})
        if rest == "/limits":
            return Reply(200, {"limits": {"absolute": data["volume_limits"], "rate": []}})
        return fault(404, "itemNotFound", f"no {rest}")

    def _network(self, region: str, data: dict[str, Any], rest: str, request: Request) -> Reply:
        if rest == "":
            return self._versions(
                region, "network", [{"id": "v2.0", "status": "CURRENT", "path": "v2.0"}]
            )
        rest = rest.removeprefix("/v2.0")
        collections = {
            "/networks": "networks",
            "/subnets": "subnets",
            "/security-groups": "security_groups",
            "/routers": "routers",
            "/floatingips": "floatingips",
            "/ports": "ports",
        }
        if rest in collections:
            return Reply(200, {collections[rest]: data[collections[rest]]})
        return Reply(
            404, {"NeutronError": {"type": "HTTPNotFound", "message": f"no {rest}", "detail": ""}}
        )

    def _image(self, region: str, data: dict[str, Any], rest: str, request: Request) -> Reply:
        if rest == "":
            return self._versions(
                region, "image", [{"id": "v2.16", "status": "CURRENT", "path": "v2"}]
            )
        if rest == "/v2/images":
            return Reply(
                200,
                {"images": data["images"], "first": "/v2/images", "schema": "/v2/schemas/images"},
            )
        return Reply(404, {"message": f"no {rest}", "code": "404 Not Found", "title": "Not Found"})

    def _object_store(
        self, region: str, data: dict[str, Any], rest: str, request: Request
    ) -> Reply:
        if rest == f"/v1/AUTH_{self.project_id}":
            marker = request.param("marker")
            containers = [c for c in data["containers"] if marker is None or c["name"] > marker]
            limit = int(request.param("limit") or 10000)
            return Reply(
                200, containers[:limit], {"X-Account-Container-Count": str(len(data["containers"]))}
            )
        if rest in ("", "/info"):
            return Reply(200, {"swift": {"version": "2.31.1"}})
        return Reply(404, b"<html><h1>Not Found</h1></html>", {"Content-Type": "text/html"})

    def _load_balancer(
        self, region: str, data: dict[str, Any], rest: str, request: Request
    ) -> Reply:
        if rest == "":
            return self._versions(
                region, "load-balancer", [{"id": "v2.27", "status": "CURRENT", "path": "v2"}]
            )
        rest = rest.removeprefix("/v2.0").removeprefix("/v2")
        members = re.fullmatch(r"/lbaas/pools/([^/]+)/members", rest)
        if members:
            return Reply(200, {"members": data["members"].get(members.group(1), [])})
        collections = {
            "/lbaas/loadbalancers": "loadbalancers",
            "/lbaas/listeners": "listeners",
            "/lbaas/pools": "pools",
        }
        if rest in collections:
            return Reply(200, {collections[rest]: data[collections[rest]]})
        return Reply(404, {"faultcode": "Client", "faultstring": f"no {rest}", "debuginfo": None})

    def _container_infra(
        self, region: str, data: dict[str, Any], rest: str, request: Request
    ) -> Reply:
        if rest == "":
            return Reply(
                200,
                {
                    "versions": [
                        {
                            "id": "v1",
                            "status": "CURRENT",
                            "max_version": "1.11",
                            "min_version": "1.1",
                            "links": [
                                {
                                    "rel": "self",
                                    "href": f"{self.server.url}/{region}/container-infra/v1/",
                                }
                            ],
                        }
                    ]
                },
            )
        rest = rest.removeprefix("/v1")
        if rest == "":
            return Reply(
                200,
                {
                    "id": "v1",
                    "status": "CURRENT",
                    "max_version": "1.11",
                    "min_version": "1.1",
                    "links": [
                        {"rel": "self", "href": f"{self.server.url}/{region}/container-infra/v1/"}
                    ],
                },
            )
        if rest == "/clusters":
            return Reply(200, {"clusters": data["clusters"]})
        return Reply(
            404, {"errors": [{"status": 404, "title": "Not Found", "detail": f"no {rest}"}]}
        )

    def _dns(self, region: str, data: dict[str, Any], rest: str, request: Request) -> Reply:
        if rest == "":
            return self._versions(region, "dns", [{"id": "v2", "status": "CURRENT", "path": "v2"}])
        rest = rest.removeprefix("/v2")
        recordsets = re.fullmatch(r"/zones/([^/]+)/recordsets", rest)
        if recordsets:
            return Reply(
                200,
                {
                    "recordsets": data["recordsets"].get(recordsets.group(1), []),
                    "links": {},
                    "metadata": {
                        "total_count": len(data["recordsets"].get(recordsets.group(1), []))
                    },
                },
            )
        if rest == "/zones":
            return Reply(
                200,
                {
                    "zones": data["zones"],
                    "links": {},
                    "metadata": {"total_count": len(data["zones"])},
                },
            )
        return Reply(404, {"code": 404, "type": "not_found", "message": f"no {rest}"})
