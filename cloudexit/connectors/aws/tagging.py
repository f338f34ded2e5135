"""Everything else: resources the Resource Groups Tagging API knows that no dedicated reader covers.

They are listed with their tags, the kind mappings/sources/aws.yaml gives their type (else
``other``), and one unsupported_type issue per type, so nothing found is dropped.
"""

from __future__ import annotations

from cloudexit.connectors.aws.declare import Item, ResourceType

# (ARN service, resource type) -> CloudFormation name. An empty resource type stands for ARNs
# without one (arn:aws:sqs:region:account:name).
ARN_TYPES: dict[tuple[str, str], str] = {
    ("apigateway", "apis"): "AWS::ApiGatewayV2::Api",
    ("apigateway", "restapis"): "AWS::ApiGateway::RestApi",
    ("autoscaling", "autoScalingGroup"): "AWS::AutoScaling::AutoScalingGroup",
    ("batch", "compute-environment"): "AWS::Batch::ComputeEnvironment",
    ("cloudfront", "distribution"): "AWS::CloudFront::Distribution",
    ("cloudwatch", "alarm"): "AWS::CloudWatch::Alarm",
    ("dynamodb", "table"): "AWS::DynamoDB::Table",
    ("ec2", "dhcp-options"): "AWS::EC2::DHCPOptions",
    ("ec2", "elastic-ip"): "AWS::EC2::EIP",
    ("ec2", "image"): "AWS::EC2::Image",
    ("ec2", "instance"): "AWS::EC2::Instance",
    ("ec2", "internet-gateway"): "AWS::EC2::InternetGateway",
    ("ec2", "key-pair"): "AWS::EC2::KeyPair",
    ("ec2", "launch-template"): "AWS::EC2::LaunchTemplate",
    ("ec2", "natgateway"): "AWS::EC2::NatGateway",
    ("ec2", "network-acl"): "AWS::EC2::NetworkAcl",
    ("ec2", "network-interface"): "AWS::EC2::NetworkInterface",
    ("ec2", "route-table"): "AWS::EC2::RouteTable",
    ("ec2", "security-group"): "AWS::EC2::SecurityGroup",
    ("ec2", "snapshot"): "AWS::EC2::Snapshot",
    ("ec2", "subnet"): "AWS::EC2::Subnet",
    ("ec2", "transit-gateway"): "AWS::EC2::TransitGateway",
    ("ec2", "volume"): "AWS::EC2::Volume",
    ("ec2", "vpc"): "AWS::EC2::VPC",
    ("ec2", "vpc-endpoint"): "AWS::EC2::VPCEndpoint",
    ("ec2", "vpc-peering-connection"): "AWS::EC2::VPCPeeringConnection",
    ("ec2", "vpn-connection"): "AWS::EC2::VPNConnection",
    ("ecr", "repository"): "AWS::ECR::Repository",
    ("ecs", "cluster"): "AWS::ECS::Cluster",
    ("ecs", "service"): "AWS::ECS::Service",
    ("ecs", "task-definition"): "AWS::ECS::TaskDefinition",
    ("eks", "cluster"): "AWS::EKS::Cluster",
    ("eks", "nodegroup"): "AWS::EKS::Nodegroup",
    ("elasticache", "cluster"): "AWS::ElastiCache::CacheCluster",
    ("elasticache", "replicationgroup"): "AWS::ElastiCache::ReplicationGroup",
    ("elasticbeanstalk", "environment"): "AWS::ElasticBeanstalk::Environment",
    ("elasticfilesystem", "file-system"): "AWS::EFS::FileSystem",
    ("elasticloadbalancing", "listener"): "AWS::ElasticLoadBalancingV2::Listener",
    ("elasticloadbalancing", "listener-rule"): "AWS::ElasticLoadBalancingV2::ListenerRule",
    ("elasticloadbalancing", "targetgroup"): "AWS::ElasticLoadBalancingV2::TargetGroup",
    ("elasticmapreduce", "cluster"): "AWS::EMR::Cluster",
    ("es", "domain"): "AWS::OpenSearchService::Domain",
    ("events", "rule"): "AWS::Events::Rule",
    ("iam", "group"): "AWS::IAM::Group",
    ("iam", "instance-profile"): "AWS::IAM::InstanceProfile",
    ("iam", "policy"): "AWS::IAM::ManagedPolicy",
    ("iam", "role"): "AWS::IAM::Role",
    ("iam", "user"): "AWS::IAM::User",
    ("kafka", "cluster"): "AWS::MSK::Cluster",
    ("kinesis", "stream"): "AWS::Kinesis::Stream",
    ("kms", "key"): "AWS::KMS::Key",
    ("lambda", "function"): "AWS::Lambda::Function",
    ("logs", "log-group"): "AWS::Logs::LogGroup",
    ("network-firewall", "firewall"): "AWS::NetworkFirewall::Firewall",
    ("rds", "cluster"): "AWS::RDS::DBCluster",
    ("rds", "cluster-snapshot"): "AWS::RDS::DBClusterSnapshot",
    ("rds", "db"): "AWS::RDS::DBInstance",
    ("rds", "snapshot"): "AWS::RDS::DBSnapshot",
    ("rds", "subgrp"): "AWS::RDS::DBSubnetGroup",
    ("redshift", "cluster"): "AWS::Redshift::Cluster",
    ("route53", "hostedzone"): "AWS::Route53::HostedZone",
    ("s3", ""): "AWS::S3::Bucket",
    ("secretsmanager", "secret"): "AWS::SecretsManager::Secret",
    ("sns", ""): "AWS::SNS::Topic",
    ("sqs", ""): "AWS::SQS::Queue",
    ("states", "stateMachine"): "AWS::StepFunctions::StateMachine",
}


def arn_parts(arn: str) -> tuple[str, str, str]:
    """(service, resource type, resource id) of an ARN; the type is '' when the ARN has none."""
    parts = arn.split(":", 5)
    if len(parts) < 6:
        return "", "", arn
    service, resource = parts[2], parts[5]
    if service == "elasticloadbalancing" and resource.startswith("loadbalancer/"):
        kind = "loadbalancer/" + (
            "app" if "/app/" in resource else "net" if "/net/" in resource else ""
        )
        return service, kind.rstrip("/"), resource
    if service == "apigateway":
        segments = resource.strip("/").split("/")
        return service, segments[0], "/".join(segments[1:])
    if service == "sns":  # topic, or topic:subscription-id for a subscription
        return service, "subscription" if ":" in resource else "", resource
    for separator in ("/", ":"):
        if separator in resource:
            head, _, tail = resource.partition(separator)
            return service, head, tail
    return service, "", resource


ELB_TYPES = {
    "loadbalancer": "AWS::ElasticLoadBalancing::LoadBalancer",
    "loadbalancer/app": "AWS::ElasticLoadBalancingV2::LoadBalancer",
    "loadbalancer/net": "AWS::ElasticLoadBalancingV2::LoadBalancer",
}


def native_type(arn: str) -> str:
    """CloudFormation name of the ARN's type, or ``aws:<service>:<type>`` when it has none here."""
    service, kind, _ = arn_parts(arn)
    if service == "elasticloadbalancing" and kind in ELB_TYPES:
        return ELB_TYPES[kind]
    return ARN_TYPES.get((service, kind)) or f"aws:{service}:{kind or 'resource'}"


def make_reader(covered: frozenset[str]) -> ResourceType:
    """The tagging reader, told which types the dedicated readers already list."""

    def uncovered(item: Item) -> bool:
        return native_type(str(item["ResourceARN"])) not in covered

    def name(item: Item) -> str:
        for tag in item.get("Tags", []):
            if tag.get("Key") == "Name" and tag.get("Value"):
                return str(tag["Value"])
        _, _, resource = arn_parts(str(item["ResourceARN"]))
        return resource.rsplit("/", 1)[-1] or str(item["ResourceARN"])

    return ResourceType(
        type="AWS::ResourceGroupsTaggingAPI::Resource",
        type_of=lambda i: native_type(str(i["ResourceARN"])),
        service="resourcegroupstaggingapi",
        operation="GetResources",
        items="ResourceTagMappingList[]",
        include=uncovered,
        id="ResourceARN",
        name=name,
        unsupported=True,
    )
