"""Lay out generated HCL the way `terraform fmt` does, without Terraform.

Covers what the templates write: blocks, attributes, one-line and multi-line lists and
objects, strings with interpolations, comment lines. Indentation follows bracket nesting
(two spaces a level) and the `=` of consecutive one-line attributes is aligned, as
hclwrite's formatter does: a run ends at any line that is not such an attribute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_OPEN = "{[("
_CLOSE = "}])"


@dataclass(frozen=True)
class _Line:
    text: str  # stripped content
    net: int  # bracket change over the whole line
    starts_closed: bool  # first token closes a bracket
    assign: int | None  # index of the assignment `=` in text, if the line is `name = expr`


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


def format_hcl(text: str) -> str:
    """Re-indent, align `=` runs, drop trailing blanks and doubled blank lines."""
    lines: list[_Line] = []
    previous_blank = True
    # HCL ends lines at \n only; str.splitlines() would also split at \v, \f, \x1c-\x1e,
    # U+0085, U+2028 and U+2029, which are ordinary characters to Terraform.
    for raw in text.split("\n"):
        stripped = raw.strip(" \t\r")
        if not stripped:
            if not previous_blank:
                lines.append(_Line("", 0, False, None))
            previous_blank = True
            continue
        previous_blank = False
        lines.append(_parse(stripped))
    while lines and not lines[-1].text:
        lines.pop()

    indents: list[int] = []
    levels: list[int] = []
    for line in lines:
        if not line.text:
            levels.append(0)
            continue
        if line.net > 0:
            levels.append(len(indents))
            indents.append(line.net)
        elif line.starts_closed or line.net < 0:
            remaining = -line.net if line.net < 0 else 0
            while remaining > 0 and indents:
                if indents[-1] <= remaining:
                    remaining -= indents.pop()
                else:
                    indents[-1] -= remaining
                    remaining = 0
            levels.append(len(indents))
        else:
            levels.append(len(indents))

    out = [("  " * level + line.text) if line.text else "" for line, level in zip(lines, levels)]
    run: list[int] = []

    def close_run() -> None:
        if run:
            width = max(len(out[j][: out[j].index(" = ")]) for j in run)
            for j in run:
                cut = out[j].index(" = ")
                out[j] = out[j][:cut].ljust(width) + out[j][cut:]
            run.clear()

    for index, line in enumerate(lines):
        if line.assign is None:
            close_run()
        else:
            run.append(index)
    close_run()
    return "\n".join(out) + "\n" if out else ""
