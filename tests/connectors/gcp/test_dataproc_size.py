"""A Dataproc cluster is sized on its machines and disks, group by group; a Spanner instance's
node count is named in the warning, since no rule turns its nodes into vCPU and memory."""

from __future__ import annotations

import json
from pathlib import Path

from cloudexit import api
from cloudexit.importers import import_file
from cloudexit.model import Inventory
from cloudexit.model.policy import Policy
from cloudexit.optimise.sizes import resolve_size
from tests.helpers import corpus_inventory

FORSETI = "gcp-cai-export-forseti.jsonl"
PROJECT = "//dataproc.googleapis.com/projects/p/regions/europe-west1/clusters"


def _dataproc(name: str, master: str, workers: int, disk: dict) -> dict:
    def group(machine: str, count: int) -> dict:
        return {
            "machineTypeUri": f"https://www.googleapis.com/compute/v1/projects/p/zones/europe-west1-b/machineTypes/{machine}",
            "numInstances": count,
            "diskConfig": disk,
        }

    return {
        "name": f"{PROJECT}/{name}",
        "asset_type": "dataproc.googleapis.com/Cluster",
        "resource": {
            "data": {
                "clusterName": name,
                "config": {
                    "masterConfig": group(master, 1),
                    "workerConfig": group("n2-standard-8", workers),
                },
                "status": {"state": "RUNNING"},
            },
            "location": "europe-west1",
        },
    }


def test_the_exports_cluster_is_its_three_machines_and_their_disks():
    (cluster,) = [r for r in corpus_inventory(FORSETI).resources if r.name == "test-cluster"]
    a = cluster.attributes
    # 1 master + 2 workers, n1-standard-4 (4 vCPU, 15 GiB), 500 GB pd-standard each
    assert (a.vcpu, a.memory_gib, a.node_count) == (12, 45, 3)
    assert (a.storage_gib, a.storage_class) == (1500, "pd-standard")


def test_groups_add_up_and_an_unknown_machine_type_leaves_the_size_unreported(tmp_path: Path):
    disk = {"bootDiskSizeGb": 200, "bootDiskType": "pd-ssd"}
    assets = [
        _dataproc("mixed", "n2-standard-4", 3, disk),
        _dataproc("odd", "zz9-huge", 2, {}),
    ]
    export = tmp_path / "assets.jsonl"
    export.write_text("\n".join(json.dumps(a) for a in assets) + "\n", encoding="utf-8")
    found = {r.name: r.attributes for r in import_file(export).resources}
    mixed, odd = found["mixed"], found["odd"]
    # n2-standard-4: 4 vCPU, 16 GiB; n2-standard-8: 8 vCPU, 32 GiB
    assert (mixed.vcpu, mixed.memory_gib, mixed.node_count) == (28, 112, 4)
    assert (mixed.storage_gib, mixed.storage_class) == (800, "pd-ssd")
    assert (odd.vcpu, odd.memory_gib, odd.node_count, odd.storage_gib) == (None, None, 3, None)
    assert odd.details["size_unresolved"] is True


def test_spanners_warning_names_the_node_count_it_could_not_size():
    inventory: Inventory = corpus_inventory(FORSETI)
    (spanner,) = [r for r in inventory.resources if r.name == "Test123"]
    found = resolve_size(spanner, api.load_catalog(), Policy())
    assert found.state == "unknown"
    line = found.warning(spanner, leave=False)
    assert line is not None
    assert "1 node reported but no rule turns spanner.googleapis.com/Instance nodes into vCPU" in (
        line
    )
    assert "no class or size reported" not in line
    assert "why no rule is sound in mappings/usage-sizing.yaml" in line


def test_a_spanner_instance_under_one_node_names_its_processing_units():
    inventory: Inventory = corpus_inventory(FORSETI)
    (spanner,) = [r for r in inventory.resources if r.name == "Test123"]
    attributes = spanner.attributes.model_copy(
        update={"node_count": None, "details": {"processing_units": 300}}
    )
    small = spanner.model_copy(update={"attributes": attributes})
    line = resolve_size(small, api.load_catalog(), Policy()).warning(small, leave=False)
    assert line is not None and "300 processing units reported but no rule" in line
    assert "no class or size reported" not in line
