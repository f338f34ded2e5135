"""Inventory values made inert for each output language the artefacts are written in.

Names, tags and ids come from accounts and exports other people control, so every value
that reaches a generated file passes through one of these functions (registered as Jinja
filters in ``FILTERS``). Characters that could end a line, a string, a comment, a table
cell or a diagram label are encoded as visible escapes, never written raw.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any

# Categories written as \uNNNN escapes: controls, format characters (bidi overrides,
# zero-width), line and paragraph separators, unassigned and private-use code points.
_ENCODED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_SHORT = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _needs_escape(ch: str) -> bool:
    return (
        ch in _SHORT
        or unicodedata.category(ch) in _ENCODED_CATEGORIES
        or (unicodedata.category(ch) == "Zs" and ch != " ")
    )


def _code(ch: str) -> str:
    point = ord(ch)
    if 0xD800 <= point <= 0xDFFF:  # a lone surrogate cannot be encoded: mark it replaced
        point = 0xFFFD
    return f"\\u{point:04X}" if point <= 0xFFFF else f"\\U{point:08X}"


# Printable ASCII but the quote and the backslash: nothing to escape, checked at C speed.
_PLAIN = re.compile(r"[ !#-\[\]-~]*")


def visible(value: Any, quotes: bool = True) -> str:
    """One line, every control, separator and format character as a backslash escape.

    ``quotes=False``: a double quote stays as it is, for languages where it ends nothing
    (Markdown text and code spans); ``aws_instance.web["a"]`` is then read as Terraform wrote it.
    """
    text = str(value)
    if _PLAIN.fullmatch(text) or not any(_needs_escape(ch) for ch in text):
        return text
    return "".join(
        ch
        if ch == '"' and not quotes
        else _SHORT.get(ch) or (_code(ch) if _needs_escape(ch) else ch)
        for ch in text
    )


# --- HCL (Terraform) -------------------------------------------------------------------


def hcl_string(value: Any) -> str:
    """A quoted HCL string literal: one line, and ${ and %{ never start a template sequence.

    The brace after $ or % is written as \\u007B: Terraform reads it as a literal brace, and
    unlike the $${ / %%{ escapes every HCL parser (python-hcl2 included) reads it the same.
    """
    body = visible(value)
    return '"' + body.replace("${", "$\\u007B").replace("%{", "%\\u007B") + '"'


def hcl_list(values: Iterable[Any]) -> str:
    """A one-line HCL list of strings."""
    return "[" + ", ".join(hcl_string(v) for v in values) + "]"


def hcl_map(values: Mapping[Any, Any]) -> str:
    """A multi-line HCL map of strings with quoted keys, sorted; the layout pass aligns it."""
    if not values:
        return "{}"
    rows = "\n".join(
        f"{hcl_string(k)} = {hcl_string(v)}"
        for k, v in sorted(values.items(), key=lambda kv: str(kv[0]))
    )
    return "{\n" + rows + "\n}"


def hcl_comment(value: Any) -> str:
    """Text for the rest of a `#` comment line: a line break can never end the comment."""
    return visible(value)


# --- Markdown --------------------------------------------------------------------------

# CommonMark lets any ASCII punctuation be backslash-escaped. These start or end an inline
# construct, raw HTML, an entity, a table cell or (on GitHub) inline math anywhere in a line;
# _ only where it is not inside a word (snake_case stays readable, it never emphasises).
_MD_INLINE = re.compile(r"([\\`*\[\]<|~&!$]|(?<![^\W_])_|_(?![^\W_]))")
# These matter only where the value starts a line or a list item: heading, quote, list.
_MD_LEADING = re.compile(r"^( *)(#{1,6}(?= |$)|[+=-](?= |$)|\d{1,9}[.)](?= |$)|>)")


# Any character _MD_INLINE could escape; most values hold none, and a search for one is cheap.
_MD_MARKS = re.compile(r"[\\`*\[\]<|~&!$_]")


def escaped_once(escape: Callable[[str], str]) -> Callable[[str], str]:
    """``escape`` remembering its answers: for values that repeat down a long table."""
    escaped: dict[str, str] = {}

    def once(value: str) -> str:
        text = escaped.get(value)
        if text is None:
            text = escaped[value] = escape(value)
        return text

    return once


def md_text(value: Any) -> str:
    """Plain text inside a table cell, a heading or a list item: no markup, no line break."""
    text = visible(value, quotes=False)
    if _MD_MARKS.search(text):
        text = _MD_INLINE.sub(r"\\\1", text)
    lead = text.lstrip(" ")[:1]
    if lead and (lead in "#+=->" or lead.isdecimal()):  # what _MD_LEADING can start with
        text = _MD_LEADING.sub(lambda m: f"{m.group(1)}{m.group(2)[:-1]}\\{m.group(2)[-1]}", text)
    return text


_BACKTICKS = re.compile(r"`+")


def md_code(value: Any) -> str:
    """An inline code span holding the value, fenced by more backticks than it contains."""
    text = visible(value, quotes=False).replace(
        "|", "\\|"
    )  # GFM splits table cells at | even in code spans
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0) if "`" in text else 0
    fence = "`" * (longest + 1)
    pad = (
        " "
        if text.startswith("`") or text.endswith("`") or (text.startswith(" ") and text.strip())
        else ""
    )
    return f"{fence}{pad}{text}{pad}{fence}" if text else "` `"


# --- Mermaid ---------------------------------------------------------------------------

_MERMAID_MARKS = frozenset(" .,/-_")


def mermaid_label(value: Any) -> str:
    """Text inside a quoted Mermaid label. Anything but letters, digits, spaces and a few
    marks is written as a #code; entity, so quotes, brackets, %% directives, fences and
    line breaks stay text."""
    return "".join(
        ch if ch in _MERMAID_MARKS or unicodedata.category(ch)[0] in "LMN" else f"#{ord(ch)};"
        for ch in str(value)
    )


FILTERS: dict[str, Callable[..., str]] = {
    "hcl": hcl_string,
    "hcl_list": hcl_list,
    "hcl_map": hcl_map,
    "hcl_comment": hcl_comment,
    "md": md_text,
    "md_code": md_code,
    "mermaid": mermaid_label,
}
