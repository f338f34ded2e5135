"""Private DNS zones: their record sets are read (GET .../privateDnsZones/{zone}/ALL) like a
public zone's, and nothing else about them is reachable."""

from __future__ import annotations

import pytest

from cloudexit.connectors.azure.session import PRIVATE_DNS_ZONE, is_allowed
from tests.connectors.azure.test_azure_inventory import SUB, scan

ZONE = (
    f"/subscriptions/{SUB}/resourceGroups/shop-prod/providers/Microsoft.Network/"
    "privateDnsZones/internal.shop"
)

# Shaped on the Private DNS "Record Sets - List" response (API 2024-06-01): lower camel case
# properties (ttl, aRecords, cnameRecord ...), the apex SOA Azure writes itself.
RECORD_SETS = {
    "value": [
        {
            "id": f"{ZONE}/SOA/@",
            "name": "@",
            "type": "Microsoft.Network/privateDnsZones/SOA",
            "etag": "1",
            "properties": {
                "fqdn": "internal.shop.",
                "ttl": 3600,
                "soaRecord": {
                    "host": "azureprivatedns.net",
                    "email": "azureprivatedns-host.microsoft.com",
                },
                "isAutoRegistered": False,
            },
        },
        {
            "id": f"{ZONE}/A/db",
            "name": "db",
            "type": "Microsoft.Network/privateDnsZones/A",
            "etag": "2",
            "properties": {
                "fqdn": "db.internal.shop.",
                "ttl": 10,
                "aRecords": [{"ipv4Address": "10.0.2.4"}, {"ipv4Address": "10.0.2.5"}],
                "isAutoRegistered": False,
            },
        },
        {
            "id": f"{ZONE}/CNAME/api",
            "name": "api",
            "type": "Microsoft.Network/privateDnsZones/CNAME",
            "etag": "3",
            "properties": {
                "fqdn": "api.internal.shop.",
                "ttl": 300,
                "cnameRecord": {"cname": "db.internal.shop"},
                "isAutoRegistered": False,
            },
        },
    ]
}


@pytest.fixture()
def private_zone(arm):
    row = {
        "id": ZONE,
        "kind": "",
        "location": "global",
        "managedBy": "",
        "name": "internal.shop",
        "properties": {"numberOfRecordSets": 3, "maxNumberOfRecordSets": 25000},
        "resourceGroup": "shop-prod",
        "sku": None,
        "subscriptionId": SUB,
        "tags": {"app": "shop"},
        "type": "microsoft.network/privatednszones",
        "zones": None,
    }
    arm.graph_rows.append(row)
    arm.by_id[ZONE.lower()] = row
    arm.arm_lists[arm.subscription].append(
        {k: v for k, v in row.items() if k not in {"properties", "subscriptionId", "resourceGroup"}}
    )
    arm.record_sets[ZONE.lower()] = RECORD_SETS
    return arm


def test_private_zone_records_are_read_in_both_listings(private_zone, connector_catalog):
    for resource_graph in (True, False):
        inventory = scan(private_zone, connector_catalog, resource_graph=resource_graph)
        zone = inventory.by_id()[ZONE.lower()]
        assert zone.topology.zone_name == "internal.shop"
        assert [(r.name, r.type, r.ttl, r.values) for r in zone.topology.records] == [
            ("api", "CNAME", 300, ["db.internal.shop"]),
            ("db", "A", 10, ["10.0.2.4", "10.0.2.5"]),
        ]
        assert not [i for i in inventory.issues if i.resource_id == zone.id]


@pytest.mark.parametrize(
    ("method", "path", "types", "allowed"),
    [
        ("GET", f"{ZONE}/ALL", frozenset({PRIVATE_DNS_ZONE}), True),
        ("GET", f"{ZONE}/ALL", frozenset(), False),  # private zones not declared: not read
        ("GET", f"{ZONE}/virtualNetworkLinks", frozenset({PRIVATE_DNS_ZONE}), False),
        ("PUT", f"{ZONE}/A/db", frozenset({PRIVATE_DNS_ZONE}), False),
        ("DELETE", f"{ZONE}/A/db", frozenset({PRIVATE_DNS_ZONE}), False),
        ("PATCH", f"{ZONE}/ALL", frozenset({PRIVATE_DNS_ZONE}), False),
    ],
)
def test_only_the_record_set_list_of_a_private_zone_is_read(method, path, types, allowed):
    url = f"https://management.azure.com{path}?api-version=2024-06-01"
    assert is_allowed(method, url, types) is allowed
