"""The read-only guard refuses any call that is not a read before it leaves the process."""

from __future__ import annotations

import json

import pytest

from cloudexit.cli.main import run
from cloudexit.connectors.aws import RESOURCE_TYPES
from cloudexit.connectors.aws.readonly import ReadOnlyViolation, is_read
from cloudexit.connectors.aws.session import Clients, assumed_session, base_session
from tests.connectors.aws.fakes import moto_api, recorded_requests


def clients(url: str) -> Clients:
    return Clients(base_session(None), endpoint_url=url, max_attempts=2, pool=4)


@pytest.mark.parametrize(
    ("service", "method", "params"),
    [
        ("ec2", "run_instances", {"ImageId": "ami-12345678", "MinCount": 1, "MaxCount": 1}),
        ("ec2", "terminate_instances", {"InstanceIds": ["i-0123456789abcdef0"]}),
        ("s3", "create_bucket", {"Bucket": "should-not-exist"}),
        ("dynamodb", "delete_table", {"TableName": "orders"}),
        ("secretsmanager", "get_secret_value", {"SecretId": "db-password"}),
        ("s3", "get_object", {"Bucket": "b-b-b", "Key": "k"}),
    ],
)
def test_the_guard_refuses_before_anything_is_sent(moto, service, method, params):
    moto_api(moto, "/moto-api/recorder/reset-recording")
    moto_api(moto, "/moto-api/recorder/start-recording")
    try:
        guarded = clients(moto)
        with pytest.raises(ReadOnlyViolation, match="refused"):
            getattr(guarded.get(service, "eu-west-1"), method)(**params)
        guarded.get(
            "ec2", "eu-west-1"
        ).describe_regions()  # a read does go out: the recording works
    finally:
        moto_api(moto, "/moto-api/recorder/stop-recording")
    assert [b"DescribeRegions" in r["body_bytes"] for r in recorded_requests(moto)] == [True]


def test_sessions_for_member_accounts_are_guarded_too(moto):
    base = clients(moto)
    session = assumed_session(
        base.session, base, "arn:aws:iam::210987654321:role/reader", "eu-west-1"
    )
    member = Clients(session, endpoint_url=moto, max_attempts=2, pool=2)
    assert member.get("sts", "eu-west-1").get_caller_identity()["Account"] == "210987654321"
    with pytest.raises(ReadOnlyViolation):
        member.get("sqs", "eu-west-1").create_queue(QueueName="nope")


def test_every_declared_call_passes_the_guard():
    for rt in RESOURCE_TYPES:
        for client, operation in rt.all_reads():
            assert is_read(client, operation), (rt.type, client, operation)


@pytest.mark.parametrize(
    ("service", "operation", "allowed"),
    [
        ("ec2", "DescribeInstances", True),
        ("s3", "ListBuckets", True),
        ("s3", "GetBucketTagging", True),
        ("sts", "AssumeRole", True),
        ("cloudwatch", "GetMetricData", True),
        ("ec2", "RunInstances", False),
        ("ec2", "CreateTags", False),
        ("s3", "PutObject", False),
        ("s3", "GetObject", False),
        ("secretsmanager", "GetSecretValue", False),
        ("ssm", "GetParameter", False),
        ("dynamodb", "Scan", False),
        ("dynamodb", "GetItem", False),
        ("lambda", "Invoke", False),
    ],
)
def test_what_counts_as_a_read(service, operation, allowed):
    assert is_read(service, operation) is allowed


def test_permissions_command_prints_the_policy(capsys):
    assert run(["permissions", "aws", "--org", "--role-name", "InventoryReader"]) == 0
    document = json.loads(capsys.readouterr().out)
    read, accounts, assume = document["Statement"]
    assert document["Version"] == "2012-10-17"
    assert "ec2:DescribeInstances" in read["Action"] and "s3:ListAllMyBuckets" in read["Action"]
    assert all(":" in a and "*" not in a for a in read["Action"])
    assert all(
        a.split(":", 1)[1].startswith(("Describe", "List", "Get", "GET")) for a in read["Action"]
    )
    assert accounts["Action"] == ["organizations:ListAccounts"]
    assert assume == {
        "Sid": "CloudexitAssumeMemberRole",
        "Effect": "Allow",
        "Action": ["sts:AssumeRole"],
        "Resource": "arn:aws:iam::*:role/InventoryReader",
    }


def test_permissions_for_some_services_only(capsys):
    assert run(["permissions", "aws", "--services", "s3,sqs"]) == 0
    actions = json.loads(capsys.readouterr().out)["Statement"][0]["Action"]
    assert {a.split(":")[0] for a in actions} == {"s3", "sqs", "cloudwatch", "ec2"}
    assert run(["permissions", "aws", "--services", "nosuch"]) == 2
    assert "unknown nosuch" in capsys.readouterr().err
