"""Azure's global front services: Front Door, private DNS zones and Traffic Manager have no list
price in the catalogue, so a plan names them as left out of today's cost instead of taking them
as free, and Traffic Manager, which no target takes, says why."""

from __future__ import annotations

import json
from pathlib import Path

import cloudexit
from cloudexit import api
from cloudexit.importers import import_files

GROUP = "/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-edge/providers/"


def _export(tmp_path: Path) -> Path:
    listed = [
        ("Microsoft.Network/frontdoors", "shop-fd", None),
        ("Microsoft.Cdn/profiles", "shop-afd", {"name": "Standard_AzureFrontDoor"}),
        ("Microsoft.Network/privateDnsZones", "privatelink.blob.core.windows.net", None),
        ("Microsoft.Network/trafficmanagerprofiles", "shop-tm", None),
    ]
    value = [
        {
            "id": f"{GROUP}{kind}/{name}",
            "name": name,
            "type": kind,
            "location": "global",
            "tags": {},
            **({"sku": sku} if sku else {}),
        }
        for kind, name, sku in listed
    ]
    path = tmp_path / "resources.json"
    path.write_text(json.dumps({"value": value}))
    return path


def test_front_door_private_dns_and_traffic_manager_are_named_unpriced(tmp_path):
    imported = import_files([_export(tmp_path)])
    assert not [i for i in imported.issues if i.code == "unsupported_type"]
    assert all(r.monthly_cost is None for r in imported.resources)
    policy = cloudexit.Policy.model_validate({"targets": ["ovhcloud", "scaleway"]})
    plan = cloudexit.plan(imported, policy, catalog=api.load_catalog())
    t = plan.totals
    assert t.current_monthly == 0 and t.current_monthly_unpriced == 4
    assert t.current_monthly_unpriced_kinds == {"network.cdn": 2, "network.dns_zone": 1, "other": 1}
    line = next(w for w in plan.warnings if w.startswith("today's cost"))
    assert "leaves out 4 of 4 resources" in line
    (manager,) = [u for u in plan.unplaced if u.resource_id.endswith("/shop-tm")]
    assert manager.code == "not_migratable"
    assert manager.reason.startswith("DNS-based traffic routing")
    assert "health" in manager.reason and "scaleway_domain_record" in manager.reason


def test_traffic_manager_in_terraform_is_mapped_with_its_endpoints_skipped():
    catalog = api.load_catalog()
    profile = catalog.source_types["azurerm_traffic_manager_profile"]
    assert profile.not_migratable and profile.not_migratable.startswith("DNS-based traffic routing")
    for kind in ("azure", "external", "nested"):
        assert catalog.source_types[f"azurerm_traffic_manager_{kind}_endpoint"].skip
    assert catalog.source_types["microsoft.network/trafficmanagerprofiles"].not_migratable
