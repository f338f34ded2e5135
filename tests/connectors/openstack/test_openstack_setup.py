"""Capacity file, missing extra, permissions and the command line."""

from __future__ import annotations

import json
import sys

import pytest
import yaml

from cloudexit.cli.main import run
from cloudexit.connectors.openstack import OpenStackScan, collect
from cloudexit.connectors.openstack.compute import gpus
from cloudexit.errors import InputError
from cloudexit.model.policy import Policy


def test_gpu_aliases():
    assert gpus({"pci_passthrough:alias": "nvidia-tesla-v100:2"}) == (2, "nvidia-tesla-v100")
    assert gpus({"pci_passthrough:alias": "a100:1, a100:1"}) == (2, "a100")
    assert gpus(None) == (0, None)


def test_missing_extra_names_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "openstack", None)
    with pytest.raises(InputError, match=r'install "cloudexit\[openstack\]"'):
        collect(OpenStackScan(cloud="x"))


def test_permissions_command(capsys):
    assert run(["permissions", "openstack"]) == 0
    assert "reader (required)" in capsys.readouterr().out


def test_command_writes_inventory_and_capacity_for_the_policy(
    cloud, tmp_path, capsys, connector_catalog_dir
):
    out, capacity = tmp_path / "inventory.json", tmp_path / "capacity.yaml"
    code = run(
        [
            "inventory",
            "openstack",
            "--cloud",
            "ovh-prod",
            "--region",
            "GRA11",
            "--no-progress",
            "--catalog",
            str(connector_catalog_dir),
            "--output",
            str(out),
            "--capacity-out",
            str(capacity),
        ]
    )
    err = capsys.readouterr().err
    assert code == 0, err
    assert "openstack: capacity of 1 region(s) and 3 flavours written to" in err
    assert {r["region"] for r in json.loads(out.read_text())["resources"]} >= {"GRA11"}
    document = yaml.safe_load(capacity.read_text())
    policy = Policy(capacity=document["capacity"])  # pasted into policy.yaml as it is
    assert policy.capacity[0].model_dump(exclude_none=True) == {
        "provider": "ovhcloud",
        "region": "GRA11",
        "max_vcpu": 186.0,
        "max_memory_gib": 334.57,
        "max_storage_gib": 9650.0,
        "max_instances": 47,
        "flavors": ["b2-15", "b2-7", "t1-45"],
    }
    assert [f["name"] for f in document["flavors"]] == ["b2-15", "b2-7", "t1-45"]


def test_capacity_only_as_json(cloud, tmp_path, capsys, connector_catalog_dir):
    capacity = tmp_path / "capacity.json"
    code = run(
        [
            "inventory",
            "openstack",
            "--cloud",
            "ovh-prod",
            "--capacity-provider",
            "private-dc",
            "--catalog",
            str(connector_catalog_dir),
            "--no-progress",
            "--capacity-out",
            str(capacity),
        ]
    )
    assert code == 0, capsys.readouterr().err
    document = json.loads(capacity.read_text())
    assert [c["region"] for c in document["capacity"]] == ["GRA11", "SBG5"]
    assert {c["provider"] for c in document["capacity"]} == {"private-dc"}


def test_command_needs_an_output(capsys):
    assert run(["inventory", "openstack", "--cloud", "x"]) == 2
    assert "give --output, --capacity-out or both" in capsys.readouterr().err
