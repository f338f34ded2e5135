"""Recorded source data -> inventory -> plan onto each target -> Terraform security groups.

For every source shape: each written rule is inside a source rule (none wider), each source
allow rule a target can write exactly is written one for one, every site's Terraform passes
the schema check, and the sites of a plan never share a private range.
"""

from __future__ import annotations

import ipaddress
import json
from pathlib import Path

from cloudexit.api import inventory as import_inventory
from cloudexit.api import load_catalog
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import build_sites, render_site
from cloudexit.model.inventory import Inventory
from cloudexit.model.kinds import Kind
from tests.emit.whole_plans import whole_plan
from tests.helpers import corpus_file
from tests.topology.roundtrip import (
    TARGETS,
    check_errors,
    render,
    source_group_tuples,
    source_tuples,
    terraform_rules,
    within,
)

DATA = Path(__file__).resolve().parents[1] / "data"


def corpus(name: str) -> Path:
    return corpus_file(name)


def assert_faithful(inventory: Inventory, tmp_path: Path, expect_rules: bool = True) -> int:
    groups = {r.id: r for r in inventory.resources if r.kind == Kind.SECURITY_GROUP}
    assert groups, "the source holds security groups"
    compared = 0
    for provider, region in TARGETS:
        out = tmp_path / provider
        written = render(inventory, provider, region, out)
        assert check_errors(out) == [], provider
        for files in written.values():
            found = terraform_rules(provider, files.get("security_groups.tf", ""))
            for group in groups.values():
                local = next((k for k in found if k.endswith(" " + group.id)), None)
                if local is None:
                    continue  # not written here (the README says why)
                expected = source_tuples(group.topology.firewall_rules)
                got = found[local]
                peers = expected | _tag_ranges(group, inventory)
                peers |= source_group_tuples(group.topology.firewall_rules)
                wide = {t for t in got if not within(t, peers)}
                assert not wide, (provider, group.name, wide)
                exact = {t for t in expected if _writable(t, provider)}
                assert exact <= got, (provider, group.name, exact - got)
                compared += len(exact)
            compared += _combined_faithful(provider, found, groups, inventory)
    if expect_rules:
        assert compared > 0
    return compared


def _combined_faithful(provider, found, groups, inventory) -> int:  # type: ignore[no-untyped-def]
    """A group holding the rules of several source groups: the union of theirs, none wider."""
    compared = 0
    for described, got in found.items():
        ids = described.rsplit(" ", 1)[-1].split("+")
        if len(ids) < 2:
            continue
        assert all(i in groups for i in ids), described
        rules = [r for i in ids for r in groups[i].topology.firewall_rules]
        expected = source_tuples(rules)
        tags = set().union(*(_tag_ranges(groups[i], inventory) for i in ids))
        wide = {t for t in got if not within(t, expected | tags)}
        assert not wide, (provider, described, wide)
        exact = {t for t in expected if _writable(t, provider)}
        assert exact <= got, (provider, described, exact - got)
        compared += len(exact)
    return compared


def assert_vms_keep_their_groups(inventory: Inventory) -> int:
    """Every placed VM is associated, in its Terraform, with each of its source groups written at
    its site, its subnets' groups included (one combined group where the target takes one per
    server, one layered group for a NIC and a subnet group). Returns the VMs seen."""
    env = make_environment(None)
    seen = 0
    for provider, region in TARGETS:
        plan = whole_plan(inventory, provider, region)
        for site in build_sites(plan, env, load_catalog()):
            text = "\n".join(render_site(site, env).values())
            gone = {s.resource.id for s in site.skipped}
            for item in site.items:
                topology = item.resource.topology
                wanted = {*topology.security_groups, *topology.subnet_security_groups} - gone
                if item.resource.kind != Kind.VM or not wanted:
                    continue
                got: set[str] = set()
                for group in item.security_groups:
                    got |= {m.resource.id for m in group.members} or {group.resource.id}
                    assert f"{group.address}.id" in text, (provider, item.name, group.address)
                assert got == wanted, (provider, item.name)
                if site.one_group:
                    assert len(item.security_groups) == 1, (provider, item.name)
                seen += 1
    return seen


# Google's load-balancer probes come from these; no target publishes its own balancers' probe
# ranges, so a rule admitting them is left out and listed, never carried.
_GOOGLE_PROBES = [ipaddress.ip_network(r) for r in ("130.211.0.0/22", "35.191.0.0/16")]


def _writable(t: tuple[str, str, int | None, int | None, str], provider: str) -> bool:
    network = ipaddress.ip_network(t[4])
    if any(network.version == g.version and network.subnet_of(g) for g in _GOOGLE_PROBES):  # type: ignore[arg-type]
        return False
    v6 = network.version == 6
    if provider == "opennebula":
        return not v6 and t[1] in ("tcp", "udp", "icmp", "any")
    if provider == "scaleway":
        return t[1] in ("tcp", "udp", "icmp", "any")
    return True


def _tag_ranges(group, inventory):  # type: ignore[no-untyped-def]
    """VirtualNetwork and Internet tags as the translator maps them: any private site range."""
    out = set()
    for rule in group.topology.firewall_rules:
        if rule.action != "allow":
            continue
        for e in rule.peers:
            if e.kind == "tag" and e.value.lower() == "internet":
                out.add((rule.direction, rule.protocol, None, None, "0.0.0.0/0"))
                out |= {
                    (rule.direction, rule.protocol, p.low, p.high, "0.0.0.0/0") for p in rule.ports
                }
            if e.kind == "tag" and e.value.lower() == "virtualnetwork":
                for private in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"):
                    out.add((rule.direction, rule.protocol, None, None, private))
    return out


def assert_sites_apart(inventory: Inventory) -> None:
    env = make_environment(None)
    for provider, region in TARGETS:
        ranges = [
            ipaddress.ip_network(sub.cidr)
            for site in build_sites(whole_plan(inventory, provider, region), env)
            for net in site.networks
            for sub in net.subnets
        ]
        nets = [
            ipaddress.ip_network(net.cidr)
            for site in build_sites(whole_plan(inventory, provider, region), env)
            for net in site.networks
            if net.cidr
        ]
        for i, a in enumerate(nets):
            for b in nets[i + 1 :]:
                assert not a.overlaps(b), (provider, a, b)
        assert ranges


def test_gcp_cloud_asset_firewalls(tmp_path: Path) -> None:
    inventory = import_inventory("import", corpus("gcp-cai-export-forseti.jsonl"))
    firewalls = [r for r in inventory.resources if r.type == "compute.googleapis.com/Firewall"]
    assert len(firewalls) == 7
    assert all(r.topology.firewall_rules for r in firewalls)
    https = next(r for r in firewalls if r.name == "default-allow-https-lb")
    ingress = [r for r in https.topology.firewall_rules if r.direction == "ingress"]
    assert {(p.low, p.high) for r in ingress for p in r.ports} == {(80, 80), (443, 443)}
    assert {e.value for r in ingress for e in r.sources} == {"130.211.0.0/22", "35.191.0.0/16"}
    assert_faithful(inventory, tmp_path)
    assert_sites_apart(inventory)
    # three instances each with three firewalls of their network: one group per server on
    # Scaleway holding the three
    assert assert_vms_keep_their_groups(inventory) >= 3 * len(TARGETS)


def test_azure_terraform_plan_network_security_rules(tmp_path: Path) -> None:
    inventory = import_inventory(
        "import", corpus("tfplan-azure-vms-tfcompliance.json"), planned=True
    )
    groups = [r for r in inventory.resources if r.kind == Kind.SECURITY_GROUP]
    # Each rule resource joins its group; the group also holds Azure's six default rules.
    assert len(groups) == 2
    custom = sorted(
        (r.ports[0].low, r.sources[0].kind)
        for g in groups
        for r in g.topology.firewall_rules
        if r.priority == 100
    )
    assert custom == [(22, "any"), (3389, "any")]
    assert all(len(g.topology.firewall_rules) == 7 for g in groups)
    assert_faithful(inventory, tmp_path)
    # the NIC's NSG association reaches the VM, and every target's server names the group
    vms = [r for r in inventory.resources if r.kind == Kind.VM]
    assert all(len(vm.topology.security_groups) == 1 for vm in vms) and len(vms) == 2
    assert assert_vms_keep_their_groups(inventory) == 2 * len(TARGETS)


def test_azure_arm_network_security_group_body(tmp_path: Path) -> None:
    rows = json.loads((DATA / "azure" / "resources.json").read_text())["rows"]
    bodies = [
        r
        for r in rows
        if isinstance(r, dict) and str(r.get("type", "")).lower().endswith("networksecuritygroups")
    ]
    assert bodies, "the recorded Azure estate holds an NSG"
    listing = tmp_path / "nsg-list.json"
    listing.write_text(json.dumps({"value": bodies}))
    inventory = import_inventory("import", listing)
    group = next(r for r in inventory.resources if r.kind == Kind.SECURITY_GROUP)
    raw = bodies[0]["properties"]["securityRules"]
    assert len([r for r in group.topology.firewall_rules if (r.priority or 0) < 65000]) == len(raw)
    assert_faithful(inventory, tmp_path)


def test_openstack_state_security_group_rules(tmp_path: Path) -> None:
    inventory = import_inventory("import", corpus("tfstate-v4-openstack-lb-inframap.tfstate.json"))
    groups = [g for g in inventory.resources if g.kind == Kind.SECURITY_GROUP]
    rules = [r for g in groups for r in g.topology.firewall_rules]
    # The recorded rule names a remote group: kept as such, never widened to an address range.
    assert [(r.protocol, r.sources[0].kind) for r in rules if r.direction == "ingress"] == [
        ("any", "group")
    ]
    # The state keeps Neutron's default rules on (no delete_default_rules): all egress, v4 and v6.
    # (The rule itself stays a group of its own: the stripped state does not say whose it is.)
    egress = sorted((r.protocol, r.destinations[0].value) for r in rules if r.direction == "egress")
    assert egress == sorted([("any", "0.0.0.0/0"), ("any", "::/0")] * 3)
    assert sorted(g.type for g in groups).count("openstack_networking_secgroup_v2") == 3
    assert_faithful(inventory, tmp_path)
    for provider, region in TARGETS:
        readme = "\n".join(
            files.get("README.md", "")
            for files in render(inventory, provider, region, tmp_path / f"r-{provider}").values()
        )
        assert "cannot be written as an address range" in readme or "not written" in readme.lower()


def test_terraform_link_resources_become_attachments_and_groups() -> None:
    """An `aws_volume_attachment` (skipped as a resource) still ties the volume to its instance."""
    inventory = import_inventory("import", corpus("tfplan-aws-55res-checkov.json"), planned=True)
    by_id = inventory.by_id()
    volumes = [r for r in inventory.resources if r.kind == Kind.BLOCK_VOLUME]
    attached = [a.to for v in volumes for a in v.topology.attachments if a.relation == "volume"]
    assert attached and all(by_id[to].kind == Kind.VM for to in attached)


def test_a_source_firewall_written_as_a_security_group_is_translated_as_one(
    tmp_path: Path,
) -> None:
    """Cloud Armor (network.firewall) mapped to an OpenNebula security group: it filters a
    balancer's clients, not a machine's traffic, so no group is written for it; it is listed
    as an edge policy instead."""
    inventory = import_inventory("import", corpus("gcp-cai-export-forseti.jsonl"))
    env = make_environment(None)
    plan = whole_plan(
        inventory, "opennebula", "default", {"network.firewall": "opennebula_security_group"}
    )
    sites = build_sites(plan, env, load_catalog())
    policy = next(
        r for r in inventory.resources if r.type == "compute.googleapis.com/SecurityPolicy"
    )
    assert all(policy.id not in {i.resource.id for i in s.items} for s in sites)
    assert any(policy.id in {p.item.resource.id for p in s.edge_policies} for s in sites)
    for site in sites:
        folder = tmp_path / site.region
        folder.mkdir()
        for name, text in render_site(site, env).items():
            (folder / name).write_text(text, encoding="utf-8")
    assert check_errors(tmp_path) == []


def test_default_vpc_ranges_are_typed() -> None:
    """`aws_default_vpc` carries its range as `aws_vpc` does: the site keeps the source plan."""
    inventory = import_inventory("import", corpus("tfstate-showjson-aws-infracost-v0.14.json"))
    vpcs = [r for r in inventory.resources if r.type == "aws_default_vpc"]
    assert vpcs and all(v.topology.cidrs == ["172.31.0.0/16"] for v in vpcs)
    assert all("cidr_block" not in v.attributes.details for v in vpcs)
