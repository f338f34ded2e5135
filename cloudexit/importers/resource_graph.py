"""Azure exports: Resource Graph (objectArray and table formats), ``az resource list``, ARM lists.

All hold ARM resources (id, type, location, sku, kind, tags, properties when expanded).
Dependencies are the ARM ids a resource's properties point at (NICs, disks, subnets), kept
when the export holds the resource pointed at, or the resource that contains it.
"""

from __future__ import annotations

from typing import Any

from cloudexit.importers.context import ImportContext
from cloudexit.importers.jsonstream import walk
from cloudexit.importers.redact import redact
from cloudexit.importers.specs import fill_specs
from cloudexit.importers.terraform_sizing import count, mapping, positive, text
from cloudexit.model.inventory import Attributes, Resource
from cloudexit.model.kinds import Kind
from cloudexit.topology import Mapped
from cloudexit.topology import azure as azure_topology

_ITEMS = frozenset({"value.item", "data.item", "item", "data.columns", "data.rows.item"})
_ANNOUNCED = frozenset({"totalRecords", "total_records"})
_GONE = frozenset({"deleting", "deleted"})


def read(ctx: ImportContext) -> None:
    columns: list[str] | None = None
    waiting: list[Any] = []
    references: dict[str, set[str]] = {}
    announced: int | None = None
    read_items = 0
    for prefix, value in walk(ctx.path, lambda p: p in _ITEMS or p in _ANNOUNCED):
        if prefix in _ANNOUNCED:
            announced = value if isinstance(value, int) else None
            continue
        if prefix != "data.columns":
            read_items += 1
        if prefix == "data.columns":
            columns = [str(c.get("name")) if isinstance(c, dict) else str(c) for c in value or []]
            for row in waiting:
                _add(ctx, _row(columns, row), references)
            waiting.clear()
        elif prefix == "data.rows.item":
            if columns is None:
                waiting.append(value)
            else:
                _add(ctx, _row(columns, value), references)
        else:
            _add(ctx, value, references)
    _link(ctx.resources, references)
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


def _add(ctx: ImportContext, item: Any, references: dict[str, set[str]]) -> None:
    if (
        not isinstance(item, dict)
        or not isinstance(item.get("id"), str)
        or not isinstance(item.get("type"), str)
    ):
        ctx.issue("invalid_data", "an item without id or type", "")
        return
    item = redact(item)
    rid: str = item["id"]
    native_type = item["type"].lower()
    name = str(item.get("name") or rid.rsplit("/", 1)[-1])
    properties = mapping(item.get("properties"))
    state = (text(properties.get("provisioningState")) or "").lower()
    if state in _GONE:
        ctx.skip(rid, native_type, f"resource is {state}", name)
        return
    kind = ctx.classify(native_type, rid, name)
    if kind is None:
        return
    if (
        native_type == "microsoft.web/sites"
        and "functionapp" in str(item.get("kind") or "").lower()
    ):
        kind = Kind.FUNCTION
    fields = _sizing(native_type, item, properties)
    mapped = _topology(native_type, item)
    fill_specs(fields, ctx.catalog, "azure")
    ctx.add(
        id=rid,
        provider="azure",
        account=str(item.get("subscriptionId") or _subscription(rid)),
        region=str(item.get("location") or "global").replace(" ", "").lower(),
        type=native_type,
        kind=kind,
        name=name,
        tags={str(k): str(v) for k, v in (item.get("tags") or {}).items() if v is not None},
        attributes=Attributes.model_validate(fields),
        topology=mapped.topology,
        rule_problems=mapped.problems,
    )
    references[rid] = _ids_in(properties) - {rid}


def _topology(native_type: str, item: dict[str, Any]) -> Mapped:
    try:
        if native_type == "microsoft.network/networksecuritygroups":
            return azure_topology.network_security_group(item)
        if native_type in (
            "microsoft.network/virtualnetworks",
            "microsoft.network/virtualnetworks/subnets",
        ):
            return Mapped(azure_topology.address_space(item))
    except (ValueError, TypeError) as exc:
        return Mapped(problems=[f"topology not understood ({str(exc).splitlines()[-1].strip()})"])
    return Mapped()


def _subscription(rid: str) -> str:
    parts = rid.split("/")
    return parts[2] if len(parts) > 2 and parts[1].lower() == "subscriptions" else ""


def _ids_in(value: Any) -> set[str]:
    found: set[str] = set()
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, item in node.items():
                if (
                    key == "id"
                    and isinstance(item, str)
                    and item.lower().startswith("/subscriptions/")
                ):
                    found.add(item)
                else:
                    stack.append(item)
        elif isinstance(node, list):
            stack.extend(node)
    return found


def _link(resources: list[Resource], references: dict[str, set[str]]) -> None:
    known = {r.id.lower(): r.id for r in resources}
    for resource in resources:
        targets: set[str] = set()
        for ref in references.get(resource.id, set()):
            path = ref.lower()
            while path.count("/") > 4:
                if path in known:
                    targets.add(known[path])
                    break
                path = path.rsplit("/", 2)[0]
        targets.discard(resource.id)
        resource.depends_on = sorted(targets)


def _sizing(native_type: str, item: dict[str, Any], p: dict[str, Any]) -> dict[str, Any]:
    sku = mapping(item.get("sku"))
    fields: dict[str, Any] = {}
    if native_type == "microsoft.compute/virtualmachines":
        storage = p.get("storageProfile") or {}
        os_disk = storage.get("osDisk") or {}
        sizes = [positive(os_disk.get("diskSizeGB"))]
        sizes += [
            positive(d.get("diskSizeGB"))
            for d in storage.get("dataDisks") or []
            if isinstance(d, dict)
        ]
        known = [s for s in sizes if s is not None]
        power = str(
            ((p.get("extended") or {}).get("instanceView") or {}).get("powerState", {}).get("code")
            or ""
        )
        fields = {
            "instance_type": text((p.get("hardwareProfile") or {}).get("vmSize")),
            "os": (text(os_disk.get("osType")) or "").lower() or None,
            "storage_gib": sum(known) if known else None,
            "storage_class": text((os_disk.get("managedDisk") or {}).get("storageAccountType")),
            "state": power.split("/", 1)[-1] if power else None,
        }
    elif native_type == "microsoft.compute/disks":
        fields = {
            "storage_gib": positive(p.get("diskSizeGB")),
            "storage_class": text(sku.get("name")),
            "iops": count(p.get("diskIOPSReadWrite")),
            "throughput_mibps": positive(p.get("diskMBpsReadWrite")),
        }
    elif native_type == "microsoft.compute/virtualmachinescalesets":
        fields = {"instance_type": text(sku.get("name")), "node_count": count(sku.get("capacity"))}
    elif native_type.startswith(("microsoft.dbfor", "microsoft.sql/")):
        storage = p.get("storage") or {}
        max_bytes = positive(p.get("maxSizeBytes"))
        single_server_mb = positive((p.get("storageProfile") or {}).get("storageMB"))
        ha = (p.get("highAvailability") or {}).get("mode")
        engine = {"microsoft.dbforpostgresql": "postgresql", "microsoft.dbformysql": "mysql"}.get(
            native_type.split("/", 1)[0], "mariadb" if "mariadb" in native_type else "sqlserver"
        )
        fields = {
            "instance_type": text(sku.get("name")),
            "engine": engine,
            "engine_version": text(p.get("version")),
            "storage_gib": positive(storage.get("storageSizeGB"))
            or (max_bytes / 1024**3 if max_bytes else None)
            or (single_server_mb / 1024 if single_server_mb else None),
            "high_availability": (ha not in (None, "Disabled")) if ha is not None else None,
        }
    elif native_type == "microsoft.cache/redis":
        redis_sku = p.get("sku") or sku
        family, capacity = redis_sku.get("family"), redis_sku.get("capacity")
        name = text(redis_sku.get("name"))
        fields = {
            "instance_type": f"{name} {family}{capacity}"
            if name and family and capacity is not None
            else name,
            "engine": "redis",
            "engine_version": text(p.get("redisVersion")),
        }
    elif native_type == "microsoft.storage/storageaccounts":
        fields = {
            "storage_class": text(sku.get("name")),
            "details": {"account_kind": text(item.get("kind"))},
        }
    elif native_type == "microsoft.containerservice/managedclusters":
        pools = [pool for pool in p.get("agentPoolProfiles") or [] if isinstance(pool, dict)]
        nodes = [count(pool.get("count")) for pool in pools]
        fields = {
            "engine": "kubernetes",
            "engine_version": text(p.get("kubernetesVersion")),
            "instance_type": text(pools[0].get("vmSize")) if pools else None,
            "node_count": sum(n for n in nodes if n) if pools else None,
        }
    elif native_type == "microsoft.web/serverfarms":
        fields = {"instance_type": text(sku.get("name")), "node_count": count(sku.get("capacity"))}
    elif sku.get("name"):
        fields = {"details": {"sku": text(sku.get("name")), "tier": text(sku.get("tier"))}}
    out = {k: v for k, v in fields.items() if v is not None and k != "details"}
    details = {k: v for k, v in (fields.get("details") or {}).items() if v}
    if item.get("kind"):
        details["arm_kind"] = str(item["kind"])
    if details:
        out["details"] = details
    return out
