"""Subnets narrower than /27 get address ranges and fixed addresses inside them, on OpenNebula
and every target that writes fixed addresses: the pool after the network address and gateway."""

from __future__ import annotations

import ipaddress
import json
from pathlib import Path

import hcl2
import pytest

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.model.inventory import Inventory
from cloudexit.model.policy import Policy
from tests.helpers import EXAMPLE


def narrowed(prefix: int) -> Inventory:
    text = (EXAMPLE / "inventory.json").read_text(encoding="utf-8")
    return Inventory.model_validate(json.loads(text.replace("10.40.1.0/24", f"10.40.1.0/{prefix}")))


@pytest.mark.parametrize("prefix", [28, 29, 30])
def test_address_ranges_fit_small_subnets(prefix: int, tmp_path: Path) -> None:
    catalog = load_catalog()
    plan = api.plan(narrowed(prefix), Policy(targets=["opennebula"], allow_retain=True), catalog)
    api.emit(plan, tmp_path, catalog=catalog)
    ranges = []
    for path in sorted((tmp_path / "terraform").glob("opennebula/*/network.tf")):
        for entry in hcl2.loads(path.read_text(encoding="utf-8")).get("resource", []):
            for body in entry.get('"opennebula_virtual_network_address_range"', {}).values():
                ranges.append((body["ip4"].strip(chr(34)), int(body["size"])))
    block = ipaddress.ip_network(f"10.40.1.0/{prefix}")
    small = [(ip, size) for ip, size in ranges if ipaddress.ip_address(ip) in block]
    assert small, ranges
    for ip, size in small:
        first = ipaddress.ip_address(ip)
        assert size >= 1 and first + size - 1 in block and first != block.broadcast_address
