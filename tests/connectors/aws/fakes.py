"""Local stand-ins on the wire: a proxy in front of moto that adds latency or answers with AWS
errors in each protocol's real shape, a reader for moto's request recording, and an SSO portal."""

from __future__ import annotations

import base64
import functools
import http.client
import json
import re
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

SCOPE = re.compile(
    r"Credential=(?P<key>[^/]+)/\d{8}/(?P<region>[^/]+)/(?P<service>[^/]+)/aws4_request"
)
REST_XML = {"s3", "route53", "cloudfront"}


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    region: str
    service: str
    """The signing name from the credential scope (ec2, elasticloadbalancing, monitoring ...)."""
    action: str | None
    """Operation name for query, JSON and CBOR protocols; None for REST ones."""
    protocol: str
    access_key: str = ""
    body: bytes = b""


@dataclass(frozen=True)
class Fault:
    code: str
    status: int = 400
    message: str = "injected by the test proxy"


Rule = Callable[[Request], Fault | None]
Rewrite = Callable[[Request, bytes], bytes]
"""Changes an upstream answer before it goes back (to page a list moto answers in one)."""


def _cbor_text(value: str) -> bytes:
    data = value.encode()
    if len(data) < 24:
        return bytes([0x60 + len(data)]) + data
    return bytes([0x78, len(data)]) + data


def cbor_map(values: dict[str, str]) -> bytes:
    """A CBOR map of short text strings: all an rpc-v2-cbor error body needs."""
    out = bytes([0xA0 + len(values)])
    for key, value in values.items():
        out += _cbor_text(key) + _cbor_text(value)
    return out


def describe(method: str, path: str, headers: dict[str, str], body: bytes) -> Request:
    """What an AWS request is: region, signing service and, where the protocol names it, operation."""
    match = SCOPE.search(headers.get("authorization", ""))
    region, service, key = (
        (match["region"], match["service"], match["key"]) if match else ("", "", "")
    )

    def made(action: str | None, protocol: str) -> Request:
        return Request(method, path, region, service, action, protocol, key, body)

    if "x-amz-target" in headers:
        return made(headers["x-amz-target"].rsplit(".", 1)[-1], "json")
    if "/operation/" in path and headers.get("smithy-protocol") == "rpc-v2-cbor":
        return made(path.rsplit("/operation/", 1)[1], "cbor")
    if headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        return made(
            parse_qs(body.decode()).get("Action", [None])[0], "ec2" if service == "ec2" else "query"
        )
    return made(None, "rest-xml" if service in REST_XML else "rest-json")


def error_response(request: Request, fault: Fault) -> tuple[dict[str, str], bytes]:
    code, message = fault.code, fault.message
    if request.protocol == "ec2":
        body = (
            f"<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors>"
            "<RequestID>proxy</RequestID></Response>"
        )
        return {"Content-Type": "text/xml"}, body.encode()
    if request.protocol in ("query", "rest-xml"):
        body = (
            f"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message>"
            "</Error><RequestId>proxy</RequestId></ErrorResponse>"
        )
        return {"Content-Type": "text/xml"}, body.encode()
    if request.protocol == "cbor":
        return {"Content-Type": "application/cbor", "smithy-protocol": "rpc-v2-cbor"}, cbor_map(
            {"__type": code, "message": message}
        )
    return {"Content-Type": "application/x-amz-json-1.1", "x-amzn-ErrorType": code}, json.dumps(
        {"__type": code, "message": message}
    ).encode()


class _Loopback:
    """A local HTTP server on a free port, run in a thread while the ``with`` block lasts."""

    def _serve(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


class Proxy(_Loopback):
    """An HTTP proxy in front of moto: optional latency per request and fault rules."""

    def __init__(
        self,
        upstream: str,
        *,
        latency: float = 0.0,
        rules: list[Rule] | None = None,
        rewrite: Rewrite | None = None,
    ) -> None:
        parts = urlsplit(upstream)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.latency = latency
        self.rules = list(rules or [])
        self.rewrite = rewrite
        self.seen: Counter[tuple[str, str, str | None]] = Counter()
        self.faults: Counter[tuple[str, str, str | None]] = Counter()
        self.requests: list[Request] = []
        self.upstream_seconds: Counter[tuple[str, str, str | None]] = Counter()
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # else delayed ACKs add ~40 ms to every kept-alive call

            def log_message(self, *args: Any) -> None:
                return None

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                request = describe(self.command, self.path, headers, body)
                key = (request.region, request.service, request.action)
                with proxy._lock:
                    proxy.seen[key] += 1
                    proxy.requests.append(request)
                if proxy.latency:
                    time.sleep(proxy.latency)
                for rule in proxy.rules:
                    fault = rule(request)
                    if fault is not None:
                        with proxy._lock:
                            proxy.faults[key] += 1
                        extra, payload = error_response(request, fault)
                        self._reply(fault.status, extra, payload)
                        return
                connection = http.client.HTTPConnection(*proxy.upstream, timeout=300)
                started = time.perf_counter()
                try:
                    forward = {k: v for k, v in self.headers.items() if k.lower() != "connection"}
                    connection.request(self.command, self.path, body=body or None, headers=forward)
                    response = connection.getresponse()
                    payload = response.read()
                    if proxy.rewrite is not None and response.status == 200:
                        payload = proxy.rewrite(request, payload)
                    passed = {
                        k: v
                        for k, v in response.getheaders()
                        if k.lower() not in ("connection", "transfer-encoding", "content-length")
                    }
                    self._reply(response.status, passed, payload)
                finally:
                    connection.close()
                    with proxy._lock:
                        proxy.upstream_seconds[key] += time.perf_counter() - started

            def _reply(self, status: int, headers: dict[str, str], payload: bytes) -> None:
                lines = [f"HTTP/1.1 {status} {http.client.responses.get(status, '')}"]
                lines += [f"{name}: {value}" for name, value in headers.items()]
                lines += [f"Content-Length: {len(payload)}", "", ""]
                head = "\r\n".join(lines).encode("latin-1")
                self.wfile.write(head + (b"" if self.command == "HEAD" else payload))  # one write

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = _handle

        self._serve(Handler)


def deny_region(
    region: str, xml_code: str = "AccessDenied", json_code: str = "AccessDeniedException"
) -> Rule:
    """Refuse every request signed for ``region``, with the code each protocol family uses."""

    def rule(request: Request) -> Fault | None:
        if request.region != region:
            return None
        code = xml_code if request.protocol in ("ec2", "query", "rest-xml") else json_code
        return Fault(code, 403, "User is not authorized to perform this action")

    return rule


def throttle(action: str, times: int, region: str | None = None) -> Rule:
    """Answer ``action`` with Throttling ``times`` times (or always, times < 0), then let it pass."""
    left = {"n": times}
    lock = threading.Lock()

    def rule(request: Request) -> Fault | None:
        if request.action != action or (region and request.region != region):
            return None
        with lock:
            if left["n"] == 0:
                return None
            left["n"] -= 1
        code = "RequestLimitExceeded" if request.protocol == "ec2" else "Throttling"
        return Fault(code, 503 if request.protocol == "ec2" else 400, "Rate exceeded")

    return rule


def always(action: str, code: str, status: int) -> Rule:
    def rule(request: Request) -> Fault | None:
        return Fault(code, status, "injected failure") if request.action == action else None

    return rule


def ec2_in_two_pages(action: str, item_set: str) -> Rewrite:
    """Answer an EC2 list moto returns whole in two pages, as EC2 does past its page size: the
    first item and a ``nextToken``, then, asked with that token, the other items."""
    import xml.etree.ElementTree as ET

    token = "page-2"

    def rewrite(request: Request, payload: bytes) -> bytes:
        if request.action != action:
            return payload
        root = ET.fromstring(payload)
        space = root.tag.partition("}")[0] + "}"
        found = root.find(space + item_set)
        assert found is not None, payload
        items = list(found)
        later = parse_qs(request.body.decode()).get("NextToken") == [token]
        for item in items[1:] if not later else items[:1]:
            found.remove(item)
        if not later and len(items) > 1:
            ET.SubElement(root, space + "nextToken").text = token
        return ET.tostring(root, encoding="utf-8", xml_declaration=True)

    return rewrite


def recorded_requests(moto_url: str) -> list[dict[str, Any]]:
    connection = http.client.HTTPConnection(*urlsplit(moto_url).netloc.split(":"))
    connection.request("GET", "/moto-api/recorder/download-recording")
    text = connection.getresponse().read().decode()
    entries = []
    for line in text.splitlines():
        if line.strip():
            entry = json.loads(line)
            body = entry.get("body") or ""
            entry["body_bytes"] = (
                base64.b64decode(body) if entry.get("body_encoded") else body.encode()
            )
            entries.append(entry)
    return entries


def moto_api(moto_url: str, path: str) -> None:
    connection = http.client.HTTPConnection(*urlsplit(moto_url).netloc.split(":"))
    connection.request("POST", path, body=b"")
    response = connection.getresponse()
    response.read()
    assert response.status == 200, (path, response.status)


class SsoPortal(_Loopback):
    """The AWS SSO portal's GetRoleCredentials, for one bearer token."""

    def __init__(self, token: str, access_key: str) -> None:
        portal = self
        self.calls: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                return None

            def do_GET(self) -> None:
                portal.calls.append(self.path)
                if self.headers.get("x-amz-sso_bearer_token") != token:
                    payload = json.dumps({"message": "Session token not found or invalid"}).encode()
                    self.send_response(401)
                    self.send_header("x-amzn-ErrorType", "UnauthorizedException")
                else:
                    payload = json.dumps(
                        {
                            "roleCredentials": {
                                "accessKeyId": access_key,
                                "secretAccessKey": "sso-secret",
                                "sessionToken": "sso-session",
                                "expiration": int((time.time() + 3600) * 1000),
                            }
                        }
                    ).encode()
                    self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self._serve(Handler)


@functools.cache
def _client_models(clients: tuple[str, ...]) -> dict[str, list[Any]]:
    import botocore.session

    session = botocore.session.get_session()
    by_signing: dict[str, list[Any]] = {}
    for client in clients:
        model = session.get_service_model(client)
        by_signing.setdefault(model.signing_name, []).append(model)
    return by_signing


def _uri_pattern(template: str) -> tuple[re.Pattern[str], set[str]]:
    path, _, query = template.partition("?")
    parts = []
    for piece in re.split(r"(\{[^}]+\})", path):
        if piece.startswith("{"):
            parts.append(".+" if piece.endswith("+}") else "[^/]+")
        else:
            parts.append(re.escape(piece))
    keys = {part.split("=", 1)[0] for part in query.split("&") if part}
    return re.compile("".join(parts)), keys


def operations_of(entries: list[dict[str, Any]], clients: list[str]) -> list[tuple[str, str]]:
    """(client, operation) of each recorded request, matched against the botocore service models."""
    models = _client_models(tuple(clients))
    out = []
    for entry in entries:
        headers = {k.lower(): v for k, v in entry["headers"].items()}
        url = urlsplit(entry["url"])
        request = describe(entry["method"], url.path, headers, entry["body_bytes"])
        candidates = models.get(request.service, [])
        found: tuple[str, str] | None = None
        if request.action:
            found = next(
                (
                    (m.service_name, request.action)
                    for m in candidates
                    if request.action in m.operation_names
                ),
                None,
            )
        else:
            query = set(parse_qs(url.query, keep_blank_values=True))
            best = -1
            for model in candidates:
                for name in model.operation_names:
                    http = model.operation_model(name).http
                    pattern, keys = _uri_pattern(http.get("requestUri", "/"))
                    if http.get("method") != entry["method"] or not keys <= query:
                        continue
                    if (
                        pattern.fullmatch(url.path)
                        and len(keys) * 1000 + len(pattern.pattern) > best
                    ):
                        best = len(keys) * 1000 + len(pattern.pattern)
                        found = (model.service_name, name)
        assert found is not None, (
            f"unrecognised request {entry['method']} {entry['url']} ({request.service})"
        )
        out.append(found)
    return out
