"""Lay out generated HCL the way `terraform fmt` does, without Terraform.

Covers what the templates write: blocks, attributes, one-line and multi-line lists and
objects, strings with interpolations, comment lines. Indentation follows bracket nesting
(two spaces a level) and the `=` of consecutive one-line attributes is aligned, as
hclwrite's formatter does: a run ends at any line that is not such an attribute.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_OPEN = "{[("
_CLOSE = "}])"


class _Line(NamedTuple):
    text: str  # stripped content
    net: int  # bracket change over the whole line
    starts_closed: bool  # first token closes a bracket
    assign: int | None  # where the `=` of `name = expr` is in the line's shape, if it is one


_SLOW = re.compile(r"\\|[$%]\{")  # escapes and template sequences: scanned character by character
_ASSIGN = re.compile(r"(?<![=!<>])=(?![=>])")
_COMMENT = re.compile(r"#|//")


def _scan(text: str) -> tuple[int, bool, int | None]:
    """Bracket change, leading closer and position of a top-level `=` of one line."""
    if _SLOW.search(text):
        return _scan_chars(text)
    # Strings here hold no escape and no interpolation: text between quotes is inert, so the
    # pieces outside them are searched whole (most generated lines take this path).
    net = 0
    assign: int | None = None
    start = 0
    for index, piece in enumerate(text.split('"')):
        if index % 2 == 0:
            comment = _COMMENT.search(piece)
            code = piece[: comment.start()] if comment else piece
            net += sum(map(code.count, _OPEN)) - sum(map(code.count, _CLOSE))
            if assign is None:
                # As the scan reads it: an `=` that starts or ends the line is no assignment.
                assign = next(
                    (
                        start + eq.start()
                        for eq in _ASSIGN.finditer(code)
                        if 0 < start + eq.start() < len(text) - 1
                    ),
                    None,
                )
            if comment:
                break
        start += len(piece) + 1
    starts_closed = bool(text) and text[0] in _CLOSE
    return net, starts_closed, assign


def _scan_chars(text: str) -> tuple[int, bool, int | None]:
    net = 0
    assign: int | None = None
    first_eq_seen = False
    i = 0
    n = len(text)
    in_string = False
    interp = 0  # open ${ ... } levels inside a string
    while i < n:
        ch = text[i]
        if in_string:
            if ch == "\\":
                i += 2
                continue
            if ch in "$%" and text.startswith("{", i + 1) and not text.startswith(ch * 2, i):
                interp += 1
                net += 1
                in_string = False
                i += 2
                continue
            if ch == "$" and text.startswith("$${", i) or ch == "%" and text.startswith("%%{", i):
                i += 3
                continue
            if ch == '"':
                in_string = False
            i += 1
            continue
        if ch == '"':
            in_string = True
            i += 1
            continue
        if ch == "#" or text.startswith("//", i):
            break
        if ch in _OPEN:
            net += 1
        elif ch in _CLOSE:
            net -= 1
            if interp and ch == "}":
                interp -= 1
                in_string = True
        elif ch == "=" and not first_eq_seen:
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < n else ""
            if after not in "=>" and before not in "=!<>":
                first_eq_seen = True
                if i > 0:
                    assign = i
        i += 1
    starts_closed = bool(text) and text[0] in _CLOSE
    return net, starts_closed, assign


_STRING = re.compile(r'"[^"]*"')


@lru_cache(maxsize=1 << 16)
def _parse(stripped: str) -> _Line:
    """One non-blank line, `=` spaced; generated files repeat many lines, so each is read once."""
    net, starts_closed, eq = _scan(stripped)
    if eq is not None:
        name, value = stripped[:eq].rstrip(), stripped[eq + 1 :].lstrip()
        stripped = f"{name} = {value}"
        eq = len(name) + 1
    # Only a value that closes on its own line joins an alignment run.
    return _Line(stripped, net, starts_closed, eq if net == 0 else None)


def _inert(stripped: str) -> bool:
    """No escape and no template sequence (``_SLOW``), tested as plain substrings: a third of
    the layout pass's time went to that search."""
    return "\\" not in stripped and "${" not in stripped and "%{" not in stripped


def _read(stripped: str) -> tuple[str, _Line]:
    """The laid-out text of a line and ``_parse`` of its shape (bracket change, leading closer,
    `=` position), read through that shape when its strings are inert: most lines differ only in
    what their strings hold, so the shape with every string emptied repeats."""
    if '"' not in stripped or not _inert(stripped):
        shape = _parse(stripped)
        return shape.text, shape
    masked = _STRING.sub('""', stripped)
    shape = _parse(masked)
    if shape.text == masked:
        return stripped, shape
    # only spaces outside strings moved: put the strings back where they were
    pieces = shape.text.split('"')
    pieces[1::2] = stripped.split('"')[1::2]
    return '"'.join(pieces), shape


def format_hcl(text: str) -> str:
    """Re-indent, align `=` runs, drop trailing blanks and doubled blank lines."""
    out: list[str] = []
    run: list[int] = []
    indents: list[int] = []

    def close_run() -> None:
        if len(run) > 1:
            cuts = [out[j].index(" = ") for j in run]
            width = max(cuts)
            for j, cut in zip(run, cuts):
                if cut < width:
                    out[j] = out[j][:cut].ljust(width) + out[j][cut:]
        run.clear()

    previous_blank = True
    # HCL ends lines at \n only; str.splitlines() would also split at \v, \f, \x1c-\x1e,
    # U+0085, U+2028 and U+2029, which are ordinary characters to Terraform.
    for raw in text.split("\n"):
        stripped = raw.strip(" \t\r")
        if not stripped:
            if not previous_blank:
                if run:
                    close_run()
                out.append("")
            previous_blank = True
            continue
        previous_blank = False
        text_of, line = _read(stripped)
        net = line.net
        level = len(indents)
        if net > 0:
            indents.append(net)
        elif line.starts_closed or net < 0:
            remaining = -net if net < 0 else 0
            while remaining > 0 and indents:
                if indents[-1] <= remaining:
                    remaining -= indents.pop()
                else:
                    indents[-1] -= remaining
                    remaining = 0
            level = len(indents)
        out.append("  " * level + text_of if level else text_of)
        if line.assign is None:
            if run:
                close_run()
        else:
            run.append(len(out) - 1)
    close_run()
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n" if out else ""
