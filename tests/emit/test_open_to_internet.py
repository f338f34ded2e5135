"""Source firewall rules that open SSH, RDP, database ports or every port to the whole internet
are written as they are, and the plan and the runbook say so, naming rule and group."""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path

import hcl2

import cloudexit
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from cloudexit.model.open_ports import Exposure, exposure, opened
from cloudexit.model.plan import Plan
from cloudexit.model.topology import FirewallRule
from tests.helpers import inventory, resource

CAI = "gcp-cai-export-forseti.jsonl"
FIREWALLS = "//compute.googleapis.com/projects/{}/global/firewalls/{}"


@functools.cache
def _cai_plan(shared_dir: Path) -> Plan:
    inv = import_files([shared_dir / "corpus" / CAI])
    return cloudexit.plan(inv, cloudexit.Policy(targets=["scaleway"], min_providers=1))


def test_real_export_warns_of_ssh_and_rdp_open_to_the_internet(
    shared_dir: Path, tmp_path: Path
) -> None:
    plan = _cai_plan(shared_dir)
    lines = [w for w in plan.warnings if w.startswith("source firewall rule open to the internet")]
    assert len(lines) == 3
    for project, group, opens in [
        ("project1", "default-allow-ssh", "SSH 22"),
        ("project2", "default-allow-ssh", "SSH 22"),
        ("project2", "default-allow-rdp", "RDP 3389"),
    ]:
        gid = FIREWALLS.format(project, group)
        assert any(f"in group {group} ({gid}) opens {opens} to cidr:0.0.0.0/0" in w for w in lines)
    # Open to private ranges, to the load balancers' probes, or ICMP only: no warning.
    assert not any("default-allow-internal" in w or "https-lb" in w for w in lines)
    assert not any("icmp" in w for w in lines)

    cloudexit.emit(plan, tmp_path)
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    section = runbook.split("## Firewall rules open to the internet", 1)[1].split("\n## ", 1)[0]
    items = [line for line in section.splitlines() if line.startswith("- [ ] ")]
    assert len(items) == 3
    assert any(
        "rule default-allow-rdp (tcp 3389) in security group default-allow-rdp "
        f"(`{FIREWALLS.format('project2', 'default-allow-rdp')}`) opens RDP 3389" in i
        for i in items
    )

    # Written faithfully: the group still lets TCP 22 in from anywhere, nothing wider.
    ssh_gid = FIREWALLS.format("project1", "default-allow-ssh")
    (site,) = {w.split(" on ", 1)[1].split(";", 1)[0] for w in lines if f"({ssh_gid})" in w}
    tf = hcl2.loads((tmp_path / "terraform" / site / "security_groups.tf").read_text())
    groups = {
        body["description"]: body
        for entry in tf["resource"]
        for body in entry.get('"scaleway_instance_security_group"', {}).values()
    }
    ssh = groups[
        f'"cloudexit: from gcp compute.googleapis.com/Firewall {FIREWALLS.format("project1", "default-allow-ssh")}"'
    ]
    inbound = [(r["protocol"], r.get("port"), r["ip_range"]) for r in ssh["inbound_rule"]]
    assert inbound == [('"TCP"', 22, '"0.0.0.0/0"')]


def _rule(**fields: object) -> FirewallRule:
    base: dict[str, object] = {
        "direction": "ingress",
        "protocol": "tcp",
        "sources": [{"kind": "cidr", "value": "0.0.0.0/0"}],
        "destinations": [{"kind": "any"}],
    }
    return FirewallRule.model_validate({**base, **fields})


def test_what_counts_as_open() -> None:
    assert opened(_rule(ports=[{"low": 22, "high": 22}])) == "SSH 22"
    assert opened(_rule(ports=[{"low": 3000, "high": 6000}])) == (
        "MySQL 3306, RDP 3389, PostgreSQL 5432, VNC 5900, CouchDB 5984"
    )
    assert opened(_rule(protocol="any")) == "every port"
    assert opened(_rule(protocol="udp", ports=[{"low": 1, "high": 65535}])) == "every UDP port"
    six = [{"kind": "cidr", "value": "::/0"}]
    assert opened(_rule(ports=[{"low": 27017, "high": 27017}], sources=six)) == "MongoDB 27017"
    tag = [{"kind": "tag", "value": "Internet"}]
    assert opened(_rule(ports=[{"low": 1433, "high": 1433}], sources=tag)) == "SQL Server 1433"
    assert opened(_rule(ports=[{"low": 443, "high": 443}])) is None
    assert opened(_rule(ports=[{"low": 22, "high": 22}], action="deny")) is None
    narrow = [{"kind": "cidr", "value": "203.0.113.0/24"}]
    assert opened(_rule(ports=[{"low": 22, "high": 22}], sources=narrow)) is None
    assert opened(_rule(protocol="icmp")) is None
    out = _rule(direction="egress", destinations=[{"kind": "any"}], sources=[{"kind": "any"}])
    assert opened(out) is None


def test_hostile_names_stay_one_escaped_line(tmp_path: Path) -> None:
    name = "ssh\n## Injected | `x` <b>"
    group = resource(
        "sg-1\r\n",
        kind="network.security_group",
        type="AWS::EC2::SecurityGroup",
        name="grp\n- [x] done",
        attributes={},
        region="eu-west-1",
        topology={
            "firewall_rules": [
                _rule(name=name, ports=[{"low": 22, "high": 22}]).model_dump(exclude_none=True)
            ]
        },
    )
    inv = Inventory.model_validate(inventory(group))
    plan = cloudexit.plan(inv, cloudexit.Policy(targets=["scaleway"], min_providers=1))
    (line,) = [w for w in plan.warnings if w.startswith("source firewall rule open")]
    assert "\n" not in line and "\r" not in line
    assert "ssh\\n## Injected" in line and "grp\\n- [x] done" in line
    cloudexit.emit(plan, tmp_path)
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    assert "\n## Injected" not in runbook
    assert "\n- [x] done" not in runbook
    section = runbook.split("## Firewall rules open to the internet", 1)[1].split("\n## ", 1)[0]
    (item,) = [line for line in section.splitlines() if line.startswith("- [ ] ")]
    assert item == (
        "- [ ] scaleway/fr-par: rule ssh\\\\n## Injected \\| \\`x\\` \\<b> (tcp 22) in security group "
        "grp\\\\n- \\[x\\] done (`sg-1\\r\\n`) opens SSH 22 to cidr:0.0.0.0/0: close or narrow it "
        "before applying."
    )
    assert "opens SSH 22 to cidr:0.0.0.0/0" in item


AZURE_VMS = "tfplan-azure-vms-tfcompliance.json"


def _azure_plan_with(shared_dir: Path, tmp_path: Path, *extra: dict[str, object]) -> Plan:
    """The real Azure plan, with deny rules added beside its two allow rules as a user's next
    plan would add them (``network_security_group_name`` names the group)."""
    data = json.loads((shared_dir / "corpus" / AZURE_VMS).read_text(encoding="utf-8"))
    modules = data["planned_values"]["root_module"]["child_modules"]
    for n, values in enumerate(extra):
        group = str(values["network_security_group_name"])
        module = next(
            m
            for m in modules
            for r in m["resources"]
            if r["type"] == "azurerm_network_security_group" and r["values"]["name"] == group
        )
        allow = next(r for r in module["resources"] if r["type"] == "azurerm_network_security_rule")
        rule = copy.deepcopy(allow)
        rule["name"] = f"deny{n}"
        rule["address"] = f"{module['address']}.azurerm_network_security_rule.deny{n}"
        rule["values"].update(values)
        module["resources"].append(rule)
        change = next(c for c in data["resource_changes"] if c["address"] == allow["address"])
        added = copy.deepcopy(change)
        added.update(address=rule["address"], name=rule["name"])
        added["change"]["after"].update(values)
        data["resource_changes"].append(added)
        calls = data["configuration"]["root_module"]["module_calls"]
        declared = calls[module["address"].removeprefix("module.")]["module"]["resources"]
        config = copy.deepcopy(
            next(r for r in declared if r["address"] == "azurerm_network_security_rule.vm")
        )
        config.update(address=f"azurerm_network_security_rule.{rule['name']}", name=rule["name"])
        declared.append(config)
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / AZURE_VMS
    path.write_text(json.dumps(data), encoding="utf-8")
    inv = import_files([path], planned=True)
    # Scaleway prices a Windows Server licence, so both VMs move and both groups are written
    # (where the Windows VM stays on Azure, its group stays with it and no rule is written).
    return cloudexit.plan(inv, cloudexit.Policy(targets=["scaleway"], min_providers=1))


def _open_lines(plan: Plan) -> list[str]:
    return [w for w in plan.warnings if w.startswith("source firewall rule open to the internet")]


def _deny(group: str, priority: int, port: str, source: str = "*") -> dict[str, object]:
    return {
        "access": "Deny",
        "name": f"deny-{port}-{priority}",
        "network_security_group_name": group,
        "priority": priority,
        "destination_port_range": port,
        "source_address_prefix": source,
        "description": None,
    }


def test_real_nsg_allow_rules_are_warned_until_a_deny_of_higher_priority_closes_them(
    shared_dir: Path, tmp_path: Path
) -> None:
    lines = _open_lines(_azure_plan_with(shared_dir, tmp_path / "as-is"))
    assert len(lines) == 2
    assert any("allow_remote_22_in_all" in w and "opens SSH 22 to any on" in w for w in lines)
    assert any("allow_remote_3389_in_all" in w and "opens RDP 3389 to any on" in w for w in lines)

    # SSH denied to everyone at 90, before the allow at 100; RDP denied only at 200, after it.
    plan = _azure_plan_with(
        shared_dir,
        tmp_path / "denied",
        _deny("myvm-nsg", 90, "22"),
        _deny("mywinvm-nsg", 200, "3389"),
    )
    lines = _open_lines(plan)
    assert len(lines) == 1
    assert "allow_remote_3389_in_all" in lines[0] and "narrowed" not in lines[0]


def test_real_nsg_allow_rule_denied_first_to_part_of_the_internet_is_warned_as_narrowed(
    shared_dir: Path, tmp_path: Path
) -> None:
    plan = _azure_plan_with(
        shared_dir,
        tmp_path,
        _deny("myvm-nsg", 90, "20-23", "198.51.100.0/24"),
        _deny("myvm-nsg", 95, "3389"),  # another port: cuts nothing of SSH
    )
    lines = _open_lines(plan)
    ssh = next(w for w in lines if "allow_remote_22_in_all" in w)
    assert (
        "opens SSH 22 to any (narrowed: deny-20-23-90, evaluated first, denies part of it)" in ssh
    )
    cloudexit.emit(plan, tmp_path / "out")
    runbook = (tmp_path / "out" / "runbook.md").read_text(encoding="utf-8")
    assert "opens SSH 22 to any (narrowed: deny-20-23-90, evaluated first" in runbook


def test_deny_rules_evaluated_first_are_subtracted_exactly() -> None:
    world = [{"kind": "any"}]
    allow = _rule(priority=100, sources=world, protocol="any")
    deny_tcp = _rule(priority=90, action="deny", sources=world, ports=[{"low": 22, "high": 22}])
    # Every TCP port is still open but 22, every UDP port too.
    assert opened(allow, [allow, deny_tcp]) == "every port except TCP 22"
    # A deny of equal priority wins (GCP); one evaluated later takes nothing back.
    ssh = _rule(priority=100, sources=world, ports=[{"low": 22, "high": 22}])
    tie = deny_tcp.model_copy(update={"priority": 100})
    late = deny_tcp.model_copy(update={"priority": 101})
    assert opened(ssh, [ssh, tie]) is None
    assert opened(ssh, [ssh, late]) == "SSH 22"
    # IPv4 wholly denied in two halves still leaves IPv6 open; both families close it.
    halves = [
        _rule(priority=10, action="deny", sources=[{"kind": "cidr", "value": c}])
        for c in ("0.0.0.0/1", "128.0.0.0/1")
    ]
    assert exposure(ssh, [ssh, *halves]) == Exposure("SSH 22", ("priority 10",))
    six = _rule(priority=10, action="deny", sources=[{"kind": "cidr", "value": "::/0"}])
    assert opened(ssh, [ssh, *halves, six]) is None
    v4 = _rule(priority=100, ports=[{"low": 22, "high": 22}])
    assert opened(v4, [v4, *halves]) is None
    # One half only: narrowed, the deny named.
    named = halves[0].model_copy(update={"name": "deny-low-half"})
    assert exposure(v4, [v4, named]) == Exposure("SSH 22", ("deny-low-half",))
    # A deny guarding one tagged machine does not close the rule for the others.
    tagged = _rule(
        priority=10, action="deny", sources=world, destinations=[{"kind": "tag", "value": "db"}]
    )
    assert opened(v4, [v4, tagged]) == "SSH 22"
    # Every TCP port opened, 3000-4000 denied first: the rest still open.
    wide = _rule(priority=100, ports=[{"low": 1, "high": 65535}])
    cut = _rule(priority=5, action="deny", sources=world, ports=[{"low": 3000, "high": 4000}])
    assert opened(wide, [wide, cut]) == "every TCP port except 3000-4000"
    # Rules without priorities (security groups) are never taken back.
    assert opened(_rule(ports=[{"low": 22, "high": 22}]), [deny_tcp]) == "SSH 22"
