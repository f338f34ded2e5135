"""EC2: instances, EBS volumes, VPCs, subnets, route tables, security groups, Elastic IPs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cloudexit.connectors.aws.declare import (
    CpuMetric,
    Item,
    ResourceType,
    Scope,
    name_tag_or,
    tag_dict,
)
from cloudexit.connectors.aws.reader import Reader
from cloudexit.connectors.aws.route_tables import route_table_details
from cloudexit.model.boot_disks import BOOT_DISK, root_device_volume
from cloudexit.model.inventory import Attributes
from cloudexit.topology import Mapped
from cloudexit.topology import aws as aws_topology


def instance_arn(scope: Scope, instance_id: str) -> str:
    return scope.arn("ec2", f"instance/{instance_id}")


def vpc_arn(scope: Scope, vpc_id: str) -> str:
    return scope.arn("ec2", f"vpc/{vpc_id}")


def subnet_arn(scope: Scope, subnet_id: str) -> str:
    return scope.arn("ec2", f"subnet/{subnet_id}")


def security_group_arn(scope: Scope, group_id: str) -> str:
    return scope.arn("ec2", f"security-group/{group_id}")


def volume_arn(scope: Scope, volume_id: str) -> str:
    return scope.arn("ec2", f"volume/{volume_id}")


def architecture(value: str | None) -> str | None:
    if not value:
        return None
    return "arm64" if value.startswith("arm64") else "x86_64"


def type_specs(spec: Item | None) -> dict[str, Any]:
    """Sizing fields from a DescribeInstanceTypes entry."""
    if not spec:
        return {}
    gpus = spec.get("GpuInfo", {}).get("Gpus", [])
    out: dict[str, Any] = {
        "vcpu": spec.get("VCpuInfo", {}).get("DefaultVCpus"),
        "memory_gib": round(spec.get("MemoryInfo", {}).get("SizeInMiB", 0) / 1024, 3) or None,
    }
    arches = spec.get("ProcessorInfo", {}).get("SupportedArchitectures", [])
    if arches:
        out["architecture"] = "arm64" if "arm64" in arches else "x86_64"
    if gpus:
        out["gpu_count"] = sum(int(g.get("Count", 0)) for g in gpus)
        out["gpu_model"] = " ".join(
            filter(None, [gpus[0].get("Manufacturer"), gpus[0].get("Name")])
        )
    return out


def attach_type_specs(reader: Reader, items: list[Item], field: str) -> list[Item]:
    """Resolve each item's instance type (under ``field``) to its specs, one lookup per region."""
    specs = reader.instance_types(str(i[field]) for i in items if i.get(field))
    for item in items:
        item["_type_specs"] = specs.get(str(item.get(field) or ""))
    return items


def _instance_types(reader: Reader, items: list[Item]) -> list[Item]:
    return attach_type_specs(reader, items, "InstanceType")


def _instance_attributes(item: Item, scope: Scope) -> Attributes:
    specs = type_specs(item.get("_type_specs"))
    if item.get("Architecture"):
        specs["architecture"] = architecture(item["Architecture"])
    platform = item.get("PlatformDetails") or (
        "Windows" if item.get("Platform") == "windows" else "Linux/UNIX"
    )
    state = item.get("State", {}).get("Name")
    return Attributes(
        instance_type=item.get("InstanceType"),
        os="windows" if platform.lower().startswith("windows") else "linux",
        state=state,
        **specs,
        details={
            "availability_zone": item.get("Placement", {}).get("AvailabilityZone"),
            "image_id": item.get("ImageId"),
            "lifecycle": item.get("InstanceLifecycle", "on-demand"),
            "platform_details": platform,
            "private_ip": item.get("PrivateIpAddress"),
            "public_ip": item.get("PublicIpAddress"),
            "subnet_id": item.get("SubnetId"),
            BOOT_DISK: volume_arn(scope, root) if (root := root_device_volume(item)) else None,
            "tenancy": item.get("Placement", {}).get("Tenancy"),
            "vpc_id": item.get("VpcId"),
            "instance_profile": (item.get("IamInstanceProfile") or {}).get("Arn"),
            "type_known": item.get("_type_specs") is not None,
        },
    )


def _instance_deps(item: Item, scope: Scope) -> Iterable[str]:
    for mapping in item.get("BlockDeviceMappings", []):
        volume = mapping.get("Ebs", {}).get("VolumeId")
        if volume:
            yield volume_arn(scope, volume)
    if item.get("SubnetId"):
        yield subnet_arn(scope, item["SubnetId"])
    for group in item.get("SecurityGroups", []):
        yield security_group_arn(scope, group["GroupId"])


INSTANCE = ResourceType(
    type="AWS::EC2::Instance",
    service="ec2",
    operation="DescribeInstances",
    items="Reservations[].Instances[]",
    id=lambda i, s: instance_arn(s, i["InstanceId"]),
    name=name_tag_or("InstanceId"),
    include=lambda i: i.get("State", {}).get("Name") not in ("terminated", "shutting-down"),
    finish=_instance_types,
    reads=("ec2:DescribeInstanceTypes",),
    attributes=_instance_attributes,
    depends_on=_instance_deps,
    cpu=CpuMetric("AWS/EC2", "InstanceId", lambda i: str(i["InstanceId"])),
)


def _volume_attributes(item: Item, scope: Scope) -> Attributes:
    return Attributes(
        storage_gib=item.get("Size"),
        storage_class=item.get("VolumeType"),
        iops=item.get("Iops"),
        throughput_mibps=item.get("Throughput"),
        state=item.get("State"),
        details={
            "attached_to": sorted(
                a["InstanceId"] for a in item.get("Attachments", []) if a.get("InstanceId")
            ),
            "availability_zone": item.get("AvailabilityZone"),
            "encrypted": item.get("Encrypted"),
            "snapshot_id": item.get("SnapshotId") or None,
        },
    )


VOLUME = ResourceType(
    type="AWS::EC2::Volume",
    service="ec2",
    operation="DescribeVolumes",
    items="Volumes[]",
    id=lambda i, s: volume_arn(s, i["VolumeId"]),
    name=name_tag_or("VolumeId"),
    attributes=_volume_attributes,
)

VPC = ResourceType(
    type="AWS::EC2::VPC",
    service="ec2",
    operation="DescribeVpcs",
    items="Vpcs[]",
    id=lambda i, s: vpc_arn(s, i["VpcId"]),
    name=name_tag_or("VpcId"),
    attributes=lambda i, s: Attributes(
        state=i.get("State"),
        details={"is_default": i.get("IsDefault", False)},
    ),
    topology=lambda i: Mapped(aws_topology.cidrs(i)),
)

SUBNET = ResourceType(
    type="AWS::EC2::Subnet",
    service="ec2",
    operation="DescribeSubnets",
    items="Subnets[]",
    id=lambda i, s: subnet_arn(s, i["SubnetId"]),
    name=name_tag_or("SubnetId"),
    attributes=lambda i, s: Attributes(
        state=i.get("State"),
        details={
            "availability_zone": i.get("AvailabilityZone"),
            "map_public_ip_on_launch": i.get("MapPublicIpOnLaunch", False),
            "vpc_id": i.get("VpcId"),
        },
    ),
    depends_on=lambda i, s: [vpc_arn(s, i["VpcId"])] if i.get("VpcId") else [],
    topology=lambda i: Mapped(aws_topology.cidrs(i)),
)

ROUTE_TABLE = ResourceType(
    type="AWS::EC2::RouteTable",
    service="ec2",
    operation="DescribeRouteTables",
    items="RouteTables[]",
    id=lambda i, s: s.arn("ec2", f"route-table/{i['RouteTableId']}"),
    name=name_tag_or("RouteTableId"),
    attributes=lambda i, s: Attributes(details=route_table_details(i)),
)


SECURITY_GROUP = ResourceType(
    type="AWS::EC2::SecurityGroup",
    service="ec2",
    operation="DescribeSecurityGroups",
    items="SecurityGroups[]",
    id=lambda i, s: security_group_arn(s, i["GroupId"]),
    name=lambda i: str(i.get("GroupName") or i["GroupId"]),
    attributes=lambda i, s: Attributes(
        details={
            "description": i.get("Description"),
            "group_id": i["GroupId"],
            "vpc_id": i.get("VpcId"),
        }
    ),
    depends_on=lambda i, s: [vpc_arn(s, i["VpcId"])] if i.get("VpcId") else [],
    topology=aws_topology.security_group,
)

ELASTIC_IP = ResourceType(
    type="AWS::EC2::EIP",
    service="ec2",
    operation="DescribeAddresses",
    items="Addresses[]",
    id=lambda i, s: s.arn("ec2", f"elastic-ip/{i.get('AllocationId') or i['PublicIp']}"),
    name=lambda i: tag_dict(i.get("Tags")).get("Name") or str(i["PublicIp"]),
    attributes=lambda i, s: Attributes(
        state="associated" if i.get("AssociationId") else "unassociated",
        details={
            "domain": i.get("Domain"),
            "instance_id": i.get("InstanceId"),
            "network_interface_id": i.get("NetworkInterfaceId"),
            "public_ip": i.get("PublicIp"),
        },
    ),
    depends_on=lambda i, s: [instance_arn(s, i["InstanceId"])] if i.get("InstanceId") else [],
)

TYPES = (INSTANCE, VOLUME, VPC, SUBNET, ROUTE_TABLE, SECURITY_GROUP, ELASTIC_IP)
