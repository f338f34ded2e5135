"""A multi-account, multi-region estate in moto server, scanned once through the real boto3 stack."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from cloudexit.catalog import load_catalog
from cloudexit.connectors.aws import RESOURCE_TYPES, scan
from cloudexit.connectors.aws.permissions import iam_action, policy
from cloudexit.model.inventory import Inventory, MonthlyCost, Resource
from cloudexit.model.io import dumps
from tests.connectors.aws.estate import MANAGEMENT, REGIONS, ROLE, SECRET_VALUE, Estate, seed
from tests.connectors.aws.fakes import moto_api, operations_of, recorded_requests


@pytest.fixture(scope="module")
def scanned(moto_url: str) -> Iterator[tuple[Estate, Inventory, list[dict[str, Any]]]]:
    moto_api(moto_url, "/moto-api/reset")
    estate = seed(moto_url)
    moto_api(moto_url, "/moto-api/recorder/reset-recording")
    moto_api(moto_url, "/moto-api/recorder/start-recording")
    try:
        inventory = scan(
            regions=list(REGIONS), org=True, role_name=ROLE, endpoint_url=moto_url, workers=8
        )
    finally:
        moto_api(moto_url, "/moto-api/recorder/stop-recording")
    yield estate, inventory, recorded_requests(moto_url)


def one(
    inventory: Inventory,
    native: str,
    name: str,
    account: str = MANAGEMENT,
    region: str = "eu-west-1",
) -> Resource:
    found = [
        r
        for r in inventory.resources
        if r.type == native and r.name == name and r.account == account and r.region == region
    ]
    assert len(found) == 1, (native, name, [r.id for r in found])
    return found[0]


def test_exact_counts_per_account_region_and_type(scanned):
    estate, inventory, _ = scanned
    assert Counter((r.account, r.region, r.type) for r in inventory.resources) == estate.expected
    assert len({r.account for r in inventory.resources}) == 3


def test_kinds_come_from_the_mappings_and_engines(scanned):
    _, inventory, _ = scanned
    kinds = {(r.type, r.name): r.kind.value for r in inventory.resources if r.account == MANAGEMENT}
    assert kinds[("AWS::RDS::DBInstance", "orders-db")] == "database.postgresql"
    assert kinds[("AWS::RDS::DBCluster", "ledger")] == "database.mysql"
    assert kinds[("AWS::ElastiCache::ReplicationGroup", "sessions")] == "cache.redis"
    assert kinds[("AWS::ElastiCache::CacheCluster", "pages")] == "cache.memcached"
    assert kinds[("AWS::EKS::Nodegroup", "arm")] == "kubernetes.node_pool"
    assert kinds[("AWS::Logs::LogGroup", "app")] == "other"
    assert kinds[("AWS::S3::Bucket", "shop-logs")] == "storage.object"


def test_types_without_a_reader_are_listed_and_reported(scanned):
    _, inventory, _ = scanned
    assert Counter(i.code for i in inventory.issues) == {"unsupported_type": 6, "skipped": 5}
    scopes = sorted(i.scope for i in inventory.issues if i.code == "unsupported_type")
    assert scopes == sorted(
        f"{a}/{r}/AWS::Logs::LogGroup"
        for a in {x.account for x in inventory.resources}
        for r in REGIONS
    )
    log_group = one(inventory, "AWS::Logs::LogGroup", "app")
    assert log_group.tags == {"team": "shop"}


def test_instances_are_sized_from_their_type(scanned):
    estate, inventory, _ = scanned
    net = estate.facts["net"]
    by_id = {
        r.id.rsplit("/", 1)[-1]: r for r in inventory.resources if r.type == "AWS::EC2::Instance"
    }
    web = by_id[net["web"][0]].attributes
    assert (web.instance_type, web.vcpu, web.memory_gib, web.architecture, web.os, web.state) == (
        "m5.large",
        2,
        8,
        "x86_64",
        "linux",
        "running",
    )
    assert by_id[net["stopped"]].attributes.state == "stopped"
    assert net["terminated"] not in by_id
    gpu = by_id[estate.facts["gpu"]].attributes
    assert (gpu.vcpu, gpu.memory_gib, gpu.gpu_count, gpu.gpu_model) == (4, 16, 1, "NVIDIA T4")
    assert by_id[net["web"][0]].tags == {"Name": "web", "team": "shop"}


def test_volumes_addresses_and_security_group_rules(scanned):
    estate, inventory, _ = scanned
    net = estate.facts["net"]
    volume = next(r for r in inventory.resources if r.id.endswith(net["data_volume"]))
    a = volume.attributes
    assert (a.storage_gib, a.storage_class, a.iops, a.throughput_mibps, a.state) == (
        500,
        "gp3",
        4000,
        250,
        "available",
    )
    group = one(inventory, "AWS::EC2::SecurityGroup", "app")
    ingress = [r for r in group.topology.firewall_rules if r.direction == "ingress"]
    assert sorted(
        (r.protocol, [p.text for p in r.ports], [e.text for e in r.sources]) for r in ingress
    ) == [
        ("tcp", ["22"], ["cidr:10.0.0.0/8"]),
        ("tcp", ["443"], ["cidr:0.0.0.0/0"]),
    ]
    assert "ingress" not in group.attributes.details  # the typed rules carry them
    eip = next(
        r
        for r in inventory.resources
        if r.type == "AWS::EC2::EIP" and r.account == MANAGEMENT and r.region == "eu-west-1"
    )
    assert eip.depends_on == [f"arn:aws:ec2:eu-west-1:{MANAGEMENT}:instance/{net['web'][0]}"]


def test_databases(scanned):
    _, inventory, _ = scanned
    db = one(inventory, "AWS::RDS::DBInstance", "orders-db").attributes
    assert (
        db.engine,
        db.engine_version,
        db.instance_type,
        db.storage_gib,
        db.storage_class,
        db.high_availability,
    ) == ("postgresql", "16.3", "db.m5.large", 200, "gp3", True)
    assert (db.vcpu, db.memory_gib) == (2, 8)
    cluster = one(inventory, "AWS::RDS::DBCluster", "ledger").attributes
    assert (cluster.engine, cluster.node_count, cluster.details["members"]) == (
        "mysql",
        1,
        ["ledger-1"],
    )
    table = one(inventory, "AWS::DynamoDB::Table", "orders")
    assert (
        table.attributes.engine,
        table.attributes.item_count,
        table.attributes.billing_mode,
    ) == ("dynamodb", 3, "PAY_PER_REQUEST")
    assert table.tags == {"team": "shop"}
    assert (table.attributes.read_capacity_units, table.attributes.write_capacity_units) == (
        None,
        None,
    )
    carts = one(inventory, "AWS::DynamoDB::Table", "carts").attributes
    assert (carts.billing_mode, carts.read_capacity_units, carts.write_capacity_units) == (
        "PROVISIONED",
        50,
        20,
    )
    assert table.attributes.storage_gib is not None
    redis = one(inventory, "AWS::ElastiCache::ReplicationGroup", "sessions").attributes
    assert (redis.instance_type, redis.node_count, redis.memory_gib) == ("cache.r6g.large", 1, 16)
    memcached = one(inventory, "AWS::ElastiCache::CacheCluster", "pages").attributes
    assert (memcached.engine, memcached.node_count) == ("memcached", 2)
    search = one(inventory, "AWS::OpenSearchService::Domain", "search").attributes
    assert (search.engine, search.engine_version, search.node_count, search.storage_gib) == (
        "opensearch",
        "2.11",
        3,
        300,
    )


def test_buckets_sit_in_their_region_sized_from_cloudwatch(scanned):
    _, inventory, _ = scanned
    logs = one(inventory, "AWS::S3::Bucket", "shop-logs")
    assert logs.id == "arn:aws:s3:::shop-logs"
    assert (logs.attributes.storage_gib, logs.attributes.object_count) == (4, 12345)
    assert logs.attributes.details["versioning"] == "Enabled"
    assert logs.attributes.details["bytes_by_storage_class"] == {
        "GlacierStorage": 1024**3,
        "StandardStorage": 3 * 1024**3,
    }
    assert logs.tags == {"team": "shop"}
    # who may read it and its default encryption, from GetBucketAcl, GetPublicAccessBlock and
    # GetBucketEncryption
    assert (
        logs.attributes.details["acl"],
        logs.attributes.details["public_access_blocked"],
        logs.attributes.details["encryption"],
    ) == ("private", True, "aws:kms")
    assets = one(inventory, "AWS::S3::Bucket", "shop-assets", region="eu-central-1")
    assert assets.attributes.storage_gib is None  # no metric: unknown, not zero
    assert assets.attributes.details["acl"] == "public-read"
    assert "public_access_blocked" not in assets.attributes.details
    assert not [r for r in inventory.resources if r.name == "shop-archive"]


def test_compute_services(scanned):
    _, inventory, _ = scanned
    fn = one(inventory, "AWS::Lambda::Function", "resize")
    assert (
        fn.attributes.memory_gib,
        fn.attributes.architecture,
        fn.attributes.details["runtime"],
    ) == (1, "arm64", "python3.12")
    assert fn.tags == {"team": "shop"}
    nodes = one(inventory, "AWS::EKS::Nodegroup", "arm").attributes
    assert (
        nodes.instance_type,
        nodes.node_count,
        nodes.vcpu,
        nodes.memory_gib,
        nodes.architecture,
    ) == ("m6g.large", 3, 2, 8, "arm64")
    assert one(inventory, "AWS::EKS::Cluster", "platform").attributes.engine_version == "1.29"
    service = one(inventory, "AWS::ECS::Service", "api").attributes
    assert (service.vcpu, service.memory_gib, service.node_count) == (0.5, 1, 3)
    workers = one(inventory, "AWS::AutoScaling::AutoScalingGroup", "workers")
    group = workers.attributes
    assert (group.instance_type, group.node_count, group.vcpu) == ("c5.large", 2, 2)
    # its machines are not planned or paid twice: folded into it, each reported as skipped
    assert [m.split(":")[5].split("/")[0] for m in workers.members] == ["instance"] * 2 + [
        "volume"
    ] * 2
    folded = [i for i in inventory.issues if i.resource_id in workers.members]
    assert len(folded) == 4 and all(i.code == "skipped" and i.scope == workers.id for i in folded)
    assert not {r.id for r in inventory.resources} & set(workers.members)
    assert workers.monthly_cost is not None and "x2 machines" in workers.monthly_cost.source
    repo = one(inventory, "AWS::ECR::Repository", "api").attributes
    assert repo.object_count == 1
    kafka = one(inventory, "AWS::MSK::Cluster", "stream").attributes
    assert (kafka.instance_type, kafka.node_count, kafka.storage_gib, kafka.engine_version) == (
        "kafka.m5.large",
        3,
        3000,
        "3.5.1",
    )
    assert one(inventory, "AWS::Kinesis::Stream", "clicks").attributes.node_count == 4
    queue = one(inventory, "AWS::SQS::Queue", "jobs")
    assert queue.tags == {"team": "shop"}
    assert queue.depends_on == [f"arn:aws:sqs:eu-west-1:{MANAGEMENT}:jobs-dead"]


def test_global_services(scanned):
    _, inventory, _ = scanned
    zone = one(inventory, "AWS::Route53::HostedZone", "shop.example.", region="global")
    records = {(r.name, r.type): r for r in zone.topology.records}
    assert records[("www.shop.example.", "A")].values == ["192.0.2.10"]
    assert records[("shop.example.", "MX")].ttl == 3600
    cdn = next(r for r in inventory.resources if r.type == "AWS::CloudFront::Distribution")
    assert cdn.region == "global"
    assert cdn.depends_on == ["arn:aws:s3:::shop-assets"]


def test_dependencies(scanned):
    estate, inventory, _ = scanned
    net = estate.facts["net"]
    arn = f"arn:aws:ec2:eu-west-1:{MANAGEMENT}"
    web = next(r for r in inventory.resources if r.id == f"{arn}:instance/{net['web'][0]}")
    volumes = [d for d in web.depends_on if ":volume/" in d]
    assert len(volumes) == 1 and volumes[0] in {r.id for r in inventory.resources}
    assert f"{arn}:subnet/{net['subnets'][0]}" in web.depends_on
    assert f"{arn}:security-group/{net['group']}" in web.depends_on
    lb = next(r for r in inventory.resources if r.id == estate.facts["lb"])
    assert estate.facts["target_group"] in lb.depends_on
    assert {f"{arn}:instance/{i}" for i in net["web"]} <= set(lb.depends_on)
    tg = next(r for r in inventory.resources if r.id == estate.facts["target_group"])
    assert {f"{arn}:instance/{i}" for i in net["web"]} <= set(tg.depends_on)
    function = one(inventory, "AWS::Lambda::Function", "resize")
    vpc = f"{arn}:vpc/{function.attributes.details['vpc_id']}"  # moto answers a fixed VPC id here
    assert vpc in function.depends_on
    assert f"{arn}:subnet/{net['subnets'][0]}" in function.depends_on
    nodegroup = one(inventory, "AWS::EKS::Nodegroup", "arm")
    assert one(inventory, "AWS::EKS::Cluster", "platform").id in nodegroup.depends_on
    db = one(inventory, "AWS::RDS::DBInstance", "orders-db")
    assert one(inventory, "AWS::RDS::DBSubnetGroup", "data").id in db.depends_on
    assert (
        one(inventory, "AWS::ECS::Cluster", "apps").id
        in one(inventory, "AWS::ECS::Service", "api").depends_on
    )
    ids = {r.id for r in inventory.resources}
    # A cluster's instance is folded into it: one cluster with its node count and class is built
    # and paid for, never a second database per instance.
    ledger = one(inventory, "AWS::RDS::DBCluster", "ledger")
    assert ledger.members == [f"arn:aws:rds:eu-west-1:{MANAGEMENT}:db:ledger-1"]
    assert ledger.attributes.node_count == 1
    assert ledger.attributes.instance_type == "db.r6g.large"
    assert not any(
        r.type == "AWS::RDS::DBInstance" and r.name == "ledger-1" for r in inventory.resources
    )
    # Membership is an attachment: placement keeps the web instances with the load balancer that
    # serves them.
    for i in net["web"]:
        instance = next(r for r in inventory.resources if r.id == f"{arn}:instance/{i}")
        assert ("lb_member", tg.id) in {(a.relation, a.to) for a in instance.topology.attachments}
    dangling = {d for r in inventory.resources for d in r.depends_on} - ids
    assert dangling <= {vpc}


def test_cpu_utilisation_for_instances_and_databases(scanned):
    estate, inventory, _ = scanned
    cpu = sorted(estate.facts["cpu"])
    expected_p95 = cpu[95 - 1]  # nearest rank over 100 hourly values
    web = next(r for r in inventory.resources if r.id.endswith(estate.facts["net"]["web"][0]))
    db = one(inventory, "AWS::RDS::DBInstance", "orders-db")
    for resource in (web, db):
        assert resource.utilisation is not None
        assert (
            resource.utilisation.cpu_mean,
            resource.utilisation.cpu_p95,
            resource.utilisation.period_days,
        ) == (sum(cpu) / len(cpu), expected_p95, 14)
    stopped = next(r for r in inventory.resources if r.id.endswith(estate.facts["net"]["stopped"]))
    assert stopped.utilisation is None


def test_secret_values_never_leave_aws(scanned):
    _, inventory, requests = scanned
    assert SECRET_VALUE not in dumps(inventory)
    assert (
        one(inventory, "AWS::SecretsManager::Secret", "db-password").kind.value
        == "security.secrets"
    )
    assert not [
        r
        for r in requests
        if b"GetSecretValue" in r["body_bytes"]
        or "GetSecretValue" in r["headers"].get("X-Amz-Target", "")
    ]


def test_sources_name_each_account_and_its_regions(scanned):
    _, inventory, _ = scanned
    assert len(inventory.sources) == 3
    for source in inventory.sources:
        assert source.kind == "aws"
        assert "eu-central-1, eu-west-1" in source.location
    assert sum(s.resources for s in inventory.sources) == len(inventory.resources)


def test_monthly_cost_comes_from_catalogue_list_prices_or_stays_unknown(scanned):
    _, inventory, _ = scanned
    catalog = load_catalog()
    priced = [r for r in inventory.resources if r.monthly_cost is not None]
    # A cluster is the sum of its member instances' list prices, each of which is checked here.
    assert all(
        r.monthly_cost.currency == "EUR"
        and (
            r.monthly_cost.source.startswith("list price: aws/")
            or (r.type == "AWS::RDS::DBCluster" and "member instances" in r.monthly_cost.source)
        )
        for r in priced
    )
    assert all(
        r.monthly_cost is None
        for r in inventory.resources
        if r.type in ("AWS::S3::Bucket", "AWS::SQS::Queue", "AWS::Lambda::Function")
    )
    web = next(r for r in inventory.resources if r.type == "AWS::EC2::Instance" and r.name == "web")
    expected = catalog.list_price("aws", web.region, "m5.large")
    assert web.monthly_cost == (
        None
        if expected is None
        else MonthlyCost(amount=expected.monthly_eur, currency="EUR", source=expected.source)
    )
    redis = one(inventory, "AWS::ElastiCache::ReplicationGroup", "sessions")
    expected = catalog.list_price("aws", "eu-west-1", "elasticache/cache.r6g.large")
    assert (redis.monthly_cost.amount if redis.monthly_cost else None) == (
        expected.monthly_eur if expected else None
    )
    stopped = next(
        r
        for r in inventory.resources
        if r.type == "AWS::EC2::Instance" and r.attributes.state == "stopped"
    )
    assert stopped.monthly_cost is None


MUTATING = re.compile(
    r"^(Create|Delete|Put|Update|Modify|Run|Terminate|Start|Stop|Reboot|Attach|Detach|Associate|Disassociate|"
    r"Authorize|Revoke|Tag|Untag|Register|Deregister|Set|Add|Remove|Enable|Disable|Restore|Copy|Import|Send|"
    r"Publish|Invoke|Execute|Purge|Change|Allocate|Release|Replace|Reset|Upload|Restart)"
)


def test_every_request_the_scan_sent_was_a_read(scanned):
    _, _, requests = scanned
    clients = sorted(
        {rt.service for rt in RESOURCE_TYPES} | {"sts", "organizations", "cloudwatch", "ec2"}
    )
    operations = operations_of(requests, clients)
    assert len(operations) == len(requests) > 300
    names = Counter(op for _, op in operations)
    assert not [op for op in names if MUTATING.match(op)]
    assert {op for op in names if not op.startswith(("Describe", "List", "Get"))} == {"AssumeRole"}
    assert names["AssumeRole"] == 2  # one per member account


def test_the_generated_policy_allows_every_call_the_scan_made(scanned):
    _, _, requests = scanned
    clients = sorted(
        {rt.service for rt in RESOURCE_TYPES} | {"sts", "organizations", "cloudwatch", "ec2"}
    )
    statements = policy(RESOURCE_TYPES, org=True, role_name=ROLE)["Statement"]
    allowed = {a for s in statements for a in s["Action"]}
    used = {iam_action(c, o) for c, o in operations_of(requests, clients)} - {
        "sts:GetCallerIdentity"
    }
    assert used <= allowed
    assert allowed - used == set()  # and the estate exercises every permission the policy grants
