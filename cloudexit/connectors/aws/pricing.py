"""Today's monthly cost, from the catalogue's AWS list prices when it has one for the type and region.

One small function picks the catalogue product for a resource (its size name, or the product
a fixed-fee resource is billed as) and asks ``Catalog.list_price``. No price found means no
figure: a missing cost is None, never zero. Only resources whose list price is their whole
running cost, or its main part (an instance's hours), are priced.
"""

from __future__ import annotations

from decimal import Decimal

from cloudexit.catalog.loader import Catalog
from cloudexit.connectors.common import COMPUTE_KINDS, compute_cost
from cloudexit.model.inventory import EBS_BLOCKS, ROOT_DISK_UNKNOWN, MonthlyCost, Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.node_disks import eks_root_gib

FIXED_FEE = {
    Kind.KUBERNETES_CLUSTER: "eks-control-plane",
    Kind.PUBLIC_IP: "elastic-ip",
    Kind.DNS_ZONE: "route53-hosted-zone",
}
LOAD_BALANCERS = {"application": "alb", "network": "nlb"}
RDS_KINDS = frozenset({Kind.POSTGRESQL, Kind.MYSQL, Kind.MARIADB, Kind.SQLSERVER, Kind.ORACLE})
CACHE_KINDS = frozenset({Kind.REDIS, Kind.MEMCACHED})


def _product(resource: Resource) -> tuple[str, Decimal, str] | None:
    """(catalogue product id, quantity, what the figure leaves out) for a resource, if priceable.

    Chosen by kind and size, not by native type name, so a scan (``AWS::RDS::DBInstance``) and an
    import of the same resource (``aws_db_instance``) get one figure."""
    a = resource.attributes
    kind = resource.kind
    size = a.instance_type or ""
    if kind in RDS_KINDS and size.startswith("db.") and a.engine:
        engine = _priced_engine(resource)
        if engine is None:
            return None
        if a.node_count:
            nodes = a.node_count
            note = f", x{nodes} cluster instances" if nodes > 1 else ""
            return f"rds/{engine}/{size}", Decimal(nodes), note
        # A Multi-AZ pair has its own rate (about, not exactly, twice the Single-AZ one).
        deployment = "multi-az/" if a.high_availability else ""
        return f"rds/{engine}/{deployment}{size}", Decimal(1), ""
    if kind in CACHE_KINDS and size.startswith("cache."):
        nodes = a.node_count or 1
        return f"elasticache/{size}", Decimal(nodes), f", x{nodes} nodes" if nodes > 1 else ""
    if kind is Kind.BLOCK_VOLUME and a.storage_class and a.storage_gib is not None:
        extra = "; provisioned IOPS not included" if a.storage_class in ("io1", "io2") else ""
        if a.details.get("storage_type_assumed"):
            extra += (
                f", type {a.storage_class} assumed (the AWS provider's default where type is unset)"
            )
        return (
            f"ebs-{a.storage_class}",
            Decimal(str(a.storage_gib)),
            f", {a.storage_gib} GiB{extra}",
        )
    if kind is Kind.LOAD_BALANCER:
        product = LOAD_BALANCERS.get(str(a.details.get("load_balancer_type")))
        return (product, Decimal(1), "; capacity units not included") if product else None
    if kind in FIXED_FEE:
        return FIXED_FEE[kind], Decimal(1), ""
    return None


def _priced_engine(resource: Resource) -> str | None:
    """The engine a DB instance's rate is listed under: SQL Server's rate is its edition's
    (sqlserver-ex, -web, -se, -ee, the licence included), so one with no edition has none."""
    a = resource.attributes
    if resource.kind is not Kind.SQLSERVER:
        return a.engine
    raw = str(a.details.get("engine") or "").lower()
    return raw if raw in SQLSERVER_EDITIONS else None


SQLSERVER_EDITIONS = frozenset({"sqlserver-ex", "sqlserver-web", "sqlserver-se", "sqlserver-ee"})


def _inline_disks(resource: Resource, catalog: Catalog, region: str) -> tuple[Decimal, str]:
    """The EBS volumes a Terraform ``aws_instance`` declares inline (root and ebs_block_device),
    which no other resource of the export carries, each at its own volume type; the target
    prices the disk it writes, so today counts these. Said, not priced, where the type or price
    is unknown."""
    a = resource.attributes
    blocks = a.details.get(EBS_BLOCKS) or []
    root_type = (a.storage_class or "").lower()
    by_type: dict[str, Decimal] = {}
    root = Decimal(str(a.storage_gib)) - sum(Decimal(str(b["gib"])) for b in blocks)
    for volume, gib in [(root_type, root)] + [
        (str(b.get("volume_type") or "").lower(), Decimal(str(b["gib"]))) for b in blocks
    ]:
        if gib > 0:
            by_type[volume] = by_type.get(volume, Decimal(0)) + gib
    amount, said = Decimal(0), ""
    for volume, gib in sorted(by_type.items()):
        price = catalog.list_price("aws", region, f"ebs-{volume}", gib) if volume else None
        if price is None:
            what = f"{volume} " if volume else ""
            said += f"; {gib} GiB of {what}EBS on the instance not included (no list price)"
        else:
            amount += price.monthly_eur
            said += f" + {price.source}, {gib} GiB on the instance"
    return amount, said


def _rds_storage(resource: Resource, catalog: Catalog, region: str) -> tuple[Decimal, str]:
    """A DB instance's allocated storage (EUR a month, what the figure says of it): the volume
    type's GiB-month rate, the Multi-AZ one for a pair; none, said so, where it is unknown."""
    a = resource.attributes
    if a.node_count:
        return Decimal(0), "; storage not included (billed by the cluster)"
    if not a.storage_gib:
        return Decimal(0), "; storage not included (allocated size unknown)"
    volume = (a.storage_class or "").lower()
    deployment = "/multi-az" if a.high_availability else ""
    price = (
        catalog.list_price(
            "aws", region, f"rds-storage-{volume}{deployment}", Decimal(str(a.storage_gib))
        )
        if volume
        else None
    )
    if price is None:
        what = f"{volume} " if volume else ""
        return Decimal(0), f"; {a.storage_gib} GiB {what}storage not included (no list price)"
    assumed = a.details.get("storage_type_assumed")
    default = (
        f", type {assumed} assumed (the AWS provider's default where storage_type is unset: "
        "io1 with iops, else gp2)"
        if assumed
        else ""
    )
    return price.monthly_eur, f" + {price.source}, {a.storage_gib} GiB{default}"


_NODE_GROUPS = frozenset({"AWS::EKS::Nodegroup", "aws_eks_node_group"})


def _node_disks(resource: Resource, catalog: Catalog, region: str) -> tuple[Decimal, str]:
    """An EKS managed node group's nodes' root disks, EBS volumes billed beside the instances
    (EUR a month, what the figure says of them). The volume type of EKS's default launch
    template is not published: they are priced at the gp3 rate, the lower of the two
    general-purpose types (gp2 costs about a quarter more), so today's figure is not overstated."""
    a = resource.attributes
    if a.details.get("launch_template"):
        return Decimal(
            0
        ), "; node root disks not included (set by the node group's launch template)"
    gib = a.storage_gib or eks_root_gib(resource)
    nodes = a.node_count or 0
    if not nodes:
        return Decimal(0), ""
    price = catalog.list_price("aws", region, "ebs-gp3", Decimal(str(gib)) * nodes)
    if price is None:
        return Decimal(0), f"; {nodes} node root disks of {gib:g} GiB not included (no list price)"
    return price.monthly_eur, (
        f" + {price.source}, {nodes} node root disks of {gib:g} GiB at the gp3 rate (the type "
        "EKS gives them is not published; gp2 would cost about a quarter more)"
    )


def monthly_cost(resource: Resource, catalog: Catalog | None) -> MonthlyCost | None:
    if catalog is None:
        return None
    # the catalogue lists a global resource (a Route 53 zone) at us-east-1
    region = "us-east-1" if resource.region == "global" else resource.region
    if resource.kind in COMPUTE_KINDS:
        cost = compute_cost(catalog, "aws", resource)
        if cost is not None and resource.type in _NODE_GROUPS:
            amount, said = _node_disks(resource, catalog, region)
            return MonthlyCost(
                amount=cost.amount + amount, currency="EUR", source=cost.source + said
            )
        if cost is None or resource.type != "aws_instance":
            return cost
        image = resource.attributes.details.get(ROOT_DISK_UNKNOWN)
        unknown = (
            f"; root disk not included: its image {image} sets its size, unknown until apply"
            if image
            else ""
        )
        if not resource.attributes.storage_gib:
            return cost.model_copy(update={"source": cost.source + unknown}) if unknown else cost
        amount, said = _inline_disks(resource, catalog, region)
        return MonthlyCost(
            amount=cost.amount + amount, currency="EUR", source=cost.source + said + unknown
        )
    found = _product(resource)
    if found is None:
        return None
    product, quantity, note = found
    price = catalog.list_price("aws", region, product, quantity)
    if price is None:
        return None
    amount = price.monthly_eur
    if product.startswith("rds/"):
        storage, said = _rds_storage(resource, catalog, region)
        amount, note = amount + storage, note + said
    return MonthlyCost(amount=amount, currency="EUR", source=price.source + note)
