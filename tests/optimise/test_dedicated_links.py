"""A dedicated physical link (a GCP Interconnect and its VLAN attachments, an Azure ExpressRoute
circuit) is a circuit ordered from the target or a carrier, never a VM: the plan leaves it
unplaced with the targets' dedicated-connection products named, warns, and writes nothing."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

import cloudexit
from cloudexit.catalog.loader import load_catalog
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from cloudexit.model.kinds import Kind

CAI = "gcp-cai-export-forseti.jsonl"
LINK = "//compute.googleapis.com/projects/project2/global/interconnects/project2-primary-01"
ATTACHMENT = (
    "//compute.googleapis.com/projects/project2/regions/us-central1/interconnectAttachments/"
    "project2-primary-01"
)


@functools.cache
def _inventory(shared_dir: Path) -> Inventory:
    return import_files([shared_dir / "corpus" / CAI])


@pytest.mark.parametrize("target", ["ionos", "opennebula", "ovhcloud", "scaleway"])
def test_real_interconnect_is_flagged_not_written_as_a_vm(
    shared_dir: Path, tmp_path: Path, target: str
) -> None:
    inv = _inventory(shared_dir)
    link = inv.by_id()[LINK]
    assert link.kind is Kind.INTERCONNECT and ATTACHMENT in link.members
    plan = cloudexit.plan(inv, cloudexit.Policy(targets=[target], min_providers=1))
    assert LINK not in {p.resource_id for p in plan.placements}
    (unplaced,) = [u for u in plan.unplaced if u.resource_id == LINK]
    assert unplaced.code == "not_migratable"
    assert "OVHcloud Connect" in unplaced.reason and "Scaleway InterLink" in unplaced.reason
    (line,) = [w for w in plan.warnings if w.startswith("dedicated link not migrated")]
    assert "project2-primary-01 (compute.googleapis.com/Interconnect)" in line

    cloudexit.emit(plan, tmp_path)
    traced = {
        m
        for tf in (tmp_path / "terraform").rglob("*.tf")
        for m in re.findall(r"^# cloudexit: from \S+ \S+ (\S+)", tf.read_text(), re.MULTILINE)
    }
    assert traced and LINK not in traced and ATTACHMENT not in traced
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    not_migrated = runbook.split("## Not migrated", 1)[1].split("\n## ", 1)[0]
    assert "| project2-primary-01 | network.interconnect |" in not_migrated


def test_every_source_shape_of_a_dedicated_link_is_one_kind() -> None:
    catalog = load_catalog()
    for native in (
        "compute.googleapis.com/Interconnect",
        "compute.googleapis.com/InterconnectAttachment",
        "google_compute_interconnect_attachment",
        "Microsoft.Network/expressRouteCircuits",
    ):
        assert catalog.kind_for(native) is Kind.INTERCONNECT, native
    # a site-to-site VPN is still a gateway a VM can run
    assert catalog.kind_for("compute.googleapis.com/TargetVpnGateway") is Kind.VPN
