"""A VM's data disk the export holds only inline (Azure Resource Graph's cctestvm: a 1,023 GB
managed data disk whose disk resource is not in the export) is written as the target's block
volume attached to the server, priced on the block storage the volume is written as, and listed
in the runbook, on every target."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import hcl2
import pytest

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.catalog.sizing import monthly_price, price_in
from cloudexit.importers import import_files
from cloudexit.model import Resource
from cloudexit.model.data_disks import inline_data_disks
from cloudexit.model.money import quantize
from cloudexit.model.policy import Policy
from tests.helpers import resource

EXPORT = "azure-resourcegraph-table-response-c7n.json"
VOLUME_TYPES = {
    "scaleway": ("scaleway_block_volume", "size_in_gb", 1),
    "ovhcloud": ("ovh_cloud_storage_block_volume", "size", 1),
    "ionos": ("ionoscloud_volume", "size", 1),
    "opennebula": ("opennebula_image", "size", 1024),
}


def written(out: Path) -> dict[str, dict[str, Any]]:
    found = {}
    for path in sorted((out / "terraform").glob("*/*/*.tf")):
        for entry in hcl2.loads(path.read_text(encoding="utf-8")).get("resource", []):
            for rtype, bodies in entry.items():
                for name, body in bodies.items():
                    found[f"{rtype.strip(chr(34))}.{name.strip(chr(34))}"] = body
    return found


@pytest.mark.parametrize("provider", sorted(VOLUME_TYPES))
def test_an_inline_data_disk_is_written_priced_and_listed(provider, shared_dir, tmp_path):
    catalog = load_catalog()
    inventory = import_files([shared_dir / "corpus" / EXPORT])
    (vm,) = [r for r in inventory.resources if r.name == "cctestvm"]
    assert [(d["gib"], "id" in d) for d in vm.attributes.details["data_disks"]] == [(1023, True)]
    plan = api.plan(inventory, Policy(targets=[provider], allow_retain=False), catalog)
    (placement,) = plan.placements
    choice = placement.choice
    store = catalog.product(provider, choice.storage_product or "")
    assert store.service == "block_storage"
    price = price_in(store, choice.region)
    assert price is not None
    monthly = monthly_price(price, Decimal(1023), {})
    assert monthly is not None
    assert choice.costs["data_disks"] == quantize(monthly)  # to the cent, as every part
    # the data disk is no longer said to be missing from the cost and the Terraform
    assert not any("1023" in w or "1033" in w for w in plan.warnings if "carried over" in w)

    api.emit(plan, tmp_path, catalog=catalog)
    found = written(tmp_path)
    rtype, size, unit = VOLUME_TYPES[provider]
    (volume,) = [(a, b) for a, b in found.items() if a.startswith(f"{rtype}.")]
    address, body = volume
    assert body[size] == 1023 * unit
    servers = [a for a in found if a.split(".")[1] == "cctestvm"]
    assert len(servers) == 1
    # the server mounts the volume, or (IONOS) the volume names its server
    assert address in str(found[servers[0]]) or servers[0] in str(body)
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    section = runbook.split("## Data disks written as volumes", 1)[1].split("\n## ", 1)[0]
    assert "1023 GiB" in section and address in section


def test_machines_alike_but_for_their_data_disks_are_each_priced_with_their_own(shared_dir):
    catalog = load_catalog()
    inventory = import_files([shared_dir / "corpus" / EXPORT])
    (vm,) = [r for r in inventory.resources if r.name == "cctestvm"]
    small = vm.model_copy(deep=True)
    small.id, small.name = f"{vm.id}-small", "cctestvm-small"
    small.attributes.details["data_disks"] = [{"name": "data-small", "gib": 10}]
    none = vm.model_copy(deep=True)
    none.id, none.name = f"{vm.id}-none", "cctestvm-none"
    del none.attributes.details["data_disks"]
    inventory.resources = [none, vm, small]
    plan = api.plan(inventory, Policy(targets=["scaleway"], allow_retain=False), catalog)
    costs = {p.resource_id: p.choice.costs.get("data_disks") for p in plan.placements}
    assert costs[none.id] is None
    assert costs[small.id] is not None and costs[vm.id] is not None
    assert costs[vm.id] > 100 * costs[small.id] / 2  # 1,023 GiB against 10 GiB, same rate


@pytest.mark.parametrize(
    ("stated", "family"),
    [("Premium_LRS", "ssd_premium"), ("StandardSSD_LRS", "ssd_premium"), ("Standard_LRS", "hdd")],
)
def test_an_inline_data_disk_goes_on_a_class_matched_to_the_one_the_source_states(
    stated, family, shared_dir, tmp_path
):
    """cctestvm's data disk is a Standard HDD (Standard_LRS) in the export: the cheapest block
    storage fits it. The same disk stated as an SSD is written as the class the target gives a
    disk of its own (IONOS: SSD Premium), not as its HDD."""
    source = (shared_dir / "corpus" / EXPORT).read_text(encoding="utf-8")
    export = tmp_path / EXPORT
    # the first storage account type the export names is the data disk's (the OS disk's follows)
    export.write_text(
        source.replace(
            '"storageAccountType": "Standard_LRS"', f'"storageAccountType": "{stated}"', 1
        ),
        encoding="utf-8",
    )
    catalog = load_catalog()
    inventory = import_files([export])
    (vm,) = [r for r in inventory.resources if r.name == "cctestvm"]
    assert vm.attributes.details["data_disks"][0]["storage_class"] == stated
    plan = api.plan(inventory, Policy(targets=["ionos"], allow_retain=False), catalog)
    (placement,) = plan.placements
    store = catalog.product("ionos", placement.choice.storage_product or "")
    assert store.family == family
    price = price_in(store, placement.choice.region)
    assert price is not None
    assert placement.choice.costs["data_disks"] == quantize(
        monthly_price(price, Decimal(1023), {}) or Decimal(0)
    )
    api.emit(plan, tmp_path / "out", catalog=catalog)
    (volume,) = [
        b for a, b in written(tmp_path / "out").items() if a.startswith("ionoscloud_volume.")
    ]
    assert (
        volume["disk_type"].strip(chr(34)) == {"hdd": "HDD", "ssd_premium": "SSD Premium"}[family]
    )


def test_the_class_a_source_states_for_an_inline_disk_is_read_and_told_ssd_or_not():
    vm = Resource.model_validate(
        resource(
            "vm",
            attributes={
                "details": {
                    "ebs_block_devices": [
                        {"gib": 100, "volume_type": "io2", "device_name": "/dev/sdf"},
                        {"gib": 500, "volume_type": "sc1", "device_name": "/dev/sdg"},
                        {"gib": 20, "device_name": "/dev/sdh"},
                    ]
                }
            },
        )
    )
    assert [(d.gib, d.storage_class, d.solid_state) for d in inline_data_disks(vm)] == [
        (100, "io2", True),
        (500, "sc1", False),
        (20, None, False),
    ]
