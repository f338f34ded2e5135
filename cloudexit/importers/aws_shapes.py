"""Sizing facts of AWS resources in the API's own shapes, keyed by CloudFormation type.

The AWS CLI prints API responses in PascalCase (``InstanceType``); AWS Config writes the same
shapes with a lower-case first letter (``instanceType``, ``dBInstanceClass``): ``pascal``
turns the second into the first, so one reader serves both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cloudexit.connectors.aws.route_tables import route_table_details
from cloudexit.importers.refine import engine_name
from cloudexit.importers.terraform_sizing import count, positive, text
from cloudexit.jsonvalues import number
from cloudexit.model.boot_disks import BOOT_DISK, root_device_volume
from cloudexit.model.bucket_access import blocked, canned_acl, default_encryption
from cloudexit.model.inventory import ROOT_DISK_UNKNOWN
from cloudexit.model.scaling import scaling_bounds

Fields = dict[str, Any]
_GIB = 1024**3


def pascal(value: Any) -> Any:
    """Upper-case the first letter of every key, recursively."""
    if isinstance(value, dict):
        return {
            (k[:1].upper() + k[1:] if isinstance(k, str) else k): pascal(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [pascal(v) for v in value]
    return value


def dig(value: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def aws_tags(value: Any) -> dict[str, str]:
    """Tags as ``[{Key, Value}]`` (EC2, RDS), ``[{TagName, TagValue}]`` or a plain map."""
    if isinstance(value, dict):
        return {
            str(k): str(v)
            for k, v in value.items()
            if v is not None and not isinstance(v, (dict, list))
        }
    tags: dict[str, str] = {}
    if isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                key = item.get("Key", item.get("TagName"))
                val = item.get("Value", item.get("TagValue"))
                if isinstance(key, str) and val is not None:
                    tags[key] = str(val)
    return tags


def _os(platform: Any) -> str | None:
    if not isinstance(platform, str) or not platform:
        return None
    return "windows" if "windows" in platform.lower() else "linux"


def ec2_instance(r: dict[str, Any]) -> Fields:
    cores, threads = (
        number(dig(r, "CpuOptions", "CoreCount")),
        number(dig(r, "CpuOptions", "ThreadsPerCore")),
    )
    arch = text(r.get("Architecture"))
    return {
        "instance_type": text(r.get("InstanceType")),
        "vcpu": cores * threads if cores and threads else None,
        "architecture": "arm64"
        if arch == "arm64"
        else "x86_64"
        if arch in ("x86_64", "i386")
        else None,
        "os": _os(r.get("PlatformDetails") or r.get("Platform")),
        "state": text(dig(r, "State", "Name")),
        "details": {
            "image_id": text(r.get("ImageId")),
            "subnet_id": text(r.get("SubnetId")),
            BOOT_DISK: root_device_volume(r),
            # the row names its root EBS volume at most, never its size
            ROOT_DISK_UNKNOWN: (text(r.get("ImageId")) or "unknown image")
            if r.get("RootDeviceType") == "ebs"
            else None,
        },
    }


def ebs_volume(r: dict[str, Any]) -> Fields:
    return {
        "storage_gib": positive(r.get("Size")),
        "storage_class": text(r.get("VolumeType")),
        "iops": count(r.get("Iops")),
        "throughput_mibps": positive(r.get("Throughput")),
        "state": text(r.get("State")),
    }


def ebs_snapshot(r: dict[str, Any]) -> Fields:
    return {"storage_gib": positive(r.get("VolumeSize")), "state": text(r.get("State"))}


def rds_instance(r: dict[str, Any]) -> Fields:
    multi = r.get("MultiAZ")
    return {
        "instance_type": text(r.get("DBInstanceClass")),
        "engine": engine_name(text(r.get("Engine"))),
        "engine_version": text(r.get("EngineVersion")),
        "storage_gib": positive(r.get("AllocatedStorage")),
        "storage_class": text(r.get("StorageType")),
        "iops": count(r.get("Iops")),
        "high_availability": multi if isinstance(multi, bool) else None,
        "state": text(r.get("DBInstanceStatus")),
    }


def rds_cluster(r: dict[str, Any]) -> Fields:
    multi = r.get("MultiAZ")
    return {
        "engine": engine_name(text(r.get("Engine"))),
        "engine_version": text(r.get("EngineVersion")),
        "storage_gib": positive(r.get("AllocatedStorage")),
        "high_availability": multi if isinstance(multi, bool) else None,
        "node_count": len(r["DBClusterMembers"])
        if isinstance(r.get("DBClusterMembers"), list)
        else None,
        "state": text(r.get("Status")),
    }


def lambda_function(r: dict[str, Any]) -> Fields:
    memory = positive(r.get("MemorySize"))
    arch = r.get("Architectures")
    return {
        "memory_gib": memory / 1024 if memory else None,
        "architecture": "arm64" if isinstance(arch, list) and "arm64" in arch else None,
        "details": {"runtime": text(r.get("Runtime"))},
    }


def _capacity(r: dict[str, Any]) -> Fields:
    """Provisioned read and write capacity; on-demand tables report 0, which is not a size."""
    if text(dig(r, "BillingModeSummary", "BillingMode")) == "PAY_PER_REQUEST":
        return {}
    return {
        "read_capacity_units": positive(dig(r, "ProvisionedThroughput", "ReadCapacityUnits")),
        "write_capacity_units": positive(dig(r, "ProvisionedThroughput", "WriteCapacityUnits")),
    }


def dynamodb_table(r: dict[str, Any]) -> Fields:
    size = positive(r.get("TableSizeBytes"))
    return {
        "engine": "dynamodb",
        "billing_mode": text(dig(r, "BillingModeSummary", "BillingMode")),
        "storage_gib": round(size / _GIB, 3) if size else None,
        "item_count": count(r.get("ItemCount")),
        **_capacity(r),
        "state": text(r.get("TableStatus")),
    }


def cache_cluster(r: dict[str, Any]) -> Fields:
    return {
        "instance_type": text(r.get("CacheNodeType")),
        "engine": engine_name(text(r.get("Engine"))),
        "engine_version": text(r.get("EngineVersion")),
        "node_count": count(r.get("NumCacheNodes")),
        "state": text(r.get("CacheClusterStatus")),
    }


def replication_group(r: dict[str, Any]) -> Fields:
    members = r.get("MemberClusters")
    failover = text(r.get("AutomaticFailover"))
    return {
        "instance_type": text(r.get("CacheNodeType")),
        "engine": engine_name(text(r.get("Engine")) or "redis"),
        "node_count": len(members) if isinstance(members, list) else None,
        "high_availability": failover in ("enabled", "enabling") if failover else None,
        "state": text(r.get("Status")),
    }


def eks_cluster(r: dict[str, Any]) -> Fields:
    return {
        "engine": "kubernetes",
        # AWS Config spells the keys Version/Status, the EKS API (and so the CLI) version/status
        "engine_version": text(r.get("Version") or r.get("version")),
        "state": text(r.get("Status") or r.get("status")),
    }


def eks_nodegroup(r: dict[str, Any]) -> Fields:
    r = pascal(r)  # the CLI prints EKS in camelCase, AWS Config in PascalCase
    types = r.get("InstanceTypes")
    return {
        "instance_type": text(types[0]) if isinstance(types, list) and types else None,
        "node_count": count(dig(r, "ScalingConfig", "DesiredSize")),
        **scaling_bounds(
            dig(r, "ScalingConfig", "DesiredSize"),
            dig(r, "ScalingConfig", "MinSize"),
            dig(r, "ScalingConfig", "MaxSize"),
        ),
        "storage_gib": positive(r.get("DiskSize")),
        "state": text(r.get("Status")),
    }


def efs(r: dict[str, Any]) -> Fields:
    size = positive(dig(r, "SizeInBytes", "Value"))
    return {
        "storage_gib": round(size / _GIB, 3) if size else None,
        "state": text(r.get("LifeCycleState")),
    }


def autoscaling_group(r: dict[str, Any]) -> Fields:
    return {"node_count": count(r.get("DesiredCapacity"))}


def search_domain(r: dict[str, Any]) -> Fields:
    version = text(r.get("EngineVersion")) or text(r.get("ElasticsearchVersion"))
    cluster = r.get("ClusterConfig") or r.get("ElasticsearchClusterConfig") or {}
    return {
        "instance_type": text(dig(cluster, "InstanceType")),
        "node_count": count(dig(cluster, "InstanceCount")),
        "storage_gib": positive(dig(r, "EBSOptions", "VolumeSize")),
        "engine": "opensearch"
        if version and version.lower().startswith("opensearch")
        else "elasticsearch",
        "engine_version": version,
    }


def redshift(r: dict[str, Any]) -> Fields:
    return {
        "instance_type": text(r.get("NodeType")),
        "node_count": count(r.get("NumberOfNodes")),
        "engine": "redshift",
        "state": text(r.get("ClusterStatus")),
    }


def load_balancer(r: dict[str, Any]) -> Fields:
    return {
        "state": text(dig(r, "State", "Code")),
        "details": {
            "load_balancer_type": text(r.get("Type")) or "classic",
            "scheme": text(r.get("Scheme")),
        },
    }


def security_group(r: dict[str, Any]) -> Fields:
    def rules(items: Any) -> list[dict[str, Any]]:
        out = []
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                cidrs = [c.get("CidrIp") for c in item.get("IpRanges") or [] if isinstance(c, dict)]
                out.append(
                    {
                        "protocol": item.get("IpProtocol"),
                        "from_port": item.get("FromPort"),
                        "to_port": item.get("ToPort"),
                        "cidr_blocks": [c for c in cidrs if c],
                    }
                )
        return out

    return {
        "details": {
            "ingress": rules(r.get("IpPermissions")),
            "egress": rules(r.get("IpPermissionsEgress")),
        }
    }


def cidr(r: dict[str, Any]) -> Fields:
    return {"state": text(r.get("State")), "details": {"cidr_block": text(r.get("CidrBlock"))}}


def subnet(r: dict[str, Any]) -> Fields:
    """Its VPC, as a live scan records it: a subnet no table names takes its VPC's main table."""
    fields = cidr(r)
    fields["details"]["vpc_id"] = text(r.get("VpcId"))
    return fields


def route_table(r: dict[str, Any]) -> Fields:
    """Its routes, the subnets associated with it and whether it is its VPC's main table: the
    live scan's reader."""
    return {"details": route_table_details(r)}


def network_firewall(r: dict[str, Any]) -> Fields:
    """Its endpoints, one per zone, which routes through it name as their next hop: the API's
    ``FirewallStatus.SyncStates`` (``describe-firewall``) or AWS Config's ``EndpointIds``
    (``zone:vpce-...``)."""
    states = dig(r, "FirewallStatus", "SyncStates")
    hops = {
        text(dig(state, "Attachment", "EndpointId"))
        for state in (states.values() if isinstance(states, dict) else [])
    }
    hops |= {text(e.rsplit(":", 1)[-1]) for e in r.get("EndpointIds") or [] if isinstance(e, str)}
    return {"details": {"firewall_hops": sorted(h for h in hops if h)}}


def nat_gateway(r: dict[str, Any]) -> Fields:
    return {"state": text(r.get("State"))}


def s3_bucket(r: dict[str, Any]) -> Fields:
    """Who may read it and its default encryption: AWS Config's supplementary configuration
    (``AccessControlList``, a JSON string of grants; ``PublicAccessBlockConfiguration``;
    ``ServerSideEncryptionConfiguration``), or the S3 API's answers a scan adds beside it."""
    extra = r.get("SupplementaryConfiguration") or {}
    return {
        "details": {
            "acl": canned_acl(extra.get("AccessControlList") or r.get("Grants")),
            "public_access_blocked": blocked(
                extra.get("PublicAccessBlockConfiguration")
                or r.get("PublicAccessBlockConfiguration")
            ),
            "encryption": default_encryption(
                extra.get("ServerSideEncryptionConfiguration")
                or r.get("ServerSideEncryptionConfiguration")
            ),
        }
    }


def msk_cluster(r: dict[str, Any]) -> Fields:
    """`aws kafka list-clusters`/`describe-cluster` and AWS Config spell these alike."""
    brokers = r.get("BrokerNodeGroupInfo") or {}
    nodes = count(r.get("NumberOfBrokerNodes"))
    per_broker = positive(
        ((brokers.get("StorageInfo") or {}).get("EbsStorageInfo") or {}).get("VolumeSize")
    )
    software = r.get("CurrentBrokerSoftwareInfo") or {}
    return {
        "instance_type": text(brokers.get("InstanceType")),
        "node_count": nodes,
        "engine": "kafka",
        "engine_version": text(software.get("KafkaVersion") or r.get("KafkaVersion")),
        "storage_gib": per_broker * nodes if per_broker and nodes else per_broker,
        "state": text(r.get("State")),
    }


def hosted_zone(r: dict[str, Any]) -> Fields:
    """`aws route53 list-hosted-zones` says ``Config.PrivateZone``; AWS Config's item names the
    ``VPCs`` a private zone is associated with."""
    said = (r.get("Config") or {}).get("PrivateZone")
    private = said if isinstance(said, bool) else (bool(r["VPCs"]) if "VPCs" in r else None)
    return {"details": {"private": private}}


READERS: dict[str, Callable[[dict[str, Any]], Fields]] = {
    "AWS::Route53::HostedZone": hosted_zone,
    "AWS::MSK::Cluster": msk_cluster,
    "AWS::EC2::Instance": ec2_instance,
    "AWS::EC2::Volume": ebs_volume,
    "AWS::EC2::Snapshot": ebs_snapshot,
    "AWS::RDS::DBInstance": rds_instance,
    "AWS::RDS::DBCluster": rds_cluster,
    "AWS::Lambda::Function": lambda_function,
    "AWS::DynamoDB::Table": dynamodb_table,
    "AWS::ElastiCache::CacheCluster": cache_cluster,
    "AWS::ElastiCache::ReplicationGroup": replication_group,
    "AWS::EKS::Cluster": eks_cluster,
    "AWS::EKS::Nodegroup": eks_nodegroup,
    "AWS::EFS::FileSystem": efs,
    "AWS::AutoScaling::AutoScalingGroup": autoscaling_group,
    "AWS::Elasticsearch::Domain": search_domain,
    "AWS::OpenSearchService::Domain": search_domain,
    "AWS::Redshift::Cluster": redshift,
    "AWS::ElasticLoadBalancingV2::LoadBalancer": load_balancer,
    "AWS::ElasticLoadBalancing::LoadBalancer": load_balancer,
    "AWS::EC2::SecurityGroup": security_group,
    "AWS::EC2::VPC": cidr,
    "AWS::EC2::Subnet": subnet,
    "AWS::EC2::RouteTable": route_table,
    "AWS::NetworkFirewall::Firewall": network_firewall,
    "AWS::EC2::NatGateway": nat_gateway,
    "AWS::S3::Bucket": s3_bucket,
}

GONE_STATES = frozenset(
    {"terminated", "shutting-down", "deleted", "deleting", "deleted-failed", "failed-deletion"}
)
"""States of resources that no longer exist (or are going): excluded from the inventory."""
