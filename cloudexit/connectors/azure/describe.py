"""One ARM resource as the live scan and every Azure importer read it: the same id spelling,
account, region, tags, sizes and dependencies, from the same per-type declarations."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cloudexit.catalog.products import Specs
from cloudexit.connectors.azure import (
    compute,
    containers,
    databases,
    messaging,
    network,
    security,
    storage,
    web,
)
from cloudexit.connectors.azure.registry import Facts, TypeSpec, arm_id
from cloudexit.connectors.common import index_types

TYPES: dict[str, TypeSpec] = index_types(
    compute.TYPES,
    web.TYPES,
    databases.TYPES,
    storage.TYPES,
    containers.TYPES,
    messaging.TYPES,
    network.TYPES,
    security.TYPES,
)


def normalise(raw: dict[str, Any]) -> dict[str, Any]:
    """An ARM resource body (Resource Graph row, ARM list or GET) in the one spelling both paths
    use: id and type in lower case, location without spaces, subscription from the id."""
    rid = arm_id(raw.get("id")) or ""
    parts = rid.split("/")
    subscription = str(raw.get("subscriptionId") or (parts[2] if len(parts) > 2 else "")).lower()
    location = str(raw.get("location") or "global").replace(" ", "").lower()
    tags = raw.get("tags")
    return {
        **raw,
        "id": rid,
        "type": str(raw.get("type") or "").lower(),
        "name": str(raw.get("name") or rid.rsplit("/", 1)[-1]),
        "location": location,
        "subscriptionId": subscription,
        "tags": tags if isinstance(tags, dict) else {},
        "properties": raw.get("properties") if isinstance(raw.get("properties"), dict) else {},
    }


def tags_of(item: dict[str, Any]) -> dict[str, str]:
    return {str(k): "" if v is None else str(v) for k, v in (item.get("tags") or {}).items()}


def describe(
    item: dict[str, Any], sizes: Callable[[str], Specs | None]
) -> tuple[Facts, str | None]:
    """What the type's declaration reads from a normalised item, and why it could not, if so."""
    facts = Facts(item, sizes)
    spec = TYPES.get(item["type"])
    if spec is None:
        return facts, None
    try:
        spec.extract(facts)
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        return Facts(item, sizes), f"{item['type']}: unexpected properties ({exc})"
    return facts, None


def attributes_of(facts: Facts) -> dict[str, Any]:
    return {**facts.attributes, "details": dict(sorted(facts.details.items()))}
