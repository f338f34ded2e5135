"""A firewall whose rules were not read, written as a group attached to nothing: the site README
says it guards nothing, as plan.json does, never that it "drops all traffic"."""

from __future__ import annotations

import json

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from tests.helpers import corpus_inventory, one_target_policy


def test_forseti_cloud_armor_policy_is_said_to_guard_nothing(tmp_path):
    catalog = load_catalog()
    plan = api.plan(
        corpus_inventory("gcp-cai-export-forseti.jsonl"), one_target_policy("ionos"), catalog
    )
    api.emit(plan, tmp_path, catalog=catalog)
    warnings = json.loads((tmp_path / "plan.json").read_text())["warnings"]
    assert any("cai-security" in w and "filters no traffic" in w for w in warnings)
    lines = [
        line
        for readme in sorted((tmp_path / "terraform").rglob("README.md"))
        for line in readme.read_text().splitlines()
        if line.startswith("- `cai-security`:")
    ]
    assert lines
    assert all("guards nothing" in line and "drops all traffic" not in line for line in lines)
