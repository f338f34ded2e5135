"""Azure exports: Resource Graph (objectArray and table formats), ``az resource list``, ARM lists.

All hold ARM resources (id, type, location, sku, kind, tags, properties when expanded), read
with the live connector's declarations (cloudexit.connectors.azure.describe): the same id
spelling, sizes, nested resources (subnets, node pools) and dependencies as a scan.
"""

from __future__ import annotations

from typing import Any

from cloudexit.catalog.classes import fill_sizes, size_specs
from cloudexit.connectors.azure.describe import TYPES, attributes_of, describe, normalise, tags_of
from cloudexit.connectors.azure.registry import arm_id
from cloudexit.importers.context import ImportContext
from cloudexit.importers.jsonstream import walk
from cloudexit.importers.redact import redact
from cloudexit.importers.terraform_sizing import mapping, text
from cloudexit.model.inventory import Attributes

_ITEMS = frozenset({"value.item", "data.item", "item", "data.columns", "data.rows.item"})
_ANNOUNCED = frozenset({"totalRecords", "total_records"})
_GONE = frozenset({"deleting", "deleted"})


def read(ctx: ImportContext) -> None:
    columns: list[str] | None = None
    waiting: list[Any] = []
    children: list[dict[str, Any]] = []
    seen: set[str] = set()
    announced: int | None = None
    read_items = 0
    for prefix, value in ctx.until_fault(walk(ctx.path, lambda p: p in _ITEMS or p in _ANNOUNCED)):
        if prefix in _ANNOUNCED:
            announced = value if isinstance(value, int) else None
            continue
        if prefix != "data.columns":
            read_items += 1
        if prefix == "data.columns":
            columns = [str(c.get("name")) if isinstance(c, dict) else str(c) for c in value or []]
            for row in waiting:
                _add(ctx, _row(columns, row), children, seen)
            waiting.clear()
        elif prefix == "data.rows.item":
            if columns is None:
                waiting.append(value)
            else:
                _add(ctx, _row(columns, value), children, seen)
        else:
            _add(ctx, value, children, seen)
    for child in sorted(children, key=lambda c: str(c.get("id"))):
        if arm_id(child.get("id")) not in seen:
            _add(ctx, child, children, seen)
    if announced is not None and announced > read_items:
        ctx.issue(
            "invalid_data",
            f"the export announces {announced} records and holds {read_items}: pages are missing "
            "(a Resource Graph query returns at most 1,000 rows a page; follow $skipToken or use "
            "`az graph query --first 1000` with `--skip-token` until none is returned)",
        )


def _row(columns: list[str], row: Any) -> Any:
    if not isinstance(row, list):
        return row
    return dict(zip(columns, row, strict=False))


def _add(ctx: ImportContext, raw: Any, children: list[dict[str, Any]], seen: set[str]) -> None:
    if (
        not isinstance(raw, dict)
        or not isinstance(raw.get("id"), str)
        or not isinstance(raw.get("type"), str)
    ):
        ctx.issue("invalid_data", "an item without id or type", "")
        return
    item = normalise(redact(raw))
    rid, native_type, name = item["id"], item["type"], item["name"]
    seen.add(rid)
    state = (text(item["properties"].get("provisioningState")) or "").lower()
    if state in _GONE:
        ctx.skip(rid, native_type, f"resource is {state}", name)
        return
    kind = ctx.classify(native_type, rid, name)
    if kind is None:
        return
    facts, problem = describe(item, lambda size: size_specs(ctx.catalog, "azure", size))
    if problem:
        ctx.issue("invalid_data", problem, name, rid)
    if facts.skip:
        ctx.skip(rid, native_type, facts.skip, name)
        return
    fields = attributes_of(facts) if native_type in TYPES else _undeclared(item)
    fill_sizes(fields, ctx.catalog, "azure")
    ctx.add(
        id=rid,
        provider="azure",
        account=item["subscriptionId"],
        region=item["location"],
        type=native_type,
        kind=facts.kind or kind,
        name=name,
        tags=tags_of(item),
        attributes=Attributes.model_validate(fields),
        depends_on=sorted(facts.depends_on),
        topology=facts.topology.topology if facts.topology else None,
        rule_problems=facts.topology.problems if facts.topology else None,
    )
    children.extend(facts.children)


def _undeclared(item: dict[str, Any]) -> dict[str, Any]:
    """A type the connector has no declaration for: its SKU and ARM kind, as details."""
    sku = mapping(item.get("sku"))
    details = {
        k: v
        for k, v in (
            ("sku", text(sku.get("name"))),
            ("tier", text(sku.get("tier"))),
            ("arm_kind", text(item.get("kind"))),
        )
        if v
    }
    return {"details": details} if details else {}
