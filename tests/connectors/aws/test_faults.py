"""Pagination, refusals, throttling and failing services: each becomes data, and the scan goes on."""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from cloudexit.connectors.aws import scan
from cloudexit.model.inventory import Inventory
from cloudexit.model.io import dumps
from tests.connectors.aws.estate import (
    MANAGEMENT,
    REGIONS,
    ROLE,
    Account,
    organisation,
    single_account,
)
from tests.connectors.aws.fakes import Fault, Proxy, Request, always, deny_region, throttle

BASICS = ["ec2", "sqs", "sns", "dynamodb", "secretsmanager", "resourcegroupstaggingapi"]
"""The clients of the basic estate: fault tests read only these, to stay quick."""


def counts(inventory: Inventory) -> Counter[tuple[str, str, str]]:
    return Counter((r.account, r.region, r.type) for r in inventory.resources)


def without_unsupported(inventory: Inventory) -> list[tuple[str, str]]:
    return sorted((i.code, i.scope) for i in inventory.issues if i.code != "unsupported_type")


def test_lists_past_one_thousand_items(moto):
    from moto.sqs.models import sqs_backends

    queues = sqs_backends[MANAGEMENT][
        "eu-west-1"
    ]  # seeded in process: the scan still goes over HTTP
    for n in range(1001):
        queues.create_queue(f"q{n:04d}")
    ec2 = Account(MANAGEMENT, moto).client("ec2", "eu-west-1")
    with ThreadPoolExecutor(8) as pool:
        list(
            pool.map(
                lambda n: ec2.run_instances(ImageId="ami-12345678", MinCount=1, MaxCount=1),
                range(105),
            )
        )
    with Proxy(moto) as proxy:
        inventory = scan(
            regions=["eu-west-1"],
            endpoint_url=proxy.url,
            services=["AWS::SQS::Queue", "AWS::EC2::Instance"],
            metrics_days=0,
        )
    kinds = Counter(r.type for r in inventory.resources)
    assert (kinds["AWS::SQS::Queue"], kinds["AWS::EC2::Instance"]) == (1001, 105)
    assert proxy.seen[("eu-west-1", "sqs", "ListQueues")] == 2  # 1,000 then 1
    assert (
        proxy.seen[("eu-west-1", "ec2", "DescribeInstances")] == 2
    )  # moto pages reservations by 100
    assert inventory.issues == []


@pytest.mark.parametrize(
    ("xml_code", "json_code", "issue"),
    [
        ("AccessDenied", "AccessDeniedException", "access_denied"),
        ("AuthFailure", "UnrecognizedClientException", "region_disabled"),
    ],
)
def test_a_refusing_region_is_one_issue_and_the_others_are_complete(
    moto, xml_code, json_code, issue
):
    estate = single_account(moto)
    with Proxy(moto, rules=[deny_region("eu-central-1", xml_code, json_code)]) as proxy:
        inventory = scan(
            regions=list(REGIONS),
            endpoint_url=proxy.url,
            metrics_days=0,
            max_attempts=2,
            services=BASICS,
        )
    expected = Counter({k: v for k, v in estate.expected.items() if k[1] == "eu-west-1"})
    assert counts(inventory) == expected
    assert without_unsupported(inventory) == [(issue, f"{MANAGEMENT}/eu-central-1")]
    refused = next(i for i in inventory.issues if i.code == issue)
    assert (
        refused.message.startswith("all ")
        and xml_code in refused.message
        or json_code in refused.message
    )
    assert sum(n for (region, _, _), n in proxy.faults.items() if region == "eu-central-1") >= 10


def test_throttling_is_retried_until_it_passes(moto):
    estate = single_account(moto, ("eu-west-1",))
    rules = [
        throttle("DescribeVolumes", 1),
        throttle("GetQueueAttributes", 1),
        throttle("ListTables", 1),
    ]
    with Proxy(moto, rules=rules) as proxy:
        inventory = scan(
            regions=["eu-west-1"], endpoint_url=proxy.url, metrics_days=0, services=BASICS
        )
    assert counts(inventory) == estate.expected
    assert without_unsupported(inventory) == []
    assert sum(proxy.faults.values()) == 3
    assert proxy.seen[("eu-west-1", "ec2", "DescribeVolumes")] == 2
    assert proxy.seen[("eu-west-1", "dynamodb", "ListTables")] == 2


def test_throttling_given_up_and_a_failing_service_become_issues(moto):
    estate = single_account(moto, ("eu-west-1",))
    rules = [throttle("ListQueues", -1), always("ListTopics", "InternalFailure", 500)]
    with Proxy(moto, rules=rules) as proxy:
        inventory = scan(
            regions=["eu-west-1"],
            endpoint_url=proxy.url,
            metrics_days=0,
            max_attempts=2,
            services=BASICS,
        )
    missing = {"AWS::SQS::Queue", "AWS::SNS::Topic"}
    assert counts(inventory) == Counter(
        {k: v for k, v in estate.expected.items() if k[2] not in missing}
    )
    assert without_unsupported(inventory) == [
        ("service_error", f"{MANAGEMENT}/eu-west-1/AWS::SNS::Topic"),
        ("throttled", f"{MANAGEMENT}/eu-west-1/AWS::SQS::Queue"),
    ]
    throttled = next(i for i in inventory.issues if i.code == "throttled")
    assert "gave up after retries" in throttled.message and "sqs:ListQueues" in throttled.message


def test_regions_not_enabled_are_reported_not_scanned(moto):
    single_account(moto, ("eu-west-1",))
    inventory = scan(
        regions=["eu-west-1", "ap-east-1", "xx-nowhere-1"],
        endpoint_url=moto,
        metrics_days=0,
        services=BASICS,
    )
    assert {r.region for r in inventory.resources} == {"eu-west-1"}
    assert without_unsupported(inventory) == [
        ("region_disabled", f"{MANAGEMENT}/ap-east-1"),
        ("region_disabled", f"{MANAGEMENT}/xx-nowhere-1"),
    ]
    assert (
        "not enabled" in inventory.issues[0].message or "not enabled" in inventory.issues[1].message
    )


def test_an_account_that_refuses_the_role_is_skipped_with_an_issue(moto):
    accounts = organisation(moto)
    refused = accounts[2].id
    for account in accounts:
        account.client("sqs", "eu-west-1").create_queue(QueueName=f"q-{account.id}")

    def deny_assume(request: Request) -> Fault | None:
        if request.action == "AssumeRole" and refused.encode() in request.body:
            return Fault("AccessDenied", 403, "not authorized to perform sts:AssumeRole")
        return None

    with Proxy(moto, rules=[deny_assume]) as proxy:
        inventory = scan(
            regions=["eu-west-1"],
            org=True,
            role_name=ROLE,
            endpoint_url=proxy.url,
            services=["sqs"],
            metrics_days=0,
        )
    assert sorted(r.account for r in inventory.resources) == sorted(a.id for a in accounts[:2])
    assert [(i.code, i.scope) for i in inventory.issues] == [("access_denied", refused)]
    assert len(inventory.sources) == 2


def test_accounts_option_restricts_the_organisation(moto):
    accounts = organisation(moto)
    for account in accounts:
        account.client("sqs", "eu-west-1").create_queue(QueueName=f"q-{account.id}")
    inventory = scan(
        regions=["eu-west-1"],
        org=True,
        role_name=ROLE,
        endpoint_url=moto,
        services=["sqs"],
        accounts=[accounts[1].id, "999999999999"],
        metrics_days=0,
    )
    assert [r.account for r in inventory.resources] == [accounts[1].id]
    assert [(i.code, i.scope) for i in inventory.issues] == [("not_found", "999999999999")]


def test_the_same_estate_gives_the_same_inventory(moto):
    single_account(moto, ("eu-west-1",))
    first = scan(regions=["eu-west-1"], endpoint_url=moto)
    second = scan(regions=["eu-west-1"], endpoint_url=moto, workers=2)
    assert first.generated_at and second.generated_at
    first.generated_at = second.generated_at = None
    assert dumps(first) == dumps(second)
