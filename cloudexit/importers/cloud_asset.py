"""Google Cloud Asset Inventory: ``gcloud asset export`` JSON lines, ``asset list`` and
``search-all-resources`` output (as gcloud prints it or as the API returns it).

Export items carry the resource's own API representation under ``resource.data``; search
results carry a summary (location, state, labels, additionalAttributes). Field names come in
the API's camelCase or the export's snake_case.
"""

from __future__ import annotations

import re
from typing import Any

from cloudexit.importers.context import ImportContext
from cloudexit.importers.jsonstream import json_lines, open_binary, walk
from cloudexit.importers.redact import redact
from cloudexit.importers.refine import engine_kind, engine_name
from cloudexit.importers.specs import fill_specs
from cloudexit.importers.terraform_sizing import clean_fields, count, mapping, positive, text
from cloudexit.model.inventory import Attributes
from cloudexit.model.topology import Topology
from cloudexit.topology import Mapped
from cloudexit.topology import gcp as gcp_topology

_ITEMS = frozenset({"item", "results.item", "assets.item"})
_ZONE = re.compile(r"^([a-z]+-[a-z]+\d+)-[a-z]$")
_PROJECT = re.compile(r"/projects/([^/]+)")
_API_LINK = re.compile(
    r"^https://(?:www\.)?(compute|[a-z0-9-]+)\.googleapis\.com/(?:compute/)?(?:v[0-9a-z]+/)(projects/.+)$"
)
# links that point back at the resources that use this one (a disk's users, a network's subnets)
_BACK_LINKS = frozenset({"selfLink", "users", "subnetworks"})
_GONE = frozenset({"DELETED", "DELETE_REQUESTED", "DELETE_IN_PROGRESS", "DELETING"})


def read(ctx: ImportContext) -> None:
    links: dict[str, set[str]] = {}
    if _is_lines(ctx):
        for number, item in json_lines(ctx.path):
            _add(ctx, item, f"line {number}", links)
    else:
        found = False
        history: dict[str, tuple[str, bool, Any, str]] = {}
        for prefix, value in walk(ctx.path, _ITEMS.__contains__):
            found = True
            where = prefix.replace(".item", "[]")
            if (
                isinstance(value, dict)
                and isinstance(value.get("asset"), dict)
                and "window" in value
            ):
                _keep_latest(history, value, where)
            else:
                _add(ctx, value, where, links)
        for name, (_, deleted, asset, where) in sorted(history.items()):
            if deleted:
                kind = str(_get(asset, "assetType", "asset_type") or "")
                ctx.skip(name, kind, "deleted in the history's last window", where)
            else:
                _add(ctx, asset, where, links)
        if not found:
            for _, value in walk(ctx.path, lambda p: p == ""):
                if isinstance(value, dict):
                    _add(ctx, value, "top level", links)
    known = {r.id for r in ctx.resources}
    for resource in ctx.resources:
        resource.depends_on = sorted((links.get(resource.id, set()) & known) - {resource.id})


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


def _links(data: dict[str, Any]) -> set[str]:
    """Cloud Asset names of the resources an API representation points at by URL."""
    found: set[str] = set()
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(v for k, v in node.items() if k not in _BACK_LINKS)
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, str) and node.startswith("https://"):
            match = _API_LINK.match(node)
            if match:
                service = "compute" if match.group(1) == "www" else match.group(1)
                found.add(f"//{service}.googleapis.com/{match.group(2)}")
    return found


def _is_lines(ctx: ImportContext) -> bool:
    with open_binary(ctx.path) as handle:
        first = handle.readline().strip()
    return (
        first.startswith(b"{") and first.endswith(b"}") and b"\n" not in first and _complete(first)
    )


def _complete(line: bytes) -> bool:
    import json

    try:
        json.loads(line)
    except ValueError:
        return False
    return True


def _get(item: dict[str, Any], *names: str) -> Any:
    for name in names:
        if name in item:
            return item[name]
    return None


def _add(ctx: ImportContext, item: Any, where: str, links: dict[str, set[str]]) -> None:
    if not isinstance(item, dict):
        ctx.issue("invalid_data", "an asset is not an object", where)
        return
    name = item.get("name")
    native_type = _get(item, "assetType", "asset_type")
    if not isinstance(name, str) or not isinstance(native_type, str):
        ctx.issue("invalid_data", "an asset without name or asset type", where)
        return
    item = redact(item)
    resource = mapping(item.get("resource"))
    data = mapping(resource.get("data"))
    display = (
        text(_get(item, "displayName", "display_name"))
        or text(data.get("displayName"))
        or text(data.get("name"))
    )
    short = display or name.rsplit("/", 1)[-1]
    state = str(
        item.get("state")
        or data.get("lifecycleState")
        or data.get("state")
        or data.get("status")
        or ""
    )
    if state.upper() in _GONE:
        ctx.skip(name, native_type, f"resource is {state.lower()}", short)
        return
    kind = ctx.classify(native_type, name, short)
    if kind is None:
        return
    fields = _sizing(native_type, data, item)
    mapped = _topology(native_type, data)
    version = data.get("databaseVersion")
    if isinstance(version, str):
        kind = engine_kind(version, kind)
    fill_specs(fields, ctx.catalog, "gcp")
    labels = _get(item, "labels") or data.get("labels") or {}
    ctx.add(
        id=name,
        provider="gcp",
        account=_project(name, item, data),
        region=_region(item, resource, data),
        type=native_type,
        kind=kind,
        name=short,
        tags={str(k): str(v) for k, v in labels.items() if v is not None}
        if isinstance(labels, dict)
        else {},
        attributes=Attributes.model_validate(fields),
        topology=mapped.topology,
        rule_problems=mapped.problems,
    )
    links[name] = _links(data)


def _topology(native_type: str, data: dict[str, Any]) -> Mapped:
    try:
        if native_type == "compute.googleapis.com/Firewall":
            return gcp_topology.firewall(data)
        if native_type == "compute.googleapis.com/Subnetwork" and data.get("ipCidrRange"):
            return Mapped(Topology(cidrs=[str(data["ipCidrRange"])]))
    except (ValueError, TypeError) as exc:
        return Mapped(problems=[f"topology not understood ({str(exc).splitlines()[-1].strip()})"])
    return Mapped()


def _project(name: str, item: dict[str, Any], data: dict[str, Any]) -> str:
    match = _PROJECT.search(name)
    if match:
        return match.group(1)
    project = item.get("project") or data.get("projectId")
    return str(project).rsplit("/", 1)[-1] if project else ""


def _region(item: dict[str, Any], resource: dict[str, Any], data: dict[str, Any]) -> str:
    for candidate in (
        item.get("location"),
        resource.get("location"),
        data.get("zone"),
        data.get("region"),
        data.get("location"),
    ):
        if isinstance(candidate, str) and candidate:
            last = candidate.rsplit("/", 1)[-1]
            match = _ZONE.match(last)
            return match.group(1) if match else last.lower()
    return "global"


def _last(value: Any) -> str | None:
    return value.rsplit("/", 1)[-1] if isinstance(value, str) and value else None


def _sizing(native_type: str, d: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    extra = _get(item, "additionalAttributes", "additional_attributes") or {}
    fields: dict[str, Any] = {}
    if native_type == "compute.googleapis.com/Instance":
        disks = [
            positive(disk.get("diskSizeGb"))
            for disk in d.get("disks") or []
            if isinstance(disk, dict)
        ]
        known = [s for s in disks if s is not None]
        gpus = sum(
            int(g.get("acceleratorCount") or 0)
            for g in d.get("guestAccelerators") or []
            if isinstance(g, dict)
        )
        status = str(d.get("status") or item.get("state") or "")
        fields = {
            "instance_type": _last(d.get("machineType") or extra.get("machineType")),
            "storage_gib": sum(known) if known else None,
            "gpu_count": gpus or None,
            # Compute Engine says TERMINATED for a stopped instance that still exists
            "state": "stopped" if status == "TERMINATED" else status.lower() or None,
        }
    elif native_type in ("compute.googleapis.com/Disk", "compute.googleapis.com/RegionDisk"):
        fields = {"storage_gib": positive(d.get("sizeGb")), "storage_class": _last(d.get("type"))}
    elif native_type == "compute.googleapis.com/Snapshot":
        fields = {"storage_gib": positive(d.get("diskSizeGb"))}
    elif native_type == "sqladmin.googleapis.com/Instance":
        settings = d.get("settings") or {}
        availability = text(settings.get("availabilityType"))
        fields = {
            "instance_type": text(settings.get("tier")),
            "engine": engine_name(text(d.get("databaseVersion"))),
            "engine_version": text(d.get("databaseVersion")),
            "storage_gib": positive(settings.get("dataDiskSizeGb")),
            "storage_class": text(settings.get("dataDiskType")),
            "high_availability": availability == "REGIONAL" if availability else None,
            "state": (text(d.get("state")) or "").lower() or None,
        }
    elif native_type == "container.googleapis.com/Cluster":
        pools = [p for p in d.get("nodePools") or [] if isinstance(p, dict)]
        fields = {
            "engine": "kubernetes",
            "engine_version": text(d.get("currentMasterVersion")),
            "instance_type": text((pools[0].get("config") or {}).get("machineType"))
            if pools
            else None,
            "node_count": count(d.get("currentNodeCount")),
        }
    elif native_type == "container.googleapis.com/NodePool":
        fields = {
            "instance_type": text((d.get("config") or {}).get("machineType")),
            "node_count": count(d.get("initialNodeCount")),
        }
    elif native_type == "storage.googleapis.com/Bucket":
        fields = {"storage_class": text(d.get("storageClass"))}
    elif native_type == "redis.googleapis.com/Instance":
        fields = {
            "memory_gib": positive(d.get("memorySizeGb")),
            "engine": "redis",
            "engine_version": text(d.get("redisVersion")),
        }
    elif native_type == "compute.googleapis.com/Firewall":
        fields = {
            "details": {
                "direction": text(d.get("direction")),
                "allowed": d.get("allowed"),
                "source_ranges": d.get("sourceRanges"),
            }
        }
    elif native_type == "compute.googleapis.com/Subnetwork":
        fields = {"details": {"ip_cidr_range": text(d.get("ipCidrRange"))}}
    return clean_fields(fields)
