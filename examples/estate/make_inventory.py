"""Writes inventory.json: the example estate of a mid-sized online retailer.

The estate is generated so it stays consistent (ids, dependencies) when it is edited; the
JSON it writes is the example users plan. Costs are the retailer's monthly bill lines,
illustrative figures in USD. Run: python examples/estate/make_inventory.py
"""

from __future__ import annotations

from pathlib import Path

from cloudexit.model.boot_disks import link_boot_disks
from cloudexit.model.inventory import Inventory
from cloudexit.model.io import dumps

AWS_ACCOUNT = "123456789012"
AZ_SUB = "7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10"
GCP_PROJECT = "retail-analytics-prod"

resources: list[dict] = []


def add(
    provider,
    account,
    region,
    type_,
    kind,
    rid,
    name,
    tags,
    attributes=None,
    cost=None,
    depends_on=(),
    utilisation=None,
    topology=None,
):
    item = {
        "id": rid,
        "provider": provider,
        "account": account,
        "region": region,
        "type": type_,
        "kind": kind,
        "name": name,
        "tags": tags,
        "attributes": attributes or {},
        "topology": topology or {},
        "depends_on": sorted(depends_on),
    }
    if cost is not None:
        item["monthly_cost"] = {
            "amount": f"{cost:.2f}",
            "currency": "USD",
            "source": "billing export 2026-10",
        }
    if utilisation:
        item["utilisation"] = {
            **utilisation,
            "period_days": 14,
            "source": "CloudWatch/Azure Monitor/Cloud Monitoring",
        }
    resources.append(item)
    return rid


def cidr_end(value):
    return {"kind": "cidr", "value": value}


ANY = {"kind": "any"}


def allow(direction, protocol, ports, peer, priority=None, action="allow", local=ANY):
    """One firewall rule; ``ports`` as (low, high) pairs, none for every port."""
    rule = {
        "direction": direction,
        "action": action,
        "protocol": protocol,
        "ports": [{"low": lo, "high": hi} for lo, hi in ports],
        "sources": [peer if direction == "ingress" else local],
        "destinations": [local if direction == "ingress" else peer],
    }
    if priority is not None:
        rule["priority"] = priority
    return rule


def arn(service, region, rest):
    return f"arn:aws:{service}:{region}:{AWS_ACCOUNT}:{rest}"


# ---------------------------------------------------------------- AWS: the shop itself
USE1 = "us-east-1"
shop = {"app": "shop", "env": "prod", "owner": "team-web"}
vpc = add(
    "aws",
    AWS_ACCOUNT,
    USE1,
    "AWS::EC2::VPC",
    "network.vpc",
    arn("ec2", USE1, "vpc/vpc-0a1b2c3d"),
    "shop-vpc",
    shop,
    topology={"cidrs": ["10.20.0.0/16"]},
)
subnets = {}
for tier, cidr in (("public", "10.20.0.0/20"), ("app", "10.20.16.0/20"), ("data", "10.20.32.0/20")):
    subnets[tier] = add(
        "aws",
        AWS_ACCOUNT,
        USE1,
        "AWS::EC2::Subnet",
        "network.subnet",
        arn("ec2", USE1, f"subnet/subnet-{tier}01"),
        f"shop-{tier}",
        shop,
        {"details": {"availability_zone": "us-east-1a"}},
        depends_on=[vpc],
        topology={"cidrs": [cidr]},
    )
# AWS security groups: ingress as configured, and the egress rule every new group starts with.
all_out = allow("egress", "any", [], cidr_end("0.0.0.0/0"))
sg_rules = {
    "web": [
        allow("ingress", "tcp", [(443, 443)], cidr_end("0.0.0.0/0")),
        allow("ingress", "tcp", [(80, 80)], cidr_end("0.0.0.0/0")),
        all_out,
    ],
    "app": [allow("ingress", "tcp", [(8080, 8080)], cidr_end("10.20.0.0/20")), all_out],
    "db": [
        allow("ingress", "tcp", [(5432, 5432)], cidr_end("10.20.16.0/20")),
        allow("ingress", "tcp", [(3306, 3306)], cidr_end("10.20.16.0/20")),
        all_out,
    ],
}
sgs = {
    tier: add(
        "aws",
        AWS_ACCOUNT,
        USE1,
        "AWS::EC2::SecurityGroup",
        "network.security_group",
        arn("ec2", USE1, f"security-group/sg-{tier}0001"),
        f"shop-{tier}-sg",
        shop,
        depends_on=[vpc],
        topology={"firewall_rules": rules},
    )
    for tier, rules in sg_rules.items()
}

data_tags = {**shop, "classification": "confidential"}
pg = add(
    "aws",
    AWS_ACCOUNT,
    USE1,
    "AWS::RDS::DBInstance",
    "database.postgresql",
    arn("rds", USE1, "db:shop-orders"),
    "shop-orders",
    {**data_tags, "data": "orders", "colocate": "shop-data"},
    {
        "instance_type": "db.r5.large",
        "vcpu": 2,
        "memory_gib": 16,
        "engine": "postgresql",
        "engine_version": "15.4",
        "storage_gib": 500,
        "storage_class": "gp3",
        "high_availability": True,
    },
    cost=612.40,
    depends_on=[subnets["data"], sgs["db"]],
    utilisation={"cpu_mean": 31, "cpu_p95": 58},
)
mysql = add(
    "aws",
    AWS_ACCOUNT,
    USE1,
    "AWS::RDS::DBInstance",
    "database.mysql",
    arn("rds", USE1, "db:shop-catalog"),
    "shop-catalog",
    {**data_tags, "classification": "internal"},
    {
        "instance_type": "db.m5.large",
        "vcpu": 2,
        "memory_gib": 8,
        "engine": "mysql",
        "engine_version": "8.0.35",
        "storage_gib": 200,
        "storage_class": "gp3",
        "high_availability": False,
    },
    cost=171.20,
    depends_on=[subnets["data"], sgs["db"]],
    utilisation={"cpu_mean": 12, "cpu_p95": 27},
)
sessions = add(
    "aws",
    AWS_ACCOUNT,
    USE1,
    "AWS::DynamoDB::Table",
    "database.keyvalue",
    arn("dynamodb", USE1, "table/shop-sessions"),
    "shop-sessions",
    shop,
    {
        "engine": "dynamodb",
        "storage_gib": 25,
        "item_count": 41_000_000,
        "billing_mode": "PAY_PER_REQUEST",
    },
    cost=148.00,
)
carts = add(
    "aws",
    AWS_ACCOUNT,
    USE1,
    "AWS::DynamoDB::Table",
    "database.keyvalue",
    arn("dynamodb", USE1, "table/shop-carts"),
    "shop-carts",
    data_tags,
    {
        "engine": "dynamodb",
        "storage_gib": 120,
        "item_count": 230_000_000,
        "billing_mode": "PROVISIONED",
        "read_capacity_units": 2000,
        "write_capacity_units": 380,
    },
    cost=420.00,
)
redis = add(
    "aws",
    AWS_ACCOUNT,
    USE1,
    "AWS::ElastiCache::ReplicationGroup",
    "cache.redis",
    arn("elasticache", USE1, "replicationgroup:shop-cache"),
    "shop-cache",
    {**shop, "colocate": "shop-data"},
    {
        "instance_type": "cache.m5.large",
        "vcpu": 2,
        "memory_gib": 6.38,
        "engine": "redis",
        "engine_version": "7.1",
        "node_count": 2,
    },
    cost=226.30,
    depends_on=[subnets["data"]],
)
buckets = {}
for bname, size, objects, cost in (
    ("shop-assets", 800, 2_400_000, 18.40),
    ("shop-backups", 5120, 310_000, 117.80),
    ("shop-logs", 1228, 9_800_000, 28.25),
    ("shop-invoices", 96, 1_200_000, 2.21),
):
    tags = {
        **shop,
        "classification": "confidential"
        if bname in ("shop-invoices", "shop-backups")
        else "internal",
    }
    buckets[bname] = add(
        "aws",
        AWS_ACCOUNT,
        USE1,
        "AWS::S3::Bucket",
        "storage.object",
        f"arn:aws:s3:::{bname}",
        bname,
        tags,
        {
            "storage_gib": size,
            "object_count": objects,
            "storage_class": "STANDARD",
            "monthly_egress_gib": 300 if bname == "shop-assets" else 5,
        },
        cost=cost,
    )
queues = [
    add(
        "aws",
        AWS_ACCOUNT,
        USE1,
        "AWS::SQS::Queue",
        "messaging.queue",
        arn("sqs", USE1, q),
        q,
        shop,
        {},
        cost=c,
    )
    for q, c in (("shop-orders-queue", 6.20), ("shop-email-queue", 1.10))
]
topic = add(
    "aws",
    AWS_ACCOUNT,
    USE1,
    "AWS::SNS::Topic",
    "messaging.topic",
    arn("sns", USE1, "shop-events"),
    "shop-events",
    shop,
    {},
    cost=0.90,
)
secrets = [
    add(
        "aws",
        AWS_ACCOUNT,
        USE1,
        "AWS::SecretsManager::Secret",
        "security.secrets",
        arn("secretsmanager", USE1, f"secret:{s}"),
        s,
        shop,
        {},
        cost=0.40,
    )
    for s in ("shop/db-orders", "shop/payment-api")
]

volumes = []
web_vms, app_vms = [], []
for i in range(1, 7):
    vol = add(
        "aws",
        AWS_ACCOUNT,
        USE1,
        "AWS::EC2::Volume",
        "storage.block",
        arn("ec2", USE1, f"volume/vol-web{i:02d}"),
        f"shop-web-{i}-root",
        shop,
        {"storage_gib": 50, "storage_class": "gp3", "iops": 3000},
        cost=4.00,
    )
    volumes.append(vol)
    web_vms.append(
        add(
            "aws",
            AWS_ACCOUNT,
            USE1,
            "AWS::EC2::Instance",
            "compute.vm",
            arn("ec2", USE1, f"instance/i-0web{i:02d}"),
            f"shop-web-{i}",
            {**shop, "tier": "web"},
            {
                "instance_type": "m5.large",
                "vcpu": 2,
                "memory_gib": 8,
                "architecture": "x86_64",
                "os": "linux",
                "state": "running",
                "storage_gib": 50,
                "details": {"boot_disk": vol},
            },
            cost=70.08,
            depends_on=[vol, subnets["public"], sgs["web"]],
            utilisation={"cpu_mean": 22, "cpu_p95": 41},
        )
    )
for i in range(1, 5):
    vol = add(
        "aws",
        AWS_ACCOUNT,
        USE1,
        "AWS::EC2::Volume",
        "storage.block",
        arn("ec2", USE1, f"volume/vol-app{i:02d}"),
        f"shop-app-{i}-data",
        shop,
        {"storage_gib": 200, "storage_class": "gp3", "iops": 3000},
        cost=16.00,
    )
    volumes.append(vol)
    app_vms.append(
        add(
            "aws",
            AWS_ACCOUNT,
            USE1,
            "AWS::EC2::Instance",
            "compute.vm",
            arn("ec2", USE1, f"instance/i-0app{i:02d}"),
            f"shop-app-{i}",
            {**shop, "tier": "app", "ha-pair": f"app-{(i + 1) // 2}"},
            {
                "instance_type": "m5.xlarge",
                "vcpu": 4,
                "memory_gib": 16,
                "architecture": "x86_64",
                "os": "linux",
                "state": "running",
                "storage_gib": 200,
            },
            cost=140.16,
            depends_on=[
                vol,
                subnets["app"],
                sgs["app"],
                pg,
                mysql,
                sessions,
                carts,
                redis,
                *queues,
                secrets[0],
            ],
            utilisation={"cpu_mean": 35, "cpu_p95": 66},
        )
    )
for i in range(1, 3):
    add(
        "aws",
        AWS_ACCOUNT,
        USE1,
        "AWS::EC2::Instance",
        "compute.vm",
        arn("ec2", USE1, f"instance/i-0batch{i:02d}"),
        f"shop-batch-{i}",
        {**shop, "tier": "batch"},
        {
            "instance_type": "c5.2xlarge",
            "vcpu": 8,
            "memory_gib": 16,
            "architecture": "x86_64",
            "os": "linux",
            "state": "running",
        },
        cost=248.20,
        depends_on=[subnets["app"], sgs["app"], buckets["shop-logs"], pg],
        utilisation={"cpu_mean": 48, "cpu_p95": 92},
    )
add(
    "aws",
    AWS_ACCOUNT,
    USE1,
    "AWS::EC2::Instance",
    "compute.vm",
    arn("ec2", USE1, "instance/i-0bastion"),
    "shop-bastion",
    {**shop, "tier": "admin"},
    {
        "instance_type": "t3.micro",
        "vcpu": 2,
        "memory_gib": 1,
        "architecture": "x86_64",
        "os": "linux",
        "state": "stopped",
    },
    cost=0.80,
    depends_on=[subnets["public"], sgs["web"]],
)
tg = add(
    "aws",
    AWS_ACCOUNT,
    USE1,
    "AWS::ElasticLoadBalancingV2::TargetGroup",
    "network.target_group",
    arn("elasticloadbalancing", USE1, "targetgroup/shop-web/6d0ecf831eec9f09"),
    "shop-web-tg",
    shop,
    depends_on=web_vms,
    topology={
        "target_port": 80,
        "health_check": {"protocol": "HTTP", "port": 80, "path": "/healthz"},
    },
)
alb = add(
    "aws",
    AWS_ACCOUNT,
    USE1,
    "AWS::ElasticLoadBalancingV2::LoadBalancer",
    "network.load_balancer",
    arn("elasticloadbalancing", USE1, "loadbalancer/app/shop-alb/50dc6c495c0c9188"),
    "shop-alb",
    shop,
    {"details": {"scheme": "internet-facing", "type": "application"}},
    cost=32.85,
    depends_on=[tg, subnets["public"], sgs["web"]],
    topology={"listeners": [{"protocol": "HTTPS", "port": 443}, {"protocol": "HTTP", "port": 80}]},
)
eip = add(
    "aws",
    AWS_ACCOUNT,
    USE1,
    "AWS::EC2::EIP",
    "network.public_ip",
    arn("ec2", USE1, "eip/eipalloc-0shopnat"),
    "shop-nat-ip",
    shop,
    {},
    cost=3.65,
)
eks = add(
    "aws",
    AWS_ACCOUNT,
    USE1,
    "AWS::EKS::Cluster",
    "kubernetes.cluster",
    arn("eks", USE1, "cluster/shop-k8s"),
    "shop-k8s",
    shop,
    {"engine_version": "1.30"},
    cost=73.00,
    depends_on=[subnets["app"]],
)
for pool, itype, vcpu, mem, count, cost in (
    ("general", "m5.xlarge", 4, 16, 3, 420.48),
    ("compute", "c5.2xlarge", 8, 16, 2, 496.40),
):
    add(
        "aws",
        AWS_ACCOUNT,
        USE1,
        "AWS::EKS::Nodegroup",
        "kubernetes.node_pool",
        arn("eks", USE1, f"nodegroup/shop-k8s/{pool}/1a2b3c"),
        f"shop-k8s-{pool}",
        shop,
        {
            "instance_type": itype,
            "vcpu": vcpu,
            "memory_gib": mem,
            "node_count": count,
            "architecture": "x86_64",
        },
        cost=cost,
        depends_on=[eks],
        utilisation={"cpu_mean": 40, "cpu_p95": 71},
    )
for fn, mem_mb in (("shop-thumbnailer", 1024), ("shop-invoice-pdf", 512), ("shop-webhooks", 256)):
    add(
        "aws",
        AWS_ACCOUNT,
        USE1,
        "AWS::Lambda::Function",
        "compute.function",
        arn("lambda", USE1, f"function:{fn}"),
        fn,
        shop,
        {"memory_gib": mem_mb / 1024, "engine": "python3.12"},
        cost=11.50,
        depends_on=[
            buckets["shop-assets"] if fn == "shop-thumbnailer" else buckets["shop-invoices"],
            sessions,
        ],
    )
add(
    "aws",
    AWS_ACCOUNT,
    USE1,
    "AWS::ECR::Repository",
    "container.registry",
    arn("ecr", USE1, "repository/shop"),
    "shop",
    shop,
    {"storage_gib": 42},
    cost=4.20,
)
zone = add(
    "aws",
    AWS_ACCOUNT,
    "global",
    "AWS::Route53::HostedZone",
    "network.dns_zone",
    "arn:aws:route53:::hostedzone/Z0SHOP123",
    "shop.example.com",
    shop,
    cost=0.50,
    topology={
        "zone_name": "shop.example.com",
        "records": [
            {"name": "www", "type": "CNAME", "ttl": 300, "values": ["shop-alb.example.net"]},
            {"name": "api", "type": "CNAME", "ttl": 300, "values": ["shop-alb.example.net"]},
            {"name": "@", "type": "MX", "ttl": 3600, "values": ["10 mail.example.com"]},
        ],
    },
)
add(
    "aws",
    AWS_ACCOUNT,
    "global",
    "AWS::CloudFront::Distribution",
    "network.cdn",
    "arn:aws:cloudfront::123456789012:distribution/E2SHOPCDN",
    "shop-cdn",
    shop,
    {"monthly_egress_gib": 2400},
    cost=204.00,
    depends_on=[buckets["shop-assets"], alb, zone],
)

# AWS eu-west-1: the EU customer-data service
EUW1 = "eu-west-1"
crm = {"app": "crm", "env": "prod", "owner": "team-crm", "classification": "secret"}
crm_pg = add(
    "aws",
    AWS_ACCOUNT,
    EUW1,
    "AWS::RDS::DBCluster",
    "database.postgresql",
    arn("rds", EUW1, "cluster:crm-aurora"),
    "crm-aurora",
    crm,
    {
        "instance_type": "db.r6g.xlarge",
        "vcpu": 4,
        "memory_gib": 32,
        "architecture": "arm64",
        "engine": "postgresql",
        "engine_version": "15.4",
        "storage_gib": 300,
        "high_availability": True,
    },
    cost=980.00,
    utilisation={"cpu_mean": 18, "cpu_p95": 35},
)
crm_bucket = add(
    "aws",
    AWS_ACCOUNT,
    EUW1,
    "AWS::S3::Bucket",
    "storage.object",
    "arn:aws:s3:::crm-documents",
    "crm-documents",
    crm,
    {"storage_gib": 640, "object_count": 3_100_000, "storage_class": "STANDARD"},
    cost=15.20,
)
for i in range(1, 3):
    add(
        "aws",
        AWS_ACCOUNT,
        EUW1,
        "AWS::EC2::Instance",
        "compute.vm",
        arn("ec2", EUW1, f"instance/i-0crm{i:02d}"),
        f"crm-app-{i}",
        {**crm, "ha-pair": "crm"},
        {
            "instance_type": "r5.large",
            "vcpu": 2,
            "memory_gib": 16,
            "architecture": "x86_64",
            "os": "linux",
            "state": "running",
        },
        cost=91.98,
        depends_on=[crm_pg, crm_bucket],
        utilisation={"cpu_mean": 14, "cpu_p95": 30, "memory_p95": 62},
    )


# ---------------------------------------------------------------- Azure: ERP and B2B portal
def arm(rg, provider_type, name):
    return f"/subscriptions/{AZ_SUB}/resourcegroups/{rg}/providers/{provider_type}/{name}".lower()


WEU = "westeurope"
erp = {"app": "erp", "env": "prod", "owner": "team-erp", "classification": "confidential"}
vnet = add(
    "azure",
    AZ_SUB,
    WEU,
    "microsoft.network/virtualnetworks",
    "network.vpc",
    arm("rg-erp", "microsoft.network/virtualnetworks", "vnet-erp"),
    "vnet-erp",
    erp,
    topology={"cidrs": ["10.40.0.0/16"]},
)
snet = add(
    "azure",
    AZ_SUB,
    WEU,
    "microsoft.network/virtualnetworks/subnets",
    "network.subnet",
    arm("rg-erp", "microsoft.network/virtualnetworks", "vnet-erp/subnets/snet-app"),
    "snet-app",
    erp,
    depends_on=[vnet],
    topology={"cidrs": ["10.40.1.0/24"]},
)
nsg = add(
    "azure",
    AZ_SUB,
    WEU,
    "microsoft.network/networksecuritygroups",
    "network.security_group",
    arm("rg-erp", "microsoft.network/networksecuritygroups", "nsg-erp"),
    "nsg-erp",
    erp,
    topology={
        "firewall_rules": [
            # The rule the ERP team added, then the default rules every Azure NSG has.
            allow(
                "ingress", "tcp", [(443, 443)], {"kind": "tag", "value": "Internet"}, priority=100
            ),
            allow(
                "ingress",
                "any",
                [],
                {"kind": "tag", "value": "VirtualNetwork"},
                priority=65000,
                local={"kind": "tag", "value": "VirtualNetwork"},
            ),
            allow(
                "ingress", "any", [], {"kind": "tag", "value": "AzureLoadBalancer"}, priority=65001
            ),
            allow("ingress", "any", [], ANY, priority=65500, action="deny"),
            allow(
                "egress",
                "any",
                [],
                {"kind": "tag", "value": "VirtualNetwork"},
                priority=65000,
                local={"kind": "tag", "value": "VirtualNetwork"},
            ),
            allow("egress", "any", [], {"kind": "tag", "value": "Internet"}, priority=65001),
            allow("egress", "any", [], ANY, priority=65500, action="deny"),
        ]
    },
)
erp_pg = add(
    "azure",
    AZ_SUB,
    WEU,
    "microsoft.dbforpostgresql/flexibleservers",
    "database.postgresql",
    arm("rg-erp", "microsoft.dbforpostgresql/flexibleservers", "psql-erp"),
    "psql-erp",
    erp,
    {
        "instance_type": "Standard_D4ds_v5",
        "vcpu": 4,
        "memory_gib": 16,
        "engine": "postgresql",
        "engine_version": "16",
        "storage_gib": 512,
        "high_availability": True,
    },
    cost=702.00,
    depends_on=[snet],
    utilisation={"cpu_mean": 25, "cpu_p95": 49},
)
erp_sql = add(
    "azure",
    AZ_SUB,
    WEU,
    "microsoft.sql/servers/databases",
    "database.sqlserver",
    arm("rg-erp", "microsoft.sql/servers", "sql-erp/databases/finance"),
    "sql-erp/finance",
    erp,
    {"vcpu": 4, "memory_gib": 20.4, "engine": "sqlserver", "storage_gib": 250},
    cost=812.00,
)
cosmos = add(
    "azure",
    AZ_SUB,
    WEU,
    "microsoft.documentdb/databaseaccounts",
    "database.document",
    arm("rg-erp", "microsoft.documentdb/databaseaccounts", "cosmos-portal"),
    "cosmos-portal",
    {**erp, "app": "portal"},
    {"engine": "mongodb", "storage_gib": 60},
    cost=310.00,
)
storage = add(
    "azure",
    AZ_SUB,
    WEU,
    "microsoft.storage/storageaccounts",
    "storage.account",
    arm("rg-erp", "microsoft.storage/storageaccounts", "sterpdocs"),
    "sterpdocs",
    erp,
    {"storage_gib": 2048, "storage_class": "Standard_LRS", "object_count": 5_600_000},
    cost=44.00,
)
erp_vms = []
for i in range(1, 5):
    disk = add(
        "azure",
        AZ_SUB,
        WEU,
        "microsoft.compute/disks",
        "storage.block",
        arm("rg-erp", "microsoft.compute/disks", f"vm-erp-{i}-osdisk"),
        f"vm-erp-{i}-osdisk",
        erp,
        {"storage_gib": 128, "storage_class": "Premium_LRS"},
        cost=19.71,
    )
    erp_vms.append(
        add(
            "azure",
            AZ_SUB,
            WEU,
            "microsoft.compute/virtualmachines",
            "compute.vm",
            arm("rg-erp", "microsoft.compute/virtualmachines", f"vm-erp-{i}"),
            f"vm-erp-{i}",
            {**erp, "ha-pair": f"erp-{(i + 1) // 2}"},
            {
                "instance_type": "Standard_D4s_v3",
                "vcpu": 4,
                "memory_gib": 16,
                "architecture": "x86_64",
                "os": "windows" if i == 4 else "linux",
                "state": "running",
                "details": {"boot_disk": disk},
            },
            cost=140.16 if i < 4 else 274.48,
            depends_on=[disk, snet, nsg, erp_pg, erp_sql, storage],
            utilisation={"cpu_mean": 28, "cpu_p95": 55},
        )
    )
for i in range(1, 3):
    add(
        "azure",
        AZ_SUB,
        WEU,
        "microsoft.compute/virtualmachines",
        "compute.vm",
        arm("rg-erp", "microsoft.compute/virtualmachines", f"vm-erp-report-{i}"),
        f"vm-erp-report-{i}",
        {**erp, "colocate": "erp-reporting"},
        {
            "instance_type": "Standard_E8s_v5",
            "vcpu": 8,
            "memory_gib": 64,
            "architecture": "x86_64",
            "os": "linux",
            "state": "running",
        },
        cost=367.92,
        depends_on=[snet, erp_sql],
        utilisation={"cpu_mean": 10, "cpu_p95": 38},
    )
lb = add(
    "azure",
    AZ_SUB,
    WEU,
    "microsoft.network/loadbalancers",
    "network.load_balancer",
    arm("rg-erp", "microsoft.network/loadbalancers", "lb-erp"),
    "lb-erp",
    erp,
    {"details": {"scheme": "internet-facing"}},
    cost=18.25,
    depends_on=erp_vms,
    topology={"listeners": [{"protocol": "TCP", "port": 443}]},
)
add(
    "azure",
    AZ_SUB,
    WEU,
    "microsoft.network/publicipaddresses",
    "network.public_ip",
    arm("rg-erp", "microsoft.network/publicipaddresses", "pip-lb-erp"),
    "pip-lb-erp",
    erp,
    {},
    cost=3.65,
    depends_on=[lb],
)
aks = add(
    "azure",
    AZ_SUB,
    WEU,
    "microsoft.containerservice/managedclusters",
    "kubernetes.cluster",
    arm("rg-portal", "microsoft.containerservice/managedclusters", "aks-portal"),
    "aks-portal",
    {**erp, "app": "portal"},
    {"engine_version": "1.30"},
    cost=73.00,
    depends_on=[snet],
)
add(
    "azure",
    AZ_SUB,
    WEU,
    "microsoft.containerservice/managedclusters/agentpools",
    "kubernetes.node_pool",
    arm("rg-portal", "microsoft.containerservice/managedclusters", "aks-portal/agentpools/default"),
    "aks-portal/default",
    {**erp, "app": "portal"},
    {"instance_type": "Standard_D4s_v3", "vcpu": 4, "memory_gib": 16, "node_count": 3},
    cost=420.48,
    depends_on=[aks, cosmos],
)
add(
    "azure",
    AZ_SUB,
    WEU,
    "microsoft.web/sites",
    "compute.function",
    arm("rg-portal", "microsoft.web/sites", "func-portal-events"),
    "func-portal-events",
    {**erp, "app": "portal"},
    {"memory_gib": 1.5, "engine": "node18"},
    cost=24.00,
    depends_on=[cosmos],
)
add(
    "azure",
    AZ_SUB,
    WEU,
    "microsoft.servicebus/namespaces",
    "messaging.queue",
    arm("rg-erp", "microsoft.servicebus/namespaces", "sb-erp"),
    "sb-erp",
    erp,
    {},
    cost=9.81,
)
add(
    "azure",
    AZ_SUB,
    WEU,
    "microsoft.cache/redis",
    "cache.redis",
    arm("rg-portal", "microsoft.cache/redis", "redis-portal"),
    "redis-portal",
    {**erp, "app": "portal"},
    {"memory_gib": 6, "engine": "redis", "engine_version": "6.0"},
    cost=101.47,
)
add(
    "azure",
    AZ_SUB,
    WEU,
    "microsoft.containerregistry/registries",
    "container.registry",
    arm("rg-portal", "microsoft.containerregistry/registries", "acrportal"),
    "acrportal",
    {**erp, "app": "portal"},
    {"storage_gib": 30},
    cost=20.00,
)
add(
    "azure",
    AZ_SUB,
    WEU,
    "microsoft.keyvault/vaults",
    "security.secrets",
    arm("rg-erp", "microsoft.keyvault/vaults", "kv-erp"),
    "kv-erp",
    erp,
    {},
    cost=1.20,
)
add(
    "azure",
    AZ_SUB,
    "global",
    "microsoft.network/dnszones",
    "network.dns_zone",
    arm("rg-erp", "microsoft.network/dnszones", "erp.example.com"),
    "erp.example.com",
    erp,
    cost=0.50,
    topology={
        "zone_name": "erp.example.com",
        "records": [{"name": "portal", "type": "A", "ttl": 300, "values": ["203.0.113.10"]}],
    },
)
EUS = "eastus"
for i in range(1, 3):
    add(
        "azure",
        AZ_SUB,
        EUS,
        "microsoft.compute/virtualmachines",
        "compute.vm",
        arm("rg-us-sales", "microsoft.compute/virtualmachines", f"vm-sales-{i}"),
        f"vm-sales-{i}",
        {"app": "sales", "env": "prod", "owner": "team-sales"},
        {
            "instance_type": "Standard_D2s_v3",
            "vcpu": 2,
            "memory_gib": 8,
            "architecture": "x86_64",
            "os": "linux",
            "state": "running",
        },
        cost=70.08,
        utilisation={"cpu_mean": 8, "cpu_p95": 19},
    )


# ---------------------------------------------------------------- GCP: analytics
def cai(service, path):
    return f"//{service}.googleapis.com/projects/{GCP_PROJECT}/{path}"


EW1 = "europe-west1"
ana = {"app": "analytics", "env": "prod", "owner": "team-data", "classification": "internal"}
net = add(
    "gcp",
    GCP_PROJECT,
    "global",
    "compute.googleapis.com/Network",
    "network.vpc",
    cai("compute", "global/networks/analytics"),
    "analytics",
    ana,
    {},
)
sub = add(
    "gcp",
    GCP_PROJECT,
    EW1,
    "compute.googleapis.com/Subnetwork",
    "network.subnet",
    cai("compute", f"regions/{EW1}/subnetworks/analytics-ew1"),
    "analytics-ew1",
    ana,
    depends_on=[net],
    topology={"cidrs": ["10.60.0.0/20"]},
)
fw = add(
    "gcp",
    GCP_PROJECT,
    "global",
    "compute.googleapis.com/Firewall",
    "network.security_group",
    cai("compute", "global/firewalls/allow-internal"),
    "allow-internal",
    ana,
    depends_on=[net],
    topology={
        "firewall_rules": [
            allow("ingress", "tcp", [], cidr_end("10.60.0.0/16"), priority=1000),
            # The egress rule every VPC network has, implied by GCP.
            allow("egress", "any", [], cidr_end("0.0.0.0/0"), priority=65535),
        ]
    },
)
ana_sql = add(
    "gcp",
    GCP_PROJECT,
    EW1,
    "sqladmin.googleapis.com/Instance",
    "database.mysql",
    f"//cloudsql.googleapis.com/projects/{GCP_PROJECT}/instances/ana-mysql",
    "ana-mysql",
    ana,
    {
        "instance_type": "db-custom-4-16384",
        "vcpu": 4,
        "memory_gib": 16,
        "engine": "mysql",
        "engine_version": "8.0",
        "storage_gib": 250,
    },
    cost=298.00,
    utilisation={"cpu_mean": 20, "cpu_p95": 44},
)
ana_pg = add(
    "gcp",
    GCP_PROJECT,
    EW1,
    "sqladmin.googleapis.com/Instance",
    "database.postgresql",
    f"//cloudsql.googleapis.com/projects/{GCP_PROJECT}/instances/ana-warehouse-pg",
    "ana-warehouse-pg",
    ana,
    {
        "instance_type": "db-custom-8-32768",
        "vcpu": 8,
        "memory_gib": 32,
        "engine": "postgresql",
        "engine_version": "15",
        "storage_gib": 1000,
        "high_availability": True,
    },
    cost=1190.00,
)
lake = add(
    "gcp",
    GCP_PROJECT,
    EW1,
    "storage.googleapis.com/Bucket",
    "storage.object",
    f"//storage.googleapis.com/{GCP_PROJECT}-lake",
    f"{GCP_PROJECT}-lake",
    {**ana, "colocate": "analytics-etl"},
    {"storage_gib": 12288, "object_count": 48_000_000, "storage_class": "STANDARD"},
    cost=246.00,
)
add(
    "gcp",
    GCP_PROJECT,
    EW1,
    "storage.googleapis.com/Bucket",
    "storage.object",
    f"//storage.googleapis.com/{GCP_PROJECT}-exports",
    f"{GCP_PROJECT}-exports",
    ana,
    {"storage_gib": 410, "object_count": 90_000, "storage_class": "NEARLINE"},
    cost=4.10,
)
workers = []
for i in range(1, 5):
    d = add(
        "gcp",
        GCP_PROJECT,
        EW1,
        "compute.googleapis.com/Disk",
        "storage.block",
        cai("compute", f"zones/{EW1}-b/disks/etl-{i}"),
        f"etl-{i}",
        ana,
        {"storage_gib": 100, "storage_class": "pd-balanced"},
        cost=10.00,
    )
    workers.append(
        add(
            "gcp",
            GCP_PROJECT,
            EW1,
            "compute.googleapis.com/Instance",
            "compute.vm",
            cai("compute", f"zones/{EW1}-b/instances/etl-{i}"),
            f"etl-{i}",
            {**ana, "colocate": "analytics-etl"},
            {
                "instance_type": "n2-standard-4",
                "vcpu": 4,
                "memory_gib": 16,
                "architecture": "x86_64",
                "os": "linux",
                "state": "running",
            },
            cost=141.62,
            depends_on=[d, sub, fw, lake, ana_sql, ana_pg],
            utilisation={"cpu_mean": 52, "cpu_p95": 88},
        )
    )
for i in range(1, 3):
    add(
        "gcp",
        GCP_PROJECT,
        EW1,
        "compute.googleapis.com/Instance",
        "compute.vm",
        cai("compute", f"zones/{EW1}-c/instances/dash-{i}"),
        f"dash-{i}",
        {**ana, "ha-pair": "dash"},
        {
            "instance_type": "e2-standard-2",
            "vcpu": 2,
            "memory_gib": 8,
            "architecture": "x86_64",
            "os": "linux",
            "state": "running",
        },
        cost=48.92,
        depends_on=[sub, ana_pg],
        utilisation={"cpu_mean": 6, "cpu_p95": 15},
    )
gke = add(
    "gcp",
    GCP_PROJECT,
    EW1,
    "container.googleapis.com/Cluster",
    "kubernetes.cluster",
    f"//container.googleapis.com/projects/{GCP_PROJECT}/locations/{EW1}/clusters/ana-gke",
    "ana-gke",
    ana,
    {"engine_version": "1.30"},
    cost=73.00,
    depends_on=[sub],
)
add(
    "gcp",
    GCP_PROJECT,
    EW1,
    "container.googleapis.com/NodePool",
    "kubernetes.node_pool",
    f"//container.googleapis.com/projects/{GCP_PROJECT}/locations/{EW1}/clusters/ana-gke/nodePools/default",
    "ana-gke/default",
    ana,
    {"instance_type": "n2-standard-8", "vcpu": 8, "memory_gib": 32, "node_count": 3},
    cost=849.72,
    depends_on=[gke, lake],
)
topic_g = add(
    "gcp",
    GCP_PROJECT,
    "global",
    "pubsub.googleapis.com/Topic",
    "messaging.topic",
    f"//pubsub.googleapis.com/projects/{GCP_PROJECT}/topics/ingest",
    "ingest",
    ana,
    {},
    cost=12.00,
)
add(
    "gcp",
    GCP_PROJECT,
    EW1,
    "cloudfunctions.googleapis.com/CloudFunction",
    "compute.function",
    f"//cloudfunctions.googleapis.com/projects/{GCP_PROJECT}/locations/{EW1}/functions/ingest-handler",
    "ingest-handler",
    ana,
    {"memory_gib": 0.5, "engine": "python312"},
    cost=7.40,
    depends_on=[topic_g, lake],
)
add(
    "gcp",
    GCP_PROJECT,
    EW1,
    "redis.googleapis.com/Instance",
    "cache.redis",
    f"//redis.googleapis.com/projects/{GCP_PROJECT}/locations/{EW1}/instances/ana-cache",
    "ana-cache",
    ana,
    {"memory_gib": 5, "engine": "redis", "engine_version": "7.0"},
    cost=178.85,
)
add(
    "gcp",
    GCP_PROJECT,
    "global",
    "firestore.googleapis.com/Database",
    "database.document",
    f"//firestore.googleapis.com/projects/{GCP_PROJECT}/databases/(default)",
    "firestore-default",
    ana,
    {"storage_gib": 18, "engine": "firestore"},
    cost=21.00,
)
add(
    "gcp",
    GCP_PROJECT,
    EW1,
    "compute.googleapis.com/ForwardingRule",
    "network.load_balancer",
    cai("compute", f"regions/{EW1}/forwardingRules/dash-lb"),
    "dash-lb",
    ana,
    {"details": {"scheme": "internet-facing"}},
    cost=18.26,
    topology={"listeners": [{"protocol": "HTTPS", "port": 443}]},
)
add(
    "gcp",
    GCP_PROJECT,
    "global",
    "dns.googleapis.com/ManagedZone",
    "network.dns_zone",
    f"//dns.googleapis.com/projects/{GCP_PROJECT}/managedZones/analytics-example-com",
    "analytics.example.com",
    ana,
    cost=0.20,
    topology={
        "zone_name": "analytics.example.com",
        "records": [{"name": "dash", "type": "A", "ttl": 300, "values": ["198.51.100.7"]}],
    },
)
add(
    "gcp",
    GCP_PROJECT,
    EW1,
    "artifactregistry.googleapis.com/Repository",
    "container.registry",
    f"//artifactregistry.googleapis.com/projects/{GCP_PROJECT}/locations/{EW1}/repositories/images",
    "images",
    ana,
    {"storage_gib": 25},
    cost=2.50,
)
add(
    "gcp",
    GCP_PROJECT,
    "global",
    "secretmanager.googleapis.com/Secret",
    "security.secrets",
    f"//secretmanager.googleapis.com/projects/{GCP_PROJECT}/secrets/warehouse-password",
    "warehouse-password",
    ana,
    {},
    cost=0.06,
)
add(
    "gcp",
    GCP_PROJECT,
    "global",
    "bigquery.googleapis.com/Dataset",
    "analytics.warehouse",
    f"//bigquery.googleapis.com/projects/{GCP_PROJECT}/datasets/sales",
    "sales",
    ana,
    {"storage_gib": 900},
    cost=18.00,
)

inventory = {
    "schema_version": "2.0",
    "generated_at": "2026-11-02T09:00:00Z",
    "sources": [
        {
            "kind": "aws",
            "location": f"account {AWS_ACCOUNT}: us-east-1, eu-west-1",
            "resources": sum(r["provider"] == "aws" for r in resources),
        },
        {
            "kind": "azure",
            "location": f"subscription {AZ_SUB}",
            "resources": sum(r["provider"] == "azure" for r in resources),
        },
        {
            "kind": "gcp",
            "location": f"projects/{GCP_PROJECT}",
            "resources": sum(r["provider"] == "gcp" for r in resources),
        },
    ],
    "resources": sorted(resources, key=lambda r: r["id"]),
    "issues": [],
}
# Written through the model, so the file holds the attachments its dependencies imply.
# Each VM's root or OS disk is its boot disk, written as its server's root volume.
estate = Inventory.model_validate(inventory)
link_boot_disks(estate.by_id())
Path(__file__).with_name("inventory.json").write_text(dumps(estate))
print(f"{len(resources)} resources")
