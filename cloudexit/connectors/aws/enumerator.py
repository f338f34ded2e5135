"""The one generic reader: lists a declared type in one account and region, then builds Resources."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from cloudexit.catalog.classes import fill_sizes
from cloudexit.catalog.loader import Catalog
from cloudexit.connectors.aws import metrics
from cloudexit.connectors.aws.declare import Item, ResourceType, tag_dict
from cloudexit.connectors.aws.issues import SOURCE, issue
from cloudexit.connectors.aws.pricing import monthly_cost
from cloudexit.connectors.aws.reader import Reader
from cloudexit.model.inventory import Attributes, CollectionIssue, Resource
from cloudexit.topology import Mapped


@dataclass(frozen=True)
class Context:
    catalogue: Future[Catalog]
    """Loaded in the background while the first reads are in flight."""
    regions: frozenset[str]
    """Regions scanned in this account: items placed elsewhere (S3 buckets) are left out."""
    details: Executor | None = None
    metrics: bool = True

    @property
    def catalog(self) -> Catalog:
        return self.catalogue.result()


@dataclass
class Collected:
    resources: list[Resource] = field(default_factory=list)
    issues: list[CollectionIssue] = field(default_factory=list)
    refused: str | None = None
    """The issue code when the list call itself failed (nothing of the type was read)."""


def _errors() -> tuple[type[BaseException], ...]:
    from botocore.exceptions import BotoCoreError, ClientError

    return (ClientError, BotoCoreError)


def _wrap(item: Any, parent: Any = None) -> Item:
    wrapped: Item = dict(item) if isinstance(item, dict) else {"_key": item}
    if parent is not None:
        wrapped["_parent"] = parent
    return wrapped


def list_items(rt: ResourceType, reader: Reader) -> Iterator[Item]:
    if rt.parent is None:
        for item in reader.items(rt.service, rt.operation, rt.items, rt.params):
            yield _wrap(item)
        return
    parents = reader.items(rt.service, rt.parent.operation, rt.parent.items, rt.parent.params)
    for parent in list(parents):
        params = {**rt.params, rt.parent.param: parent}
        for item in reader.items(rt.service, rt.operation, rt.items, params):
            yield _wrap(item, parent)


def collect(rt: ResourceType, reader: Reader, ctx: Context) -> Collected:
    where = "global" if rt.scope == "global" else reader.scope.region
    label = f"{reader.scope.account}/{where}/{rt.type}"
    out = Collected()
    try:
        items = [i for i in list_items(rt, reader) if rt.include is None or rt.include(i)]
    except _errors() as error:
        out.issues.append(issue(error, label, f"{rt.service}:{rt.operation}"))
        out.refused = out.issues[-1].code
        return out
    if rt.detail is not None:
        items = _details(rt, reader, ctx, items, label, out)
    if rt.region is not None:
        items = [i for i in items if rt.region(i) in ctx.regions]
    if rt.finish is not None and items:
        try:
            items = rt.finish(reader, items)
        except _errors() as error:
            out.issues.append(issue(error, label, f"{rt.type} extra facts"))
    if rt.unsupported and rt.type_of is not None:
        items = _drop_skipped(rt.type_of, items, ctx, label, out)
    for item in items:
        resource = _build(rt, item, reader, ctx, label, out)
        if resource is not None:
            out.resources.append(resource)
    if rt.cpu is not None and ctx.metrics and out.resources:
        _utilisation(rt, reader, items, out, label)
    if rt.unsupported:
        _report_unsupported(out, ctx, label)
    for resource in out.resources:
        resource.monthly_cost = monthly_cost(resource, ctx.catalog)
    return out


def _details(
    rt: ResourceType, reader: Reader, ctx: Context, items: list[Item], label: str, out: Collected
) -> list[Item]:
    detail = rt.detail
    assert detail is not None
    batches = [items[i : i + rt.detail_batch] for i in range(0, len(items), rt.detail_batch)]

    def run(batch: list[Item]) -> tuple[list[Item], BaseException | None]:
        try:
            return detail(reader, batch), None
        except _errors() as error:
            return batch, error

    if ctx.details is None:
        results = [run(b) for b in batches]
    else:
        results = list(ctx.details.map(run, batches))
    detailed: list[Item] = []
    for batch, (items_out, error) in zip(batches, results, strict=True):
        if error is not None:
            first = batch[0].get("_key") if len(batch) == 1 else None
            out.issues.append(
                issue(
                    error, label, f"details of {len(batch)} item(s)", str(first) if first else None
                )
            )
        detailed.extend(items_out)
    return detailed


def _value(spec: str | Callable[..., Any], item: Item, *args: Any) -> Any:
    return item[spec] if isinstance(spec, str) else spec(item, *args)


def _build(
    rt: ResourceType, item: Item, reader: Reader, ctx: Context, label: str, out: Collected
) -> Resource | None:
    scope = reader.scope
    rid: str | None = None
    try:
        rid = str(_value(rt.id, item, scope))
        native = rt.type_of(item) if rt.type_of else rt.type
        if callable(rt.kind):
            kind = rt.kind(item)
        else:
            kind = rt.kind or ctx.catalog.kind_for(native)
        if rt.tags is None:
            tags: dict[str, str] = {}
        elif isinstance(rt.tags, str):
            tags = tag_dict(item.get(rt.tags))
        else:
            tags = dict(rt.tags(item))
        if rt.region is not None:
            region = rt.region(item)
        else:
            region = "global" if rt.scope == "global" else scope.region
        deps = set(rt.depends_on(item, scope)) if rt.depends_on else set()
        deps.discard(rid)
        attributes = rt.attributes(item, scope) if rt.attributes else Attributes()
        attributes.details = {k: v for k, v in attributes.details.items() if v is not None}
        sizes = attributes.model_dump(exclude_none=True)
        fill_sizes(sizes, ctx.catalog, "aws")
        attributes = attributes.model_copy(update=sizes)
        mapped = rt.topology(item) if rt.topology else Mapped()
        for problem in mapped.problems:
            out.issues.append(
                CollectionIssue(
                    code="unsupported_rule",
                    message=f"{native} {problem}: not translated",
                    source=SOURCE,
                    scope=label,
                    resource_id=rid,
                )
            )
        return Resource(
            id=rid,
            provider="aws",
            account=scope.account,
            region=region,
            type=native,
            kind=kind,
            name=str(_value(rt.name, item)),
            tags=tags,
            attributes=attributes,
            topology=mapped.topology,
            depends_on=sorted(d for d in deps if d),
        )
    except (KeyError, TypeError, ValueError, ValidationError) as error:
        out.issues.append(
            CollectionIssue(
                code="invalid_data",
                message=f"{rt.type} item could not be read: {type(error).__name__}: {error}",
                source=SOURCE,
                scope=label,
                resource_id=rid,
            )
        )
        return None


def _utilisation(
    rt: ResourceType, reader: Reader, items: list[Item], out: Collected, label: str
) -> None:
    cpu = rt.cpu
    assert cpu is not None
    ids = {r.id for r in out.resources}
    targets = []
    for item in items:
        rid = str(_value(rt.id, item, reader.scope))
        if rid in ids:
            targets.append((rid, cpu.value(item)))
    try:
        found = metrics.cpu_utilisation(reader, cpu.namespace, cpu.dimension, targets)
    except _errors() as error:
        out.issues.append(issue(error, label, "cloudwatch:GetMetricData (CPU)"))
        return
    for resource in out.resources:
        resource.utilisation = found.get(resource.id)


def _drop_skipped(
    type_of: Callable[[Item], str], items: list[Item], ctx: Context, label: str, out: Collected
) -> list[Item]:
    """Types the mappings mark as not workloads (IAM objects) are counted, not listed."""
    kept: list[Item] = []
    skipped: Counter[str] = Counter()
    for item in items:
        native = type_of(item)
        if ctx.catalog.skip_reason(native) is None:
            kept.append(item)
        else:
            skipped[native] += 1
    for native, count in sorted(skipped.items()):
        out.issues.append(
            CollectionIssue(
                code="skipped",
                message=f"{count} {native} resource(s) not listed: {ctx.catalog.skip_reason(native)}",
                source=SOURCE,
                scope=f"{label.rsplit('/', 1)[0]}/{native}",
            )
        )
    return kept


def _report_unsupported(out: Collected, ctx: Context, label: str) -> None:
    counts = Counter(r.type for r in out.resources)
    for native, count in sorted(counts.items()):
        kind = ctx.catalog.kind_for(native).value
        out.issues.append(
            CollectionIssue(
                code="unsupported_type",
                message=(
                    f"{count} {native} resource(s) have no dedicated reader: listed from the "
                    f"tagging API as kind {kind} with tags only"
                ),
                source=SOURCE,
                scope=f"{label.rsplit('/', 1)[0]}/{native}",
            )
        )
