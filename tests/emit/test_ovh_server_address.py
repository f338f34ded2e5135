"""A server's public address on OVHcloud is its own public interface (auto_assign_public_ip): no
floating IP is written or priced for it, since a floating IP attaches only to a load balancer or
through a gateway; its price, which no price list here gives, is recorded as unpriced."""

from __future__ import annotations

import re
from pathlib import Path

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.model.inventory import Inventory
from cloudexit.optimise.server_addresses import PART
from tests.helpers import corpus_inventory, inventory, one_target_policy, resource


def test_a_servers_public_address_is_its_interface_not_an_unattached_floating_ip(
    tmp_path: Path,
) -> None:
    vm = resource("i-1", region="eu-west-3", name="web")
    address = resource(
        "eipalloc-1",
        "network.public_ip",
        type="AWS::EC2::EIP",
        region="eu-west-3",
        name="web-ip",
        depends_on=["i-1"],
        attributes={},
        monthly_cost=None,
    )
    catalog = load_catalog()
    plan = api.plan(
        Inventory.model_validate(inventory(vm, address)), one_target_policy("ovhcloud"), catalog
    )
    placed = {p.resource_id: p.choice for p in plan.placements}
    ip = placed["eipalloc-1"]
    assert ip.monthly_cost == 0 and ip.costs == {} and ip.product is None
    assert PART in ip.unpriced_parts
    assert any("server's own public interface" in w and "web-ip" in w for w in plan.warnings)
    assert plan.totals.target_monthly == placed["i-1"].monthly_cost

    api.emit(plan, tmp_path, catalog=catalog)
    (site,) = (tmp_path / "terraform" / "ovhcloud").iterdir()
    text = "".join(p.read_text() for p in sorted(site.glob("*.tf")))
    assert 'resource "ovh_cloud_floating_ip"' not in text
    assert "ovh_cloud_floating_ip." not in text
    assert re.search(r"\{\s*auto_assign_public_ip = true\s*\}", text)
    readme = (site / "README.md").read_text()
    assert (
        "| `web-ip` (aws) | network.public_ip | public interface of `ovh_cloud_instance.web`"
        in (readme)
    )


def test_the_azure_firewall_plans_address_is_its_appliances_interface(tmp_path: Path) -> None:
    catalog = load_catalog()
    plan = api.plan(
        corpus_inventory("tfplan-azure-firewall-infracost.json"),
        one_target_policy("ovhcloud"),
        catalog,
    )
    (ip,) = [p.choice for p in plan.placements if p.kind == "network.public_ip"]
    assert ip.monthly_cost == 0 and PART in ip.unpriced_parts
    api.emit(plan, tmp_path, catalog=catalog)
    text = "".join(p.read_text() for p in sorted((tmp_path / "terraform").rglob("*.tf")))
    assert 'resource "ovh_cloud_floating_ip"' not in text
    assert "ovh_cloud_floating_ip." not in text
    assert "auto_assign_public_ip = true" in text
