"""A rule for every protocol limited to some ports admits only protocols that carry ports:
each target writes it as TCP and UDP on those ports, never as every protocol on every port."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cloudexit.api import emit as make_emit
from cloudexit.api import inventory as import_inventory
from cloudexit.api import plan as make_plan
from cloudexit.emit.terraform.firewall import translate
from cloudexit.model.policy import Policy
from cloudexit.model.topology import FirewallRule
from cloudexit.topology import aws, gcp, openstack
from tests.helpers import corpus_file

EXPORT = "tfplan-azure-vms-tfcompliance.json"
TARGETS = ["ionos", "opennebula", "ovhcloud", "scaleway"]


def _star_export(tmp_path: Path) -> Path:
    """The recorded plan with its RDP rule's protocol set to every protocol."""
    data = json.loads(corpus_file(EXPORT).read_text())
    found = 0
    modules = data["planned_values"]["root_module"].get("child_modules", [])
    written = [res.get("values") or {} for m in modules for res in m.get("resources", [])]
    changed = [(c.get("change") or {}).get("after") or {} for c in data["resource_changes"]]
    for values in written + changed:
        if values.get("destination_port_range") == "3389":
            values["protocol"] = "*"
            found += 1
    assert found == 2
    path = tmp_path / EXPORT
    path.write_text(json.dumps(data))
    return path


def _public(rules: list[FirewallRule], provider: str) -> set[tuple[str, int | None, int | None]]:
    out = translate(rules, ["10.0.2.0/24"], provider)
    return {
        (r.protocol, r.from_port, r.to_port)
        for r in out.rules
        if r.direction == "ingress" and r.cidr == "0.0.0.0/0"
    }


@pytest.mark.parametrize("provider", TARGETS)
def test_an_azure_rule_for_every_protocol_on_one_port_stays_on_that_port(
    tmp_path: Path, provider: str
) -> None:
    inventory = import_inventory("import", _star_export(tmp_path), planned=True)
    groups = [r for r in inventory.resources if r.name == "mywinvm-nsg"]
    assert len(groups) == 1
    rdp = [r for r in groups[0].topology.firewall_rules if r.name == "allow_remote_3389_in_all"]
    assert [(r.protocol, [p.text for p in r.ports]) for r in rdp] == [("any", ["3389"])]
    assert _public(groups[0].topology.firewall_rules, provider) == {
        ("tcp", 3389, 3389),
        ("udp", 3389, 3389),
    }


def test_the_written_scaleway_group_opens_tcp_and_udp_3389_only(tmp_path: Path) -> None:
    inventory = import_inventory("import", _star_export(tmp_path), planned=True)
    plan = make_plan(inventory, Policy.model_validate({"targets": ["scaleway"]}))
    make_emit(plan, tmp_path / "out")
    written = "\n".join(
        p.read_text() for p in sorted((tmp_path / "out" / "terraform").rglob("security_groups.tf"))
    )
    group = written[written.index('"mywinvm_nsg"') :]
    group = group[: group.index("\n}\n")]
    public = [b for b in group.split("inbound_rule {")[1:] if '"0.0.0.0/0"' in b]
    assert len(public) == 2
    assert all("port     = 3389" in b for b in public)
    assert sorted(b.split('protocol = "')[1].split('"')[0] for b in public) == ["TCP", "UDP"]


def test_a_gcp_rule_for_all_protocols_with_ports_keeps_them() -> None:
    mapped = gcp.firewall(
        {
            "name": "rdp",
            "direction": "INGRESS",
            "allowed": [{"IPProtocol": "all", "ports": ["3389"]}],
            "sourceRanges": ["0.0.0.0/0"],
        }
    )
    allowed = [r for r in mapped.topology.firewall_rules if r.name == "rdp"]
    assert _public(allowed, "scaleway") == {("tcp", 3389, 3389), ("udp", 3389, 3389)}


def test_an_openstack_rule_without_protocol_but_with_ports_keeps_them() -> None:
    mapped = openstack.rules(
        [
            {
                "direction": "ingress",
                "protocol": None,
                "port_range_min": 3389,
                "port_range_max": 3389,
                "remote_ip_prefix": "0.0.0.0/0",
            }
        ]
    )
    assert _public(mapped.topology.firewall_rules, "ovhcloud") == {
        ("tcp", 3389, 3389),
        ("udp", 3389, 3389),
    }


def test_an_aws_rule_for_all_protocols_is_every_port_as_aws_applies_it() -> None:
    # AWS: protocol -1 allows every port whatever range is given (EC2 API, IpPermission).
    mapped = aws.security_group(
        {
            "IpPermissions": [
                {
                    "IpProtocol": "-1",
                    "FromPort": 3389,
                    "ToPort": 3389,
                    "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
                }
            ]
        }
    )
    assert _public(mapped.topology.firewall_rules, "scaleway") == {("any", None, None)}
