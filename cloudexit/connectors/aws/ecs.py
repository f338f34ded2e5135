"""ECS clusters and services, sized from their task definitions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from cloudexit.connectors.aws.declare import Item, Parent, ResourceType, Scope
from cloudexit.connectors.aws.ec2 import security_group_arn, subnet_arn
from cloudexit.connectors.aws.reader import Reader
from cloudexit.model.inventory import Attributes

DESCRIBE_SERVICES_BATCH = 10  # the DescribeServices limit


def _cluster_detail(reader: Reader, items: list[Item]) -> list[Item]:
    found = reader.call(
        "ecs", "DescribeClusters", clusters=[i["_key"] for i in items], include=["TAGS"]
    )
    return [dict(c) for c in found.get("clusters", [])]


CLUSTER = ResourceType(
    type="AWS::ECS::Cluster",
    service="ecs",
    operation="ListClusters",
    items="clusterArns[]",
    id=lambda i, s: str(i.get("clusterArn") or i["_key"]),
    name=lambda i: str(i.get("clusterName") or str(i["_key"]).rsplit("/", 1)[-1]),
    tags="tags",
    detail=_cluster_detail,
    detail_batch=100,
    reads=("ecs:DescribeClusters",),
    attributes=lambda i, s: Attributes(
        state=str(i.get("status", "")).lower() or None,
        details={
            "active_services": i.get("activeServicesCount"),
            "capacity_providers": sorted(i.get("capacityProviders", [])),
            "container_instances": i.get("registeredContainerInstancesCount"),
            "running_tasks": i.get("runningTasksCount"),
        },
    ),
)


def _service_detail(reader: Reader, items: list[Item]) -> list[Item]:
    by_cluster: dict[str, list[str]] = defaultdict(list)
    for item in items:
        by_cluster[item["_parent"]].append(item["_key"])
    out: list[Item] = []
    for cluster, arns in by_cluster.items():
        found = reader.call(
            "ecs", "DescribeServices", cluster=cluster, services=arns, include=["TAGS"]
        )
        for service in found.get("services", []):
            task = service.get("taskDefinition")
            if task:
                definition = _task_definition(reader, task)
                service["_task_cpu"] = definition.get("cpu")
                service["_task_memory"] = definition.get("memory")
            out.append(dict(service))
    return out


def _task_definition(reader: Reader, arn: str) -> Item:
    cache = reader.cache
    with cache.lock:
        known = cache.task_definitions.get(arn)
    if known is None:
        known = dict(
            reader.call("ecs", "DescribeTaskDefinition", taskDefinition=arn)["taskDefinition"]
        )
        with cache.lock:
            cache.task_definitions[arn] = known
    return known


def _float(value: object) -> float | None:
    try:
        return float(str(value))
    except ValueError:
        return None


def _service_attributes(item: Item, scope: Scope) -> Attributes:
    cpu = _float(item.get("_task_cpu")) if item.get("_task_cpu") else None
    memory = _float(item.get("_task_memory")) if item.get("_task_memory") else None
    network = (item.get("networkConfiguration") or {}).get("awsvpcConfiguration") or {}
    return Attributes(
        vcpu=round(cpu / 1024, 3) if cpu else None,
        memory_gib=round(memory / 1024, 3) if memory else None,
        node_count=item.get("desiredCount"),
        state=str(item.get("status", "")).lower() or None,
        details={
            "cluster": item.get("clusterArn"),
            "launch_type": item.get("launchType")
            or ",".join(
                sorted(p["capacityProvider"] for p in item.get("capacityProviderStrategy", []))
            )
            or None,
            "load_balancers": sorted(
                lb["targetGroupArn"]
                for lb in item.get("loadBalancers", [])
                if lb.get("targetGroupArn")
            ),
            "running_count": item.get("runningCount"),
            "sizing": "per task" if cpu or memory else None,
            "subnets": sorted(network.get("subnets", [])),
            "task_definition": item.get("taskDefinition"),
        },
    )


def _service_deps(item: Item, scope: Scope) -> Iterable[str]:
    if item.get("clusterArn") or item.get("_parent"):
        yield str(item.get("clusterArn") or item["_parent"])
    for lb in item.get("loadBalancers", []):
        if lb.get("targetGroupArn"):
            yield lb["targetGroupArn"]
    network = (item.get("networkConfiguration") or {}).get("awsvpcConfiguration") or {}
    yield from (subnet_arn(scope, s) for s in network.get("subnets", []))
    yield from (security_group_arn(scope, g) for g in network.get("securityGroups", []))


SERVICE = ResourceType(
    type="AWS::ECS::Service",
    service="ecs",
    operation="ListServices",
    items="serviceArns[]",
    parent=Parent(operation="ListClusters", items="clusterArns[]", param="cluster"),
    id=lambda i, s: str(i.get("serviceArn") or i["_key"]),
    name=lambda i: str(i.get("serviceName") or str(i["_key"]).rsplit("/", 1)[-1]),
    tags="tags",
    detail=_service_detail,
    detail_batch=DESCRIBE_SERVICES_BATCH,
    reads=("ecs:DescribeServices", "ecs:DescribeTaskDefinition"),
    attributes=_service_attributes,
    depends_on=_service_deps,
    covers=("AWS::ECS::TaskDefinition",),
)

TYPES = (CLUSTER, SERVICE)
