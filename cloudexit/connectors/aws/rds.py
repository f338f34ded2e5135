"""RDS and Aurora (and the DocumentDB and Neptune clusters the RDS API also lists)."""

from __future__ import annotations

from collections.abc import Iterable

from cloudexit.connectors.aws import metrics
from cloudexit.connectors.aws.declare import CpuMetric, Item, ResourceType, Scope
from cloudexit.connectors.aws.ec2 import (
    attach_type_specs,
    security_group_arn,
    subnet_arn,
    type_specs,
)
from cloudexit.connectors.aws.reader import Reader
from cloudexit.model import engines
from cloudexit.model.inventory import Attributes
from cloudexit.model.kinds import Kind


def engine_of(raw: str | None) -> tuple[str | None, Kind]:
    """Canonical engine name and kind of an RDS engine string (aurora-postgresql, sqlserver-se ...)."""
    name, kind = engines.engine_of(raw)
    return name, kind or Kind.OTHER


def _native(item: Item, cluster: bool) -> str:
    engine, _ = engine_of(item.get("Engine"))
    family = {"docdb": "DocDB", "neptune": "Neptune"}.get(engine or "", "RDS")
    return f"AWS::{family}::{'DBCluster' if cluster else 'DBInstance'}"


def _state(status: str | None) -> str | None:
    return {"available": "running"}.get(status or "", status)


def subnet_group_arn(scope: Scope, name: str) -> str:
    return scope.arn("rds", f"subgrp:{name}")


def _instance_finish(reader: Reader, items: list[Item]) -> list[Item]:
    for item in items:
        item["_ec2_type"] = str(item.get("DBInstanceClass", "")).removeprefix("db.") or None
    return attach_type_specs(reader, items, "_ec2_type")


def _instance_attributes(item: Item, scope: Scope) -> Attributes:
    engine, _ = engine_of(item.get("Engine"))
    specs = type_specs(item.get("_type_specs"))
    specs.pop("gpu_count", None)
    specs.pop("gpu_model", None)
    return Attributes(
        instance_type=item.get("DBInstanceClass"),
        engine=engine,
        engine_version=item.get("EngineVersion"),
        storage_gib=item.get("AllocatedStorage") or None,
        storage_class=item.get("StorageType"),
        iops=item.get("Iops"),
        throughput_mibps=item.get("StorageThroughput"),
        high_availability=item.get("MultiAZ"),
        state=_state(item.get("DBInstanceStatus")),
        **specs,
        details={
            "availability_zone": item.get("AvailabilityZone"),
            "cluster": item.get("DBClusterIdentifier"),
            "engine": item.get("Engine"),
            "license_model": item.get("LicenseModel"),
            "port": (item.get("Endpoint") or {}).get("Port"),
            "publicly_accessible": item.get("PubliclyAccessible"),
            "sizing_from_ec2_type": item.get("_ec2_type") if item.get("_type_specs") else None,
            "storage_encrypted": item.get("StorageEncrypted"),
            "subnet_group": (item.get("DBSubnetGroup") or {}).get("DBSubnetGroupName"),
            # a read replica serves its primary's data: placed with it, rebuilt from it
            "replica_of": _primary(item, scope),
        },
    )


def _primary(item: Item, scope: Scope) -> str | None:
    """The ARN of the instance a read replica copies (the API names a primary in the same
    region by its identifier, one elsewhere by its ARN)."""
    source = item.get("ReadReplicaSourceDBInstanceIdentifier")
    if not isinstance(source, str) or not source:
        return None
    return source if source.startswith("arn:") else scope.arn("rds", f"db:{source}")


def _instance_deps(item: Item, scope: Scope) -> Iterable[str]:
    group = (item.get("DBSubnetGroup") or {}).get("DBSubnetGroupName")
    if group:
        yield subnet_group_arn(scope, group)
    if item.get("DBClusterIdentifier"):
        yield scope.arn("rds", f"cluster:{item['DBClusterIdentifier']}")
    primary = _primary(item, scope)
    if primary:
        yield primary
    for sg in item.get("VpcSecurityGroups", []):
        yield security_group_arn(scope, sg["VpcSecurityGroupId"])


DB_INSTANCE = ResourceType(
    type="AWS::RDS::DBInstance",
    type_of=lambda i: _native(i, cluster=False),
    service="rds",
    operation="DescribeDBInstances",
    items="DBInstances[]",
    id="DBInstanceArn",
    name="DBInstanceIdentifier",
    kind=lambda i: engine_of(i.get("Engine"))[1],
    tags="TagList",
    finish=_instance_finish,
    reads=("ec2:DescribeInstanceTypes",),
    attributes=_instance_attributes,
    depends_on=_instance_deps,
    cpu=CpuMetric("AWS/RDS", "DBInstanceIdentifier", lambda i: str(i["DBInstanceIdentifier"])),
    covers=("AWS::DocDB::DBInstance", "AWS::Neptune::DBInstance"),
)


def _cluster_finish(reader: Reader, items: list[Item]) -> list[Item]:
    """Aurora reports used storage only as the VolumeBytesUsed metric."""
    aurora = [
        i for i in items if str(i.get("Engine", "")).startswith(("aurora", "docdb", "neptune"))
    ]
    if aurora and reader.metrics_days:
        queries = [
            metrics.Query(
                i["DBClusterArn"],
                "AWS/RDS",
                "VolumeBytesUsed",
                (("DBClusterIdentifier", i["DBClusterIdentifier"]),),
                "Maximum",
            )
            for i in aurora
        ]
        used = metrics.latest(reader, queries, region=reader.scope.region)
        for item in aurora:
            item["_used_bytes"] = used.get(item["DBClusterArn"])
    return items


def _cluster_attributes(item: Item, scope: Scope) -> Attributes:
    engine, _ = engine_of(item.get("Engine"))
    used = item.get("_used_bytes")
    storage = round(used / 1024**3, 3) if used is not None else None
    if storage is None and not str(item.get("Engine", "")).startswith("aurora"):
        storage = item.get("AllocatedStorage") or None
    return Attributes(
        instance_type=item.get("DBClusterInstanceClass"),
        engine=engine,
        engine_version=item.get("EngineVersion"),
        storage_gib=storage,
        storage_class=item.get("StorageType"),
        iops=item.get("Iops"),
        high_availability=item.get("MultiAZ"),
        node_count=len(item.get("DBClusterMembers", [])),
        state=_state(item.get("Status")),
        details={
            "engine": item.get("Engine"),
            "engine_mode": item.get("EngineMode"),
            "members": sorted(m["DBInstanceIdentifier"] for m in item.get("DBClusterMembers", [])),
            "port": item.get("Port"),
            "serverless_v2": item.get("ServerlessV2ScalingConfiguration"),
            "storage_encrypted": item.get("StorageEncrypted"),
            "storage_from": "VolumeBytesUsed metric" if used is not None else "allocated",
            "subnet_group": item.get("DBSubnetGroup"),
        },
    )


def _cluster_deps(item: Item, scope: Scope) -> Iterable[str]:
    if item.get("DBSubnetGroup"):
        yield subnet_group_arn(scope, item["DBSubnetGroup"])
    for sg in item.get("VpcSecurityGroups", []):
        yield security_group_arn(scope, sg["VpcSecurityGroupId"])


DB_CLUSTER = ResourceType(
    type="AWS::RDS::DBCluster",
    type_of=lambda i: _native(i, cluster=True),
    service="rds",
    operation="DescribeDBClusters",
    items="DBClusters[]",
    id="DBClusterArn",
    name="DBClusterIdentifier",
    kind=lambda i: engine_of(i.get("Engine"))[1],
    tags="TagList",
    finish=_cluster_finish,
    reads=("cloudwatch:GetMetricData",),
    attributes=_cluster_attributes,
    depends_on=_cluster_deps,
    covers=("AWS::DocDB::DBCluster", "AWS::Neptune::DBCluster"),
)

DB_SUBNET_GROUP = ResourceType(
    type="AWS::RDS::DBSubnetGroup",
    service="rds",
    operation="DescribeDBSubnetGroups",
    items="DBSubnetGroups[]",
    id=lambda i, s: str(i.get("DBSubnetGroupArn") or subnet_group_arn(s, i["DBSubnetGroupName"])),
    name="DBSubnetGroupName",
    tags=None,
    attributes=lambda i, s: Attributes(
        details={
            "description": i.get("DBSubnetGroupDescription"),
            "subnets": sorted(x["SubnetIdentifier"] for x in i.get("Subnets", [])),
            "vpc_id": i.get("VpcId"),
        }
    ),
    depends_on=lambda i, s: [subnet_arn(s, x["SubnetIdentifier"]) for x in i.get("Subnets", [])],
)

TYPES = (DB_INSTANCE, DB_CLUSTER, DB_SUBNET_GROUP)
