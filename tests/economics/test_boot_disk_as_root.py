"""A machine's source boot disk becomes its server's root volume, at its size, priced once and
booting the image exported from it; a data disk stays a volume of its own.

Before: Forseti's instance3 (GCP, boot disk ``disks/instance3`` of 10 GB) was written on Scaleway
with a new 20 GB root volume booting ``var.image`` (priced as ``boot_volume``, EUR 1.72) and its
boot disk beside it as an extra 10 GB volume (priced again, EUR 0.86, and 0.25 engineer days); on
IONOS the Cube booted its own disk and got a 10 GB SSD Premium volume (EUR 1.50) as well; the
Resource Graph export's cctestvm, whose OS disk is 30 GB, got a 20 GB root.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

import cloudexit
from cloudexit.model.boot_disks import BOOT_DISK, BOOT_GIB, BOOT_OF, link_boot_disks
from cloudexit.model.inventory import Resource
from tests.helpers import corpus_inventory

INSTANCE3 = "//compute.googleapis.com/projects/project2/zones/us-west1-a/instances/instance3"
DISK3 = "//compute.googleapis.com/projects/project2/zones/us-west1-a/disks/instance3"

# per target: how the server's root is written for a 10 GB boot disk ("" where the flavour's
# own disk is the root), and the image reference
ROOTS = {
    "scaleway": ("size_in_gb  = 10", 'image = var.migrated_images["instance3"]'),
    "opennebula": ("size     = 10240", 'image_id = var.migrated_image_ids["instance3"]'),
    "ovhcloud": ("", 'image_id = var.migrated_image_ids["instance3"]'),
    "ionos": ("", 'image_name = var.migrated_images["instance3"]'),
}


def _plan(tmp_path: Path, name: str, target: str) -> tuple[dict, Path]:
    inventory = corpus_inventory(name)
    policy = cloudexit.Policy(targets=[target], min_providers=1, allow_retain=False)
    cloudexit.emit(cloudexit.plan(inventory, policy), tmp_path)
    return json.loads((tmp_path / "plan.json").read_text(encoding="utf-8")), tmp_path


def _server(folder: Path, name: str) -> str:
    """The server block written for the machine, whitespace collapsed to one space."""
    for tf in sorted(folder.glob("terraform/*/*/compute.tf")):
        text = tf.read_text(encoding="utf-8")
        found = re.search(rf'(resource "[a-z_]+" "{name}" \{{.*?\n\}})', text, re.DOTALL)
        if found:
            return re.sub(r" +", " ", found.group(1))
    raise AssertionError(f"no server {name}")


@pytest.mark.parametrize("target", sorted(ROOTS))
def test_the_boot_disk_is_the_server_s_root_priced_once(tmp_path: Path, target: str) -> None:
    plan, out = _plan(tmp_path, "gcp-cai-export-forseti.jsonl", target)
    placed = {p["resource_id"]: p["choice"] for p in plan["placements"]}
    disk, machine = placed[DISK3], placed[INSTANCE3]
    assert (disk["provider"], disk["region"]) == (machine["provider"], machine["region"])
    # nothing bought or written for the disk itself, no engineering of its own
    assert Decimal(disk["monthly_cost"]) == 0 and disk.get("terraform") is None
    assert not disk.get("effort_days")
    # the server pays its root once, at the boot disk's 10 GB where it is a volume of its own
    if "boot_volume" in machine["costs"]:
        assert machine["costs"]["boot_volume"] in ("0.86", "0.12")
    tf = "".join(p.read_text(encoding="utf-8") for p in out.glob("terraform/*/*/*.tf"))
    assert DISK3 not in tf  # no volume written for it
    root, image = ROOTS[target]
    server = _server(out, "instance3")
    assert re.sub(r" +", " ", image) in server
    if root:
        assert re.sub(r" +", " ", root) in server
    variables = "".join(
        p.read_text(encoding="utf-8") for p in out.glob("terraform/*/*/variables.tf")
    )
    assert 'variable "migrated_image' in variables


def test_an_inline_os_disk_sets_the_root_size(tmp_path: Path) -> None:
    """The Resource Graph export holds cctestvm's 30 GB OS disk inside the VM only."""
    _, out = _plan(tmp_path, "azure-resourcegraph-table-response-c7n.json", "scaleway")
    server = _server(out, "cctestvm")
    assert "size_in_gb = 30" in server and 'var.migrated_images["cctestvm"]' in server


def _r(rid: str, kind: str, **details: object) -> Resource:
    return Resource.model_validate(
        {
            "id": rid,
            "provider": "aws",
            "account": "1",
            "region": "eu-west-1",
            "type": "t",
            "kind": kind,
            "name": rid.rsplit("/", 1)[-1],
            "attributes": {"storage_gib": 12, "details": details},
        }
    )


def test_boot_disks_are_linked_from_either_side() -> None:
    arn = "arn:aws:ec2:eu-west-1:1:volume/vol-1"
    aws_vm = _r("arn:aws:ec2:eu-west-1:1:instance/i-1", "compute.vm", **{BOOT_DISK: "vol-1"})
    aws_disk = _r(arn, "storage.block")
    az_vm = _r("/subscriptions/s/vm/cctestvm", "compute.vm")
    az_disk = _r("/subscriptions/s/disks/cctestvm_OsDisk_1", "storage.block", **{BOOT_OF: az_vm.id})
    data = _r("/subscriptions/s/disks/data", "storage.block")
    orphan = _r("/subscriptions/s/disks/orphan", "storage.block", **{BOOT_OF: "/gone"})
    found = {r.id: r for r in (aws_vm, aws_disk, az_vm, az_disk, data, orphan)}
    link_boot_disks(found)
    assert aws_disk.attributes.details[BOOT_OF] == aws_vm.id
    assert aws_vm.attributes.details[BOOT_GIB] == 12
    assert az_vm.attributes.details[BOOT_DISK] == az_disk.id
    assert BOOT_OF not in data.attributes.details and BOOT_OF not in orphan.attributes.details


def test_an_os_disk_named_by_azure_is_the_root_of_its_vm(tmp_path: Path) -> None:
    """The ARM list gives no properties: cctestvm's OS disk is the managed disk it manages named
    <vm>_OsDisk_<n>_<id>; the other OS disk, managed by nothing, stays a volume."""
    plan, out = _plan(tmp_path, "azure-arm-resources-list-c7n.json", "scaleway")
    placed = {p["resource_id"]: p["choice"] for p in plan["placements"]}
    osdisk = [
        rid for rid in placed if rid.endswith("cctestvm_osdisk_1_a9f308a2eb4a47d288b5ea13757ebfe2")
    ]
    (rid,) = osdisk
    assert Decimal(placed[rid]["monthly_cost"]) == 0 and placed[rid].get("terraform") is None
    loose = [r for r in placed if r.endswith("cctestvm_osdisk_1_81338ced63fa4855b8a5f3e2bab5213c")]
    assert placed[loose[0]].get("terraform") == "scaleway_block_volume"
    assert 'var.migrated_images["cctestvm"]' in _server(out, "cctestvm")
