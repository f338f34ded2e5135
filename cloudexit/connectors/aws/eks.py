"""EKS clusters and managed node groups."""

from __future__ import annotations

from collections.abc import Iterable

from cloudexit.connectors.aws.declare import Item, Parent, ResourceType, Scope
from cloudexit.connectors.aws.ec2 import (
    attach_type_specs,
    security_group_arn,
    subnet_arn,
    type_specs,
)
from cloudexit.connectors.aws.reader import Reader
from cloudexit.model.inventory import Attributes
from cloudexit.model.scaling import scaling_bounds


def cluster_arn(scope: Scope, name: str) -> str:
    return scope.arn("eks", f"cluster/{name}")


def _cluster_detail(reader: Reader, items: list[Item]) -> list[Item]:
    return [dict(reader.call("eks", "DescribeCluster", name=i["_key"])["cluster"]) for i in items]


def _cluster_deps(item: Item, scope: Scope) -> Iterable[str]:
    vpc = item.get("resourcesVpcConfig") or {}
    yield from (subnet_arn(scope, s) for s in vpc.get("subnetIds", []))
    yield from (security_group_arn(scope, g) for g in vpc.get("securityGroupIds", []))


CLUSTER = ResourceType(
    type="AWS::EKS::Cluster",
    service="eks",
    operation="ListClusters",
    items="clusters[]",
    id=lambda i, s: str(i.get("arn") or cluster_arn(s, i.get("name") or i["_key"])),
    name=lambda i: str(i.get("name") or i["_key"]),
    tags="tags",
    detail=_cluster_detail,
    reads=("eks:DescribeCluster",),
    attributes=lambda i, s: Attributes(
        engine="kubernetes",
        engine_version=i.get("version"),
        state=i.get("status"),
        details={
            "endpoint_public": (i.get("resourcesVpcConfig") or {}).get("endpointPublicAccess"),
            "platform_version": i.get("platformVersion"),
            "vpc_id": (i.get("resourcesVpcConfig") or {}).get("vpcId"),
        },
    ),
    depends_on=_cluster_deps,
)


def _nodegroup_detail(reader: Reader, items: list[Item]) -> list[Item]:
    return [
        dict(
            reader.call(
                "eks", "DescribeNodegroup", clusterName=i["_parent"], nodegroupName=i["_key"]
            )["nodegroup"]
        )
        for i in items
    ]


def _nodegroup_finish(reader: Reader, items: list[Item]) -> list[Item]:
    for item in items:
        item["_main_type"] = (item.get("instanceTypes") or [None])[0]
    return attach_type_specs(reader, items, "_main_type")


def _nodegroup_attributes(item: Item, scope: Scope) -> Attributes:
    scaling = item.get("scalingConfig") or {}
    specs = type_specs(item.get("_type_specs"))
    if "ARM" in str(item.get("amiType", "")):
        specs["architecture"] = "arm64"
    return Attributes(
        instance_type=item.get("_main_type"),
        node_count=scaling.get("desiredSize"),
        **scaling_bounds(
            scaling.get("desiredSize"), scaling.get("minSize"), scaling.get("maxSize")
        ),
        storage_gib=item.get("diskSize"),
        engine_version=item.get("version"),
        state=item.get("status"),
        **specs,
        details={
            "ami_type": item.get("amiType"),
            "capacity_type": item.get("capacityType"),
            "cluster": item.get("clusterName"),
            "disk_size_gib": item.get("diskSize"),
            "instance_types": sorted(item.get("instanceTypes") or []),
            "launch_template": (item.get("launchTemplate") or {}).get("id")
            or (item.get("launchTemplate") or {}).get("name"),
            "max_size": scaling.get("maxSize"),
            "min_size": scaling.get("minSize"),
        },
    )


def _nodegroup_deps(item: Item, scope: Scope) -> Iterable[str]:
    yield cluster_arn(scope, str(item.get("clusterName") or item["_parent"]))
    yield from (subnet_arn(scope, s) for s in item.get("subnets", []))


NODEGROUP = ResourceType(
    type="AWS::EKS::Nodegroup",
    service="eks",
    operation="ListNodegroups",
    items="nodegroups[]",
    parent=Parent(operation="ListClusters", items="clusters[]", param="clusterName"),
    id=lambda i, s: str(
        i.get("nodegroupArn") or s.arn("eks", f"nodegroup/{i['_parent']}/{i['_key']}/unknown")
    ),
    name=lambda i: str(i.get("nodegroupName") or i["_key"]),
    tags="tags",
    detail=_nodegroup_detail,
    finish=_nodegroup_finish,
    reads=("eks:DescribeNodegroup", "ec2:DescribeInstanceTypes"),
    attributes=_nodegroup_attributes,
    depends_on=_nodegroup_deps,
)

TYPES = (CLUSTER, NODEGROUP)
