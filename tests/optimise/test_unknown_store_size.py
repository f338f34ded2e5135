"""A bucket, storage account or managed database whose source reports no size is priced on the
policy's assumed size and said so, its egress counted on that size rather than as none and its
copy time counted on that size too: the buckets and databases of a real Cloud Asset export (Forseti's), the
storage accounts and databases of a real ARM list."""

from __future__ import annotations

from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from cloudexit.optimise.switching import plan_waves_of
from tests.helpers import corpus_inventory


def plan_onto(export: str, target: str) -> Plan:
    policy = Policy.model_validate(
        {"targets": [target], "min_providers": 1, "max_providers": 1, "allow_retain": False}
    )
    return api.plan(corpus_inventory(export), policy)


@pytest.mark.parametrize(
    ("export", "kind", "noun"),
    [
        ("gcp-cai-export-forseti.jsonl", "storage.object", "bucket"),
        ("azure-arm-resources-list-c7n.json", "storage.account", "storage account"),
    ],
)
@pytest.mark.parametrize("target", ["ionos", "scaleway"])
def test_an_unknown_store_size_is_an_assumption_said(
    export: str, kind: str, noun: str, target: str
) -> None:
    plan = plan_onto(export, target)
    resources = plan.inventory.by_id()
    stores = [
        p
        for p in plan.placements
        if resources[p.resource_id].kind.value == kind
        and resources[p.resource_id].attributes.storage_gib is None
        and not p.choice.retain
    ]
    assert stores
    assert all(p.choice.assumed_storage_gib == 10 for p in stores)
    said = [w for w in plan.warnings if w.startswith(f"data size unknown for {len(stores)} {noun}")]
    assert len(said) == 1 and ": priced as 10 GiB of " in said[0]
    copy = [w for w in plan.warnings if w.startswith("egress counted on an assumed 10 GiB each")]
    assert len(copy) == 1
    unknown = {rid for line in plan.switching for rid in line.size_unknown}
    assert {p.resource_id for p in stores} <= unknown


@pytest.mark.parametrize(
    "export", ["gcp-cai-export-forseti.jsonl", "azure-arm-resources-list-c7n.json"]
)
def test_a_database_of_unknown_size_moves_its_assumed_size_not_nothing(export: str) -> None:
    plan = plan_onto(export, "scaleway")
    resources = plan.inventory.by_id()
    databases = [
        p
        for p in plan.placements
        if resources[p.resource_id].kind.value.startswith("database.")
        and resources[p.resource_id].attributes.storage_gib is None
        and not p.choice.retain
    ]
    assert databases
    unknown = {rid for line in plan.switching for rid in line.size_unknown}
    assert {p.resource_id for p in databases} <= unknown
    # each one's data is counted in its wave's egress and in the parallel run's sync
    assert all(p.choice.one_off["parallel_egress"] > 0 for p in databases)
    assumed = len(unknown) * 10
    assert sum(line.data_gib for line in plan.switching if line.size_unknown) >= assumed
    said = [w for w in plan.warnings if w.startswith("egress counted on an assumed 10 GiB each")]
    assert len(said) == 1


def test_the_copy_time_counts_the_assumed_size_the_costing_uses(tmp_path: Path) -> None:
    plan = plan_onto("gcp-cai-export-forseti.jsonl", "scaleway")
    resources = plan.inventory.by_id()
    unknown = {rid for line in plan.switching for rid in line.size_unknown}
    assert unknown
    api.emit(plan, tmp_path / "out")
    runbook = (tmp_path / "out" / "runbook.md").read_text(encoding="utf-8")
    rows = [line for line in runbook.splitlines() if line.startswith("| bucket1 |")]
    # 10 GiB over the policy's 1,000 Mbit/s link: 86 s, shown in whole minutes
    assert rows and all("| 1 min (assumed 10 GiB: no size reported) |" in row for row in rows)
    said = f"{len(unknown)} data stores report no data size: each is counted at the assumed size"
    assert said in runbook and "(10 GiB, the policy's `running_costs.assumed_data_gib`)" in runbook
    # the waves' data holds what the switching lines count for the same stores
    wave_gib = {
        s.resource.id: s.data_gib
        for w in plan_waves_of(plan, resources)
        for s in w.steps
        if s.resource.id in unknown
    }
    assert wave_gib and set(wave_gib.values()) == {10.0}
