"""A local HTTP server replaying recorded price-list responses, and a small catalogue folder."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

RECORDED = Path(__file__).resolve().parents[1] / "data" / "refresh"
SOURCE = {
    "url": "https://example.invalid/price-list",
    "retrieved": "2026-11-23",
    "published": "2026-11-01",
    "evidence": "provider_api",
}


class PriceLists:
    def __init__(self) -> None:
        self.requests: list[str] = []
        self.tokens: list[str | None] = []
        """The X-Auth-Token header of each request (None without one)."""
        self.base = ""
        self.override: dict[str, Any] = {}
        self.headers: dict[str, dict[str, str]] = {}
        """Extra response headers per path (a recorded Last-Modified, say)."""

    def answer(self, path: str, query: dict[str, list[str]]) -> Any:
        if path in self.override:
            return self.override[path]
        if path.startswith("/offers/"):
            file = RECORDED / "aws" / path.lstrip("/")
            return json.loads(file.read_text()) if file.is_file() else None
        if path == "/api/retail/prices":
            name = "azure-page2.json" if "$skip" in query else "azure-page1.json"
            return json.loads((RECORDED / name).read_text().replace("__BASE__", self.base))
        if path == "/v1/order/catalog/public/cloud":
            return json.loads((RECORDED / "ovhcloud-catalog.json").read_text())
        if path == "/v1/services/6F81-5844-456A/skus":
            page = "2" if query.get("pageToken") == ["second"] else "1"
            return json.loads((RECORDED / f"gcp-skus-page{page}.json").read_text())
        if path == "/instance/v1/zones/fr-par-1/products/servers":
            file = RECORDED / f"scaleway-servers-page{query.get('page', ['1'])[0]}.json"
            return json.loads(file.read_text()) if file.is_file() else {"servers": {}}
        if path == "/products":
            file = RECORDED / f"scaleway-page{query.get('page', ['1'])[0]}.json"
            return (
                json.loads(file.read_text())
                if file.is_file()
                else {"products": [], "total_count": 0}
            )
        return None


@pytest.fixture
def price_lists() -> Iterator[PriceLists]:
    lists = PriceLists()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            lists.requests.append(self.path)
            lists.tokens.append(self.headers.get("X-Auth-Token"))
            parts = urlsplit(self.path)
            body = lists.answer(parts.path, parse_qs(parts.query))
            data = json.dumps(body).encode() if body is not None else b'{"error": "not found"}'
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in lists.headers.get(parts.path, {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    lists.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield lists
    finally:
        server.shutdown()
        server.server_close()


def provider_file(
    pid: str, role: str, currency: str, regions: list[str], products: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "id": pid,
        "name": pid,
        "role": role,
        "currency": currency,
        "company": {
            "legal_name": f"{pid} test",
            "headquarters": "Test",
            "country": "FR",
            "eu_controlled": True,
            "exposure": "none",
            "exposure_reason": "test",
            "source": SOURCE,
        },
        "regions": [{"code": r, "name": r, "city": r, "country": "FR"} for r in regions],
        "products": products,
    }


def price(
    amount: str,
    unit: str = "hour",
    regions: list[str] | None = None,
    currency: str = "USD",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "amount": amount,
        "currency": currency,
        "unit": unit,
        "regions": regions or [],
        "source": SOURCE,
        **extra,
    }


def compute(pid: str, vcpu: float, memory: float, *prices: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": pid,
        "name": pid,
        "service": "compute",
        "family": "general_purpose",
        "specs": {"vcpu": vcpu, "memory_gib": memory},
        "prices": list(prices),
    }


def egress(*prices: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "internet-egress",
        "name": "egress",
        "service": "egress",
        "family": "internet",
        "prices": list(prices),
    }


@pytest.fixture
def small_catalog(tmp_path: Path) -> Path:
    """AWS, Azure, GCP (sources) and OVHcloud, Scaleway (targets) with a few products each."""
    root = tmp_path / "catalog"
    (root / "providers").mkdir(parents=True)
    (root / "mappings" / "sources").mkdir(parents=True)
    files = {
        "aws": provider_file(
            "aws",
            "source",
            "USD",
            ["us-east-1", "eu-west-1"],
            [
                egress(price("0.09", "gib", free_quantity="100")),
                compute("m5.large", 2, 8, price("0.096", regions=["us-east-1"])),
                {
                    "id": "rds/mysql/db.t3.large",
                    "name": "db.t3.large",
                    "service": "database",
                    "family": "relational",
                    "specs": {"vcpu": 2, "memory_gib": 8, "engines": ["mysql"]},
                    "prices": [price("0.136", regions=["us-east-1"], verified=False)],
                },
            ],
        ),
        "azure": provider_file(
            "azure",
            "source",
            "USD",
            ["westeurope"],
            [
                egress(price("0.087", "gib", free_quantity="100", verified=False)),
                compute("Standard_D2s_v3", 2, 8, price("0.12", regions=["westeurope"])),
                compute("Standard_B2s", 2, 4, price("0.048", regions=["westeurope"])),
            ],
        ),
        "gcp": provider_file(
            "gcp",
            "source",
            "USD",
            ["us-central1", "europe-west1"],
            [
                egress(price("0.12", "gib")),
                compute("n2-standard-4", 4, 16, price("0.194236", regions=["us-central1"])),
                compute("custom/n2/vcpu", 1, 0, price("0.033174", regions=["us-central1"])),
                compute("custom/n2/memory", 0, 1, price("0.004446", regions=["us-central1"])),
            ],
        ),
        "ovhcloud": provider_file(
            "ovhcloud",
            "target",
            "EUR",
            ["gra", "sbg"],
            [
                compute("b3-8", 2, 8, price("0.0681", currency="EUR")),
            ],
        ),
        "scaleway": provider_file(
            "scaleway",
            "target",
            "EUR",
            ["fr-par"],
            [
                compute("POP2-2C-8G", 2, 8, price("0.0735", currency="EUR", regions=["fr-par"])),
            ],
        ),
    }
    for name, data in files.items():
        (root / "providers" / f"{name}.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    return root
