"""A Cloud Armor policy whose export holds none of its rules is not written as a group attached
to nothing (which read as guarding something): plan.json and the site README say no group is
written for it and that its rules are to be enforced on the balancer, never that it "drops all
traffic"."""

from __future__ import annotations

import json

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.importers import import_files
from tests.helpers import corpus_file, one_target_policy

POLICY = "//compute.googleapis.com/projects/project2/global/securityPolicies/cai-security"


def test_forseti_cloud_armor_policy_without_rules_is_said_to_be_unwritten(tmp_path):
    lines = []
    for line in corpus_file("gcp-cai-export-forseti.jsonl").read_text().splitlines():
        asset = json.loads(line)
        if asset["name"] == POLICY:
            del asset["resource"]["data"]["rule"]
        lines.append(json.dumps(asset))
    export = tmp_path / "export.jsonl"
    export.write_text("\n".join(lines) + "\n")
    catalog = load_catalog()
    plan = api.plan(import_files([export]), one_target_policy("ionos"), catalog)
    api.emit(plan, tmp_path / "out", catalog=catalog)
    warnings = json.loads((tmp_path / "out" / "plan.json").read_text())["warnings"]
    (warning,) = [w for w in warnings if "cai-security" in w]
    assert "no security group is written for it" in warning
    lines = [
        line
        for readme in sorted((tmp_path / "out" / "terraform").rglob("README.md"))
        for line in readme.read_text().splitlines()
        if line.startswith("- `cai-security`")
    ]
    assert lines
    for line in lines:
        assert "**not written**, the export holds no rule collections" in line
        assert "drops all traffic" not in line and "guards nothing" not in line
    tf = "".join(p.read_text() for p in sorted((tmp_path / "out" / "terraform").rglob("*.tf")))
    assert "cai_security" not in tf
