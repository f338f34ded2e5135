"""One Azure scan: subscriptions -> Resource Graph (or ARM listing) -> resources, metrics, issues."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Final

from cloudexit.catalog.classes import size_specs
from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.connectors.azure import pricing
from cloudexit.connectors.azure.describe import (
    TYPES,
    attributes_of,
    describe,
    normalise,
    tags_of,
)
from cloudexit.connectors.azure.registry import arm_id
from cloudexit.connectors.common import Collector, require_extra
from cloudexit.errors import RuntimeFailure
from cloudexit.model.inventory import Inventory, IssueCode, Resource
from cloudexit.progress import Progress, SilentProgress

__all__ = ["TYPES", "AzureScan", "collect"]
SOURCE: Final = "azure"


@dataclass(frozen=True)
class AzureScan:
    subscriptions: tuple[str, ...] = ()
    management_groups: tuple[str, ...] = ()
    cloud: str = "public"
    endpoint_url: str | None = None
    credential_scope: str | None = None
    authority: str | None = None
    resource_graph: bool = True
    metrics: bool = True
    metrics_days: int = 14
    retries: int = 6
    page_size: int = 1000
    workers: int = 8


def collect(
    scan: AzureScan,
    *,
    credential: Any = None,
    catalog: Catalog | None = None,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> Inventory:
    """Read every resource the identity can see in the chosen scope. Never writes."""
    for module in (
        "azure.core",
        "azure.mgmt.resource.resources",
        "azure.mgmt.resource.subscriptions",
        "azure.mgmt.resourcegraph",
        "azure.mgmt.monitor",
    ):
        require_extra(module, "azure")
    if credential is None:
        require_extra("azure.identity", "azure")
    from cloudexit.connectors.azure import session

    endpoint = session.resolve_endpoint(
        scan.cloud, scan.endpoint_url, scan.credential_scope, scan.authority
    )
    credential = credential or session.default_credential(endpoint)
    session.sign_in(credential, endpoint)
    run = _Run(
        scan=scan,
        kwargs=session.client_kwargs(endpoint, scan.retries, frozenset(TYPES)),
        credential=credential,
        collector=Collector(SOURCE, catalog or load_catalog()),
        progress=progress or SilentProgress(),
        now=now or dt.datetime.now(dt.UTC),
    )
    run.execute()
    run.collector.price(pricing.billed)
    return run.collector.inventory()


@dataclass
class _Run:
    scan: AzureScan
    kwargs: dict[str, Any]
    credential: Any
    collector: Collector
    progress: Progress
    now: dt.datetime

    def __post_init__(self) -> None:
        self.children: list[dict[str, Any]] = []
        self.names: dict[str, str] = {}

    def execute(self) -> None:
        from cloudexit.connectors.azure import session

        subscriptions = self._subscriptions()
        used_graph = False
        if self.scan.resource_graph:
            try:
                rows = self._from_graph(subscriptions)
            except session.SDK_ERRORS as exc:
                code, text = session.describe(exc)
                self.collector.issue(
                    code,
                    f"Resource Graph query failed, listed through Resource Manager: {text}",
                    "resourcegraph",
                )
            else:
                used_graph = True
                for row in rows:
                    self._process(row)
        if not used_graph:
            if not subscriptions and self.scan.management_groups:
                subscriptions = self._group_subscriptions()
            self._from_arm(subscriptions)
        for child in sorted(self.children, key=lambda c: str(c.get("id"))):
            if arm_id(child.get("id")) not in self.collector.resources:
                self._process(child)
        self._records()
        if self.scan.metrics:
            self._metrics()

    # -- scope ---------------------------------------------------------------------------

    def _subscriptions(self) -> list[str]:
        from azure.mgmt.resource.subscriptions import SubscriptionClient

        from cloudexit.connectors.azure import session

        if self.scan.subscriptions:
            chosen = sorted({s.lower() for s in self.scan.subscriptions})
            self.collector.locations.update(f"subscription {s}" for s in chosen)
            return chosen
        if self.scan.management_groups:
            self.collector.locations.update(
                f"management group {g}" for g in self.scan.management_groups
            )
            return []
        client = SubscriptionClient(self.credential, **self.kwargs)
        try:
            found = [
                (s.subscription_id, s.display_name, s.state) for s in client.subscriptions.list()
            ]
        except session.SDK_ERRORS as exc:
            raise RuntimeFailure(
                f"Azure: cannot list subscriptions: {session.describe(exc)[1]}"
            ) from None
        chosen = []
        for sub_id, name, state in sorted(found, key=lambda s: str(s[0])):
            state = str(getattr(state, "value", state) or "")
            if state.lower() in {"disabled", "deleted"}:
                self.collector.issue(
                    "skipped", f"subscription {name or sub_id} is {state}", str(sub_id).lower()
                )
                continue
            chosen.append(str(sub_id).lower())
            self.names[str(sub_id).lower()] = str(name or sub_id)
        if not chosen:
            raise RuntimeFailure(
                "Azure: no enabled subscription is visible to this identity; grant Reader or "
                "pass --subscription"
            )
        self.collector.locations.update(f"subscription {s}" for s in chosen)
        return chosen

    def _group_subscriptions(self) -> list[str]:
        from azure.mgmt.resource.subscriptions import SubscriptionClient

        from cloudexit.connectors.azure import arm, session

        client = SubscriptionClient(self.credential, **self.kwargs)
        found: set[str] = set()
        for group in self.scan.management_groups:
            try:
                found.update(s.lower() for s in arm.management_group_subscriptions(client, group))
            except session.SDK_ERRORS as exc:
                code, text = session.describe(exc)
                self.collector.issue(
                    code, f"cannot list subscriptions of management group {group}: {text}", group
                )
        return sorted(found)

    # -- listing -------------------------------------------------------------------------

    def _from_graph(self, subscriptions: list[str]) -> list[dict[str, Any]]:
        """Every row first: a query failing half-way falls back without half a result."""
        from azure.mgmt.resourcegraph import ResourceGraphClient

        from cloudexit.connectors.azure import graph

        client = ResourceGraphClient(self.credential, **self.kwargs)
        task = self.progress.add("azure: Resource Graph", total=None)
        rows: list[dict[str, Any]] = []
        for page in graph.query(
            client, subscriptions, self.scan.management_groups, self.scan.page_size
        ):
            rows.extend(page)
            self.progress.advance(task, len(page))
        return rows

    def _from_arm(self, subscriptions: list[str]) -> None:
        from azure.mgmt.resource.resources import ResourceManagementClient

        from cloudexit.connectors.azure import arm, session

        task = self.progress.add(
            "azure: subscriptions (Resource Manager)", total=len(subscriptions)
        )
        for subscription in subscriptions:
            client = ResourceManagementClient(self.credential, subscription, **self.kwargs)
            try:
                listed = list(arm.list_resources(client))
            except session.SDK_ERRORS as exc:
                code, text = session.describe(exc)
                self.collector.issue(code, f"cannot list resources: {text}", subscription)
                self.progress.advance(task)
                continue

            def read(
                item: dict[str, Any], client: Any = client
            ) -> tuple[dict[str, Any], Exception | None]:
                spec = TYPES.get(str(item.get("type", "")).lower())
                if spec is None or item.get("properties"):
                    return item, None
                try:
                    return {
                        **item,
                        **arm.get_resource(client, str(item["id"]), spec.api_version),
                    }, None
                except session.SDK_ERRORS as exc:
                    return item, exc

            with ThreadPoolExecutor(max_workers=self.scan.workers) as pool:
                for item, error in pool.map(read, listed):
                    item.setdefault("subscriptionId", subscription)
                    if error is not None:
                        code, text = session.describe(error)
                        self.collector.issue(
                            code,
                            f"read without properties: {text}",
                            subscription,
                            arm_id(item.get("id")),
                        )
                    self._process(item)
            self.progress.advance(task)

    # -- one resource --------------------------------------------------------------------

    def _process(self, raw: dict[str, Any]) -> None:
        item = normalise(raw)
        if not item["id"] or not item["type"]:
            self.collector.issue(
                "invalid_data",
                f"a resource without id or type was returned: {raw.get('name')!r}",
                item["subscriptionId"],
            )
            return
        scope = item["subscriptionId"]
        kind = self.collector.classify(item["type"], scope)
        if kind is None:
            return
        facts, problem = describe(
            item, lambda size: size_specs(self.collector.catalog, "azure", size)
        )
        if problem:
            self.collector.issue("invalid_data", problem, scope, item["id"])
        if facts.skip:
            self.collector.skip(item["type"], scope, facts.skip)
            return
        self.collector.add(
            id=item["id"],
            account=scope,
            region=item["location"],
            type=item["type"],
            kind=facts.kind or kind,
            name=item["name"],
            tags=tags_of(item),
            attributes=attributes_of(facts),
            depends_on=facts.depends_on,
            topology=facts.topology,
        )
        self.children.extend(facts.children)

    # -- DNS records ---------------------------------------------------------------------

    def _records(self) -> None:
        """Each public and private DNS zone's record sets, typed through the shared mapper."""
        from azure.mgmt.resource.resources import ResourceManagementClient

        from cloudexit.connectors.azure import arm, session
        from cloudexit.topology import azure as azure_topology

        clients: dict[str, Any] = {}
        for zone in sorted(self.collector.resources.values(), key=lambda r: r.id):
            if zone.type not in (session.DNS_ZONE, session.PRIVATE_DNS_ZONE):
                continue
            if zone.account not in clients:
                clients[zone.account] = ResourceManagementClient(
                    self.credential, zone.account, **self.kwargs
                )
            try:
                found = arm.record_sets(
                    clients[zone.account], zone.id, private=zone.type == session.PRIVATE_DNS_ZONE
                )
            except session.SDK_ERRORS as exc:
                code, text = session.describe(exc)
                self.collector.issue(
                    code, f"cannot read record sets: {text}", zone.account, zone.id
                )
                continue
            self.collector.records(zone, azure_topology.record_sets(zone.name, found), zone.type)

    # -- metrics -------------------------------------------------------------------------

    def _metrics(self) -> None:
        from azure.mgmt.monitor import MonitorManagementClient

        from cloudexit.connectors.azure import metrics, session

        wanted = [
            (r, TYPES[r.type].metrics)
            for r in sorted(self.collector.resources.values(), key=lambda r: r.id)
            if r.type in TYPES and TYPES[r.type].metrics and r.attributes.state not in {"stopped"}
        ]
        if not wanted:
            return
        client = MonitorManagementClient(self.credential, wanted[0][0].account, **self.kwargs)
        task = self.progress.add("azure: Azure Monitor metrics", total=len(wanted))

        def read(
            entry: tuple[Resource, str | None],
        ) -> tuple[Resource, str | None, Any, Exception | None]:
            resource, family = entry
            try:
                if family == "blob":
                    return (
                        resource,
                        family,
                        metrics.blob_capacity_gib(client, resource.id, self.now),
                        None,
                    )
                # a scale set's metrics are per instance (average, minimum across them): memory per node
                value = metrics.vm_utilisation(
                    client,
                    resource.id,
                    resource.attributes.memory_gib,
                    self.now,
                    self.scan.metrics_days,
                )
                return resource, family, value, None
            except session.SDK_ERRORS as exc:
                return resource, family, None, exc

        failures: dict[tuple[IssueCode, str], list[str]] = {}
        with ThreadPoolExecutor(max_workers=self.scan.workers) as pool:
            for resource, family, value, error in pool.map(read, wanted):
                self.progress.advance(task)
                if error is not None:
                    code, text = session.describe(error)
                    failures.setdefault((code, resource.account), []).append(
                        f"{resource.id}: {text}"
                    )
                elif value is not None and family == "blob":
                    resource.attributes.storage_gib = value
                    resource.attributes.details["storage_source"] = "azure-monitor BlobCapacity"
                elif value is not None:
                    resource.utilisation = value
        for (code, account), messages in sorted(failures.items()):
            self.collector.issue(
                code,
                f"Azure Monitor metrics unavailable for {len(messages)} resource(s), first: {min(messages)}",
                account,
            )
