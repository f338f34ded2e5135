"""A foundation wave builds networks, groups and registries on the target and copies no data
store: Forseti's Cloud Asset export planned to Scaleway. Its runbook wave asked to back up and
freeze the source, bring replication lag to zero, compare row counts and replay writes."""

from __future__ import annotations

from pathlib import Path

import cloudexit
from cloudexit.importers import import_files

DATA_ITEMS = (
    "Freeze writes on the source",
    "Final sync or replication lag at zero",
    "Row counts, object counts and checksums match the source",
    "Replay writes made on the target since cut-over",
)


def test_the_foundation_wave_has_no_data_checklist_and_the_data_wave_keeps_it(
    shared_dir: Path, tmp_path: Path
) -> None:
    inventory = import_files([shared_dir / "corpus" / "gcp-cai-export-forseti.jsonl"])
    plan = cloudexit.plan(inventory, cloudexit.Policy(targets=["scaleway"], min_providers=1))
    cloudexit.emit(plan, tmp_path)
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    waves = {part.split("\n", 1)[0]: part for part in runbook.split("\n## Wave ")[1:]}
    foundation = waves["1: Foundations"].split("\n## ", 1)[0]
    data = waves["2: Data replication"].split("\n## ", 1)[0]
    assert not any(item in foundation for item in DATA_ITEMS)
    assert "- [ ] Target resources applied from the generated Terraform and reviewed." in foundation
    assert "destroy what the wave applied on the target" in foundation
    assert all(item in data for item in DATA_ITEMS)
