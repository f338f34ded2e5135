"""A loopback HTTP server for connector tests: real SDK clients talk to it over TCP.

Each fake cloud is a function ``(Request) -> Reply``. The server records every request and can
be told to answer some of them with an error first (throttling, access denied).
"""

from __future__ import annotations

import json
import re
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def param(self, name: str, default: str | None = None) -> str | None:
        for key, values in self.query.items():
            if key.lower() == name.lower():
                return values[0]
        return default

    def json(self) -> Any:
        return json.loads(self.body or b"null")


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)

    def encoded(self) -> bytes:
        if self.body is None:
            return b""
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode()
        return json.dumps(self.body).encode()


@dataclass
class Fault:
    method: str
    path: re.Pattern[str]
    reply: Reply
    times: int | None = 1

    def matches(self, request: Request) -> bool:
        return request.method == self.method and bool(self.path.search(request.path))


class FakeServer:
    def __init__(self, app: Callable[[Request, FakeServer], Reply]) -> None:
        self.app = app
        self.requests: list[Request] = []
        self.faults: list[Fault] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        port = self._server.server_address[1]
        return f"http://127.0.0.1:{port}"

    def fail(self, method: str, path: str, reply: Reply, times: int | None = 1) -> None:
        """Answer matching requests with ``reply`` (``times`` times, or always when None)."""
        self.faults.append(Fault(method, re.compile(path, re.IGNORECASE), reply, times))

    def seen(self, method: str | None = None, path: str = "") -> list[Request]:
        pattern = re.compile(path, re.IGNORECASE)
        return [
            r
            for r in self.requests
            if (method is None or r.method == method) and pattern.search(r.path)
        ]

    def handle(self, request: Request) -> Reply:
        with self._lock:
            self.requests.append(request)
            for fault in self.faults:
                if fault.matches(request) and (fault.times is None or fault.times > 0):
                    if fault.times is not None:
                        fault.times -= 1
                    return fault.reply
        return self.app(request, self)

    @contextmanager
    def running(self) -> Iterator[FakeServer]:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        server.daemon_threads = True
        self._server = server
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            server.shutdown()
            server.server_close()
            thread.join()


def _handler(fake: FakeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            super().setup()
            # headers and body go out as two writes: without this each reply waits for a delayed ACK
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def _serve(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            request = Request(
                method=self.command,
                path=parts.path,
                query=parse_qs(parts.query, keep_blank_values=True),
                headers={k.lower(): v for k, v in self.headers.items()},
                body=self.rfile.read(length) if length else b"",
            )
            reply = fake.handle(request)
            payload = reply.encoded()
            self.send_response(reply.status)
            headers = {"Content-Type": "application/json", **reply.headers}
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _serve

        def log_message(self, format: str, *args: Any) -> None:
            return None

    return Handler
