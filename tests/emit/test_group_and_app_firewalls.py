"""A real Cloud Asset export (Forseti's test data): the machines of a managed instance group take
the firewall rules of the network their template names, as the instances on that network do, and
an App Engine application rebuilt as a server takes its firewall (its default rule: HTTP and
HTTPS from anywhere), never no group at all, and never more than the source allowed."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import hcl2

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from cloudexit.model.policy import Policy

EXPORT = "gcp-cai-export-forseti.jsonl"
IGM = "//compute.googleapis.com/projects/project1/regions/us-central1/instanceGroupManagers/igm-1"
INSTANCE = "//compute.googleapis.com/projects/project1/zones/us-central1-c/instances/iap_instance1"
APP = "//appengine.googleapis.com/apps/project3"


@functools.cache
def inventory(shared: Path) -> Inventory:
    return import_files([shared / "corpus" / EXPORT])


def written(shared: Path, out: Path) -> dict[str, dict[str, Any]]:
    plan = api.plan(inventory(shared), Policy(targets=["scaleway"]), load_catalog())
    api.emit(plan, out, catalog=load_catalog())
    found = {}
    for path in sorted((out / "terraform").glob("scaleway/*/*.tf")):
        for entry in hcl2.loads(path.read_text(encoding="utf-8")).get("resource", []):
            for rtype, bodies in entry.items():
                for name, body in bodies.items():
                    found[f"{rtype.strip(chr(34))}.{name.strip(chr(34))}"] = body
    return found


def test_a_group_takes_the_firewalls_of_its_templates_network(shared_dir):
    resources = inventory(shared_dir).by_id()
    group, instance = resources[IGM], resources[INSTANCE]
    # igm-1's template (it-1) is on project1's default network with the iap-tag network tag,
    # as iap_instance1 is: the same three rules apply to both
    assert group.topology.security_groups == instance.topology.security_groups
    assert len(group.topology.security_groups) == 3
    assert "//compute.googleapis.com/projects/project1/global/networks/default" in group.depends_on


def test_an_app_engine_application_takes_its_firewall(shared_dir):
    resources = inventory(shared_dir).by_id()
    (rule_id,) = resources[APP].topology.security_groups
    rules = resources[rule_id].topology.firewall_rules
    ingress = [r for r in rules if r.direction == "ingress"]
    assert {(r.protocol, tuple((p.low, p.high) for p in r.ports)) for r in ingress} == {
        ("tcp", ((80, 80), (443, 443)))
    }
    assert sorted(e.value for r in ingress for e in r.sources) == ["0.0.0.0/0", "::/0"]
    assert resources[rule_id].attributes.details["known_from"]


def test_written_machines_carry_their_firewall(shared_dir, tmp_path):
    found = written(shared_dir, tmp_path)
    servers = {a: b for a, b in found.items() if a.startswith("scaleway_instance_server.")}
    group_machines = [b for a, b in servers.items() if a.split(".")[1].startswith("igm_1")]
    assert len(group_machines) == 3
    instance_group = servers["scaleway_instance_server.iap_instance1"]["security_group_id"]
    for machine in group_machines:
        assert machine["security_group_id"] == instance_group
    app_group = servers["scaleway_instance_server.project3"]["security_group_id"]
    address = app_group.removeprefix("${").removesuffix(".id}")
    group = found[address]
    inbound = group["inbound_rule"]
    assert group["inbound_default_policy"] == '"drop"'
    assert sorted(r["port"] for r in inbound) == [80, 80, 443, 443]
    assert {r["protocol"] for r in inbound} == {'"TCP"'}


def test_the_plan_says_an_app_engine_rule_was_assumed_not_read(shared_dir):
    plan = api.plan(inventory(shared_dir), Policy(targets=["scaleway"]), load_catalog())
    assumed = [w for w in plan.warnings if "is not in the export: it is written from" in w]
    rule = f"{APP}/firewall/ingressRules/2147483647"
    assert any(rule in w and "App Engine's default rule" in w for w in assumed), assumed
    assert all("compare it with the live firewall before applying" in w for w in assumed)
