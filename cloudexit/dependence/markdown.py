"""Inline Markdown from untrusted text: one line, no markup, no HTML."""

from __future__ import annotations

import re

_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")
# Block markers (#, -, 1.) only act at the start of a line: escaped there only.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_BLOCK_START = re.compile(r"^(\s*\d*)([#+=.)-])")


def md_inline(value: object) -> str:
    """Text safe inside a Markdown paragraph or table cell: line breaks become spaces and every
    character Markdown or HTML could read as inline markup is backslash-escaped."""
    text = _SPECIAL.sub(r"\\\1", _BREAKS.sub(" ", str(value)))
    return _BLOCK_START.sub(r"\1\\\2", text, count=1)
