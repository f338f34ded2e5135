"""The read-only guard admits only the declared, non-secret reads, before anything leaves the process."""

from __future__ import annotations

import json

import pytest

from cloudexit.cli.main import run
from cloudexit.connectors.aws import RESOURCE_TYPES
from cloudexit.connectors.aws.permissions import declared_calls, guard, iam_action
from cloudexit.connectors.aws.readonly import (
    CREDENTIAL_CHAIN,
    SECRET_READS,
    Guard,
    ReadOnlyViolation,
    is_secret,
)
from cloudexit.connectors.aws.session import Clients, assumed_session, base_session
from tests.connectors.aws.fakes import moto_api, recorded_requests

GUARD = guard(RESOURCE_TYPES, org=True)


def clients(url: str) -> Clients:
    return Clients(base_session(None, GUARD), endpoint_url=url, max_attempts=2, pool=4)


def every_botocore_operation() -> list[tuple[str, str]]:
    import botocore.session

    session = botocore.session.get_session()
    return [
        (service, operation)
        for service in session.get_available_services()
        for operation in session.get_service_model(service).operation_names
    ]


@pytest.mark.parametrize(
    ("service", "method", "params"),
    [
        ("ec2", "run_instances", {"ImageId": "ami-12345678", "MinCount": 1, "MaxCount": 1}),
        ("ec2", "terminate_instances", {"InstanceIds": ["i-0123456789abcdef0"]}),
        ("s3", "create_bucket", {"Bucket": "should-not-exist"}),
        ("dynamodb", "delete_table", {"TableName": "orders"}),
        ("secretsmanager", "get_secret_value", {"SecretId": "db-password"}),
        ("s3", "get_object", {"Bucket": "b-b-b", "Key": "k"}),
        ("s3", "get_bucket_policy", {"Bucket": "b-b-b"}),  # a read, but not declared
        ("iam", "list_users", {}),
        ("sts", "get_session_token", {}),
        ("ecr", "get_authorization_token", {}),
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
        base.session, base, "arn:aws:iam::210987654321:role/reader", "eu-west-1", GUARD
    )
    member = Clients(session, endpoint_url=moto, max_attempts=2, pool=2)
    assert member.get("sts", "eu-west-1").get_caller_identity()["Account"] == "210987654321"
    with pytest.raises(ReadOnlyViolation):
        member.get("sqs", "eu-west-1").create_queue(QueueName="nope")


def test_every_declared_call_passes_the_guard():
    for rt in RESOURCE_TYPES:
        for client, operation in rt.all_reads():
            assert GUARD.admits(client, operation), (rt.type, client, operation)


def test_only_declared_non_secret_reads_pass_among_every_botocore_operation():
    operations = every_botocore_operation()
    assert len(operations) > 15_000  # botocore's service models are really walked
    admitted = {call for call in operations if GUARD.admits(*call)}
    assert admitted == (declared_calls(RESOURCE_TYPES, org=True) | CREDENTIAL_CHAIN) & set(
        operations
    )
    reads = ("Describe", "List", "Get")
    assert all(op.startswith(reads) for svc, op in admitted - CREDENTIAL_CHAIN)
    assert not any(is_secret(*call) for call in admitted - CREDENTIAL_CHAIN)


def test_every_listed_secret_read_exists_and_is_refused_even_when_declared():
    operations = set(every_botocore_operation())
    assert SECRET_READS <= operations  # no typo leaves a secret read unguarded
    careless = Guard(SECRET_READS)
    assert not any(careless.admits(*call) for call in SECRET_READS)


@pytest.mark.parametrize(
    ("service", "operation"),
    [
        ("secretsmanager", "GetSecretValue"),
        ("ssm", "GetParameters"),
        ("ssm", "GetParametersByPath"),
        ("ec2", "GetPasswordData"),
        ("kms", "Decrypt"),
        ("redshift", "GetClusterCredentials"),
        ("sts", "GetSessionToken"),
        ("ecr", "GetAuthorizationToken"),
        ("cognito-identity", "GetId"),
        ("cognito-identity", "GetCredentialsForIdentity"),
        ("lightsail", "GetRelationalDatabaseMasterUserPassword"),
        ("glue", "GetConnections"),
        ("apigateway", "GetApiKeys"),
        ("ec2", "GetVpnConnectionDeviceSampleConfiguration"),
        ("ec2", "DescribeVpnConnections"),
        ("sso-admin", "GetInlinePolicyForPermissionSet"),
    ],
)
def test_secret_and_undeclared_reads_are_refused_even_if_declared(service, operation):
    assert not GUARD.admits(service, operation)
    if (service, operation) in SECRET_READS:
        assert not Guard({(service, operation)}).admits(service, operation)


def test_a_secret_read_named_like_one_is_refused_when_no_list_knows_it():
    assert is_secret("newservice", "GetDatabasePassword")
    assert not Guard({("newservice", "GetDatabasePassword")}).admits(
        "newservice", "GetDatabasePassword"
    )
    assert Guard({("newservice", "ListDatabases")}).admits("newservice", "ListDatabases")


def test_permissions_command_prints_the_policy(capsys):
    assert run(["permissions", "aws", "--org", "--role-name", "InventoryReader"]) == 0
    document = json.loads(capsys.readouterr().out)
    read, api_lists, accounts, assume = document["Statement"]
    assert document["Version"] == "2012-10-17"
    assert "ec2:DescribeInstances" in read["Action"] and "s3:ListAllMyBuckets" in read["Action"]
    assert all(":" in a and "*" not in a for a in read["Action"])
    assert all(a.split(":", 1)[1].startswith(("Describe", "List", "Get")) for a in read["Action"])
    # apigateway:GET on "*" would read API key values: it is granted on the API lists only
    assert api_lists["Action"] == ["apigateway:GET"]
    assert api_lists["Resource"] == [
        "arn:aws:apigateway:*::/apis",
        "arn:aws:apigateway:*::/restapis",
    ]
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


def test_the_policy_grants_no_secret_read(capsys):
    secret_actions = {iam_action(*call) for call in SECRET_READS}
    assert run(["permissions", "aws", "--org", "--role-name", "InventoryReader"]) == 0
    statements = json.loads(capsys.readouterr().out)["Statement"]
    granted = {a for s in statements for a in s["Action"]}
    wide = {a for s in statements if s["Resource"] == "*" for a in s["Action"]}
    assert not wide & (secret_actions | {"apigateway:GET"})  # API keys are read with GET too
    assert not any(is_secret(*a.split(":", 1)) for a in granted - {"sts:AssumeRole"})


def test_org_needs_a_role_name_and_never_defaults_to_an_administrator_role(capsys, moto, tmp_path):
    assert run(["permissions", "aws", "--org"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--role-name" in err and "administrator" in err
    assert (
        run(
            [
                "inventory",
                "aws",
                "--org",
                "--output",
                str(tmp_path / "x.json"),
                "--endpoint-url",
                moto,
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--role-name" in err
