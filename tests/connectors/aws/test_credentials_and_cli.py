"""Credentials the AWS way (profiles, SSO), the CLI command, and errors as one line."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from cloudexit.cli.main import run
from cloudexit.connectors.aws import scan
from cloudexit.errors import InputError
from cloudexit.model.io import load_inventory
from tests.connectors.aws.estate import MANAGEMENT, Account
from tests.connectors.aws.fakes import Proxy, SsoPortal


def one_queue(url: str, region: str = "eu-west-1") -> None:
    Account(MANAGEMENT, url).client("sqs", region).create_queue(QueueName="jobs")


def test_named_profile_gives_credentials_and_home_region(moto, aws_env, monkeypatch):
    one_queue(moto, "eu-central-1")
    config, credentials = aws_env / "profile-config", aws_env / "profile-credentials"
    config.write_text("[profile audit]\nregion = eu-central-1\n")
    credentials.write_text(
        "[audit]\naws_access_key_id = AKIAAUDITPROFILE0001\naws_secret_access_key = s\n"
    )
    monkeypatch.setenv("AWS_CONFIG_FILE", str(config))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(credentials))
    with Proxy(moto) as proxy:
        inventory = scan(
            profile="audit",
            regions=["eu-central-1"],
            endpoint_url=proxy.url,
            services=["sqs"],
            metrics_days=0,
        )
    assert [r.name for r in inventory.resources] == ["jobs"]
    keys = {key for key in (r.access_key for r in proxy.requests)}
    assert keys == {"AKIAAUDITPROFILE0001"}
    assert ("eu-central-1", "ec2", "DescribeRegions") in proxy.seen  # the profile's region is home


def test_sso_profile_fetches_role_credentials_from_the_portal(moto, aws_env, monkeypatch, tmp_path):
    one_queue(moto)
    start_url = "https://example.awsapps.com/start"
    cache = tmp_path / ".aws" / "sso" / "cache"
    cache.mkdir(parents=True)
    (cache / f"{hashlib.sha1(start_url.encode()).hexdigest()}.json").write_text(
        json.dumps(
            {
                "startUrl": start_url,
                "region": "eu-west-1",
                "accessToken": "sso-bearer",
                "expiresAt": "2099-01-01T00:00:00Z",
            }
        )
    )
    config = tmp_path / "config"
    config.write_text(
        "[profile sso-reader]\n"
        f"sso_start_url = {start_url}\nsso_region = eu-west-1\nsso_account_id = {MANAGEMENT}\n"
        "sso_role_name = ReadOnly\nregion = eu-west-1\n"
    )
    import botocore.credentials

    # botocore fixes the token cache folder (~/.aws/sso/cache) when it is imported
    monkeypatch.setattr(botocore.credentials.SSOProvider, "_SSO_TOKEN_CACHE_DIR", str(cache))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(config))
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    with SsoPortal("sso-bearer", "AKIASSOREADONLY00001") as portal, Proxy(moto) as proxy:
        monkeypatch.setenv("AWS_ENDPOINT_URL_SSO", portal.url)
        inventory = scan(
            profile="sso-reader",
            regions=["eu-west-1"],
            endpoint_url=proxy.url,
            services=["sqs"],
            metrics_days=0,
        )
    assert [r.name for r in inventory.resources] == ["jobs"]
    assert len(portal.calls) == 1 and "role_name=ReadOnly" in portal.calls[0]
    assert {r.access_key for r in proxy.requests} == {"AKIASSOREADONLY00001"}


def test_unknown_profile_is_bad_input(moto):
    with pytest.raises(InputError, match="--profile: AWS profile 'nosuch'"):
        scan(profile="nosuch", endpoint_url=moto)


def test_no_credentials_is_bad_input(moto, monkeypatch):
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    with pytest.raises(InputError, match="no AWS credentials found"):
        scan(endpoint_url=moto, regions=["eu-west-1"])


def test_missing_extra_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "boto3", None)
    with pytest.raises(InputError, match=r"install cloudexit\[aws\]"):
        scan()


def test_command_writes_an_inventory(moto, tmp_path, capsys):
    one_queue(moto)
    out = tmp_path / "inventory.json"
    code = run(
        [
            "inventory",
            "aws",
            "--output",
            str(out),
            "--endpoint-url",
            moto,
            "--regions",
            "eu-west-1",
            "--services",
            "sqs,ec2",
            "--metrics-days",
            "0",
        ]
    )
    assert code == 0
    inventory = load_inventory(out)
    assert [r.type for r in inventory.resources if r.type == "AWS::SQS::Queue"] == [
        "AWS::SQS::Queue"
    ]
    err = capsys.readouterr().err
    assert f"wrote {out}" in err and "1 account(s)" in err


def test_command_reads_the_endpoint_from_the_environment(moto, tmp_path, monkeypatch):
    one_queue(moto)
    monkeypatch.setenv("AWS_ENDPOINT_URL", moto)
    out = tmp_path / "inventory.json"
    assert (
        run(
            [
                "inventory",
                "aws",
                "-o",
                str(out),
                "--regions",
                "eu-west-1",
                "--services",
                "sqs",
                "--metrics-days",
                "0",
            ]
        )
        == 0
    )
    assert [r.name for r in load_inventory(out).resources] == ["jobs"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--profile", "nosuch"], "--profile: AWS profile 'nosuch'"),
        (["--services", "nosuch"], "--services: unknown nosuch"),
        (["--metrics-days", "-1"], "--metrics-days"),
    ],
)
def test_command_bad_input_is_one_line_and_exit_2(moto, tmp_path, capsys, args, message):
    code = run(["inventory", "aws", "-o", str(tmp_path / "x.json"), "--endpoint-url", moto, *args])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err.count("\n") == 0 and message in err
    assert not Path(tmp_path / "x.json").exists()


def test_progress_counts_every_type_read(moto):
    one_queue(moto)

    class Recorder:
        def __init__(self) -> None:
            self.total: int | None = None
            self.done = 0

        def add(self, description: str, total: int | None = None) -> int:
            self.total = total
            return 1

        def advance(self, task: int, amount: int = 1) -> None:
            self.done += amount

        def log(self, message: str) -> None:
            return None

    progress = Recorder()
    scan(
        regions=["eu-west-1", "eu-central-1"],
        endpoint_url=moto,
        services=["sqs", "s3"],
        metrics_days=0,
        progress=progress,
    )
    assert progress.total == progress.done == 3  # sqs in two regions, s3 once per account
