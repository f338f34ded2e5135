"""Today's monthly cost, from the catalogue's AWS list prices when it has one for the type and region.

One small function picks the catalogue product for a resource (its size name, or the product
a fixed-fee resource is billed as) and asks ``Catalog.list_price``. No price found means no
figure: a missing cost is None, never zero. Only resources whose list price is their whole
running cost, or its main part (an instance's hours), are priced.
"""

from __future__ import annotations

from decimal import Decimal

from cloudexit.catalog.loader import Catalog
from cloudexit.model.inventory import MonthlyCost, Resource

FIXED_FEE = {
    "AWS::EKS::Cluster": "eks-control-plane",
    "AWS::EC2::EIP": "elastic-ip",
    "AWS::Route53::HostedZone": "route53-hosted-zone",
}
LOAD_BALANCERS = {"application": "alb", "network": "nlb"}


def _product(resource: Resource) -> tuple[str, Decimal, str] | None:
    """(catalogue product id, quantity, what the figure leaves out) for a resource, if priceable."""
    a = resource.attributes
    native = resource.type
    if native == "AWS::EC2::Instance" and a.instance_type:
        if a.os == "windows" or a.state == "stopped":
            return None  # catalogue rates are Linux; a stopped instance bills no hours
        return a.instance_type, Decimal(1), ""
    if native == "AWS::RDS::DBInstance" and a.instance_type and a.engine:
        standby = 2 if a.high_availability else 1
        note = ", x2 for the Multi-AZ standby" if standby == 2 else ""
        return (
            f"rds/{a.engine}/{a.instance_type}",
            Decimal(standby),
            note + "; storage not included",
        )
    if (
        native in ("AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster")
        and a.instance_type
    ):
        nodes = a.node_count or 1
        return (
            f"elasticache/{a.instance_type}",
            Decimal(nodes),
            f", x{nodes} nodes" if nodes > 1 else "",
        )
    if native == "AWS::EC2::Volume" and a.storage_class and a.storage_gib is not None:
        extra = "; provisioned IOPS not included" if a.storage_class in ("io1", "io2") else ""
        return (
            f"ebs-{a.storage_class}",
            Decimal(str(a.storage_gib)),
            f", {a.storage_gib} GiB{extra}",
        )
    if native == "AWS::ElasticLoadBalancingV2::LoadBalancer":
        product = LOAD_BALANCERS.get(str(a.details.get("load_balancer_type")))
        return (product, Decimal(1), "; capacity units not included") if product else None
    if native in FIXED_FEE:
        return FIXED_FEE[native], Decimal(1), ""
    return None


def monthly_cost(resource: Resource, catalog: Catalog | None) -> MonthlyCost | None:
    found = _product(resource) if catalog is not None else None
    if catalog is None or found is None:
        return None
    product, quantity, note = found
    region = "us-east-1" if resource.region == "global" else resource.region
    price = catalog.list_price("aws", region, product, quantity)
    if price is None:
        return None
    return MonthlyCost(amount=price.monthly_eur, currency="EUR", source=price.source + note)
