"""A rule naming another security group is written on OVHcloud as ``remote_group_id`` where that
group is written at the same site; reported otherwise, and on targets whose rules take ranges.

Real export: inframap's OpenStack state, where ilWCI admits all ingress from members of KFnza
(``openstack_networking_secgroup_rule_v2`` with ``remote_group_id``)."""

from __future__ import annotations

import functools
import re
from typing import Any

import pytest

from cloudexit import api
from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import build_sites, firewall_gaps, render_site
from cloudexit.model.inventory import Inventory
from tests.helpers import corpus_inventory, inventory, one_target_policy, resource

STATE = "tfstate-v4-openstack-lb-inframap.tfstate.json"
ILWCI = "openstack_networking_secgroup_v2.ilWCI"
KFNZA = "openstack_networking_secgroup_v2.KFnza"


@functools.cache
def catalog() -> Catalog:
    return load_catalog()


def _sites(inv: Inventory, target: str) -> tuple[list[Any], list[dict[str, str]]]:
    plan = api.plan(inv, one_target_policy(target), catalog())
    env = make_environment()
    sites = build_sites(plan, env, catalog())
    return sites, firewall_gaps(plan, env, catalog(), sites)


def _group_block(text: str, local: str) -> str:
    start = text.index(f'resource "ovh_cloud_security_group" "{local}"')
    return text[start : text.index("\n}\n", start)]


def test_the_openstack_group_reference_is_written_on_ovhcloud():
    sites, gaps = _sites(corpus_inventory(STATE), "ovhcloud")
    (site,) = sites
    ilwci = next(i for i in site.items if i.resource.name == ILWCI)
    kfnza = next(i for i in site.items if i.resource.name == KFNZA)
    assert [(r.direction, r.protocol, r.group) for r in ilwci.group_rules] == [
        ("ingress", "any", kfnza.address)
    ]
    # the old code listed it as a rule "cannot be written as an address range"
    assert not [g for g in gaps if g["group"] == ILWCI]
    text = render_site(site, make_environment())["security_groups.tf"]
    block = _group_block(text, ilwci.local)
    assert re.search(
        r'direction += "ingress"\n\s+ethernet_type += "IPv4"\n\s+remote_group_id = '
        rf"{re.escape(kfnza.address)}\.id\n",
        block,
    )
    assert "remote_group_id" not in _group_block(text, kfnza.local)


@pytest.mark.parametrize("target", ["scaleway", "ionos", "opennebula"])
def test_targets_whose_rules_take_ranges_still_report_it(target):
    _, gaps = _sites(corpus_inventory(STATE), target)
    (gap,) = [g for g in gaps if g["group"] == ILWCI and KFNZA in g["rule"]]
    assert "cannot be written as an address range" in gap["reason"]


def _group(rid: str, names: list[str]) -> dict[str, Any]:
    rules = [
        {
            "direction": "ingress",
            "protocol": "tcp",
            "ports": [{"low": 5432, "high": 5432}],
            "sources": [{"kind": "group", "value": far}],
            "destinations": [{"kind": "any"}],
        }
        for far in names
    ]
    return resource(
        rid,
        "network.security_group",
        provider="openstack",
        type="OS::Neutron::SecurityGroup",
        region="RegionOne",
        attributes={},
        monthly_cost={"amount": "0", "currency": "EUR", "source": "test"},
        topology={"firewall_rules": rules},
    )


def _server(rid: str, group: str) -> dict[str, Any]:
    return resource(
        rid,
        provider="openstack",
        type="OS::Nova::Server",
        region="RegionOne",
        topology={"security_groups": [group]},
    )


def test_self_mutual_and_absent_references_are_reported_not_written():
    inv = Inventory.model_validate(
        inventory(
            _group("sg-app", ["sg-db", "sg-app", "sg-gone"]),
            _group("sg-db", ["sg-app"]),
            _server("vm-app", "sg-app"),
            _server("vm-db", "sg-db"),
        )
    )
    sites, gaps = _sites(inv, "ovhcloud")
    (site,) = sites
    app = next(i for i in site.items if i.resource.id == "sg-app")
    db = next(i for i in site.items if i.resource.id == "sg-db")
    # sg-app comes first in site order: it names sg-db; sg-db naming it back would be a cycle
    assert [r.group for r in app.group_rules] == [db.address]
    assert db.group_rules == []
    reasons = {(g["group"], g["rule"].rsplit(":", 1)[-1]): g["reason"] for g in gaps}
    assert "refer to itself" in reasons[("sg-app", "sg-app")]
    assert "names this group back" in reasons[("sg-db", "sg-app")]
    assert "cannot be written as an address range" in reasons[("sg-app", "sg-gone")]
