"""What a self-managed placement is priced on is what its Terraform builds: Forseti's Dataproc
cluster test-cluster (master 1 x n1-standard-4 and workers 2 x n1-standard-4, a 500 GB
pd-standard disk each: storage_gib 1500) was priced with 1.5 TB of block storage and its copy
charged on every target, while the Terraform wrote one server with a 20 GB disk and nothing for
the data. The README says the cluster's machines are merged into one server."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

import cloudexit
from tests.helpers import corpus_inventory

CLUSTER = "//dataproc.googleapis.com/projects/project2/regions/us-west1/clusters/test-cluster"

# per target: the argument and value that hold the cluster's 1,500 GB as written
BUILT = {
    "scaleway": r"size_in_gb += 1520\b",  # the root volume: 20 GB system + 1,500 GB data
    "opennebula": r"size += 1556480\b",  # MB: (20 + 1,500) x 1,024
    "ionos": r'resource "ionoscloud_volume" "test_cluster_data" \{[^}]*size += 1500\b',
    "ovhcloud": r'resource "ovh_cloud_storage_block_volume" "test_cluster_data" \{[^}]*size += 1500\b',
}


@pytest.mark.parametrize("target", sorted(BUILT))
def test_the_cluster_s_priced_disks_are_written(tmp_path: Path, target: str) -> None:
    inventory = corpus_inventory("gcp-cai-export-forseti.jsonl")
    policy = cloudexit.Policy(targets=[target], min_providers=1, allow_retain=False)
    cloudexit.emit(cloudexit.plan(inventory, policy), tmp_path)
    plan = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    (choice,) = [p["choice"] for p in plan["placements"] if p["resource_id"] == CLUSTER]
    assert Decimal(choice["costs"]["storage"]) > 0  # 1,500 GB priced
    tf = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted(tmp_path.glob("terraform/*/*/databases.tf"))
    )
    assert re.search(BUILT[target], tf), target
    if target == "ovhcloud":
        assert "volume_ids   = [ovh_cloud_storage_block_volume.test_cluster_data.id]" in tf
    readme = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted(tmp_path.glob("terraform/*/*/README.md"))
    )
    assert "`test-cluster`: its 3 machines (master 1 x n1-standard-4" in readme
    assert "one data volume of 1500 GB" in readme
