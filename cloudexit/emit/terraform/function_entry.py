"""How a function is entered and how long it may run, carried from its source where the target
reads them the same way."""

from __future__ import annotations

import re

from cloudexit.catalog.runtimes import parse
from cloudexit.model.inventory import Resource

# Lambda's Node.js and Python handlers name a file (its path, no extension) and the function in
# it, ``exports.test`` being ``test`` in ``exports.js``: Scaleway's handlers read the same way.
_FILE_FUNCTION = re.compile(r"[A-Za-z0-9_/-]+\.[A-Za-z_$][A-Za-z0-9_$]*")
_FILE_FUNCTION_LANGUAGES = frozenset({"nodejs", "python"})
DEFAULT_HANDLER = "handler.handle"


def source_handler(resource: Resource) -> str | None:
    """The source function's handler where it names a file and a function in it, in a language
    whose handlers read that way; None where the source gives none or another form (a Go
    binary's name, a package path)."""
    details = resource.attributes.details
    handler, runtime = details.get("handler"), details.get("runtime")
    if not isinstance(handler, str) or not isinstance(runtime, str):
        return None
    language, _ = parse(runtime)
    if language not in _FILE_FUNCTION_LANGUAGES or not _FILE_FUNCTION.fullmatch(handler):
        return None
    return handler


def source_timeout_s(resource: Resource) -> int | None:
    """The seconds the source lets one call run, where it says."""
    details = resource.attributes.details
    for key in ("timeout_s", "timeout_seconds"):
        value = details.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
    return None
