"""A seeded AWS estate in moto: an organisation of three accounts over two regions.

Every account gets the same basic estate in each region; the management account also gets one
of each service in eu-west-1 and the global services. ``expected`` counts what a scan of
REGIONS must find, per (account, region, type).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import threading
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import boto3

REGIONS = ("eu-west-1", "eu-central-1")
OUTSIDE = "us-west-2"  # holds a bucket a scan of REGIONS must leave out
ROLE = "CloudexitInventoryRead"
MANAGEMENT = "123456789012"
AMI = "ami-12345678"
SECRET_VALUE = "correct-horse-battery-staple"


_CLIENTS_LOCK = (
    threading.Lock()
)  # boto3's default session is not safe to create clients from in parallel


@dataclass
class Account:
    id: str
    url: str
    credentials: dict[str, str] = field(default_factory=dict)
    clients: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False)

    def client(self, service: str, region: str = "eu-west-1") -> Any:
        with _CLIENTS_LOCK:
            if (service, region) not in self.clients:
                self.clients[(service, region)] = boto3.client(
                    service, region_name=region, endpoint_url=self.url, **self.credentials
                )
            return self.clients[(service, region)]


@dataclass
class Estate:
    accounts: list[Account]
    expected: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    facts: dict[str, Any] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, account: Account, region: str, native: str, count: int = 1) -> None:
        with self.lock:
            self.expected[(account.id, region, native)] += count


def organisation(url: str, members: int = 2) -> list[Account]:
    management = Account(MANAGEMENT, url)
    org = management.client("organizations", "us-east-1")
    org.create_organization(FeatureSet="ALL")
    accounts = [management]
    sts = management.client("sts", "us-east-1")
    for n in range(members):
        status = org.create_account(Email=f"member{n}@example.com", AccountName=f"member-{n}")
        account_id = status["CreateAccountStatus"]["AccountId"]
        creds = sts.assume_role(
            RoleArn=f"arn:aws:iam::{account_id}:role/{ROLE}", RoleSessionName="seed"
        )
        c = creds["Credentials"]
        accounts.append(
            Account(
                account_id,
                url,
                {
                    "aws_access_key_id": c["AccessKeyId"],
                    "aws_secret_access_key": c["SecretAccessKey"],
                    "aws_session_token": c["SessionToken"],
                },
            )
        )
    return accounts


def clear_default_network(ec2: Any) -> None:
    """Remove the default VPC moto creates, so counts are exactly what the estate seeds."""
    for subnet in ec2.describe_subnets()["Subnets"]:
        ec2.delete_subnet(SubnetId=subnet["SubnetId"])
    for vpc in ec2.describe_vpcs()["Vpcs"]:
        ec2.delete_vpc(VpcId=vpc["VpcId"])


def network(estate: Estate, account: Account, region: str) -> dict[str, Any]:
    ec2 = account.client("ec2", region)
    clear_default_network(ec2)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(
            VpcId=vpc, CidrBlock=f"10.0.{n}.0/24", AvailabilityZone=f"{region}{zone}"
        )["Subnet"]["SubnetId"]
        for n, zone in ((1, "a"), (2, "b"))
    ]
    group = ec2.create_security_group(GroupName="app", Description="app servers", VpcId=vpc)[
        "GroupId"
    ]
    ec2.authorize_security_group_ingress(
        GroupId=group,
        IpPermissions=[
            {
                "IpProtocol": "tcp",
                "FromPort": 443,
                "ToPort": 443,
                "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
            },
            {
                "IpProtocol": "tcp",
                "FromPort": 22,
                "ToPort": 22,
                "IpRanges": [{"CidrIp": "10.0.0.0/8", "Description": "admin"}],
            },
        ],
    )
    estate.add(account, region, "AWS::EC2::VPC")
    estate.add(account, region, "AWS::EC2::Subnet", 2)
    estate.add(account, region, "AWS::EC2::RouteTable")  # the VPC's main table
    estate.add(account, region, "AWS::EC2::SecurityGroup", 2)  # "app" and the VPC's default group
    return {"vpc": vpc, "subnets": subnets, "group": group}


def basics(estate: Estate, account: Account, region: str) -> dict[str, Any]:
    """Per account and region: network, four instances (one stopped, one terminated), storage,
    an Elastic IP, queues, a topic, a table, a secret and a tagged log group."""
    net = network(estate, account, region)
    ec2 = account.client("ec2", region)
    tags = [
        {
            "ResourceType": "instance",
            "Tags": [{"Key": "Name", "Value": "web"}, {"Key": "team", "Value": "shop"}],
        }
    ]
    web = [
        i["InstanceId"]
        for i in ec2.run_instances(
            ImageId=AMI,
            MinCount=2,
            MaxCount=2,
            InstanceType="m5.large",
            SubnetId=net["subnets"][0],
            SecurityGroupIds=[net["group"]],
            TagSpecifications=tags,
        )["Instances"]
    ]
    stopped = ec2.run_instances(
        ImageId=AMI, MinCount=1, MaxCount=1, InstanceType="t3.micro", SubnetId=net["subnets"][1]
    )["Instances"][0]["InstanceId"]
    ec2.stop_instances(InstanceIds=[stopped])
    gone = ec2.run_instances(
        ImageId=AMI, MinCount=1, MaxCount=1, InstanceType="t3.nano", SubnetId=net["subnets"][1]
    )["Instances"][0]["InstanceId"]
    ec2.terminate_instances(InstanceIds=[gone])
    estate.add(account, region, "AWS::EC2::Instance", 3)  # the terminated one is not listed
    data = ec2.create_volume(
        Size=500, VolumeType="gp3", Iops=4000, Throughput=250, AvailabilityZone=f"{region}a"
    )["VolumeId"]
    estate.add(
        account, region, "AWS::EC2::Volume", 4
    )  # one root volume per live instance, plus data
    address = ec2.allocate_address(Domain="vpc")["AllocationId"]
    ec2.associate_address(AllocationId=address, InstanceId=web[0])
    estate.add(account, region, "AWS::EC2::EIP")

    sqs = account.client("sqs", region)
    dead = sqs.create_queue(QueueName="jobs-dead")["QueueUrl"]
    dead_arn = sqs.get_queue_attributes(QueueUrl=dead, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    sqs.create_queue(
        QueueName="jobs",
        tags={"team": "shop"},
        Attributes={
            "RedrivePolicy": json.dumps({"deadLetterTargetArn": dead_arn, "maxReceiveCount": 5})
        },
    )
    estate.add(account, region, "AWS::SQS::Queue", 2)
    account.client("sns", region).create_topic(
        Name="events", Tags=[{"Key": "team", "Value": "shop"}]
    )
    estate.add(account, region, "AWS::SNS::Topic")
    dynamodb = account.client("dynamodb", region)
    dynamodb.create_table(
        TableName="orders",
        BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        Tags=[{"Key": "team", "Value": "shop"}],
    )
    for n in range(3):
        dynamodb.put_item(
            TableName="orders", Item={"id": {"S": f"order-{n}"}, "total": {"N": str(n * 10)}}
        )
    estate.add(account, region, "AWS::DynamoDB::Table")
    dynamodb.create_table(
        TableName="carts",
        BillingMode="PROVISIONED",
        ProvisionedThroughput={"ReadCapacityUnits": 50, "WriteCapacityUnits": 20},
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
    )
    estate.add(account, region, "AWS::DynamoDB::Table")
    account.client("secretsmanager", region).create_secret(
        Name="db-password", SecretString=SECRET_VALUE
    )
    estate.add(account, region, "AWS::SecretsManager::Secret")
    account.client("logs", region).create_log_group(logGroupName="app", tags={"team": "shop"})
    estate.add(account, region, "AWS::Logs::LogGroup")
    return {**net, "web": web, "stopped": stopped, "terminated": gone, "data_volume": data}


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("handler.py", "def handle(event, context):\n    return event\n")
    return buffer.getvalue()


def services(estate: Estate, account: Account, region: str, net: dict[str, Any]) -> None:
    """One of each regional service the inventory reads, in one account and region."""
    add = estate.add
    ec2 = account.client("ec2", region)
    gpu = ec2.run_instances(
        ImageId=AMI, MinCount=1, MaxCount=1, InstanceType="g4dn.xlarge", SubnetId=net["subnets"][0]
    )["Instances"][0]["InstanceId"]
    add(account, region, "AWS::EC2::Instance")
    add(account, region, "AWS::EC2::Volume")
    estate.facts["gpu"] = gpu

    elbv2 = account.client("elbv2", region)
    lb = elbv2.create_load_balancer(
        Name="shop", Subnets=net["subnets"], SecurityGroups=[net["group"]]
    )
    lb_arn = lb["LoadBalancers"][0]["LoadBalancerArn"]
    tg_arn = elbv2.create_target_group(Name="shop-web", Protocol="HTTP", Port=80, VpcId=net["vpc"])[
        "TargetGroups"
    ][0]["TargetGroupArn"]
    elbv2.register_targets(TargetGroupArn=tg_arn, Targets=[{"Id": i} for i in net["web"]])
    elbv2.create_listener(
        LoadBalancerArn=lb_arn,
        Protocol="HTTP",
        Port=80,
        DefaultActions=[{"Type": "forward", "TargetGroupArn": tg_arn}],
    )
    add(account, region, "AWS::ElasticLoadBalancingV2::LoadBalancer")
    add(account, region, "AWS::ElasticLoadBalancingV2::TargetGroup")
    estate.facts.update(lb=lb_arn, target_group=tg_arn)
    elb = account.client("elb", region)
    elb.create_load_balancer(
        LoadBalancerName="legacy",
        Subnets=[net["subnets"][0]],
        Listeners=[{"Protocol": "HTTP", "LoadBalancerPort": 80, "InstancePort": 8080}],
    )
    elb.register_instances_with_load_balancer(
        LoadBalancerName="legacy", Instances=[{"InstanceId": net["web"][1]}]
    )
    add(account, region, "AWS::ElasticLoadBalancing::LoadBalancer")
    add(
        account, region, "AWS::EC2::SecurityGroup"
    )  # a classic ELB without groups gets a default_elb_ one

    autoscaling = account.client("autoscaling", region)
    autoscaling.create_launch_configuration(
        LaunchConfigurationName="workers", ImageId=AMI, InstanceType="c5.large"
    )
    autoscaling.create_auto_scaling_group(
        AutoScalingGroupName="workers",
        LaunchConfigurationName="workers",
        MinSize=2,
        MaxSize=6,
        DesiredCapacity=2,
        VPCZoneIdentifier=",".join(net["subnets"]),
        TargetGroupARNs=[tg_arn],
    )
    # the group's two instances and their root volumes are folded into it, not listed apart
    add(account, region, "AWS::AutoScaling::AutoScalingGroup")

    rds = account.client("rds", region)
    rds.create_db_subnet_group(
        DBSubnetGroupName="data", DBSubnetGroupDescription="data", SubnetIds=net["subnets"]
    )
    rds.create_db_instance(
        DBInstanceIdentifier="orders-db",
        DBInstanceClass="db.m5.large",
        Engine="postgres",
        EngineVersion="16.3",
        AllocatedStorage=200,
        StorageType="gp3",
        MasterUsername="app",
        MasterUserPassword="not-read-1",
        DBSubnetGroupName="data",
        MultiAZ=True,
        VpcSecurityGroupIds=[net["group"]],
        Tags=[{"Key": "team", "Value": "shop"}],
    )
    rds.create_db_cluster(
        DBClusterIdentifier="ledger",
        Engine="aurora-mysql",
        EngineVersion="8.0.mysql_aurora.3.05.2",
        MasterUsername="app",
        MasterUserPassword="not-read-2",
        DBSubnetGroupName="data",
    )
    rds.create_db_instance(
        DBInstanceIdentifier="ledger-1",
        DBInstanceClass="db.r6g.large",
        Engine="aurora-mysql",
        DBClusterIdentifier="ledger",
    )
    # ledger-1 is folded into its cluster, which builds and pays for its node
    add(account, region, "AWS::RDS::DBInstance")
    add(account, region, "AWS::RDS::DBCluster")
    add(account, region, "AWS::RDS::DBSubnetGroup")

    iam = account.client("iam", "us-east-1")
    role = iam.create_role(RoleName="service", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    account.client("lambda", region).create_function(
        FunctionName="resize",
        Runtime="python3.12",
        Role=role,
        Handler="handler.handle",
        Code={"ZipFile": _zip()},
        MemorySize=1024,
        Architectures=["arm64"],
        Tags={"team": "shop"},
        VpcConfig={"SubnetIds": net["subnets"], "SecurityGroupIds": [net["group"]]},
        Environment={"Variables": {"TOKEN": SECRET_VALUE}},
    )
    add(account, region, "AWS::Lambda::Function")

    eks = account.client("eks", region)
    eks.create_cluster(
        name="platform",
        roleArn=role,
        version="1.29",
        resourcesVpcConfig={"subnetIds": net["subnets"], "securityGroupIds": [net["group"]]},
    )
    eks.create_nodegroup(
        clusterName="platform",
        nodegroupName="arm",
        nodeRole=role,
        subnets=net["subnets"],
        instanceTypes=["m6g.large"],
        amiType="AL2_ARM_64",
        scalingConfig={"minSize": 1, "maxSize": 5, "desiredSize": 3},
    )
    add(account, region, "AWS::EKS::Cluster")
    add(account, region, "AWS::EKS::Nodegroup")

    ecs = account.client("ecs", region)
    cluster = ecs.create_cluster(clusterName="apps")["cluster"]["clusterArn"]
    task = ecs.register_task_definition(
        family="api",
        containerDefinitions=[{"name": "api", "image": "nginx", "memory": 512}],
        cpu="512",
        memory="1024",
        requiresCompatibilities=["FARGATE"],
        networkMode="awsvpc",
    )["taskDefinition"]["taskDefinitionArn"]
    ecs.create_service(
        cluster="apps",
        serviceName="api",
        taskDefinition=task,
        desiredCount=3,
        launchType="FARGATE",
        networkConfiguration={
            "awsvpcConfiguration": {"subnets": net["subnets"], "securityGroups": [net["group"]]}
        },
    )
    add(account, region, "AWS::ECS::Cluster")
    add(account, region, "AWS::ECS::Service")
    estate.facts["ecs_cluster"] = cluster

    ecr = account.client("ecr", region)
    ecr.create_repository(repositoryName="api")
    manifest = {
        "schemaVersion": 2,
        "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
        "config": {
            "digest": "sha256:" + "a" * 64,
            "size": 10,
            "mediaType": "application/vnd.docker.container.image.v1+json",
        },
        "layers": [
            {
                "digest": "sha256:" + "b" * 64,
                "size": 1000,
                "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
            }
        ],
    }
    ecr.put_image(repositoryName="api", imageManifest=json.dumps(manifest), imageTag="v1")
    add(account, region, "AWS::ECR::Repository")

    cache = account.client("elasticache", region)
    cache.create_replication_group(
        ReplicationGroupId="sessions",
        ReplicationGroupDescription="sessions",
        CacheNodeType="cache.r6g.large",
        Engine="redis",
        NumCacheClusters=1,
    )
    cache.create_cache_cluster(
        CacheClusterId="pages", Engine="memcached", CacheNodeType="cache.t3.small", NumCacheNodes=2
    )
    add(account, region, "AWS::ElastiCache::ReplicationGroup")
    add(account, region, "AWS::ElastiCache::CacheCluster")

    account.client("efs", region).create_file_system(
        CreationToken="shared", Tags=[{"Key": "Name", "Value": "shared"}]
    )
    add(account, region, "AWS::EFS::FileSystem")
    account.client("apigateway", region).create_rest_api(name="public", tags={"team": "shop"})
    account.client("apigatewayv2", region).create_api(Name="events", ProtocolType="HTTP")
    add(account, region, "AWS::ApiGateway::RestApi")
    add(account, region, "AWS::ApiGatewayV2::Api")
    account.client("opensearch", region).create_domain(
        DomainName="search",
        EngineVersion="OpenSearch_2.11",
        ClusterConfig={"InstanceType": "r6g.large.search", "InstanceCount": 3},
        EBSOptions={"EBSEnabled": True, "VolumeSize": 100, "VolumeType": "gp3"},
    )
    add(account, region, "AWS::OpenSearchService::Domain")
    account.client("kafka", region).create_cluster_v2(
        ClusterName="stream",
        Provisioned={
            "BrokerNodeGroupInfo": {
                "InstanceType": "kafka.m5.large",
                "ClientSubnets": net["subnets"],
                "StorageInfo": {"EbsStorageInfo": {"VolumeSize": 1000}},
            },
            "KafkaVersion": "3.5.1",
            "NumberOfBrokerNodes": 3,
        },
    )
    add(account, region, "AWS::MSK::Cluster")
    account.client("kinesis", region).create_stream(StreamName="clicks", ShardCount=4)
    add(account, region, "AWS::Kinesis::Stream")

    now = dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0)
    cpu = [float(10 * (h % 10)) for h in range(100)]  # 0..90 repeating: mean 45, p95 90
    cloudwatch = account.client("cloudwatch", region)
    for namespace, dimension, value in (
        ("AWS/EC2", "InstanceId", net["web"][0]),
        ("AWS/RDS", "DBInstanceIdentifier", "orders-db"),
    ):
        cloudwatch.put_metric_data(
            Namespace=namespace,
            MetricData=[
                {
                    "MetricName": "CPUUtilization",
                    "Dimensions": [{"Name": dimension, "Value": value}],
                    "Timestamp": now - dt.timedelta(hours=h + 1),
                    "Value": v,
                }
                for h, v in enumerate(cpu)
            ],
        )
    estate.facts["cpu"] = cpu


def buckets(estate: Estate, account: Account, names: dict[str, str]) -> None:
    for name, region in names.items():
        s3 = account.client("s3", region)
        config = (
            {}
            if region == "us-east-1"
            else {"CreateBucketConfiguration": {"LocationConstraint": region}}
        )
        s3.create_bucket(Bucket=name, **config)
        if region in REGIONS:
            estate.add(account, region, "AWS::S3::Bucket")


def globals_(estate: Estate, account: Account) -> None:
    buckets(
        estate,
        account,
        {"shop-logs": "eu-west-1", "shop-assets": "eu-central-1", "shop-archive": OUTSIDE},
    )
    s3 = account.client("s3", "eu-west-1")
    s3.put_bucket_versioning(Bucket="shop-logs", VersioningConfiguration={"Status": "Enabled"})
    s3.put_bucket_tagging(
        Bucket="shop-logs", Tagging={"TagSet": [{"Key": "team", "Value": "shop"}]}
    )
    s3.put_bucket_encryption(
        Bucket="shop-logs",
        ServerSideEncryptionConfiguration={
            "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]
        },
    )
    s3.put_public_access_block(
        Bucket="shop-logs",
        PublicAccessBlockConfiguration={
            "BlockPublicAcls": True,
            "IgnorePublicAcls": True,
            "BlockPublicPolicy": True,
            "RestrictPublicBuckets": True,
        },
    )
    account.client("s3", "eu-central-1").put_bucket_acl(Bucket="shop-assets", ACL="public-read")
    day = dt.datetime.now(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0) - dt.timedelta(
        days=1
    )
    account.client("cloudwatch", "eu-west-1").put_metric_data(
        Namespace="AWS/S3",
        MetricData=[
            {
                "MetricName": "BucketSizeBytes",
                "Timestamp": day,
                "Value": 3 * 1024**3,
                "Unit": "Bytes",
                "Dimensions": [
                    {"Name": "BucketName", "Value": "shop-logs"},
                    {"Name": "StorageType", "Value": "StandardStorage"},
                ],
            },
            {
                "MetricName": "BucketSizeBytes",
                "Timestamp": day,
                "Value": 1024**3,
                "Unit": "Bytes",
                "Dimensions": [
                    {"Name": "BucketName", "Value": "shop-logs"},
                    {"Name": "StorageType", "Value": "GlacierStorage"},
                ],
            },
            {
                "MetricName": "NumberOfObjects",
                "Timestamp": day,
                "Value": 12345,
                "Unit": "Count",
                "Dimensions": [
                    {"Name": "BucketName", "Value": "shop-logs"},
                    {"Name": "StorageType", "Value": "AllStorageTypes"},
                ],
            },
        ],
    )
    route53 = account.client("route53", "us-east-1")
    zone = route53.create_hosted_zone(Name="shop.example", CallerReference="shop")["HostedZone"][
        "Id"
    ]
    route53.change_resource_record_sets(
        HostedZoneId=zone,
        ChangeBatch={
            "Changes": [
                {
                    "Action": "CREATE",
                    "ResourceRecordSet": {
                        "Name": "www.shop.example",
                        "Type": "A",
                        "TTL": 300,
                        "ResourceRecords": [{"Value": "192.0.2.10"}],
                    },
                },
                {
                    "Action": "CREATE",
                    "ResourceRecordSet": {
                        "Name": "shop.example",
                        "Type": "MX",
                        "TTL": 3600,
                        "ResourceRecords": [{"Value": "10 mail.shop.example"}],
                    },
                },
            ]
        },
    )
    estate.add(account, "global", "AWS::Route53::HostedZone")
    account.client("cloudfront", "us-east-1").create_distribution(
        DistributionConfig={
            "CallerReference": "assets",
            "Comment": "",
            "Enabled": True,
            "Origins": {
                "Quantity": 1,
                "Items": [
                    {
                        "Id": "assets",
                        "DomainName": "shop-assets.s3.amazonaws.com",
                        "S3OriginConfig": {"OriginAccessIdentity": ""},
                    }
                ],
            },
            "DefaultCacheBehavior": {
                "TargetOriginId": "assets",
                "ViewerProtocolPolicy": "allow-all",
                "MinTTL": 0,
                "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}},
                "TrustedSigners": {"Enabled": False, "Quantity": 0},
            },
        }
    )
    estate.add(account, "global", "AWS::CloudFront::Distribution")


def seed(url: str) -> Estate:
    accounts = organisation(url)
    estate = Estate(accounts)

    def region(account: Account, name: str) -> None:
        net = basics(estate, account, name)
        if account.id == MANAGEMENT and name == "eu-west-1":
            estate.facts["net"] = net
            services(estate, account, name, net)

    with ThreadPoolExecutor(4) as pool:
        done = [pool.submit(region, a, r) for a in accounts for r in REGIONS]
        done.append(pool.submit(globals_, estate, accounts[0]))
        for n, member in enumerate(accounts[1:]):
            done.append(pool.submit(buckets, estate, member, {f"member-{n}-data": "eu-west-1"}))
        for future in done:
            future.result()
    return estate


def single_account(url: str, regions: tuple[str, ...] = REGIONS) -> Estate:
    """The basic estate in one account, no organisation."""
    estate = Estate([Account(MANAGEMENT, url)])
    for region in regions:
        estate.facts[region] = basics(estate, estate.accounts[0], region)
    return estate
