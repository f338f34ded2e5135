"""Elastic Load Balancing: application, network and gateway load balancers, target groups, classic ELB."""

from __future__ import annotations

from collections.abc import Iterable

from cloudexit.connectors.aws.declare import Item, ResourceType, Scope, tag_dict
from cloudexit.connectors.aws.ec2 import instance_arn, security_group_arn, subnet_arn, vpc_arn
from cloudexit.connectors.aws.reader import Reader
from cloudexit.model.inventory import Attributes
from cloudexit.topology import aws as aws_topology


def _tags_v2(reader: Reader, arn: str) -> dict[str, str]:
    descriptions = reader.call("elbv2", "DescribeTags", ResourceArns=[arn]).get(
        "TagDescriptions", []
    )
    return tag_dict(descriptions[0].get("Tags")) if descriptions else {}


def _targets(reader: Reader, group_arn: str) -> list[Item]:
    health = reader.call("elbv2", "DescribeTargetHealth", TargetGroupArn=group_arn)
    return sorted(
        (
            {"id": d["Target"]["Id"], "port": d["Target"].get("Port")}
            for d in health.get("TargetHealthDescriptions", [])
        ),
        key=lambda t: (str(t["id"]), t["port"] or 0),
    )


def _target_arn(scope: Scope, target_id: str) -> str | None:
    if target_id.startswith("i-"):
        return instance_arn(scope, target_id)
    if target_id.startswith("arn:"):
        return target_id
    return None  # an IP address: kept in details


def _lb_detail(reader: Reader, items: list[Item]) -> list[Item]:
    for item in items:
        arn = item["LoadBalancerArn"]
        item["_tags"] = _tags_v2(reader, arn)
        item["_listeners"] = list(
            reader.items("elbv2", "DescribeListeners", "Listeners[]", {"LoadBalancerArn": arn})
        )
        groups = list(
            reader.items(
                "elbv2", "DescribeTargetGroups", "TargetGroups[]", {"LoadBalancerArn": arn}
            )
        )
        item["_target_groups"] = {
            g["TargetGroupArn"]: _targets(reader, g["TargetGroupArn"]) for g in groups
        }
    return items


def _lb_deps(item: Item, scope: Scope) -> Iterable[str]:
    for zone in item.get("AvailabilityZones", []):
        if zone.get("SubnetId"):
            yield subnet_arn(scope, zone["SubnetId"])
    for group in item.get("SecurityGroups", []):
        yield security_group_arn(scope, group)
    for group_arn, targets in item.get("_target_groups", {}).items():
        yield group_arn
        for target in targets:
            arn = _target_arn(scope, str(target["id"]))
            if arn:
                yield arn


LOAD_BALANCER = ResourceType(
    type="AWS::ElasticLoadBalancingV2::LoadBalancer",
    service="elbv2",
    operation="DescribeLoadBalancers",
    items="LoadBalancers[]",
    id="LoadBalancerArn",
    name="LoadBalancerName",
    tags="_tags",
    detail=_lb_detail,
    reads=(
        "elbv2:DescribeTags",
        "elbv2:DescribeListeners",
        "elbv2:DescribeTargetGroups",
        "elbv2:DescribeTargetHealth",
    ),
    attributes=lambda i, s: Attributes(
        state=i.get("State", {}).get("Code"),
        details={
            "dns_name": i.get("DNSName"),
            "ip_address_type": i.get("IpAddressType"),
            "certificates": _certificates(i.get("_listeners", [])),
            "load_balancer_type": i.get("Type"),
            "scheme": i.get("Scheme"),
            "target_groups": sorted(i.get("_target_groups", {})),
            "vpc_id": i.get("VpcId"),
        },
    ),
    depends_on=_lb_deps,
    topology=lambda i: aws_topology.listeners(i.get("_listeners", [])),
    covers=("AWS::ElasticLoadBalancingV2::Listener", "AWS::ElasticLoadBalancingV2::ListenerRule"),
)


def _certificates(listeners: list[Item]) -> list[str] | None:
    found = sorted(
        {
            str(c["CertificateArn"])
            for x in listeners
            for c in x.get("Certificates") or []
            if c.get("CertificateArn")
        }
        | {
            str(x["Listener"]["SSLCertificateId"])
            for x in listeners
            if (x.get("Listener") or {}).get("SSLCertificateId")
        }
    )
    return found or None


def _tg_detail(reader: Reader, items: list[Item]) -> list[Item]:
    for item in items:
        item["_tags"] = _tags_v2(reader, item["TargetGroupArn"])
        item["_targets"] = _targets(reader, item["TargetGroupArn"])
    return items


def _tg_deps(item: Item, scope: Scope) -> Iterable[str]:
    for target in item.get("_targets", []):
        arn = _target_arn(scope, str(target["id"]))
        if arn:
            yield arn
    if item.get("VpcId"):
        yield vpc_arn(scope, item["VpcId"])


TARGET_GROUP = ResourceType(
    type="AWS::ElasticLoadBalancingV2::TargetGroup",
    service="elbv2",
    operation="DescribeTargetGroups",
    items="TargetGroups[]",
    id="TargetGroupArn",
    name="TargetGroupName",
    tags="_tags",
    detail=_tg_detail,
    reads=("elbv2:DescribeTags", "elbv2:DescribeTargetHealth"),
    attributes=lambda i, s: Attributes(
        details={
            "load_balancers": sorted(i.get("LoadBalancerArns", [])),
            "protocol": i.get("Protocol"),
            "target_type": i.get("TargetType"),
            "targets": i.get("_targets", []),
            "vpc_id": i.get("VpcId"),
        }
    ),
    depends_on=_tg_deps,
    topology=aws_topology.target_group,
)


def _classic_detail(reader: Reader, items: list[Item]) -> list[Item]:
    names = [i["LoadBalancerName"] for i in items]
    found = reader.call("elb", "DescribeTags", LoadBalancerNames=names).get("TagDescriptions", [])
    tags = {d["LoadBalancerName"]: tag_dict(d.get("Tags")) for d in found}
    for item in items:
        item["_tags"] = tags.get(item["LoadBalancerName"], {})
    return items


CLASSIC_LOAD_BALANCER = ResourceType(
    type="AWS::ElasticLoadBalancing::LoadBalancer",
    service="elb",
    operation="DescribeLoadBalancers",
    items="LoadBalancerDescriptions[]",
    id=lambda i, s: s.arn("elasticloadbalancing", f"loadbalancer/{i['LoadBalancerName']}"),
    name="LoadBalancerName",
    tags="_tags",
    detail=_classic_detail,
    detail_batch=20,
    reads=("elb:DescribeTags",),
    attributes=lambda i, s: Attributes(
        details={
            "dns_name": i.get("DNSName"),
            "instances": sorted(x["InstanceId"] for x in i.get("Instances", [])),
            "certificates": _certificates(i.get("ListenerDescriptions", [])),
            "load_balancer_type": "classic",
            "scheme": i.get("Scheme"),
            "vpc_id": i.get("VPCId"),
        }
    ),
    topology=lambda i: aws_topology.classic_load_balancer(
        i.get("ListenerDescriptions", []), i.get("HealthCheck")
    ),
    depends_on=lambda i, s: [
        *(instance_arn(s, x["InstanceId"]) for x in i.get("Instances", [])),
        *(subnet_arn(s, x) for x in i.get("Subnets", [])),
        *(security_group_arn(s, x) for x in i.get("SecurityGroups", [])),
    ],
)

TYPES = (LOAD_BALANCER, TARGET_GROUP, CLASSIC_LOAD_BALANCER)
