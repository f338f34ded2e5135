"""Amazon MSK (managed Kafka) clusters."""

from __future__ import annotations

from cloudexit.connectors.aws.declare import Item, ResourceType, Scope
from cloudexit.connectors.aws.ec2 import security_group_arn, subnet_arn
from cloudexit.model.inventory import Attributes


def _attributes(item: Item, scope: Scope) -> Attributes:
    provisioned = item.get("Provisioned") or {}
    brokers = provisioned.get("BrokerNodeGroupInfo") or {}
    count = provisioned.get("NumberOfBrokerNodes")
    volume = ((brokers.get("StorageInfo") or {}).get("EbsStorageInfo") or {}).get("VolumeSize")
    return Attributes(
        instance_type=brokers.get("InstanceType"),
        node_count=count,
        engine="kafka",
        engine_version=(provisioned.get("CurrentBrokerSoftwareInfo") or {}).get("KafkaVersion"),
        storage_gib=volume * count if volume and count else None,
        state=item.get("State"),
        details={"cluster_type": item.get("ClusterType"), "serverless": "Serverless" in item},
    )


def _network(item: Item) -> dict[str, list[str]]:
    provisioned = (item.get("Provisioned") or {}).get("BrokerNodeGroupInfo") or {}
    serverless = ((item.get("Serverless") or {}).get("VpcConfigs") or [{}])[0]
    return {
        "subnets": provisioned.get("ClientSubnets") or serverless.get("SubnetIds") or [],
        "groups": provisioned.get("SecurityGroups") or serverless.get("SecurityGroupIds") or [],
    }


CLUSTER = ResourceType(
    type="AWS::MSK::Cluster",
    service="kafka",
    operation="ListClustersV2",
    items="ClusterInfoList[]",
    id="ClusterArn",
    name="ClusterName",
    attributes=_attributes,
    depends_on=lambda i, s: [
        *(subnet_arn(s, x) for x in _network(i)["subnets"]),
        *(security_group_arn(s, x) for x in _network(i)["groups"]),
    ],
)

TYPES = (CLUSTER,)
