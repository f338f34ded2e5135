"""A self-managed engine whose source line is past its end of life is not presented as a plain
copy: the runbook's install row and the end-of-life warning say the same thing.

Real export: checkov's 55-resource AWS plan, whose `aws_elasticsearch_domain` runs
Elasticsearch 2.3 (end of life long before the plan starts).
"""

from __future__ import annotations

from pathlib import Path

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.model.policy import Policy


def test_an_ended_line_is_installed_only_to_copy_the_data(shared_dir: Path, tmp_path: Path) -> None:
    catalog = load_catalog()
    inventory = api.inventory(
        "import", shared_dir / "corpus" / "tfplan-aws-55res-checkov.json", planned=True
    )
    # Running, not only planned: a domain only the plan holds has no data, so nothing is installed
    # at its ended line (tests/catalog/test_end_of_life.py); one that runs has data to copy.
    for r in inventory.resources:
        if r.kind.value == "analytics.search":
            r.planned = False
    plan = api.plan(inventory, Policy(targets=["scaleway"], allow_retain=False), catalog)
    (search,) = [p for p in plan.placements if p.kind == "analytics.search"]
    choice = search.engine_version
    assert choice is not None and (choice.engine, choice.version) == ("elasticsearch", "2.3")
    assert any("end of life: elasticsearch 2.3" in w for w in plan.warnings)
    # Before: "... so the move is a copy, not an upgrade", beside the warning to upgrade.
    assert "a copy, not an upgrade" not in choice.note
    assert "past its end of life" in choice.note and "plan the upgrade" in choice.note
    api.emit(plan, tmp_path, catalog=catalog)
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    (row,) = [line for line in runbook.splitlines() if line.startswith("| tg-corp-es | elastic")]
    assert "past its end of life" in row and "a copy, not an upgrade" not in row


def test_a_supported_line_is_still_a_copy(shared_dir: Path) -> None:
    catalog = load_catalog()
    inventory = api.inventory(
        "import", shared_dir / "corpus" / "tfplan-aws-55res-checkov.json", planned=True
    )
    (es,) = [r for r in inventory.resources if r.kind.value == "analytics.search"]
    es.attributes.engine_version = "8.19"
    plan = api.plan(inventory, Policy(targets=["scaleway"], allow_retain=False), catalog)
    (search,) = [p for p in plan.placements if p.kind == "analytics.search"]
    assert search.engine_version is not None
    assert "so the move is a copy, not an upgrade" in search.engine_version.note
