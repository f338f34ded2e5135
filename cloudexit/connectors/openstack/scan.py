"""One OpenStack scan: each region of a cloud -> resources, issues, and the project's capacity."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final

from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.connectors.common import Collector, require_extra
from cloudexit.connectors.openstack import compute, containers, network, storage
from cloudexit.connectors.openstack.registry import Context, Facts, TypeSpec, join
from cloudexit.model.inventory import Inventory
from cloudexit.model.policy import Capacity
from cloudexit.progress import Progress, SilentProgress

TYPES: list[TypeSpec] = join(compute.TYPES, storage.TYPES, network.TYPES, containers.TYPES)
SOURCE: Final = "openstack"


@dataclass(frozen=True)
class OpenStackScan:
    cloud: str | None = None
    regions: tuple[str, ...] = ()
    endpoint_url: str | None = None
    retries: int = 3
    capacity_provider: str = "ovhcloud"


@dataclass
class OpenStackResult:
    inventory: Inventory
    capacity: list[Capacity] = field(default_factory=list)
    flavors: list[dict[str, Any]] = field(default_factory=list)


def collect(
    scan: OpenStackScan, *, catalog: Catalog | None = None, progress: Progress | None = None
) -> Inventory:
    """Read every resource of the project in each region. Never writes."""
    return scan_cloud(scan, catalog=catalog, progress=progress).inventory


def scan_cloud(
    scan: OpenStackScan, *, catalog: Catalog | None = None, progress: Progress | None = None
) -> OpenStackResult:
    """The inventory plus, per region, the flavours offered and the quota headroom left."""
    require_extra("openstack", "openstack")
    require_extra("keystoneauth1", "openstack")
    from cloudexit.connectors.openstack import session

    cloud = session.cloud_name(scan.cloud)
    regions = list(scan.regions) or session.configured_regions(cloud)
    first = session.connect(cloud, regions[0] if regions else None, scan.retries, scan.endpoint_url)
    if not regions:
        regions = session.catalogue_regions(first) or [first.config.region_name or "default"]
    collector = Collector(SOURCE, catalog or load_catalog())
    result = OpenStackResult(inventory=Inventory())
    display = progress or SilentProgress()
    task = display.add(f"openstack: {cloud} regions", total=len(regions))
    for index, region in enumerate(sorted(regions)):
        conn = (
            first
            if index == 0 and first.config.region_name == region
            else session.connect(cloud, region, scan.retries, scan.endpoint_url)
        )
        _Region(cloud, region, conn, collector, result, scan.capacity_provider).run()
        display.advance(task)
    collector.price()
    result.inventory = collector.inventory()
    return result


def _listed(spec: TypeSpec, conn: Any, context: Context) -> list[Any]:
    return list(spec.list(conn, context))


@dataclass
class _Region:
    cloud: str
    region: str
    conn: Any
    collector: Collector
    result: OpenStackResult
    capacity_provider: str

    def __post_init__(self) -> None:
        self.context = Context(
            self.cloud, self.region, str(self.conn.current_project_id), connection=self.conn
        )
        self.scope = f"{self.cloud}/{self.region}"
        self.collector.locations.add(self.scope)

    def _try(self, what: str, service: str, call: Callable[[], Any], default: Any) -> Any:
        from cloudexit.connectors.openstack import session

        try:
            return call()
        except session.MISSING_SERVICE:
            self.collector.issue(
                "skipped",
                f"{what}: no {service} service in the catalogue of {self.region}",
                self.scope,
            )
        except session.SDK_ERRORS as exc:
            code, text = session.describe(exc)
            self.collector.issue(code, f"{what}: {text}", self.scope)
        return default

    def run(self) -> None:
        conn, context = self.conn, self.context
        flavors = self._try(
            "flavours", "compute", lambda: list(conn.compute.flavors(details=True)), []
        )
        context.flavors = {f.id: f for f in flavors} | {f.name: f for f in flavors}
        context.ports = self._try("ports", "network", lambda: list(conn.network.ports()), [])
        context.floating_ips = self._try(
            "floating IPs", "network", lambda: list(conn.network.ips()), []
        )
        context.images = {
            i.id: i for i in self._try("images", "image", lambda: list(conn.image.images()), [])
        }
        for spec in TYPES:
            items = self._try(
                spec.type, spec.service, functools.partial(_listed, spec, conn, context), []
            )
            for item in sorted(items, key=spec.key):
                self._add(spec, item)
        self._capacity(flavors)

    def _add(self, spec: TypeSpec, item: Any) -> None:
        from cloudexit.connectors.openstack import session

        account = self.context.project_id
        kind = self.collector.classify(spec.type, account)
        if kind is None:
            return
        rid = self.context.rid(spec.short, spec.key(item))
        facts = Facts(item, self.context)
        try:
            spec.extract(facts)
        except session.SDK_ERRORS as exc:
            code, text = session.describe(exc)
            self.collector.issue(code, f"{spec.type}: details unavailable: {text}", self.scope, rid)
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            self.collector.issue(
                "invalid_data", f"{spec.type}: unexpected data ({exc})", self.scope, rid
            )
        if facts.skip:
            self.collector.skip(spec.type, account, facts.skip)
            return
        self.collector.add(
            id=rid,
            account=account,
            region=facts.region or self.region,
            type=spec.type,
            kind=facts.kind or kind,
            name=str(getattr(item, "name", None) or spec.key(item)),
            tags=facts.tags,
            attributes={**facts.attributes, "details": dict(sorted(facts.details.items()))},
            depends_on=facts.depends_on,
            topology=facts.topology,
        )

    def _capacity(self, flavors: list[Any]) -> None:
        from cloudexit.connectors.openstack import capacity

        compute_limits = self._try(
            "compute limits", "compute", lambda: self.conn.compute.get_limits().absolute, None
        )
        volume_limits = self._try(
            "volume limits",
            "block-storage",
            lambda: self.conn.block_storage.get_limits().absolute,
            None,
        )
        names = [f.name for f in flavors if f.name]
        if compute_limits is not None or names:
            self.result.capacity.append(
                capacity.region_capacity(
                    self.capacity_provider, self.region, compute_limits, volume_limits, names
                )
            )
        self.result.flavors.extend(capacity.flavor_row(self.region, f) for f in flavors)
