"""ElastiCache: replication groups (Redis, Valkey) and stand-alone cache clusters (Memcached, Redis)."""

from __future__ import annotations

from collections.abc import Iterable

from cloudexit.connectors.aws.declare import Item, ResourceType, Scope, tag_dict
from cloudexit.connectors.aws.ec2 import attach_type_specs, security_group_arn, type_specs
from cloudexit.connectors.aws.reader import Reader
from cloudexit.model.inventory import Attributes
from cloudexit.model.kinds import Kind


def engine_kind(engine: str | None) -> Kind:
    return Kind.MEMCACHED if (engine or "").lower() == "memcached" else Kind.REDIS


def _tags(reader: Reader, items: list[Item], arn_field: str) -> list[Item]:
    for item in items:
        found = reader.call("elasticache", "ListTagsForResource", ResourceName=item[arn_field])
        item["_tags"] = tag_dict(found.get("TagList"))
    return items


def _sizing(reader: Reader, items: list[Item]) -> list[Item]:
    for item in items:
        item["_ec2_type"] = str(item.get("CacheNodeType", "")).removeprefix("cache.") or None
    return attach_type_specs(reader, items, "_ec2_type")


def _memory(item: Item) -> dict[str, object]:
    specs = type_specs(item.get("_type_specs"))
    return {"memory_gib": specs["memory_gib"]} if specs.get("memory_gib") else {}


def _group_attributes(item: Item, scope: Scope) -> Attributes:
    engine = str(item.get("Engine") or "redis").lower()
    return Attributes(
        instance_type=item.get("CacheNodeType"),
        node_count=len(item.get("MemberClusters", [])),
        engine=engine,
        high_availability=item.get("AutomaticFailover") == "enabled"
        or item.get("MultiAZ") == "enabled",
        state=item.get("Status"),
        **_memory(item),
        details={
            "cluster_mode": item.get("ClusterEnabled"),
            "members": sorted(item.get("MemberClusters", [])),
            "shards": len(item.get("NodeGroups", [])),
            "transit_encryption": item.get("TransitEncryptionEnabled"),
        },
    )


REPLICATION_GROUP = ResourceType(
    type="AWS::ElastiCache::ReplicationGroup",
    service="elasticache",
    operation="DescribeReplicationGroups",
    items="ReplicationGroups[]",
    id="ARN",
    name="ReplicationGroupId",
    kind=lambda i: engine_kind(i.get("Engine")),
    tags="_tags",
    detail=lambda r, items: _tags(r, items, "ARN"),
    finish=_sizing,
    reads=("elasticache:ListTagsForResource", "ec2:DescribeInstanceTypes"),
    attributes=_group_attributes,
)


def _cluster_deps(item: Item, scope: Scope) -> Iterable[str]:
    for group in item.get("SecurityGroups", []):
        yield security_group_arn(scope, group["SecurityGroupId"])


CACHE_CLUSTER = ResourceType(
    type="AWS::ElastiCache::CacheCluster",
    service="elasticache",
    operation="DescribeCacheClusters",
    items="CacheClusters[]",
    include=lambda i: not i.get("ReplicationGroupId"),
    id="ARN",
    name="CacheClusterId",
    kind=lambda i: engine_kind(i.get("Engine")),
    tags="_tags",
    detail=lambda r, items: _tags(r, items, "ARN"),
    finish=_sizing,
    reads=("elasticache:ListTagsForResource", "ec2:DescribeInstanceTypes"),
    attributes=lambda i, s: Attributes(
        instance_type=i.get("CacheNodeType"),
        node_count=i.get("NumCacheNodes"),
        engine=str(i.get("Engine") or "").lower() or None,
        engine_version=i.get("EngineVersion"),
        state=i.get("CacheClusterStatus"),
        **_memory(i),
        details={
            "availability_zone": i.get("PreferredAvailabilityZone"),
            "subnet_group": i.get("CacheSubnetGroupName"),
        },
    ),
    depends_on=_cluster_deps,
)

TYPES = (REPLICATION_GROUP, CACHE_CLUSTER)
