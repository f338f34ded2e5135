"""Every block volume a real export moves is written as the product and the size the plan
priced: the volume type (OVHcloud), IOPS tier (Scaleway), disk type (IONOS) and size follow the
placement, and a volume whose source reports no size is priced and written at the policy's
assumed size, never priced at 1 GiB beside a larger volume written."""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import hcl2
import pytest

from cloudexit import api
from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.importers import import_files
from cloudexit.model.boot_disks import boot_of
from cloudexit.model.plan import Placement, Plan

EXPORTS = (
    "gcp-cai-export-forseti.jsonl",
    "azure-arm-resources-list-c7n.json",
    "tfplan-azure-vms-tfcompliance.json",
    "tfplan-aws-55res-checkov.json",
)

# Per target: the resource a standalone volume is written as, its size argument and unit (GiB
# per written unit), and how the written type names the priced product's family.
VOLUMES: dict[str, tuple[str, str, int, str | None, dict[str, Any]]] = {
    "ovhcloud": (
        "ovh_cloud_storage_block_volume",
        "size",
        1,
        "volume_type",
        {"classic": "CLASSIC", "high_speed": "HIGH_SPEED", "high_speed_gen2": "HIGH_SPEED_GEN2"},
    ),
    "scaleway": (
        "scaleway_block_volume",
        "size_in_gb",
        1,
        "iops",
        {"low_latency_5k": 5000, "low_latency_15k": 15000},
    ),
    "ionos": (
        "ionoscloud_volume",
        "size",
        1,
        "disk_type",
        {"hdd": "HDD", "ssd_standard": "SSD Standard", "ssd_premium": "SSD Premium"},
    ),
    "opennebula": ("opennebula_image", "size", 1024, None, {}),
}

_TRACE = re.compile(r'^# cloudexit: from \S+ \S+ (\S+)\nresource "([^"]+)" "([^"]+)"', re.MULTILINE)


@functools.cache
def catalog() -> Catalog:
    return load_catalog()


def plan_onto(shared: Path, tmp: Path, export: str, target: str) -> Plan:
    policy = tmp / f"policy-{target}.yaml"
    policy.write_text(
        f'schema_version: "1.0"\ntargets: [{target}]\nmin_providers: 1\nmax_providers: 1\n'
        "allow_retain: false\n",
        encoding="utf-8",
    )
    return api.plan(import_files([shared / "corpus" / export]), policy, catalog())


def written_volumes(out: Path, rtype: str) -> dict[str, dict[str, Any]]:
    """The volumes written, by the source resource id their trace comment names."""
    found: dict[str, dict[str, Any]] = {}
    for path in sorted((out / "terraform").glob("*/*/*.tf")):
        text = path.read_text(encoding="utf-8")
        bodies = {
            (kind.strip('"'), local.strip('"')): body
            for entry in hcl2.loads(text).get("resource", [])
            for kind, named in entry.items()
            for local, body in named.items()
        }
        for rid, kind, local in _TRACE.findall(text):
            if kind == rtype:
                found[rid] = bodies[(kind, local)]
    return found


def unquoted(value: Any) -> Any:
    return value.strip('"') if isinstance(value, str) else value


@pytest.mark.parametrize("target", sorted(VOLUMES))
def test_volumes_are_written_as_priced(shared_dir, tmp_path, target):
    rtype, size_arg, unit, type_arg, families = VOLUMES[target]
    checked = 0
    for export in EXPORTS:
        plan = plan_onto(shared_dir, tmp_path, export, target)
        out = tmp_path / export / target
        api.emit(plan, out, catalog=catalog())
        volumes = written_volumes(out, rtype)
        placed: dict[str, Placement] = {
            p.resource_id: p
            for p in plan.placements
            if p.kind == "storage.block" and not p.choice.retain
        }
        for rid, body in volumes.items():
            if rid not in placed:
                continue
            choice = placed[rid].choice
            assert Decimal(str(unquoted(body[size_arg]))) == Decimal(str(choice.quantity)) * unit, (
                rid
            )
            product = catalog().product(choice.provider, choice.product)
            if type_arg is not None:
                assert unquoted(body[type_arg]) == families[product.family], rid
            checked += 1
        # a boot disk is its server's root volume: priced with the server, never written apart
        by_id = plan.inventory.by_id()
        for rid, p in placed.items():
            if boot_of(by_id[rid]):
                assert rid not in volumes and p.choice.monthly_cost == 0, rid
                checked += 1
    assert checked >= 3


def test_a_volume_of_unknown_size_is_priced_at_the_assumed_size_and_said(shared_dir, tmp_path):
    plan = plan_onto(shared_dir, tmp_path, "azure-arm-resources-list-c7n.json", "ovhcloud")
    unknown = [
        p
        for p in plan.placements
        if p.kind == "storage.block"
        and plan.inventory.by_id()[p.resource_id].attributes.storage_gib is None
        # a boot disk is its server's root volume, priced and written with the server
        and not boot_of(plan.inventory.by_id()[p.resource_id])
    ]
    assert unknown
    assert all(p.choice.quantity == 10 and p.choice.assumed_storage_gib == 10 for p in unknown)
    assert any(
        w.startswith(f"data size unknown for {len(unknown)} volume")
        and "priced and written as 10 GiB of volume-" in w
        for w in plan.warnings
    )
