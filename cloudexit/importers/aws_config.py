"""AWS Config: configuration snapshots, history and single configuration items.

Reads a snapshot file (``configurationItems``), ``get-resource-config-history`` and
``batch-get-resource-config`` output, ``select-resource-config`` results, change notifications
(``configurationItem``), a bare item, or JSON lines of items. A resource seen in several items
keeps its newest one; deleted resources are reported as skipped. Relationships become
dependencies once every item has been read.
"""

from __future__ import annotations

import json
from typing import Any

from cloudexit.importers.aws_cli import add_aws_resource
from cloudexit.importers.aws_shapes import aws_tags, pascal
from cloudexit.importers.context import ImportContext
from cloudexit.importers.jsonstream import json_lines, open_binary, walk
from cloudexit.model.inventory import Resource

_LISTS = frozenset(
    {"configurationItems.item", "baseConfigurationItems.item", "Results.item", "configurationItem"}
)
_DELETED = frozenset({"ResourceDeleted", "ResourceDeletedNotRecorded"})
_DEPENDS = ("Is contained in", "Is associated with", "Is attached to")


class _Collector:
    def __init__(self, ctx: ImportContext) -> None:
        self.ctx = ctx
        self.latest: dict[str, tuple[str, Resource | None]] = {}
        self.by_native: dict[tuple[str, str], str] = {}
        self.relations: dict[str, list[tuple[str, str]]] = {}
        self.items = 0

    def item(self, raw: Any, where: str) -> None:
        self.items += 1
        if isinstance(raw, str):
            try:
                raw = json.loads(raw)
            except json.JSONDecodeError:
                self.ctx.issue("invalid_data", "a query result is not JSON", where)
                return
        if not isinstance(raw, dict):
            self.ctx.issue("invalid_data", "a configuration item is not an object", where)
            return
        native_type = raw.get("resourceType")
        native_id = raw.get("resourceId")
        if not isinstance(native_type, str) or not isinstance(native_id, str):
            self.ctx.issue(
                "invalid_data", "a configuration item without resourceType or resourceId", where
            )
            return
        arn = raw.get("ARN") or raw.get("arn")
        region = str(raw.get("awsRegion") or "unknown")
        account = str(raw.get("awsAccountId") or raw.get("accountId") or "")
        rid = (
            arn if isinstance(arn, str) and arn else f"{native_type}:{account}:{region}:{native_id}"
        )
        self.by_native[(native_type, native_id)] = rid
        captured = str(raw.get("configurationItemCaptureTime") or "")
        previous = self.latest.get(rid)
        if previous is not None and previous[0] >= captured:
            self.ctx.skip(
                rid,
                native_type,
                "an older configuration item of a resource already read",
                native_id,
            )
            return
        if previous is not None:
            self._drop(previous[1], rid, native_type, native_id)
        status = str(raw.get("configurationItemStatus") or "")
        if status in _DELETED:
            self.ctx.skip(rid, native_type, f"resource is deleted ({status})", native_id)
            self.latest[rid] = (captured, None)
            return
        configuration = raw.get("configuration")
        if isinstance(configuration, str):
            try:
                configuration = json.loads(configuration)
            except json.JSONDecodeError:
                configuration = {}
        shape = pascal(configuration) if isinstance(configuration, dict) else {}
        extra = raw.get("supplementaryConfiguration")
        if isinstance(extra, dict) and extra:
            # what AWS Config records beside the configuration (an S3 bucket's ACL, encryption)
            shape["SupplementaryConfiguration"] = pascal(extra)
        tags = aws_tags(raw.get("tags")) or aws_tags(shape.get("Tags") or shape.get("TagList"))
        name = tags.get("Name") or raw.get("resourceName") or native_id
        before = len(self.ctx.resources)
        add_aws_resource(
            self.ctx,
            native_type,
            shape,
            rid=rid,
            account=account,
            region=region,
            name=str(name),
            tags=tags,
        )
        added = self.ctx.resources[-1] if len(self.ctx.resources) > before else None
        self.latest[rid] = (captured, added)
        self.relations[rid] = [
            (str(r.get("resourceType")), str(r.get("resourceId")))
            for r in raw.get("relationships") or []
            if isinstance(r, dict) and _is_dependency(r)
        ]

    def _drop(self, resource: Resource | None, rid: str, native_type: str, native_id: str) -> None:
        if resource is not None:
            self.ctx.resources = [r for r in self.ctx.resources if r is not resource]
        self.ctx.skip(
            rid, native_type, "an older configuration item of a resource already read", native_id
        )

    def finish(self) -> None:
        kept = {r.id for r in self.ctx.resources}
        for resource in self.ctx.resources:
            targets = {self.by_native.get(rel) for rel in self.relations.get(resource.id, [])}
            targets |= set(resource.depends_on)  # a replica's primary, named by its shape
            resource.depends_on = sorted(t for t in targets if t and t in kept and t != resource.id)


def _is_dependency(relationship: dict[str, Any]) -> bool:
    name = str(relationship.get("name") or relationship.get("relationshipName") or "")
    if relationship.get("resourceType") == "AWS::EC2::Instance":
        return False
    return name.startswith(_DEPENDS)


def read(ctx: ImportContext) -> None:
    collector = _Collector(ctx)
    if _looks_like_lines(ctx):
        for number, item in ctx.until_fault(json_lines(ctx.path)):
            collector.item(item, f"line {number}")
    else:
        for prefix, value in ctx.until_fault(walk(ctx.path, _LISTS.__contains__)):
            collector.item(value, prefix.replace(".item", "[]"))
        if collector.items == 0:
            for _, value in walk(ctx.path, lambda p: p == ""):
                if isinstance(value, dict) and "resourceType" in value:
                    collector.item(value, "top level")
    collector.finish()


def _looks_like_lines(ctx: ImportContext) -> bool:
    with open_binary(ctx.path) as handle:
        first = handle.readline().strip()
        rest = handle.readline().strip()
    if not first.startswith(b"{") or not rest.startswith(b"{"):
        return False
    try:
        json.loads(first)
    except ValueError:
        return False
    return True
