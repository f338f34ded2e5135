"""A processing cluster's node disks are not data to copy (Forseti's Cloud Asset export: two
Dataproc clusters, a master and two workers with 500 GB boot disks each). They were counted as
1,500 GB each to copy: EUR 126.47 of parallel-run egress apiece and 3.6 hours of copy time,
though HDFS on them goes with the cluster and what must outlive it is kept in Cloud Storage."""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from pathlib import Path

import pytest

import cloudexit
from cloudexit.importers import import_files
from cloudexit.model import Inventory, Policy
from cloudexit.model.plan import Plan
from cloudexit.optimise.switching import copied_gib, moved_gib
from tests.helpers import inventory, one_target_policy, resource

CLUSTERS = ("test-cluster", "test-missing-region")


def _cluster(type_: str, provider: str) -> dict[str, object]:
    return resource(
        "etl",
        kind="analytics.processing",
        type=type_,
        provider=provider,
        account="a1",
        region="eu-west-1",
        attributes={"vcpu": 12, "memory_gib": 45, "node_count": 3, "storage_gib": 1500},
    )


@pytest.mark.parametrize(
    ("type_", "provider"),
    [
        ("dataproc.googleapis.com/Cluster", "gcp"),
        ("AWS::EMR::Cluster", "aws"),
        ("Microsoft.HDInsight/clusters", "azure"),
    ],
)
def test_a_processing_clusters_node_disks_are_not_data_to_copy(type_: str, provider: str) -> None:
    (cluster,) = Inventory.model_validate(inventory(_cluster(type_, provider))).resources
    assert cluster.attributes.storage_gib == 1500
    assert copied_gib(cluster) == Decimal(0)
    policy = Policy.model_validate({"targets": ["ovhcloud"]})
    assert moved_gib(cluster, policy) == Decimal(0)


@functools.cache
def _forseti(shared_dir: Path, out: Path) -> tuple[Plan, str]:
    plan = cloudexit.plan(
        import_files([shared_dir / "corpus" / "gcp-cai-export-forseti.jsonl"]),
        one_target_policy("ovhcloud"),
    )
    cloudexit.emit(plan, out)
    return plan, (out / "runbook.md").read_text(encoding="utf-8")


def test_forseti_dataproc_clusters_copy_nothing_and_say_why(
    shared_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    plan, runbook = _forseti(shared_dir, tmp_path_factory.mktemp("forseti"))
    placed = [p for p in plan.placements if "dataproc.googleapis.com" in p.resource_id]
    assert len(placed) == 2
    for p in placed:
        assert not p.choice.retain
        assert p.choice.switching_egress == Decimal(0)
        assert p.choice.one_off.get("parallel_egress") == Decimal(0)
    # the assumption, in plan.json's warnings and so in the runbook
    (line,) = [w for w in plan.warnings if w.startswith("node disks not copied")]
    assert "2 processing clusters (test-cluster, test-missing-region; 3,000 GB" in line
    assert "no switching or parallel-run egress" in line and "no copy time" in line
    assert "primary workers' boot disks" in line and "Cloud Storage" in line
    assert "export any HDFS data that must survive to object storage" in line
    assert "- " + line in runbook
    # no copy time in the wave, and the method says to export HDFS first
    for name in CLUSTERS:
        (row,) = [r for r in runbook.splitlines() if r.startswith(f"| {name} |")]
        assert re.search(r"\| - \| Port the jobs to Spark on Kubernetes \|$", row), row
    assert "node disks (HDFS, scratch) are not copied" in runbook
