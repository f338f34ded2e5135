"""Google Cloud Asset Inventory: ``gcloud asset export`` JSON lines, ``asset list`` and
``search-all-resources`` output (as gcloud prints it or as the API returns it).

Export items carry the resource's own API representation under ``resource.data``; search
results carry a summary (location, state, labels, additionalAttributes). Field names come in
the API's camelCase or the export's snake_case. Each asset is read with the live connector's
declarations (cloudexit.connectors.gcp.describe): the same project, region, sizes, nested node
pools and dependencies as a scan.
"""

from __future__ import annotations

from typing import Any

from cloudexit.catalog.classes import fill_sizes, size_specs
from cloudexit.connectors.gcp.describe import (
    Child,
    asset_type_of,
    data_of,
    describe,
    link_firewalls,
    project_ids,
    project_of,
)
from cloudexit.importers.context import ImportContext
from cloudexit.importers.jsonstream import json_lines, open_binary, walk
from cloudexit.importers.redact import redact
from cloudexit.importers.terraform_sizing import mapping, text
from cloudexit.model.inventory import Attributes

_ITEMS = frozenset({"item", "results.item", "assets.item"})
_GONE = frozenset({"DELETED", "DELETE_REQUESTED", "DELETE_IN_PROGRESS", "DELETING"})


def read(ctx: ImportContext) -> None:
    entries: list[tuple[Any, str]] = []
    if _is_lines(ctx):
        entries = [
            (item, f"line {number}") for number, item in ctx.until_fault(json_lines(ctx.path))
        ]
    else:
        found = False
        history: dict[str, tuple[str, bool, Any, str]] = {}
        for prefix, value in ctx.until_fault(walk(ctx.path, _ITEMS.__contains__)):
            found = True
            where = prefix.replace(".item", "[]")
            if (
                isinstance(value, dict)
                and isinstance(value.get("asset"), dict)
                and "window" in value
            ):
                _keep_latest(history, value, where)
            else:
                entries.append((value, where))
        for name, (_, deleted, asset, where) in sorted(history.items()):
            if deleted:
                kind = str(_get(asset, "assetType", "asset_type") or "")
                ctx.skip(name, kind, "deleted in the history's last window", where)
            else:
                entries.append((asset, where))
        if not found:
            entries = [
                (value, "top level")
                for _, value in walk(ctx.path, lambda p: p == "")
                if isinstance(value, dict)
            ]
    _Reader(ctx, entries).run()


def _keep_latest(
    history: dict[str, tuple[str, bool, Any, str]], entry: dict[str, Any], where: str
) -> None:
    """`gcloud asset get-history` lists every version of an asset in time windows: keep the last."""
    asset = entry["asset"]
    name = asset.get("name")
    if not isinstance(name, str):
        return
    window = mapping(entry.get("window"))
    start = str(window.get("startTime") or window.get("start_time") or "")
    if name not in history or start >= history[name][0]:
        history[name] = (start, bool(entry.get("deleted")), asset, where)


def _is_lines(ctx: ImportContext) -> bool:
    with open_binary(ctx.path) as handle:
        first = handle.readline().strip()
    return first.startswith(b"{") and first.endswith(b"}") and b"\n" not in first and _asset(first)


def _asset(line: bytes) -> bool:
    """A line that is one asset; a whole response on one line (``{"assets": [...]}``) is not."""
    import json

    try:
        value = json.loads(line)
    except ValueError:
        return False
    return isinstance(value, dict) and "name" in value and bool(asset_type_of(value))


def _get(item: dict[str, Any], *names: str) -> Any:
    for name in names:
        if name in item:
            return item[name]
    return None


class _Reader:
    """Every asset of the file first: a declaration may read another asset (an instance
    group's template), as in the live scan."""

    def __init__(self, ctx: ImportContext, entries: list[tuple[Any, str]]) -> None:
        self.ctx = ctx
        self.entries = entries
        self.by_name: dict[str, dict[str, Any]] = {
            item["name"]: item
            for item, _ in entries
            if isinstance(item, dict) and isinstance(item.get("name"), str)
        }
        self.projects = project_ids(self.by_name.values())

    def run(self) -> None:
        children: list[tuple[Child, str | None, str]] = []
        for item, where in self.entries:
            children.extend(self._add(item, where))
        seen = {r.id for r in self.ctx.resources} | set(self.by_name)
        for (name, asset_type, data, location), project, where in sorted(
            children, key=lambda c: c[0][0]
        ):
            if name not in seen:
                self._add_asset(name, asset_type, data, project, where, None, None, location)
        link_firewalls(self.ctx.resources, self.lookup)

    def lookup(self, name: str) -> dict[str, Any] | None:
        return data_of(self.by_name.get(name)) or None

    def _add(self, item: Any, where: str) -> list[tuple[Child, str | None, str]]:
        ctx = self.ctx
        if not isinstance(item, dict):
            ctx.issue("invalid_data", "an asset is not an object", where)
            return []
        name = item.get("name")
        native_type = asset_type_of(item)
        if not isinstance(name, str) or not native_type:
            ctx.issue("invalid_data", "an asset without name or asset type", where)
            return []
        item = redact(item)
        data = data_of(item)
        # an export or list entry holds the resource; a search result only its summary
        listed, searched = (item, None) if isinstance(item.get("resource"), dict) else (None, item)
        short = str(
            text(_get(item, "displayName", "display_name"))
            or text(data.get("displayName"))
            or text(data.get("name"))
            or name
        ).rsplit("/", 1)[-1]
        state = str(
            item.get("state")
            or data.get("lifecycleState")
            or data.get("state")
            or data.get("status")
            or ""
        )
        if state.upper() in _GONE:
            ctx.skip(name, native_type, f"resource is {state.lower()}", short)
            return []
        project = project_of(name, searched, listed, self.projects)
        return self._add_asset(name, native_type, data, project, short, listed, searched, None)

    def _add_asset(
        self,
        name: str,
        native_type: str,
        data: dict[str, Any],
        project: str | None,
        where: str,
        listed: dict[str, Any] | None,
        searched: dict[str, Any] | None,
        parent_location: str | None,
    ) -> list[tuple[Child, str | None, str]]:
        ctx = self.ctx
        kind = ctx.classify(native_type, name, where)
        if kind is None:
            return []
        read = describe(
            name,
            native_type,
            data,
            project,
            lambda size: size_specs(ctx.catalog, "gcp", size),
            self.lookup,
            listed=listed,
            searched=searched,
            parent_location=parent_location,
        )
        if read.problem:
            ctx.issue("invalid_data", read.problem, where, name)
        fields = read.attributes
        fill_sizes(fields, ctx.catalog, "gcp")
        ctx.add(
            id=name,
            provider="gcp",
            account=project or "",
            region=read.region,
            type=native_type,
            kind=read.kind or kind,
            name=read.name,
            tags={str(k): "" if v is None else str(v) for k, v in read.tags.items()},
            attributes=Attributes.model_validate(fields),
            depends_on=sorted(read.depends_on),
            topology=read.topology.topology,
            rule_problems=read.topology.problems,
        )
        return [(child, project, where) for child in read.children]
