"""A Kubernetes pool whose source reports no size is priced and written on the smallest machine
type the target's Kubernetes takes: plan.json, the runbook and the report say it is an
assumption, as they do for an assumed data size."""

from __future__ import annotations

from pathlib import Path

from cloudexit import api
from cloudexit.catalog import load_catalog
from cloudexit.model.plan import Plan
from tests.helpers import corpus_inventory, one_target_policy

POOL = "/agentpools/agent"


def planned() -> Plan:
    inventory = corpus_inventory("azure-arm-resources-list-c7n.json")
    return api.plan(inventory, one_target_policy("scaleway"), load_catalog())


def test_the_pools_floor_size_is_marked_assumed_everywhere(tmp_path: Path) -> None:
    plan = planned()
    (pool,) = [p for p in plan.placements if p.resource_id.endswith(POOL)]
    assert pool.size_basis == "unknown"
    assert pool.choice.product == "DEV1-M"
    assert pool.size_assumed is not None
    assert "smallest machine type the target's Kubernetes takes" in pool.size_assumed
    assert "an assumption" in pool.size_assumed

    api.emit(plan, tmp_path / "out", catalog=load_catalog())
    runbook = (tmp_path / "out" / "runbook.md").read_text()
    (line,) = [w for w in runbook.splitlines() if w.startswith("- size unknown for agent ")]
    assert line.endswith(
        "its nodes priced and written on the smallest machine type the target's Kubernetes "
        "takes, an assumption (set the pool's machine type in the inventory)"
    )
    report = (tmp_path / "out" / "report.html").read_text()
    assert f"<td>{pool.size_after} (assumed: no size reported)</td>" in report


def test_a_reported_size_is_not_marked_assumed() -> None:
    plan = planned()
    sized = [p for p in plan.placements if p.size_basis == "reported"]
    assert sized
    assert all(p.size_assumed is None for p in sized)
