"""Forseti's Cloud Asset export holds `default-allow-https-lb`, admitting Google's load-balancer
health checks (130.211.0.0/22, 35.191.0.0/16). On a European target those ranges send nothing:
the rule is left out, never carried or widened, and the runbook names it."""

from __future__ import annotations

from pathlib import Path

import pytest

import cloudexit
from cloudexit.importers import import_files


@pytest.mark.parametrize("target", ["scaleway", "ovhcloud"])
def test_google_probe_ranges_are_not_written_and_the_runbook_names_the_rule(
    shared_dir: Path, tmp_path: Path, target: str
) -> None:
    inventory = import_files([shared_dir / "corpus" / "gcp-cai-export-forseti.jsonl"])
    plan = cloudexit.plan(inventory, cloudexit.Policy(targets=[target], min_providers=1))
    cloudexit.emit(plan, tmp_path)
    written = "".join(p.read_text() for p in sorted((tmp_path / "terraform").rglob("*.tf")))
    assert "130.211." not in written and "35.191." not in written
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    section = runbook.split("## Firewall rules to decide by hand", 1)[1].split("\n## ", 1)[0]
    # the group itself, and the group combining it with the others its servers had
    rows = [line for line in section.splitlines() if "| default-allow-https-lb: ingress" in line]
    assert rows
    for row in rows:
        assert "130.211.0.0/22, 35.191.0.0/16: Google Cloud's load-balancer health-check" in row
