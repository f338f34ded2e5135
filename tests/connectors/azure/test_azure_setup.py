"""Endpoints, sign-in, missing extras, permissions and the command line."""

from __future__ import annotations

import json
import os
import stat
import sys

import pytest

from cloudexit.cli.main import run
from cloudexit.connectors.azure import AzureScan, collect
from cloudexit.connectors.azure.session import resolve_endpoint
from cloudexit.errors import InputError, RuntimeFailure
from tests.connectors.azure.fake_arm import StaticToken


def test_named_clouds_and_explicit_endpoints():
    gov = resolve_endpoint("usgov")
    assert (gov.url, gov.scope, gov.authority) == (
        "https://management.usgovcloudapi.net",
        "https://management.core.usgovcloudapi.net/.default",
        "login.microsoftonline.us",
    )
    assert resolve_endpoint().authority is None
    stack = resolve_endpoint(endpoint_url="https://management.local.azurestack.external/")
    assert stack.scope == "https://management.local.azurestack.external/.default"
    assert resolve_endpoint(endpoint_url="https://management.chinacloudapi.cn").scope.endswith(
        "chinacloudapi.cn/.default"
    )
    with pytest.raises(InputError, match="only to loopback"):
        resolve_endpoint(endpoint_url="http://management.example.com")
    with pytest.raises(InputError, match="unknown Azure cloud 'mars'"):
        resolve_endpoint("mars")


class NoLogin:
    def get_token(self, *scopes, **kwargs):
        from azure.core.exceptions import ClientAuthenticationError

        raise ClientAuthenticationError("DefaultAzureCredential failed to retrieve a token")


def test_failed_sign_in_is_one_runtime_failure(arm, connector_catalog):
    with pytest.raises(RuntimeFailure, match="Azure sign-in failed .* run `az login`"):
        collect(
            AzureScan(endpoint_url=arm.server.url), credential=NoLogin(), catalog=connector_catalog
        )
    assert arm.server.requests == []


def test_unreachable_endpoint_is_a_runtime_failure(connector_catalog):
    with pytest.raises(RuntimeFailure, match="cannot list subscriptions"):
        collect(
            AzureScan(endpoint_url="http://127.0.0.1:9", retries=0),
            credential=StaticToken(),
            catalog=connector_catalog,
        )


def test_missing_extra_names_it(monkeypatch, connector_catalog):
    monkeypatch.setitem(sys.modules, "azure.mgmt.resourcegraph", None)
    with pytest.raises(InputError, match=r'install "cloudexit\[azure\]"'):
        collect(AzureScan(), credential=StaticToken(), catalog=connector_catalog)


def test_permissions_command_lists_roles_and_scopes(capsys):
    code = run(["permissions", "azure"])
    out = capsys.readouterr().out
    assert code == 0
    assert "- Reader (required)" in out and "- Monitoring Reader (optional)" in out
    assert "/subscriptions/<id>" in out and "managementGroups/<id>" in out
    assert "Microsoft.ResourceGraph/resources/read" in out


def fake_az(folder, token_expiry: int = 4102444800):
    """An `az` on PATH answering `az account get-access-token` as the real one does."""
    script = folder / "az"
    body = {
        "accessToken": "cli-token",
        "expires_on": token_expiry,
        "subscription": "x",
        "tenant": "y",
        "tokenType": "Bearer",
    }
    script.write_text(f"#!{sys.executable}\nimport json\nprint(json.dumps({body!r}))\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)


def test_command_writes_inventory_with_the_cli_login(
    arm, tmp_path, monkeypatch, capsys, connector_catalog_dir
):
    fake_az(tmp_path)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("AZURE_TOKEN_CREDENTIALS", "AzureCliCredential")
    out = tmp_path / "inventory.json"
    code = run(
        [
            "inventory",
            "azure",
            "--endpoint-url",
            arm.server.url,
            "--no-metrics",
            "--no-progress",
            "--catalog",
            str(connector_catalog_dir),
            "--output",
            str(out),
        ]
    )
    err = capsys.readouterr().err
    assert code == 0, err
    assert "azure: 39 resources written to" in err and "1 unsupported_type" in err
    data = json.loads(out.read_text())
    assert data["schema_version"] == "2.0" and len(data["resources"]) == 39
    assert all(r.headers.get("authorization") == "Bearer cli-token" for r in arm.server.requests)


def test_command_reports_bad_endpoint_in_one_line(capsys, tmp_path):
    code = run(
        ["inventory", "azure", "--endpoint-url", "ftp://x", "--output", str(tmp_path / "i.json")]
    )
    assert code == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "cloudexit: error: --endpoint-url: 'ftp://x' is not an http(s) URL"
    ]
