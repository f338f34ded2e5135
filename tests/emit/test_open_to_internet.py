"""Source firewall rules that open SSH, RDP, database ports or every port to the whole internet
are written as they are, and the plan and the runbook say so, naming rule and group."""

from __future__ import annotations

import functools
from pathlib import Path

import hcl2

import cloudexit
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from cloudexit.model.open_ports import opened
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
    (site,) = {w.split(" on ", 1)[1].split(";", 1)[0] for w in lines}
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
