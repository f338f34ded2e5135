"""EC2 Auto Scaling groups."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from cloudexit.connectors.aws.declare import Item, ResourceType, Scope
from cloudexit.connectors.aws.ec2 import attach_type_specs, subnet_arn, type_specs
from cloudexit.connectors.aws.reader import Reader
from cloudexit.model.inventory import Attributes


def _main_type(item: Item) -> str | None:
    """The most common instance type among the group's instances, else the first override."""
    seen = Counter(
        str(i["InstanceType"]) for i in item.get("Instances", []) if i.get("InstanceType")
    )
    if seen:
        return min(seen.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    overrides = (
        (item.get("MixedInstancesPolicy") or {}).get("LaunchTemplate", {}).get("Overrides", [])
    )
    return next((str(o["InstanceType"]) for o in overrides if o.get("InstanceType")), None)


def _finish(reader: Reader, items: list[Item]) -> list[Item]:
    for item in items:
        item["_main_type"] = _main_type(item)
    return attach_type_specs(reader, items, "_main_type")


def _subnets(item: Item) -> list[str]:
    return sorted(s for s in str(item.get("VPCZoneIdentifier") or "").split(",") if s)


def _attributes(item: Item, scope: Scope) -> Attributes:
    template = item.get("LaunchTemplate") or (item.get("MixedInstancesPolicy") or {}).get(
        "LaunchTemplate", {}
    ).get("LaunchTemplateSpecification", {})
    return Attributes(
        instance_type=item.get("_main_type"),
        node_count=item.get("DesiredCapacity"),
        **type_specs(item.get("_type_specs")),
        details={
            "desired_capacity": item.get("DesiredCapacity"),
            "instances": sorted(i["InstanceId"] for i in item.get("Instances", [])),
            "launch_configuration": item.get("LaunchConfigurationName"),
            "launch_template": template.get("LaunchTemplateName")
            or template.get("LaunchTemplateId"),
            "max_size": item.get("MaxSize"),
            "min_size": item.get("MinSize"),
            "subnets": _subnets(item),
            "target_groups": sorted(item.get("TargetGroupARNs", [])),
        },
    )


def _deps(item: Item, scope: Scope) -> Iterable[str]:
    yield from (subnet_arn(scope, s) for s in _subnets(item))
    yield from item.get("TargetGroupARNs", [])
    for name in item.get("LoadBalancerNames", []):
        yield scope.arn("elasticloadbalancing", f"loadbalancer/{name}")


AUTO_SCALING_GROUP = ResourceType(
    type="AWS::AutoScaling::AutoScalingGroup",
    service="autoscaling",
    operation="DescribeAutoScalingGroups",
    items="AutoScalingGroups[]",
    id="AutoScalingGroupARN",
    name="AutoScalingGroupName",
    finish=_finish,
    reads=("ec2:DescribeInstanceTypes",),
    attributes=_attributes,
    depends_on=_deps,
)

TYPES = (AUTO_SCALING_GROUP,)
