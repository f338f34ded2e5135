"""Plain HTTP GET for public price lists: JSON documents and large files streamed to disk."""

from __future__ import annotations

import json
import shutil
import urllib.error
import urllib.request
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from cloudexit.errors import RuntimeFailure

TIMEOUT_S = 60


def _open(url: str, headers: dict[str, str] | None = None) -> Any:
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": "cloudexit", **(headers or {})}
    )
    try:
        return urllib.request.urlopen(request, timeout=TIMEOUT_S)
    except urllib.error.HTTPError as exc:
        raise RuntimeFailure(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise RuntimeFailure(f"{url}: cannot fetch: {reason}") from None


def get_json(url: str) -> Any:
    return get_dated_json(url)[0]


def get_dated_json(url: str, headers: dict[str, str] | None = None) -> tuple[Any, str]:
    """The JSON answer and the day its ``Last-Modified`` header gives (YYYY-MM-DD), or '' when
    the server sends none or one that cannot be read: a price list with no date of its own is
    dated by when its server says it last changed, never by when it was read."""
    with _open(url, headers) as response:
        body = response.read()
        modified = _day(response.headers.get("Last-Modified"))
    try:
        return json.loads(body), modified
    except json.JSONDecodeError as exc:
        raise RuntimeFailure(
            f"{url}: the answer is not JSON ({exc.msg} at line {exc.lineno})"
        ) from None


def _day(header: str | None) -> str:
    if not header:
        return ""
    try:
        return parsedate_to_datetime(header).date().isoformat()
    except (TypeError, ValueError):
        return ""


def download(url: str, target: Path) -> Path:
    with _open(url) as response, target.open("wb") as handle:
        shutil.copyfileobj(response, handle, length=1 << 20)
    return target


def resolve(base: str, link: str) -> str:
    """Offer files link with absolute paths; keep them on the endpoint being used."""
    return urljoin(base if base.endswith("/") else base + "/", link)
