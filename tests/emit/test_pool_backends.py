"""Every machine a balancer or backend service names is written into its pool or listed in the
runbook to add by hand: none is lost between the export and the Terraform.

Forseti's Cloud Asset export: backend service ``bs-1`` serves the three machines of the managed
instance group ``bs-1-ig-1`` but no balancer of the export uses it; target instance ``test-ti``
sends to ``instance3`` but no forwarding rule gives it a port, so no pool is written for it."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import cloudexit
from cloudexit.emit.terraform.site import backend_servers
from cloudexit.importers import import_files
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Plan

CAI = "gcp-cai-export-forseti.jsonl"


@functools.cache
def _plan(shared_dir: Path) -> Plan:
    inventory = import_files([shared_dir / "corpus" / CAI])
    return cloudexit.plan(inventory, cloudexit.Policy(targets=["scaleway"], min_providers=1))


def test_every_backend_machine_is_written_or_left_to_the_runbook(
    shared_dir: Path, tmp_path: Path
) -> None:
    plan = _plan(shared_dir)
    cloudexit.emit(plan, tmp_path)
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    written = "\n".join(p.read_text() for p in sorted((tmp_path / "terraform").rglob("*.tf")))
    pools = re.findall(r'resource "scaleway_lb_backend"[^}]*?server_ips = \[([^\]]*)\]', written)
    resources = plan.inventory.by_id()
    named = [
        (r, resources[sid])
        for r in plan.inventory.resources
        if r.kind in (Kind.LOAD_BALANCER, Kind.TARGET_GROUP)
        for sid in backend_servers(r, resources)
    ]
    assert {(b.name, m.name) for b, m in named} == {
        ("bs-1", "iap_instance1"),
        ("bs-1", "iap_instance2"),
        ("bs-1", "iap_instance3"),
        ("test-ti", "instance3"),
    }
    rows = [line for line in runbook.splitlines() if line.startswith("| ")]
    for balancer, machine in named:
        in_pool = any(f"scaleway_instance_server.{machine.name}." in pool for pool in pools)
        listed = any(
            f" {balancer.name} |" in row and re.search(rf"\b{machine.name}\b", row) for row in rows
        )
        assert in_pool or listed, (balancer.name, machine.name)


def test_a_balancer_without_a_listener_lists_its_backends_to_add(
    shared_dir: Path, tmp_path: Path
) -> None:
    cloudexit.emit(_plan(shared_dir), tmp_path)
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    (row,) = [line for line in runbook.splitlines() if "| load balancer test-ti |" in line]
    assert "backend instance3 (no listener, so no pool is written" in row
