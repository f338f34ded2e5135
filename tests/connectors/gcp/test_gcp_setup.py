"""Machine types, references, scope checks, missing extras, permissions and the command line."""

from __future__ import annotations

import json
import sys

import pytest

from cloudexit.catalog.classes import size_specs
from cloudexit.catalog.loader import load_catalog
from cloudexit.cli.main import run
from cloudexit.connectors.gcp import GcpScan, collect
from cloudexit.connectors.gcp.registry import cai_ref, region_of
from cloudexit.errors import InputError


@pytest.mark.parametrize(
    ("machine_type", "vcpu", "memory_gib"),
    [
        ("custom-4-16384", 4, 16),
        ("n2-custom-8-32768", 8, 32),
        ("n2d-custom-4-16384-ext", 4, 16),
        ("e2-custom-small-2048", 0.5, 2),
        ("e2-custom-6-12288", 6, 12),
    ],
)
def test_custom_machine_types(machine_type, vcpu, memory_gib):
    specs = size_specs(load_catalog(), "gcp", machine_type)
    assert specs is not None and (specs.vcpu, specs.memory_gib) == (vcpu, memory_gib)


def test_unknown_machine_types_stay_unsized():
    assert size_specs(load_catalog(), "gcp", "n9-imaginary-1") is None


def test_references_become_full_resource_names():
    assert cai_ref(
        "https://www.googleapis.com/compute/beta/projects/p/zones/z/instanceGroups/g"
    ) == ("//compute.googleapis.com/projects/p/zones/z/instanceGroups/g")
    assert cai_ref("https://compute.googleapis.com/compute/v1/projects/p/global/networks/n") == (
        "//compute.googleapis.com/projects/p/global/networks/n"
    )
    assert cai_ref("projects/p/topics/t", "pubsub") == "//pubsub.googleapis.com/projects/p/topics/t"
    assert (
        cai_ref("default", project="p")
        == "//compute.googleapis.com/projects/p/global/networks/default"
    )
    assert cai_ref(None) is None
    assert (region_of("us-central1-c"), region_of("EU"), region_of(None)) == (
        "us-central1",
        "eu",
        "global",
    )


def test_scope_is_checked():
    with pytest.raises(InputError, match="--scope: 'project1' is not projects/ID"):
        collect(GcpScan(scope="project1"))


def test_missing_extra_names_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "google.cloud.asset_v1", None)
    with pytest.raises(InputError, match=r'install "cloudexit\[gcp\]"'):
        collect(GcpScan(scope="projects/p"))


def test_permissions_command(capsys):
    assert run(["permissions", "gcp"]) == 0
    out = capsys.readouterr().out
    assert "roles/cloudasset.viewer (required)" in out and "cloudasset.assets.listResource" in out
    assert "roles/monitoring.viewer (optional)" in out and "- monitoring.timeSeries.list" in out


def test_command_writes_inventory(cai, tmp_path, capsys, connector_catalog_dir):
    out = tmp_path / "inventory.json"
    code = run(
        [
            "inventory",
            "gcp",
            "--scope",
            "projects/shop-prod",
            "--endpoint-url",
            cai.server.url,
            "--anonymous",
            "--no-progress",
            "--catalog",
            str(connector_catalog_dir),
            "--output",
            str(out),
        ]
    )
    err = capsys.readouterr().err
    assert code == 0, err
    data = json.loads(out.read_text())
    assert {r["account"] for r in data["resources"]} == {"shop-prod"}
    assert f"gcp: {len(data['resources'])} resources written to" in err


def test_command_without_credentials_fails_in_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(tmp_path / "missing.json"))
    code = run(["inventory", "gcp", "--scope", "projects/p", "--output", str(tmp_path / "i.json")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and "gcloud auth application-default login" in err[0]
