"""AWS CLI JSON output of describe and list calls (``aws ec2 describe-instances`` ...).

Each supported response is one short declaration: the key holding the resources, their
CloudFormation type, and where the id, ARN and name are. Responses recorded by boto3 test
tools (``{"status_code": 200, "data": {...}}``) are read through their ``data``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from cloudexit.catalog.classes import fill_sizes
from cloudexit.importers.aws_shapes import GONE_STATES, READERS, aws_tags, dig
from cloudexit.importers.context import ImportContext
from cloudexit.importers.jsonstream import walk
from cloudexit.importers.redact import redact
from cloudexit.importers.refine import engine_kind
from cloudexit.model.inventory import Attributes
from cloudexit.model.kinds import Kind
from cloudexit.topology import Mapped
from cloudexit.topology import aws as aws_topology


@dataclass(frozen=True)
class Listing:
    key: str
    type: str
    id: str | None = None
    arn: str | None = None
    arn_format: str | None = None
    name: str | None = None
    nested: str | None = None
    path: str = ""
    single: bool = False
    names_only: bool = False


_EC2 = "arn:aws:ec2:{region}:{account}:"
LISTINGS: tuple[Listing, ...] = (
    Listing(
        "Reservations",
        "AWS::EC2::Instance",
        "InstanceId",
        arn_format=_EC2 + "instance/{id}",
        nested="Instances",
    ),
    Listing("Volumes", "AWS::EC2::Volume", "VolumeId", arn_format=_EC2 + "volume/{id}"),
    Listing(
        "Snapshots",
        "AWS::EC2::Snapshot",
        "SnapshotId",
        arn_format="arn:aws:ec2:{region}::snapshot/{id}",
    ),
    Listing(
        "Images",
        "AWS::EC2::Image",
        "ImageId",
        arn_format="arn:aws:ec2:{region}::image/{id}",
        name="Name",
    ),
    Listing("Vpcs", "AWS::EC2::VPC", "VpcId", arn_format=_EC2 + "vpc/{id}"),
    Listing(
        "Subnets", "AWS::EC2::Subnet", "SubnetId", arn="SubnetArn", arn_format=_EC2 + "subnet/{id}"
    ),
    Listing(
        "SecurityGroups",
        "AWS::EC2::SecurityGroup",
        "GroupId",
        arn_format=_EC2 + "security-group/{id}",
        name="GroupName",
    ),
    Listing(
        "NetworkInterfaces",
        "AWS::EC2::NetworkInterface",
        "NetworkInterfaceId",
        arn_format=_EC2 + "network-interface/{id}",
    ),
    Listing(
        "Addresses",
        "AWS::EC2::EIP",
        "AllocationId",
        arn_format=_EC2 + "elastic-ip/{id}",
        name="PublicIp",
    ),
    Listing(
        "NatGateways", "AWS::EC2::NatGateway", "NatGatewayId", arn_format=_EC2 + "natgateway/{id}"
    ),
    Listing(
        "InternetGateways",
        "AWS::EC2::InternetGateway",
        "InternetGatewayId",
        arn_format=_EC2 + "internet-gateway/{id}",
    ),
    Listing(
        "RouteTables", "AWS::EC2::RouteTable", "RouteTableId", arn_format=_EC2 + "route-table/{id}"
    ),
    Listing(
        "DBInstances",
        "AWS::RDS::DBInstance",
        "DBInstanceIdentifier",
        arn="DBInstanceArn",
        name="DBInstanceIdentifier",
    ),
    Listing(
        "DBClusters",
        "AWS::RDS::DBCluster",
        "DBClusterIdentifier",
        arn="DBClusterArn",
        name="DBClusterIdentifier",
    ),
    Listing("Buckets", "AWS::S3::Bucket", "Name", arn_format="arn:aws:s3:::{id}", name="Name"),
    Listing(
        "Table", "AWS::DynamoDB::Table", "TableName", arn="TableArn", name="TableName", single=True
    ),
    Listing(
        "TableNames",
        "AWS::DynamoDB::Table",
        arn_format="arn:aws:dynamodb:{region}:{account}:table/{id}",
        names_only=True,
    ),
    Listing(
        "Functions", "AWS::Lambda::Function", "FunctionName", arn="FunctionArn", name="FunctionName"
    ),
    Listing("cluster", "AWS::EKS::Cluster", "name", arn="arn", name="name", single=True),
    Listing(
        "nodegroup",
        "AWS::EKS::Nodegroup",
        "nodegroupName",
        arn="nodegroupArn",
        name="nodegroupName",
        single=True,
    ),
    Listing(
        "clusters",
        "AWS::EKS::Cluster",
        arn_format="arn:aws:eks:{region}:{account}:cluster/{id}",
        names_only=True,
    ),
    Listing(
        "LoadBalancers",
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        "LoadBalancerName",
        arn="LoadBalancerArn",
        name="LoadBalancerName",
    ),
    Listing(
        "LoadBalancerDescriptions",
        "AWS::ElasticLoadBalancing::LoadBalancer",
        "LoadBalancerName",
        arn_format="arn:aws:elasticloadbalancing:{region}:{account}:loadbalancer/{id}",
        name="LoadBalancerName",
    ),
    Listing(
        "TargetGroups",
        "AWS::ElasticLoadBalancingV2::TargetGroup",
        "TargetGroupName",
        arn="TargetGroupArn",
        name="TargetGroupName",
    ),
    Listing(
        "ClusterInfoList",
        "AWS::MSK::Cluster",
        "ClusterName",
        arn="ClusterArn",
        name="ClusterName",
    ),
    Listing(
        "ClusterInfo",
        "AWS::MSK::Cluster",
        "ClusterName",
        arn="ClusterArn",
        name="ClusterName",
        single=True,
    ),
    Listing(
        "CacheClusters",
        "AWS::ElastiCache::CacheCluster",
        "CacheClusterId",
        arn="ARN",
        name="CacheClusterId",
    ),
    Listing(
        "ReplicationGroups",
        "AWS::ElastiCache::ReplicationGroup",
        "ReplicationGroupId",
        arn="ARN",
        name="ReplicationGroupId",
    ),
    Listing(
        "FileSystems", "AWS::EFS::FileSystem", "FileSystemId", arn="FileSystemArn", name="Name"
    ),
    Listing(
        "AutoScalingGroups",
        "AWS::AutoScaling::AutoScalingGroup",
        "AutoScalingGroupName",
        arn="AutoScalingGroupARN",
        name="AutoScalingGroupName",
    ),
    Listing(
        "repositories",
        "AWS::ECR::Repository",
        "repositoryName",
        arn="repositoryArn",
        name="repositoryName",
    ),
    Listing(
        "HostedZones",
        "AWS::Route53::HostedZone",
        "Id",
        arn_format="arn:aws:route53:::hostedzone/{id}",
        name="Name",
    ),
    Listing(
        "QueueUrls",
        "AWS::SQS::Queue",
        arn_format="arn:aws:sqs:{region}:{account}:{id}",
        names_only=True,
    ),
    Listing("Topics", "AWS::SNS::Topic", "TopicArn", arn="TopicArn"),
    Listing(
        "DomainStatusList", "AWS::Elasticsearch::Domain", "DomainName", arn="ARN", name="DomainName"
    ),
    Listing(
        "DomainStatus",
        "AWS::Elasticsearch::Domain",
        "DomainName",
        arn="ARN",
        name="DomainName",
        single=True,
    ),
    Listing(
        "Clusters",
        "AWS::Redshift::Cluster",
        "ClusterIdentifier",
        arn_format="arn:aws:redshift:{region}:{account}:cluster:{id}",
        name="ClusterIdentifier",
    ),
    Listing(
        "StreamNames",
        "AWS::Kinesis::Stream",
        arn_format="arn:aws:kinesis:{region}:{account}:stream/{id}",
        names_only=True,
    ),
    Listing("SecretList", "AWS::SecretsManager::Secret", "Name", arn="ARN", name="Name"),
    Listing("Keys", "AWS::KMS::Key", "KeyId", arn="KeyArn"),
    Listing(
        "DistributionList",
        "AWS::CloudFront::Distribution",
        "Id",
        arn="ARN",
        name="DomainName",
        path="Items",
    ),
)
_BY_KEY = {listing.key: listing for listing in LISTINGS}
_ZONE = re.compile(r"^([a-z]{2}(?:-gov)?-[a-z]+-\d+)")
_DNS_REGION = re.compile(
    r"\.([a-z]{2}(?:-gov)?-[a-z]+-\d+)\.(?:elb|compute|cache)\.amazonaws\.com\.?$"
)
_GLOBAL_TYPES = frozenset({"AWS::Route53::HostedZone", "AWS::CloudFront::Distribution"})


def response_key(key: str) -> bool:
    """True for a top-level key of a supported AWS CLI response."""
    return key in _BY_KEY


def _prefixes() -> dict[str, Listing]:
    found: dict[str, Listing] = {}
    for wrapper in ("", "data."):
        for listing in LISTINGS:
            base = f"{wrapper}{listing.key}"
            if listing.path:
                base = f"{base}.{listing.path}"
            found[base if listing.single else f"{base}.item"] = listing
    return found


def read(ctx: ImportContext) -> None:
    prefixes = _prefixes()
    for prefix, value in ctx.until_fault(walk(ctx.path, prefixes.__contains__)):
        listing = prefixes[prefix]
        if listing.nested:
            owner = value.get("OwnerId") if isinstance(value, dict) else None
            for item in (value.get(listing.nested) or []) if isinstance(value, dict) else []:
                add_item(ctx, listing, item, owner)
        elif listing.names_only:
            _add_named(ctx, listing, value)
        else:
            add_item(ctx, listing, value, None)


def _add_named(ctx: ImportContext, listing: Listing, value: Any) -> None:
    if isinstance(value, dict) and listing.key == "clusters":
        add_item(
            ctx,
            Listing(
                "clusters", "AWS::ECS::Cluster", "clusterName", arn="clusterArn", name="clusterName"
            ),
            value,
            None,
        )
        return
    if not isinstance(value, str):
        return
    region, account, name = "unknown", "", value
    if listing.key == "QueueUrls":
        url = urlparse(value)
        host = url.hostname or ""
        parts = [p for p in url.path.split("/") if p]
        region = _queue_region(host) or region
        account, name = (parts[0], parts[-1]) if len(parts) >= 2 else ("", value)
    rid = _format(listing.arn_format, name, region, account) or _local_id(
        listing.type, name, region, account
    )
    add_aws_resource(
        ctx, listing.type, {}, rid=rid, account=account, region=region, name=name, tags={}
    )


def _owner_alias(item: dict[str, Any]) -> str | None:
    """A classic load balancer names its account only as its source group's owner."""
    group = item.get("SourceSecurityGroup")
    alias = group.get("OwnerAlias") if isinstance(group, dict) else None
    return alias if isinstance(alias, str) and re.fullmatch(r"\d{12}", alias) else None


def _queue_region(host: str) -> str | None:
    """sqs.eu-west-1.amazonaws.com; the legacy eu-west-1.queue.amazonaws.com, and
    queue.amazonaws.com, the legacy endpoint of us-east-1."""
    parts = host.lower().split(".")
    if len(parts) >= 3 and parts[0] == "sqs":
        return parts[1]
    if parts[:1] == ["queue"]:
        return "us-east-1"
    if len(parts) >= 4 and parts[1] == "queue":
        return parts[0]
    return None


def add_item(ctx: ImportContext, listing: Listing, item: Any, owner: Any) -> None:
    if not isinstance(item, dict):
        ctx.issue("invalid_data", f"{listing.key}: an item is not an object", listing.key)
        return
    item = redact(item)
    native = item.get(listing.id) if listing.id else None
    if listing.type == "AWS::Route53::HostedZone" and isinstance(native, str):
        native = native.rsplit("/", 1)[-1]
    arn = item.get(listing.arn) if listing.arn else None
    region = (
        "global"
        if listing.type in _GLOBAL_TYPES
        else _region(arn, _zone(item), item.get("DNSName"))
    )
    if region == "unknown" and isinstance(item.get("BucketRegion"), str):
        region = item["BucketRegion"]
    account = (
        _account(arn)
        or (item.get("OwnerId") if isinstance(item.get("OwnerId"), str) else None)
        or owner
        or _owner_alias(item)
        or ""
    )
    if not isinstance(native, str) and not isinstance(arn, str):
        ctx.issue(
            "invalid_data",
            f"{listing.key}: an item without {listing.id or listing.arn}",
            listing.key,
        )
        return
    rid = (
        arn
        if isinstance(arn, str)
        else _format(listing.arn_format, str(native), region, str(account))
    )
    rid = rid or _local_id(listing.type, str(native), region, str(account))
    tags = aws_tags(item.get("Tags") or item.get("TagList") or item.get("tags"))
    name = tags.get("Name") or (item.get(listing.name) if listing.name else None) or native or rid
    native_type = listing.type
    if native_type == "AWS::Elasticsearch::Domain" and str(
        item.get("EngineVersion", "")
    ).startswith("OpenSearch"):
        native_type = "AWS::OpenSearchService::Domain"
    add_aws_resource(
        ctx,
        native_type,
        item,
        rid=rid,
        account=str(account),
        region=region,
        name=str(name),
        tags=tags,
        depends_on=declared_dependencies(native_type, item, str(account), region),
    )


def declared_dependencies(
    native_type: str, item: dict[str, Any], account: str, region: str
) -> list[str]:
    """What the live scan's declaration of this type says the item depends on (subnets, security
    groups, volumes ...), as ARNs; links to other files are resolved once every file is read."""
    from cloudexit.connectors.aws.declare import Scope
    from cloudexit.connectors.aws.namespaces import declaration

    declared = declaration(native_type)
    if declared is None or declared.depends_on is None or region in ("", "unknown", "global"):
        return []
    try:
        return sorted(
            {d for d in declared.depends_on(item, Scope(account=account, region=region)) if d}
        )
    except (KeyError, TypeError, AttributeError, IndexError):  # a shape the CLI prints differently
        return []


def add_aws_resource(
    ctx: ImportContext,
    native_type: str,
    shape: dict[str, Any],
    *,
    rid: str,
    account: str,
    region: str,
    name: str,
    tags: dict[str, str],
    depends_on: list[str] | None = None,
) -> None:
    """Map one AWS resource in API shape (PascalCase) to the inventory, or skip it with a reason."""
    reader = READERS.get(native_type)
    fields = reader(shape) if reader else {}
    state = str(fields.get("state") or "").lower()
    if state in GONE_STATES:
        ctx.skip(rid, native_type, f"resource is {state}", name)
        return
    kind = ctx.classify(native_type, rid, name)
    if kind is None:
        return
    if native_type in (
        "AWS::RDS::DBInstance",
        "AWS::RDS::DBCluster",
        "AWS::ElastiCache::CacheCluster",
    ):
        kind = engine_kind(
            shape.get("Engine") if isinstance(shape.get("Engine"), str) else None, kind
        )
    if native_type == "AWS::EC2::Instance" and kind is Kind.OTHER:
        kind = Kind.VM
    fields = {k: v for k, v in fields.items() if v is not None}
    details = {
        k: v for k, v in (fields.pop("details", None) or {}).items() if v not in (None, "", [], {})
    }
    primary = _primary(native_type, shape, rid, account, region)
    if primary:
        # a read replica serves its primary's data: placed with it, rebuilt from it
        details["replica_of"] = primary
        depends_on = sorted({*(depends_on or []), primary})
    if details:
        fields["details"] = details
    fill_sizes(fields, ctx.catalog, "aws")
    mapped = _topology(native_type, shape)
    ctx.add(
        id=rid,
        provider="aws",
        account=account,
        region=region,
        type=native_type,
        kind=kind,
        name=name,
        tags=redact(tags) or {},
        attributes=Attributes.model_validate(fields),
        depends_on=depends_on,
        topology=mapped.topology,
        rule_problems=mapped.problems,
    )


def _primary(
    native_type: str, shape: dict[str, Any], rid: str, account: str, region: str
) -> str | None:
    """The ARN of the DB instance a read replica copies: the API names a primary in the same
    region by its identifier, one elsewhere by its ARN."""
    source = shape.get("ReadReplicaSourceDBInstanceIdentifier")
    if native_type != "AWS::RDS::DBInstance" or not isinstance(source, str) or not source:
        return None
    if source.startswith("arn:"):
        return source
    partition = rid.split(":")[1] if rid.startswith("arn:") and rid.count(":") > 1 else "aws"
    return f"arn:{partition}:rds:{region}:{account}:db:{source}"


def _topology(native_type: str, shape: dict[str, Any]) -> Mapped:
    try:
        if native_type == "AWS::EC2::SecurityGroup":
            return aws_topology.security_group(shape)
        if native_type in ("AWS::EC2::VPC", "AWS::EC2::Subnet"):
            return Mapped(aws_topology.cidrs(shape))
        if native_type == "AWS::ElasticLoadBalancingV2::TargetGroup":
            return aws_topology.target_group(shape)
        if native_type == "AWS::ElasticLoadBalancing::LoadBalancer":
            return aws_topology.listeners(shape.get("ListenerDescriptions") or [])
    except (ValueError, TypeError) as exc:
        return Mapped(problems=[f"topology not understood ({str(exc).splitlines()[-1].strip()})"])
    return Mapped()


def _local_id(native_type: str, native: str, region: str, account: str) -> str:
    """An id when no ARN can be formed (the output does not say the account): the region and
    account that are known keep same-named resources of two regions apart."""
    scope = ":".join(part for part in (account, region) if part and part != "unknown")
    return f"{native_type}:{scope}:{native}" if scope else f"{native_type}:{native}"


def _format(template: str | None, native: str, region: str, account: str) -> str | None:
    if not template:
        return None
    if ("{region}" in template and region in ("", "unknown")) or (
        "{account}" in template and not account
    ):
        return None
    return template.format(id=native, region=region, account=account)


def _zone(item: dict[str, Any]) -> Any:
    """An availability zone the item names: placement, preferred zone (ElastiCache) or the
    first of its zones (classic load balancers)."""
    zones = item.get("AvailabilityZones")
    first = zones[0] if isinstance(zones, list) and zones else None
    if isinstance(first, dict):
        first = first.get("ZoneName")
    return (
        dig(item, "Placement", "AvailabilityZone")
        or item.get("AvailabilityZone")
        or item.get("PreferredAvailabilityZone")
        or first
    )


def _region(arn: Any, zone: Any, dns_name: Any = None) -> str:
    if isinstance(arn, str) and arn.startswith("arn:") and arn.count(":") >= 4:
        region = arn.split(":")[3]
        return region or "global"
    if isinstance(zone, str):
        match = _ZONE.match(zone)
        if match:
            return match.group(1)
    if isinstance(dns_name, str):
        match = _DNS_REGION.search(dns_name)
        if match:
            return match.group(1)
    return "unknown"


def _account(arn: Any) -> str | None:
    if isinstance(arn, str) and arn.startswith("arn:") and arn.count(":") >= 5:
        return arn.split(":")[4] or None
    return None
