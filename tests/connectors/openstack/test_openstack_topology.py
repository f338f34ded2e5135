"""Security group rules from a live OpenStack scan: the same typed rules as a Terraform state of
the same groups gives the importer, and the same rules, one for one, in every target's Terraform;
Octavia listeners and Designate records typed and written."""

from __future__ import annotations

import json
import re

from cloudexit.connectors.openstack import OpenStackScan, scan_cloud
from cloudexit.importers import import_files
from cloudexit.model.kinds import Kind
from tests.connectors.openstack.fake_openstack import DATA
from tests.topology.roundtrip import TARGETS, check_errors, render
from tests.topology.test_end_to_end import assert_faithful, assert_sites_apart

RULE_KEYS = (
    "direction",
    "ethertype",
    "protocol",
    "port_range_min",
    "port_range_max",
    "remote_ip_prefix",
    "remote_group_id",
    "description",
)


def _state_of(groups: list[dict], *, delete_default_rules: bool) -> dict:
    """A Terraform v4 state holding the recorded groups and each of their rules as resources."""
    resources = []
    for n, group in enumerate(groups):
        resources.append(
            {
                "mode": "managed",
                "type": "openstack_networking_secgroup_v2",
                "name": f"group{n}",
                "provider": 'provider["registry.terraform.io/terraform-provider-openstack/openstack"]',
                "instances": [
                    {
                        "attributes": {
                            "id": group["id"],
                            "name": group["name"],
                            "region": "GRA11",
                            "tenant_id": group["tenant_id"],
                            "delete_default_rules": delete_default_rules,
                        }
                    }
                ],
            }
        )
        for m, rule in enumerate(group["security_group_rules"]):
            resources.append(
                {
                    "mode": "managed",
                    "type": "openstack_networking_secgroup_rule_v2",
                    "name": f"group{n}_rule{m}",
                    "provider": 'provider["registry.terraform.io/terraform-provider-openstack/openstack"]',
                    "instances": [
                        {
                            "attributes": {
                                "id": rule["id"],
                                "region": "GRA11",
                                "security_group_id": group["id"],
                                "tenant_id": group["tenant_id"],
                                **{k: rule.get(k) for k in RULE_KEYS},
                            },
                            "dependencies": [f"openstack_networking_secgroup_v2.group{n}"],
                        }
                    ],
                }
            )
    return {"version": 4, "terraform_version": "1.9.8", "serial": 1, "resources": resources}


def _scan(catalog):  # type: ignore[no-untyped-def]
    return scan_cloud(
        OpenStackScan(cloud="ovh-prod", regions=("GRA11",), retries=1), catalog=catalog
    ).inventory


def _rules(resource):  # type: ignore[no-untyped-def]
    return sorted(r.model_dump_json() for r in resource.topology.firewall_rules)


def test_scan_and_state_of_the_same_groups_give_the_same_rules(cloud, connector_catalog, tmp_path):
    groups = json.loads((DATA / "estate.json").read_text())["regions"]["GRA11"]["security_groups"]
    state = tmp_path / "terraform.tfstate"
    state.write_text(json.dumps(_state_of(groups, delete_default_rules=True)))
    imported = import_files([state], catalog=connector_catalog).by_id()
    scanned = _scan(connector_catalog).by_id()

    prefix = "ovh-prod/GRA11/security_group/"
    compared = 0
    for group in groups:
        live, state_group = scanned[prefix + group["id"]], imported[group["id"]]
        # a remote group is named by its resource id: the scan's spelling, or the state's
        assert sorted(r.replace(prefix, "") for r in _rules(live)) == _rules(state_group)
        assert len(live.topology.firewall_rules) == len(group["security_group_rules"])
        compared += len(live.topology.firewall_rules)
    assert compared == 4
    assert not [i for i in imported.values() if i.type.endswith("secgroup_rule_v2")]


def test_a_state_without_delete_default_rules_keeps_neutrons_default_egress(
    connector_catalog, tmp_path
):
    groups = json.loads((DATA / "estate.json").read_text())["regions"]["GRA11"]["security_groups"]
    web = [g for g in groups if g["name"] == "web"]
    state = tmp_path / "terraform.tfstate"
    state.write_text(json.dumps(_state_of(web, delete_default_rules=False)))
    group = import_files([state], catalog=connector_catalog).by_id()[web[0]["id"]]
    egress = sorted(
        (r.protocol, r.destinations[0].value)
        for r in group.topology.firewall_rules
        if r.direction == "egress"
    )
    assert egress == [("any", "0.0.0.0/0"), ("any", "::/0")]
    assert len(group.topology.firewall_rules) == 4


def test_scanned_rules_reach_every_target_one_for_one(cloud, connector_catalog, tmp_path):
    inventory = _scan(connector_catalog)
    assert [r.name for r in inventory.resources if r.kind == Kind.SECURITY_GROUP] == [
        "default",
        "web",
    ]
    assert assert_faithful(inventory, tmp_path) >= 3
    assert_sites_apart(inventory)


def test_scanned_listeners_and_records_reach_every_target(cloud, connector_catalog, tmp_path):
    inventory = _scan(connector_catalog)
    lb = next(r for r in inventory.resources if r.kind == Kind.LOAD_BALANCER)
    zone = next(r for r in inventory.resources if r.kind == Kind.DNS_ZONE)
    assert [(x.port, x.target_port) for x in lb.topology.listeners] == [(443, 80)]
    assert {r.type for r in zone.topology.records} == {"A", "MX"}
    for provider, region in TARGETS:
        out = tmp_path / provider
        written = render(inventory, provider, region, out)
        assert check_errors(out) == [], provider
        text = "\n".join(t for files in written.values() for t in files.values())
        if provider == "opennebula":
            continue  # no load balancer or DNS resources there: the README says so
        assert "51.38.2.20" in text and "10 mx.example.net." in text, provider
        # the HTTPS listener on 443 sends to the members' port 80
        assert re.search(r"(inbound_port|listener_port|\bport)\s+=\s+443\b", text), provider
        assert re.search(r"(forward_port|protocol_port|\bport)\s+=\s+80\b", text), provider
