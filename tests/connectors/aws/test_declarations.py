"""Declarations and the pure pieces around them: ARN types, engines, percentiles, list prices."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.catalog.schema import ProviderFile
from cloudexit.connectors.aws import RESOURCE_TYPES, ec2
from cloudexit.connectors.aws.declare import Scope, tag_dict
from cloudexit.connectors.aws.metrics import p95
from cloudexit.connectors.aws.pricing import monthly_cost
from cloudexit.connectors.aws.rds import engine_of
from cloudexit.connectors.aws.registry import DEDICATED
from cloudexit.connectors.aws.tagging import native_type
from cloudexit.model.inventory import Attributes, Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.money import quantize
from cloudexit.model.policy import Policy


@pytest.mark.parametrize(
    ("arn", "native"),
    [
        ("arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc", "AWS::EC2::Instance"),
        ("arn:aws:logs:eu-west-1:123456789012:log-group:app", "AWS::Logs::LogGroup"),
        ("arn:aws:s3:::my-bucket", "AWS::S3::Bucket"),
        ("arn:aws:sqs:eu-west-1:123456789012:jobs", "AWS::SQS::Queue"),
        ("arn:aws:sns:eu-west-1:123456789012:events", "AWS::SNS::Topic"),
        ("arn:aws:sns:eu-west-1:123456789012:events:5d4f-1b2c", "aws:sns:subscription"),
        (
            "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/shop/50dc6c",
            "AWS::ElasticLoadBalancingV2::LoadBalancer",
        ),
        (
            "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/legacy",
            "AWS::ElasticLoadBalancing::LoadBalancer",
        ),
        ("arn:aws:apigateway:eu-west-1::/restapis/a1b2", "AWS::ApiGateway::RestApi"),
        ("arn:aws:states:eu-west-1:1:stateMachine:flow", "AWS::StepFunctions::StateMachine"),
        ("arn:aws:glue:eu-west-1:1:job/etl", "aws:glue:job"),
    ],
)
def test_arn_to_native_type(arn, native):
    assert native_type(arn) == native


@pytest.mark.parametrize(
    ("engine", "name", "kind"),
    [
        ("aurora-postgresql", "postgresql", Kind.POSTGRESQL),
        ("postgres", "postgresql", Kind.POSTGRESQL),
        ("aurora-mysql", "mysql", Kind.MYSQL),
        ("aurora", "mysql", Kind.MYSQL),
        ("mariadb", "mariadb", Kind.MARIADB),
        ("sqlserver-se", "sqlserver", Kind.SQLSERVER),
        ("oracle-ee-cdb", "oracle", Kind.ORACLE),
        ("docdb", "docdb", Kind.DOCUMENT),
        ("neptune", "neptune", Kind.GRAPH),
        ("db2-se", "db2-se", Kind.OTHER),
    ],
)
def test_rds_engines(engine, name, kind):
    assert engine_of(engine) == (name, kind)


def test_p95_is_nearest_rank():
    assert p95([float(v) for v in range(1, 101)]) == 95
    assert p95([3.0]) == 3
    assert p95([1.0, 2.0]) == 2


def test_tags_in_every_shape():
    assert tag_dict([{"Key": "a", "Value": "1"}]) == {"a": "1"}
    assert tag_dict([{"key": "a", "value": "1"}]) == {"a": "1"}
    assert tag_dict({"a": 1}) == {"a": "1"}
    assert tag_dict(None) == {}


def test_every_dedicated_type_has_a_kind_in_the_mappings():
    catalog = load_catalog()
    for rt in DEDICATED:
        assert rt.kind is not None or catalog.kind_for(rt.type) is not Kind.OTHER, rt.type
    assert len({rt.type for rt in RESOURCE_TYPES}) == len(RESOURCE_TYPES)


def test_instances_from_a_recorded_describe_instances_response(shared_dir):
    """A real DescribeInstances body (13 t2.micro, 10 terminated) through the EC2 declaration."""
    data = json.loads(
        (shared_dir / "corpus" / "aws-ec2-describe-instances-c7n-placebo.json").read_text()
    )["data"]
    from cloudexit.connectors.aws.reader import search

    items = search(ec2.INSTANCE.items, data)
    kept = [i for i in items if ec2.INSTANCE.include(i)]
    assert (len(items), len(kept)) == (13, 3)
    scope = Scope("644160558196", "us-east-1")
    for item in kept:
        item["_type_specs"] = {
            "VCpuInfo": {"DefaultVCpus": 1},
            "MemoryInfo": {"SizeInMiB": 1024},
            "ProcessorInfo": {"SupportedArchitectures": ["i386", "x86_64"]},
        }
        a = ec2.INSTANCE.attributes(item, scope)
        assert (a.instance_type, a.vcpu, a.memory_gib, a.architecture, a.os) == (
            "t2.micro",
            1,
            1,
            "x86_64",
            "linux",
        )
        assert a.state == item["State"]["Name"]
        assert (
            ec2.INSTANCE.id(item, scope)
            == f"arn:aws:ec2:us-east-1:644160558196:instance/{item['InstanceId']}"
        )


def _catalog() -> Catalog:
    source = {
        "url": "https://aws.amazon.com/ec2/pricing/on-demand/",
        "retrieved": "2026-11-01",
        "published": "unknown",
        "undated_reason": "a test figure, dated by nobody",
        "evidence": "provider_page",
    }

    def product(
        pid: str, service: str, amount: str, unit: str = "hour", **extra: object
    ) -> dict[str, object]:
        price = {"amount": amount, "currency": "USD", "unit": unit, "source": source, **extra}
        return {"id": pid, "name": pid, "service": service, "family": "x", "prices": [price]}

    provider = ProviderFile.model_validate(
        {
            "id": "aws",
            "name": "AWS",
            "role": "source",
            "currency": "USD",
            "company": {
                "legal_name": "x",
                "headquarters": "x",
                "country": "US",
                "eu_controlled": False,
                "exposure": "high",
                "exposure_reason": "x",
                "source": source,
            },
            "regions": [
                {"code": "us-east-1", "name": "Virginia", "city": "Ashburn", "country": "US"},
                {"code": "eu-west-1", "name": "Ireland", "city": "Dublin", "country": "IE"},
                {"code": "eu-central-1", "name": "Frankfurt", "city": "Frankfurt", "country": "DE"},
            ],
            "products": [
                product("m5.large", "compute", "0.107", regions=["eu-west-1"]),
                product("rds/postgresql/db.m5.large", "database", "0.2", verified=False),
                product(
                    "rds/postgresql/multi-az/db.m5.large",
                    "database",
                    "0.401",
                    verified=False,
                    regions=["eu-west-1"],
                ),
                product("elasticache/cache.r6g.large", "cache", "0.2"),
                product("ebs-gp3", "block_storage", "0.088", "gib_month"),
                product("eks-control-plane", "kubernetes", "0.1"),
                product("route53-hosted-zone", "dns", "0.5", "zone_month"),
            ],
        }
    )
    base = load_catalog()
    return Catalog(providers={"aws": provider}, kinds=base.kinds, source_types=base.source_types)


def _resource(native: str, kind: Kind, region: str = "eu-west-1", **attributes: object) -> Resource:
    return Resource(
        id=f"arn:{native}",
        provider="aws",
        account="1",
        region=region,
        type=native,
        kind=kind,
        name="x",
        attributes=Attributes.model_validate(attributes),
    )


def eur(usd: str, hours: int = 730) -> Decimal:
    return quantize(Decimal(usd) * hours * Policy().exchange_rates["USD"])


def test_list_prices_fill_monthly_cost_when_the_catalogue_has_them():
    catalog = _catalog()
    vm = monthly_cost(
        _resource("AWS::EC2::Instance", Kind.VM, instance_type="m5.large", os="linux"), catalog
    )
    assert vm is not None and (vm.amount, vm.currency) == (eur("0.107"), "EUR")
    assert vm.source == "list price: aws/m5.large eu-west-1"
    db = monthly_cost(
        _resource(
            "AWS::RDS::DBInstance",
            Kind.POSTGRESQL,
            instance_type="db.m5.large",
            engine="postgresql",
            high_availability=True,
        ),
        catalog,
    )
    assert db is not None and db.amount == eur("0.401")
    assert (
        "(unverified)" in db.source
        and "multi-az/db.m5.large" in db.source
        and "storage not included" in db.source
    )
    # No Multi-AZ rate for the class in the region: no figure, never the Single-AZ one doubled.
    for high_availability, priced in ((False, True), (True, False)):
        frankfurt = _resource(
            "AWS::RDS::DBInstance",
            Kind.POSTGRESQL,
            region="eu-central-1",
            instance_type="db.m5.large",
            engine="postgresql",
            high_availability=high_availability,
        )
        assert (monthly_cost(frankfurt, catalog) is not None) is priced
    cache = monthly_cost(
        _resource(
            "AWS::ElastiCache::ReplicationGroup",
            Kind.REDIS,
            instance_type="cache.r6g.large",
            node_count=3,
        ),
        catalog,
    )
    assert cache is not None and cache.amount == eur("0.6")
    disk = monthly_cost(
        _resource("AWS::EC2::Volume", Kind.BLOCK_VOLUME, storage_class="gp3", storage_gib=500),
        catalog,
    )
    assert disk is not None and disk.amount == eur("44", hours=1)
    eks = monthly_cost(_resource("AWS::EKS::Cluster", Kind.KUBERNETES_CLUSTER), catalog)
    assert eks is not None and eks.amount == eur("0.1")
    zone = monthly_cost(
        _resource("AWS::Route53::HostedZone", Kind.DNS_ZONE, region="global"), catalog
    )
    assert zone is not None and zone.amount == eur("0.5", hours=1)


@pytest.mark.parametrize(
    "resource",
    [
        _resource(
            "AWS::EC2::Instance", Kind.VM, region="eu-central-1", instance_type="m5.large"
        ),  # no price there
        _resource("AWS::EC2::Instance", Kind.VM, instance_type="m5.large", os="windows"),
        _resource("AWS::EC2::Instance", Kind.VM, instance_type="m5.large", state="stopped"),
        _resource("AWS::EC2::Instance", Kind.VM, instance_type="c5.large"),
        _resource("AWS::RDS::DBInstance", Kind.MYSQL, instance_type="db.m5.large", engine="mysql"),
        _resource("AWS::S3::Bucket", Kind.OBJECT_BUCKET, storage_gib=10),
    ],
)
def test_no_list_price_means_no_cost_never_zero(resource):
    assert monthly_cost(resource, _catalog()) is None
    assert monthly_cost(resource, None) is None


def test_each_declared_type_is_found_in_the_module_its_namespace_names() -> None:
    """An imported resource's dependencies come from one service module: the namespace table
    must name, for every type the connector declares, the module that declares it."""
    from cloudexit.connectors.aws.namespaces import declaration
    from cloudexit.connectors.aws.registry import ALL

    for rt in DEDICATED:
        assert declaration(rt.type) is rt, rt.type
    for rt in ALL:
        if rt not in DEDICATED:
            assert declaration(rt.type) is None and rt.depends_on is None, rt.type
    assert declaration("AWS::Logs::LogGroup") is None
    assert declaration("not a type") is None
