"""Azure load-balancing rules, probes and DNS records written as their own Terraform resources
join their load balancer or zone, as the Azure scan reads them, instead of becoming a second
balancer or zone on the target."""

from __future__ import annotations

import json
from pathlib import Path

from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from tests.helpers import tfstate_resource
from tests.topology.roundtrip import TARGETS, check_errors, render

RG = "/subscriptions/5c1f6e38-2b7a-4f0e-9d41-7e0a3c9b8d21/resourceGroups/shop"
NET = f"{RG}/providers/Microsoft.Network"


def res(tf_type: str, name: str, values: dict[str, object], deps: list[str]) -> dict[str, object]:
    return tfstate_resource("azurerm", tf_type, name, values, deps)


def state(tmp_path: Path) -> Inventory:
    lb = f"{NET}/loadBalancers/shop-lb"
    zone = f"{NET}/dnsZones/shop.example"
    private = f"{NET}/privateDnsZones/internal.shop"
    resources = [
        res(
            "azurerm_lb",
            "shop",
            {"id": lb, "name": "shop-lb", "location": "westeurope", "sku": "Standard"},
            [],
        ),
        res(
            "azurerm_lb_rule",
            "http",
            {
                "id": f"{lb}/loadBalancingRules/http",
                "name": "http",
                "loadbalancer_id": lb,
                "protocol": "Tcp",
                "frontend_port": 80,
                "backend_port": 8080,
            },
            ["azurerm_lb.shop"],
        ),
        res(
            "azurerm_lb_rule",
            "every_port",
            {
                "id": f"{lb}/loadBalancingRules/ha",
                "name": "ha",
                "loadbalancer_id": lb,
                "protocol": "All",
                "frontend_port": 0,
                "backend_port": 0,
            },
            ["azurerm_lb.shop"],
        ),
        res(
            "azurerm_lb_probe",
            "health",
            {
                "id": f"{lb}/probes/health",
                "name": "health",
                "loadbalancer_id": lb,
                "protocol": "Http",
                "port": 8080,
                "request_path": "/healthz",
            },
            ["azurerm_lb.shop"],
        ),
        res(
            "azurerm_dns_zone",
            "public",
            {"id": zone, "name": "shop.example", "resource_group_name": "shop"},
            [],
        ),
        res(
            "azurerm_dns_a_record",
            "www",
            {
                "id": f"{zone}/A/www",
                "name": "www",
                "zone_name": "shop.example",
                "ttl": 300,
                "records": ["192.0.2.10", "192.0.2.11"],
            },
            ["azurerm_dns_zone.public"],
        ),
        res(
            "azurerm_dns_mx_record",
            "mail",
            {
                "id": f"{zone}/MX/@",
                "name": "@",
                "zone_name": "shop.example",
                "ttl": 3600,
                "record": [{"preference": 10, "exchange": "mx.shop.example"}],
            },
            ["azurerm_dns_zone.public"],
        ),
        res(
            "azurerm_dns_txt_record",
            "spf",
            {
                "id": f"{zone}/TXT/@",
                "name": "@",
                "zone_name": "shop.example",
                "ttl": 3600,
                "record": [{"value": "v=spf1 -all"}],
            },
            ["azurerm_dns_zone.public"],
        ),
        res(
            "azurerm_dns_a_record",
            "apex",
            {
                "id": f"{zone}/A/cdn",
                "name": "cdn",
                "zone_name": "shop.example",
                "ttl": 300,
                "records": [],
                "target_resource_id": f"{NET}/publicIPAddresses/front",
            },
            ["azurerm_dns_zone.public"],
        ),
        res(
            "azurerm_private_dns_zone",
            "internal",
            {"id": private, "name": "internal.shop", "resource_group_name": "shop"},
            [],
        ),
        res(
            "azurerm_private_dns_a_record",
            "db",
            {
                "id": f"{private}/A/db",
                "name": "db",
                "zone_name": "internal.shop",
                "ttl": 10,
                "records": ["10.0.2.4"],
            },
            ["azurerm_private_dns_zone.internal"],
        ),
    ]
    path = tmp_path / "terraform.tfstate"
    path.write_text(
        json.dumps(
            {"version": 4, "terraform_version": "1.9.8", "serial": 1, "resources": resources}
        ),
        encoding="utf-8",
    )
    return import_files([path])


def test_rules_and_probes_join_their_load_balancer(tmp_path: Path) -> None:
    inv = state(tmp_path)
    assert sorted(r.type for r in inv.resources) == [
        "azurerm_dns_zone",
        "azurerm_lb",
        "azurerm_private_dns_zone",
    ]
    lb = next(r for r in inv.resources if r.type == "azurerm_lb")
    assert [(x.protocol, x.port, x.target_port) for x in lb.topology.listeners] == [
        ("TCP", 80, 8080)
    ]
    check = lb.topology.health_check
    assert check is not None and (check.protocol, check.port, check.path) == (
        "Http",
        8080,
        "/healthz",
    )
    # an HA-ports rule has no listener on any target: reported, not guessed
    assert any(i.resource_id == lb.id and "HA ports" in i.message for i in inv.issues)


def test_records_join_their_public_and_private_zones(tmp_path: Path) -> None:
    inv = state(tmp_path)
    zone = next(r for r in inv.resources if r.type == "azurerm_dns_zone")
    assert zone.topology.zone_name == "shop.example"
    assert [(r.name, r.type, r.ttl, r.values) for r in zone.topology.records] == [
        ("", "MX", 3600, ["10 mx.shop.example"]),
        ("", "TXT", 3600, ['"v=spf1 -all"']),
        ("www", "A", 300, ["192.0.2.10", "192.0.2.11"]),
    ]
    assert any(
        i.resource_id == zone.id and "alias to an Azure resource" in i.message for i in inv.issues
    )
    private = next(r for r in inv.resources if r.type == "azurerm_private_dns_zone")
    assert [(r.name, r.type, r.values) for r in private.topology.records] == [
        ("db", "A", ["10.0.2.4"])
    ]


def test_folded_parts_are_written_once_on_every_target(tmp_path: Path) -> None:
    inv = state(tmp_path)
    for provider, region in TARGETS:
        out = tmp_path / provider
        written = render(inv, provider, region, out)
        assert check_errors(out) == [], provider
        text = "\n".join(t for files in written.values() for t in files.values())
        assert "192.0.2.11" in text or provider == "opennebula", provider
