"""A bucket keeps its source name where the target's naming rule allows it, a forced rename is
said, and versioning the inventory records is written on every target whose Terraform can carry
it (reported where it cannot).

The checkov AWS plan's six buckets are named ``123456789123-acme-corp-*``: a leading digit is a
valid S3-compatible bucket name, and three of them have versioning on."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import hcl2
import pytest

from cloudexit import api
from cloudexit.importers import import_files
from cloudexit.model.bucket_names import bucket_name, valid_bucket_name
from cloudexit.model.inventory import Inventory
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from tests.helpers import corpus_file

VERSIONED = {
    "123456789123-acme-corp-data-science",
    "123456789123-acme-corp-logs",
    "123456789123-acme-corp-operations",
}
BUCKETS = {
    "scaleway": "scaleway_object_bucket",
    "ovhcloud": "ovh_cloud_project_storage",
    "ionos": "ionoscloud_s3_bucket",
}


@functools.cache
def inventory() -> Inventory:
    return import_files([corpus_file("tfplan-aws-55res-checkov.json")], planned=True)


@functools.cache
def plan_on(target: str) -> Plan:
    policy = Policy.model_validate({"targets": [target], "allow_retain": False})
    return api.plan(inventory(), policy)


def plain(value: Any) -> Any:
    """The parser's value without its quotes and block markers; a lone block as its body."""
    if isinstance(value, str):
        return value[1:-1] if len(value) > 1 and value[0] == value[-1] == '"' else value
    if isinstance(value, list):
        return plain(value[0]) if len(value) == 1 and isinstance(value[0], dict) else value
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items() if k != "__is_block__"}
    return value


def written(folder: Path) -> dict[str, dict[str, Any]]:
    """Each resource written, by type and local name."""
    found: dict[str, dict[str, Any]] = {}
    for tf in sorted(folder.rglob("*.tf")):
        for block in hcl2.loads(tf.read_text()).get("resource", []):
            for rtype, named in plain(block).items():
                for local, body in named.items():
                    found[f"{rtype}.{local}"] = body
    return found


def test_valid_source_names_are_kept_and_others_made_valid() -> None:
    assert bucket_name("123456789123-acme-corp-data") == "123456789123-acme-corp-data"
    assert bucket_name("logs.example.com") == "logs.example.com"
    assert bucket_name("My_Bucket") == "my-bucket"
    assert bucket_name("a") == "a-bucket"
    assert not valid_bucket_name("192.168.5.4")
    assert valid_bucket_name(bucket_name("192.168.5.4"))


@pytest.mark.parametrize("target", sorted(BUCKETS))
def test_checkov_buckets_keep_their_names_and_versioning(target: str, tmp_path: Path) -> None:
    plan = plan_on(target)
    api.emit(plan, tmp_path)
    found = written(tmp_path / "terraform")
    buckets = {
        str(body["name"]): (local, body)
        for local, body in found.items()
        if local.startswith(BUCKETS[target] + ".")
    }
    sources = {r.name for r in inventory().resources if r.kind.value == "storage.object"}
    assert len(sources) == 6
    assert sources <= set(buckets), sorted(buckets)
    for name in sources:
        local, body = buckets[name]
        on = name in VERSIONED
        if target == "scaleway":
            assert bool(body.get("versioning")) == on, name
            if on:
                assert body["versioning"] == {"enabled": True}
        elif target == "ovhcloud":
            assert (body.get("versioning") == {"status": "enabled"}) == on, name
        else:
            label = local.split(".", 1)[1]
            held = found.get(f"ionoscloud_s3_bucket_versioning.{label}")
            assert (held is not None) == on, name
            if held is not None:
                assert held["bucket"] == f"${{ionoscloud_s3_bucket.{label}.name}}"
                assert held["versioning_configuration"] == {"status": "Enabled"}
    assert not [w for w in plan.warnings if "is created as" in w or "versioning on" in w]


def test_a_forced_rename_and_uncarried_versioning_are_said(tmp_path: Path) -> None:
    resources = [
        r.model_copy(update={"name": "Acme_Data_Science"})
        if r.name == "123456789123-acme-corp-data-science"
        else r
        for r in inventory().resources
    ]
    changed = inventory().model_copy(update={"resources": resources})
    plan = api.plan(
        changed, Policy.model_validate({"targets": ["scaleway"], "allow_retain": False})
    )
    renames = [w for w in plan.warnings if "is created as" in w]
    assert len(renames) == 1 and "acme-data-science" in renames[0], renames
    assert "must be changed to the new name" in renames[0]
    api.emit(plan, tmp_path)
    text = "".join(tf.read_text() for tf in sorted((tmp_path / "terraform").rglob("*.tf")))
    assert "# renamed from Acme_Data_Science: " in text
    assert 'name = "acme-data-science"' in text
    runbook = (tmp_path / "runbook.md").read_text()
    assert re.search(r"created as acme-data-science on scaleway: .*must be changed", runbook)

    nebula = plan_on("opennebula")
    lost = sorted(w for w in nebula.warnings if "versioning on" in w)
    assert len(lost) == len(VERSIONED), lost
