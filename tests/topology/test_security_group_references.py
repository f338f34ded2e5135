"""OpenStack machines linked only by a security-group reference move together: inframap's
Terraform state holds two instances, each on a port in its own group, one group admitting the
other's members (``remote_group_id``). No target rule can name a group on another site, so
apart they would lose that traffic without a word."""

from __future__ import annotations

import copy
from pathlib import Path

import cloudexit
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from cloudexit.model.policy import AntiAffinity, Capacity
from cloudexit.optimise.attachments import group_references

STATE = "tfstate-v4-openstack-lb-inframap.tfstate.json"
ADMITTED = "51a31efd-09ec-45a9-904f-f79fb41d67a1"  # on a port in the group another admits
BEHIND_BALANCER = "c74857da-3565-404a-8983-be3e1ec6839b"


def _inventory(shared_dir: Path) -> Inventory:
    return import_files([shared_dir / "corpus" / STATE])


def test_machines_a_group_reference_links_are_placed_on_one_site(shared_dir: Path) -> None:
    """Scaleway takes one instance here: the two machines were split between Scaleway and
    OVHcloud."""
    policy = cloudexit.Policy(
        targets=["scaleway", "ovhcloud"],
        min_providers=1,
        capacity=[Capacity(provider="scaleway", max_instances=1)],
    )
    plan = cloudexit.plan(_inventory(shared_dir), policy)
    sites = {
        p.resource_id: (p.choice.provider, p.choice.region)
        for p in plan.placements
        if p.resource_id in (ADMITTED, BEHIND_BALANCER)
    }
    assert len(sites) == 2 and len(set(sites.values())) == 1


def test_a_self_reference_or_an_anti_affinity_tag_links_nothing(shared_dir: Path) -> None:
    inventory = _inventory(shared_dir)
    assert group_references(inventory) == [(BEHIND_BALANCER, ADMITTED)]
    tagged = copy.deepcopy(inventory)
    tagged.by_id()[ADMITTED].tags["ha"] = "web"
    policy = cloudexit.Policy(targets=["scaleway"], anti_affinity=[AntiAffinity(tag_key="ha")])
    assert group_references(tagged, policy) == []
    # Neutron's default group admits its own members: that names no other machine
    selfish = copy.deepcopy(inventory)
    for r in selfish.resources:
        for rule in r.topology.firewall_rules:
            for end in rule.peers:
                if end.kind == "group":
                    end.value = r.id
    assert group_references(selfish) == []


def test_a_wide_group_links_nothing_and_is_named(shared_dir: Path) -> None:
    """A group many machines hold ("default", "bastion") glued every one of them, and every
    machine of each group it names, into one site: most of an estate, often past any site."""
    from cloudexit.optimise.attachments import WIDE_GROUP, wide_group_warnings

    inventory = _inventory(shared_dir)
    admitted = inventory.by_id()[ADMITTED]
    for n in range(WIDE_GROUP):
        inventory.resources.append(admitted.model_copy(update={"id": f"{ADMITTED}-{n}"}, deep=True))
    assert group_references(inventory) == []
    policy = cloudexit.Policy(targets=["scaleway"])
    (line,) = wide_group_warnings(inventory, policy)
    assert line.startswith("security group ") and f"more than {WIDE_GROUP}" in line


def test_a_unit_joined_by_a_group_reference_is_named_by_it(shared_dir: Path) -> None:
    """An infeasibility diagnosis named such a unit "attached:<machine id>", which told a
    reader nothing of the security-group rule that joined the machines."""
    from cloudexit.optimise.units import colocation_groups

    inventory = _inventory(shared_dir)
    groups = colocation_groups(
        inventory, cloudexit.Policy(targets=["scaleway"]), {r.id for r in inventory.resources}
    )
    name = groups[ADMITTED]
    assert groups[BEHIND_BALANCER] == name
    assert "joined by security-group reference " in name and " -> " in name
