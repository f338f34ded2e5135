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
from cloudexit.model.money import quantize
from cloudexit.model.policy import Policy

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
