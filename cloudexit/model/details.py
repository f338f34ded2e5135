"""The free-form ``details`` of a resource, checked at load so emitters never meet odd values.

Details hold native facts for the emitters (rules, records, listeners, CIDRs). They come from
files other people control; a value of the wrong shape would otherwise fail after the solve.
"""

from __future__ import annotations

import ipaddress
import math
from collections.abc import Callable
from typing import Any

MAX_DEPTH = 16

PORT_FIELDS = ("port", "from_port", "to_port")


def _port(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # protobuf numbers arrive as floats (80.0)
    if isinstance(value, str):
        value = value.strip()
        if not value.lstrip("-").isdigit():
            return False
        value = int(value)
    return isinstance(value, int) and -1 <= value <= 65535


def _is_cidr(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        ipaddress.ip_network(value, strict=False)
    except ValueError:
        return False
    return True


def _whole(value: Any) -> bool:
    if isinstance(value, str) and value.strip().isdigit():
        return True
    if isinstance(value, float) and value.is_integer():
        return value >= 0
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _list_of_objects(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)


# Keys emitters read, with the shape each needs.
SHAPES: dict[str, tuple[Callable[[Any], bool], str]] = {
    "rules": (_list_of_objects, "a list of objects"),
    "records": (_list_of_objects, "a list of objects"),
    "listeners": (_list_of_objects, "a list of objects"),
    "cidr_block": (_is_cidr, "a CIDR block such as 10.0.0.0/16"),
    "zone_name": (_text, "text"),
    "health_check_path": (_text, "text"),
    "port": (_port, "a port number 0-65535"),
}
ITEM_SHAPES: dict[str, dict[str, tuple[Callable[[Any], bool], str]]] = {
    "rules": {
        "from_port": (_port, "a port number"),
        "to_port": (_port, "a port number"),
        "cidr": (_is_cidr, "a CIDR block"),
    },
    "records": {"ttl": (_whole, "whole seconds")},
    "listeners": {"port": (_port, "a port number 0-65535")},
}


def problem(details: dict[str, Any]) -> str | None:
    """The first thing wrong in ``details`` (a path and why), or None. Walks without recursion."""
    stack: list[tuple[str, Any, int]] = [(key, value, 1) for key, value in details.items()]
    while stack:
        where, value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return f"{where}: nested more than {MAX_DEPTH} levels"
        if isinstance(value, float) and not math.isfinite(value):
            return f"{where}: {value} is not a finite number"
        if isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(key, str):
                    return f"{where}: key {key!r} is not text"
                stack.append((f"{where}.{key}", item, depth + 1))
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", item, depth + 1) for i, item in enumerate(value))
        elif not (value is None or isinstance(value, str | int | float | bool)):
            return f"{where}: {type(value).__name__} is not a JSON value"
    for key, (fits, shape) in SHAPES.items():
        if key in details and details[key] is not None and not fits(details[key]):
            return f"{key}: {str(details[key])[:60]!r} is not {shape}"
    for key, fields in ITEM_SHAPES.items():
        items = details.get(key)
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            for name, (fits, shape) in fields.items():
                if item.get(name) is not None and not fits(item[name]):
                    return f"{key}[{i}].{name}: {str(item[name])[:60]!r} is not {shape}"
    return None
