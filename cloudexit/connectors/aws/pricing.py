"""Today's monthly cost from the catalogue's AWS list prices, when it has one for the type and region.

Matching is by the native size name (m5.large, db.r6g.large, cache.t4g.small, gp3) within the
catalogue service of the resource's kind; the product id may carry a prefix (``ec2-m5.large``).
No price found means no figure: a missing cost is None, never zero.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.schema import Price, Product
from cloudexit.catalog.sizing import price_in
from cloudexit.model.inventory import MonthlyCost, Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.money import HOURS_PER_MONTH

SERVICE_OF_KIND: dict[Kind, str] = {
    Kind.VM: "compute",
    Kind.POSTGRESQL: "database",
    Kind.MYSQL: "database",
    Kind.MARIADB: "database",
    Kind.SQLSERVER: "database",
    Kind.ORACLE: "database",
    Kind.DOCUMENT: "database",
    Kind.GRAPH: "database",
    Kind.REDIS: "cache",
    Kind.MEMCACHED: "cache",
    Kind.SEARCH: "search",
    Kind.BLOCK_VOLUME: "block_storage",
}
PRICED_TYPES = frozenset(
    {
        "AWS::EC2::Instance",
        "AWS::EC2::Volume",
        "AWS::RDS::DBInstance",
        "AWS::DocDB::DBInstance",
        "AWS::Neptune::DBInstance",
        "AWS::ElastiCache::CacheCluster",
        "AWS::ElastiCache::ReplicationGroup",
        "AWS::OpenSearchService::Domain",
        "AWS::MSK::Cluster",
    }
)
_SUFFIX = re.compile(r"[-:/]")


def _keys(product: Product) -> set[str]:
    keys = {product.id.lower(), product.name.lower()}
    for text in (product.id.lower(), product.name.lower()):
        parts = _SUFFIX.split(text)
        keys.update("-".join(parts[i:]) for i in range(1, len(parts)))
    return keys


class PriceBook:
    """AWS list prices from a catalogue, indexed by catalogue service and size name."""

    def __init__(self, catalog: Catalog | None, provider: str = "aws") -> None:
        self._index: dict[tuple[str, str], list[Product]] = defaultdict(list)
        source = catalog.providers.get(provider) if catalog else None
        for product in source.products if source else []:
            if product.deprecated:
                continue
            for key in sorted(_keys(product)):
                self._index[(product.service, key)].append(product)
        self.provider = provider

    def monthly_cost(self, resource: Resource) -> MonthlyCost | None:
        if resource.type not in PRICED_TYPES:
            return None
        a = resource.attributes
        service = "stream" if resource.type == "AWS::MSK::Cluster" else SERVICE_OF_KIND.get(resource.kind)
        size = a.storage_class if resource.kind is Kind.BLOCK_VOLUME else a.instance_type
        if service is None or not size:
            return None
        if resource.kind is Kind.VM and (a.os == "windows" or a.state == "stopped"):
            return None  # catalogue rates are Linux; a stopped instance bills no compute
        found = self._find(service, size.lower(), resource.region, a.engine)
        if found is None:
            return None
        product, price = found
        quantity, why = self._quantity(resource, price)
        if quantity is None:
            return None
        per_month = HOURS_PER_MONTH if price.unit == "hour" else Decimal(1)
        amount = (price.amount * per_month * quantity).quantize(Decimal("0.01"))
        unverified = "" if price.verified else ", unverified"
        return MonthlyCost(
            amount=amount,
            currency=price.currency,
            source=(
                f"list price: {self.provider}/{product.id} {price.amount} {price.currency}/{price.unit}"
                f"{why} ({price.source.url}, {price.source.retrieved}{unverified})"
            ),
        )

    def _find(self, service: str, size: str, region: str, engine: str | None) -> tuple[Product, Price] | None:
        for product in self._index.get((service, size), []):
            if product.regions and region not in product.regions:
                continue
            if engine and product.specs.engines and engine not in product.specs.engines:
                continue
            price = price_in(product, region)
            if price is not None and price.unit in ("hour", "month", "gib_month"):
                return product, price
        return None

    @staticmethod
    def _quantity(resource: Resource, price: Price) -> tuple[Decimal | None, str]:
        a = resource.attributes
        if price.unit == "gib_month":
            if a.storage_gib is None:
                return None, ""
            return Decimal(str(a.storage_gib)), f" x {a.storage_gib} GiB"
        count = Decimal(a.node_count or 1)
        why = f" x {a.node_count} nodes" if (a.node_count or 1) > 1 else ""
        if resource.type == "AWS::RDS::DBInstance" and a.high_availability:
            count *= 2
            why += " x 2 (Multi-AZ standby)"
        return count, why
