"""A self-managed store only a Terraform plan holds, on a release line past its end of life, is
not installed at that line: nothing is copied, so the runbook and the Terraform say to install a
supported line, and name no version."""

from __future__ import annotations

from pathlib import Path

import cloudexit
from cloudexit.model import Inventory, Policy
from tests.helpers import inventory, resource

SEARCH = resource(
    "es",
    kind="analytics.search",
    type="aws_elasticsearch_domain",
    region="eu-west-1",
    planned=True,
    attributes={"vcpu": 1, "memory_gib": 2, "engine": "elasticsearch", "engine_version": "2.3"},
)


def test_a_planned_ended_engine_is_installed_at_a_supported_line(tmp_path: Path) -> None:
    policy = Policy.model_validate({"targets": ["ovhcloud"], "allow_retain": False})
    plan = cloudexit.plan(Inventory.model_validate(inventory(SEARCH)), policy)
    cloudexit.api.emit(plan, tmp_path)
    runbook = (tmp_path / "runbook.md").read_text()
    (row,) = [line for line in runbook.splitlines() if line.startswith("| es | elasticsearch 2.3")]
    assert "None" not in row
    assert "only to copy the data across" not in row
    assert "install a supported elasticsearch release line" in row
    written = "".join(p.read_text() for p in (tmp_path / "terraform").rglob("*.tf"))
    assert "install a supported elasticsearch release line" in written
