"""One GCP scan: Cloud Asset search (every resource) + list (full configuration) -> resources, issues;
Cloud DNS -> each managed zone's records; Cloud Monitoring -> utilisation."""

from __future__ import annotations

import datetime as dt
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Final

from cloudexit.catalog.classes import size_specs
from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.connectors.common import Collector, require_extra
from cloudexit.connectors.gcp import pricing
from cloudexit.connectors.gcp.describe import (
    PROJECT_TYPE,
    TYPES,
    describe,
    link_firewalls,
    project_ids,
    project_of,
)
from cloudexit.connectors.gcp.metrics import ASSET_TYPES as METRIC_ASSET_TYPES
from cloudexit.connectors.gcp.metrics import METRICS, Metric
from cloudexit.errors import InputError
from cloudexit.model.inventory import Inventory, IssueCode
from cloudexit.progress import Progress, SilentProgress

__all__ = ["PROJECT_TYPE", "TYPES", "GcpScan", "collect"]
SOURCE: Final = "gcp"
_SCOPE = re.compile(r"^(projects|folders|organizations)/[A-Za-z0-9._:-]+$")
_Child = tuple[str, str, dict[str, Any], str | None, str | None]
DNS_ZONE_TYPE: Final = "dns.googleapis.com/ManagedZone"
_ZONE = re.compile(r"/projects/([^/]+)/managedZones/([^/]+)$")


@dataclass(frozen=True)
class GcpScan:
    scope: str
    endpoint_url: str | None = None
    anonymous: bool = False
    retries: int = 5
    page_size: int = 500
    metrics: bool = True
    metrics_days: int = 14
    monitoring_endpoint: str | None = None
    dns_endpoint: str | None = None
    workers: int = 8

    @property
    def reads_metrics(self) -> bool:
        return self.metrics and self.metrics_days > 0


def collect(
    scan: GcpScan,
    *,
    credentials: Any = None,
    catalog: Catalog | None = None,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> Inventory:
    """Read every resource of the scope through Cloud Asset Inventory, and the utilisation of
    machines and databases through Cloud Monitoring. Never writes."""
    if not _SCOPE.match(scan.scope):
        raise InputError(
            f"--scope: {scan.scope!r} is not projects/ID, folders/NUMBER or organizations/NUMBER"
        )
    if scan.metrics_days < 0:
        raise InputError(f"--metrics-days: {scan.metrics_days} is negative (0 reads no metrics)")
    modules = ["google.cloud.asset_v1", "google.auth", "google.api_core", "requests"]
    for module in modules + (["google.cloud.monitoring_v3", "grpc"] if scan.reads_metrics else []):
        require_extra(module, "gcp")
    from cloudexit.connectors.gcp import assets

    if credentials is None:
        credentials = (
            assets.anonymous_credentials() if scan.anonymous else assets.default_credentials()
        )
    client = assets.make_client(credentials, scan.endpoint_url)
    collector = Collector(
        SOURCE, catalog or load_catalog()
    )  # after the cheap checks: it takes a moment
    collector.locations.add(scan.scope)
    run = _Run(
        scan,
        client,
        collector,
        progress or SilentProgress(),
        credentials,
        now or dt.datetime.now(dt.UTC),
    )
    run.execute()
    collector.price(pricing.billed)
    return collector.inventory()


@dataclass
class _Run:
    scan: GcpScan
    client: Any
    collector: Collector
    progress: Progress
    credentials: Any
    now: dt.datetime

    def __post_init__(self) -> None:
        self.searched: dict[str, dict[str, Any]] = {}
        self.listed: dict[str, dict[str, Any]] = {}
        self.projects: dict[str, str] = {}

    def execute(self) -> None:
        from cloudexit.connectors.gcp import assets

        searched_ok = self._read(
            "search",
            lambda: assets.search(
                self.client, self.scan.scope, self.scan.retries, min(self.scan.page_size, 500)
            ),
            self.searched,
        )
        listed_ok = self._read(
            "list",
            lambda: assets.list_assets(
                self.client,
                self.scan.scope,
                sorted({*TYPES, PROJECT_TYPE}),
                self.scan.retries,
                self.scan.page_size,
            ),
            self.listed,
        )
        if not searched_ok and not listed_ok:
            from cloudexit.errors import RuntimeFailure

            first = self.collector.issues[0].message if self.collector.issues else "no answer"
            raise RuntimeFailure(
                f"GCP: Cloud Asset Inventory gave nothing for {self.scan.scope}: {first}"
            )
        self._project_ids()
        children: list[_Child] = []
        for name in sorted(set(self.searched) | set(self.listed)):
            children.extend(self._process(name))
        for name, asset_type, data, project, location in sorted(children, key=lambda c: c[0]):
            if name not in self.collector.resources:
                self._add(name, asset_type, data, project, None, None, location)
        link_firewalls(self.collector.resources.values(), self._data_of)
        self._records()
        if self.scan.reads_metrics:
            self._metrics()

    def _read(self, what: str, pages: Any, into: dict[str, dict[str, Any]]) -> bool:
        from cloudexit.connectors.gcp import calls

        task = self.progress.add(f"gcp: Cloud Asset {what}", total=None)
        try:
            for page in pages():
                for entry in page:
                    if entry.get("name"):
                        into[entry["name"]] = entry
                self.progress.advance(task, len(page))
        except calls.SDK_ERRORS as exc:
            code, text = calls.describe(exc)
            consequence = (
                "resources listed without their configuration"
                if what == "list"
                else "only the resource types that have an extractor are listed"
            )
            self.collector.issue(
                code, f"Cloud Asset {what} failed ({text}): {consequence}", self.scan.scope
            )
            into.clear()
            return False
        return True

    def _project_ids(self) -> None:
        self.projects.update(project_ids(self.listed.values()))
        for entry in self.searched.values():
            if entry.get("assetType") == PROJECT_TYPE:
                number = entry["name"].rsplit("/", 1)[-1]
                if entry.get("displayName") and not str(entry["displayName"]).isdigit():
                    self.projects.setdefault(number, str(entry["displayName"]))

    def _account(
        self, name: str, searched: dict[str, Any] | None, listed: dict[str, Any] | None
    ) -> str | None:
        return project_of(name, searched, listed, self.projects)

    def _process(self, name: str) -> list[_Child]:
        searched, listed = self.searched.get(name), self.listed.get(name)
        entry = listed or searched or {}
        data = (listed or {}).get("resource", {}).get("data") or {}
        return self._add(
            name,
            str(entry.get("assetType", "")),
            data,
            self._account(name, searched, listed),
            searched,
            listed,
        )

    def _add(
        self,
        name: str,
        asset_type: str,
        data: dict[str, Any],
        project: str | None,
        searched: dict[str, Any] | None,
        listed: dict[str, Any] | None,
        parent_location: str | None = None,
    ) -> list[_Child]:
        account = project or self.scan.scope
        kind = self.collector.classify(asset_type, account)
        if kind is None:
            return []
        read = describe(
            name,
            asset_type,
            data,
            project,
            lambda size: size_specs(self.collector.catalog, "gcp", size),
            self._data_of,
            listed=listed,
            searched=searched,
            parent_location=parent_location,
        )
        if read.problem:
            self.collector.issue("invalid_data", read.problem, account, name)
        self.collector.add(
            id=name,
            account=account,
            region=read.region,
            type=asset_type,
            kind=read.kind or kind,
            name=read.name,
            tags=read.tags,
            attributes=read.attributes,
            depends_on=read.depends_on,
            topology=read.topology,
        )
        return [
            (child, child_type, child_data, project, where)
            for child, child_type, child_data, where in read.children
        ]

    # -- DNS records ---------------------------------------------------------------------

    def _records(self) -> None:
        """Each managed zone's record sets through the Cloud DNS API (Cloud Asset lists the
        zones, not their records), typed through the shared mapper; a zone that cannot be read
        keeps no records and gets one issue."""
        zones = sorted(
            (r for r in self.collector.resources.values() if r.type == DNS_ZONE_TYPE),
            key=lambda r: r.id,
        )
        if not zones:
            return
        if self.scan.endpoint_url and not self.scan.dns_endpoint:
            self.collector.issue(
                "skipped",
                "Cloud DNS records not read: the Cloud Asset endpoint is overridden and no "
                "Cloud DNS endpoint was given (--dns-endpoint)",
                self.scan.scope,
            )
            return
        import requests

        from cloudexit.connectors.gcp import calls, dns
        from cloudexit.topology import gcp as gcp_topology

        session = dns.make_session(self.credentials)
        task = self.progress.add("gcp: Cloud DNS records", total=len(zones))
        with session:
            for zone in zones:
                self.progress.advance(task)
                where = _ZONE.search(zone.id)
                if where is None:
                    continue
                project = self.projects.get(where.group(1), where.group(1))
                try:
                    found = dns.record_sets(
                        session, project, where.group(2), self.scan.retries, self.scan.dns_endpoint
                    )
                except (*calls.SDK_ERRORS, requests.RequestException) as exc:
                    code, text = calls.describe(exc)
                    self.collector.issue(
                        code, f"cannot read Cloud DNS record sets: {text}", zone.account, zone.id
                    )
                    continue
                dns_name = str(zone.attributes.details.get("dns_name") or zone.name)
                self.collector.records(zone, gcp_topology.records(dns_name, found), DNS_ZONE_TYPE)

    # -- metrics -------------------------------------------------------------------------

    def _metrics(self) -> None:
        from cloudexit.connectors.gcp import metrics

        wanted = sorted(
            (
                r
                for r in self.collector.resources.values()
                if r.type in METRIC_ASSET_TYPES
                and r.attributes.state != "stopped"
                and "/" not in r.account
            ),
            key=lambda r: r.id,
        )
        if not wanted:
            return
        if self.scan.endpoint_url and not self.scan.monitoring_endpoint:
            self.collector.issue(
                "skipped",
                "Cloud Monitoring not read: the Cloud Asset endpoint is overridden "
                "and no Monitoring endpoint was given (--monitoring-endpoint)",
                self.scan.scope,
            )
            return
        jobs = sorted(
            {(r.account, m) for r in wanted for m in METRICS if m.asset_type == r.type},
            key=lambda job: (job[0], METRICS.index(job[1])),
        )
        found = self._read_metrics(jobs)
        days = self.scan.metrics_days
        for resource in wanted:
            listed = self._data_of(resource.id) or {}
            keys = metrics.resource_keys(resource, str(listed["id"]) if listed.get("id") else None)
            measured: dict[str, list[float]] = {"cpu": [], "memory": []}
            for metric in METRICS:
                if metric.asset_type == resource.type and not measured[metric.measure]:
                    values = found.get((resource.account, metric.type), {})
                    measured[metric.measure] = metrics.first_match(values, keys)
            resource.utilisation = metrics.utilisation(measured["cpu"], measured["memory"], days)

    def _read_metrics(
        self, jobs: list[tuple[str, Metric]]
    ) -> dict[tuple[str, str], dict[tuple[str, ...], list[float]]]:
        """One list call (with its pages) per project and metric type, a few at a time; a read that
        fails gives nothing for its metric type and one issue per project."""
        from cloudexit.connectors.gcp import calls, metrics, monitoring

        client = monitoring.make_client(self.credentials, self.scan.monitoring_endpoint)
        end = self.now.replace(microsecond=0)
        start = end - dt.timedelta(days=self.scan.metrics_days)
        task = self.progress.add("gcp: Cloud Monitoring metrics", total=len(jobs))

        def read(
            job: tuple[str, Metric],
        ) -> tuple[str, Metric, list[metrics.Series], Exception | None]:
            project, metric = job
            try:
                pages = monitoring.time_series(
                    client, project, metric, start, end, self.scan.retries
                )
                return project, metric, [series for page in pages for series in page], None
            except calls.SDK_ERRORS as exc:
                return project, metric, [], exc

        found: dict[tuple[str, str], dict[tuple[str, ...], list[float]]] = {}
        failures: dict[str, list[tuple[IssueCode, str, str]]] = {}
        with client, ThreadPoolExecutor(max_workers=self.scan.workers) as pool:
            for project, metric, series, error in pool.map(read, jobs):
                self.progress.advance(task)
                if error is not None:
                    code, text = calls.describe(error)
                    failures.setdefault(project, []).append((code, metric.type, text))
                else:
                    found[(project, metric.type)] = metrics.values_by_key(series, metric)
        for project, failed in sorted(failures.items()):
            code, first_type, text = failed[0]
            self.collector.issue(
                code,
                f"Cloud Monitoring: {len(failed)} metric type(s) not read ({', '.join(t for _, t, _ in failed)}), "
                f"first: {first_type}: {text}; resources kept without that utilisation",
                project,
            )
        return found

    def _data_of(self, name: str) -> dict[str, Any] | None:
        entry = self.listed.get(name)
        return entry.get("resource", {}).get("data") if entry else None
