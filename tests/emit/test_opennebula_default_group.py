"""OpenNebula adds its default security group (ID 0, all traffic) to every new network, and a
machine takes its network's groups as well as its own: left there, it admits what a machine's own
groups (a firewall appliance's, a server's) do not. Every network written carries a group that
admits nothing instead; a machine whose source named no group keeps group 0, said so."""

from __future__ import annotations

import re
from pathlib import Path

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from tests.helpers import corpus_inventory, one_target_policy


def _emit(tmp_path: Path, export: str) -> Path:
    catalog = load_catalog()
    plan = api.plan(corpus_inventory(export), one_target_policy("opennebula"), catalog)
    api.emit(plan, tmp_path, catalog=catalog)
    return tmp_path / "terraform" / "opennebula"


def _blocks(text: str, rtype: str) -> dict[str, str]:
    return dict(re.findall(rf'resource "{rtype}" "([^"]+)" {{\n(.*?)\n}}', text, re.DOTALL))


def _check(root: Path, shared_dir: Path) -> None:
    from cloudexit.tfcheck.run import check_folder

    report = check_folder(root, shared_dir / "reference" / "terraform-provider-schemas.json")
    assert [f.line() for f in report.errors] == []


def test_firewall_appliances_are_not_left_to_the_default_group(tmp_path, shared_dir):
    root = _emit(tmp_path, "tfplan-azure-firewall-infracost.json")
    _check(root, shared_dir)
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.tf")))
    networks = _blocks(text, "opennebula_virtual_network")
    assert networks
    for body in networks.values():
        assert "security_groups   = [opennebula_security_group.network_default_closed.id]" in body
    closed = _blocks(text, "opennebula_security_group")["network_default_closed"]
    # its one rule names a documentation address only: it admits nothing
    assert 'ip        = "192.0.2.1"' in closed and 'size      = "1"' in closed
    appliances = _blocks(text, "opennebula_virtual_machine")
    assert len(appliances) == 5
    for body in appliances.values():
        assert "var.firewall_appliance_image_id" in body
        assert "security_groups = [0]" not in body
        assert "only its network's closed group, which admits nothing" in body
    readme = next(root.rglob("README.md")).read_text(encoding="utf-8")
    assert "## OpenNebula's default security group" in readme
    assert "keep group 0" not in readme


def test_machines_with_groups_lose_group_0_and_those_without_keep_it(tmp_path, shared_dir):
    root = _emit(tmp_path, "gcp-cai-export-forseti.jsonl")
    _check(root, shared_dir)
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.tf")))
    machines = _blocks(text, "opennebula_virtual_machine")
    grouped = [b for b in machines.values() if "security_groups = [opennebula_security_group" in b]
    open_ = [b for b in machines.values() if "security_groups = [0]" in b]
    assert grouped, "Forseti's instances carry their firewall rules"
    assert len(grouped) + len(open_) == len(machines)
    readme = "\n".join(p.read_text(encoding="utf-8") for p in sorted(root.rglob("README.md")))
    for body in open_:
        name = re.search(r'name += "([^"]+)"', body)
        assert name is not None
    if open_:
        assert "keep group 0 on their interface, as before (all" in readme


def test_a_private_zone_resolver_keeps_group_0_as_its_network_gave_it(tmp_path):
    from cloudexit.model.inventory import Inventory
    from tests.emit.test_firewall_appliance import catalog
    from tests.emit.test_private_zone_runbook import zone
    from tests.helpers import inventory

    estate = Inventory.model_validate(
        inventory(zone("internal.shop", "privatednszones", zone_type="Private"))
    )
    plan = api.plan(estate, one_target_policy("opennebula"), catalog())
    api.emit(plan, tmp_path / "out", catalog=catalog())
    text = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((tmp_path / "out").rglob("*.tf"))
    )
    (body,) = _blocks(text, "opennebula_virtual_machine").values()
    # it answers the network's queries: not shut behind the closed group
    assert "security_groups = [0]" in body


def test_machines_behind_groups_the_export_lacks_do_not_take_group_0(tmp_path, shared_dir):
    """The recorded DescribeInstances response names each running instance's VPC default group
    (members of the group only, inbound) without its rules: group 0 would admit all traffic, and
    the source did name a group, so the machine keeps only its network's closed group."""
    root = _emit(tmp_path, "aws-ec2-describe-instances-c7n-placebo.json")
    _check(root, shared_dir)
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.tf")))
    machines = _blocks(text, "opennebula_virtual_machine")
    assert len(machines) == 3
    for body in machines.values():
        assert "security_groups = [0]" not in body
        assert "only its network's closed group, which admits nothing" in body
    readme = "\n".join(p.read_text(encoding="utf-8") for p in sorted(root.rglob("README.md")))
    assert "keep group 0" not in readme
    assert "admit no traffic until their rules are written: `i-" in readme


def test_the_warning_says_what_a_machine_behind_a_group_not_held_admits() -> None:
    plan = api.plan(
        corpus_inventory("aws-ec2-describe-instances-c7n-placebo.json"),
        one_target_policy("opennebula"),
        load_catalog(),
    )
    said = [w for w in plan.warnings if "the inventory does not hold" in w]
    assert len(said) == 3
    for line in said:
        assert "default firewall" not in line
        assert "admits no traffic" in line


def test_a_rule_open_to_any_ipv4_address_admits_no_ipv6(tmp_path, shared_dir):
    # A rule with no address is written for ip6tables too, and an ipset net takes no /0: the
    # source's 0.0.0.0/0 is written as its two halves, never as a rule with no address.
    root = _emit(tmp_path, "tfplan-aws-55res-checkov.json")
    _check(root, shared_dir)
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.tf")))
    rules = [
        rule
        for body in _blocks(text, "opennebula_security_group").values()
        for rule in re.findall(r"  rule \{\n(.*?)\n  \}", body, re.DOTALL)
    ]
    assert rules
    assert all("    ip " in rule and "    size " in rule for rule in rules)
    halves = [r for r in rules if 'ip        = "128.0.0.0"' in r]
    assert halves and all('size      = "2147483648"' in r for r in halves)
