"""checkov's real GCP network plan holds four egress allow rules (tcp 443, 80 and 443, every tcp
port, 80/443/3600) on one network and no egress deny: at the source they admit nothing the
network's implied allow-all egress does not. The target groups keep that allow-all egress (never
narrower than what the source let out) and the plan says the rules limit nothing. With an egress
deny on the network the allow-all is left out of every group of the network (never wider), and
the plan says the groups are now narrower than the source, unless the deny stops all egress."""

from __future__ import annotations

from pathlib import Path

import hcl2
import pytest

import cloudexit
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.topology import FirewallRule

NETWORK = "achia_test-peered-wss-network"
ALLOWS = (
    "egress-wss-valid-port443-allow",
    "egress-wss-valid-port80and443-allow",
    "egress-wss-all-ports-allow",
    "egress-wss-violating-port3600-allow",
)


def checkov(shared_dir: Path) -> Inventory:
    return import_files([shared_dir / "corpus" / "tfplan-gcp-network-checkov.json"], planned=True)


def with_deny(inventory: Inventory, deny: dict) -> Inventory:
    """The network's 443 rule's resource copied as a deny firewall rule of the same network."""
    (model,) = [r for r in inventory.resources if r.name == ALLOWS[0]]
    rules = [
        FirewallRule.model_validate(
            {"direction": "egress", "action": "deny", "priority": 65534, "name": "deny-out", **deny}
        ),
        *[r for r in model.topology.firewall_rules if r.priority == 65535],
    ]
    denied = Resource.model_validate(
        {
            **model.model_dump(),
            "id": model.id + "-deny",
            "name": "deny-out",
            "topology": {**model.topology.model_dump(), "firewall_rules": rules},
        }
    )
    return inventory.model_copy(update={"resources": [*inventory.resources, denied]})


def egress_written(out: Path) -> dict[str, list[dict]]:
    """Scaleway group name -> its outbound rules as written."""
    found: dict[str, list[dict]] = {}
    for path in sorted((out / "terraform").rglob("security_groups.tf")):
        for block in hcl2.loads(path.read_text(encoding="utf-8")).get("resource", []):
            for body in block.get('"scaleway_instance_security_group"', {}).values():
                found[body["name"].strip('"')] = body.get("outbound_rule", [])
    return found


def allow_all(rules: list[dict]) -> bool:
    return any(r["protocol"] == '"ANY"' and "port" not in r for r in rules)


def network_lines(plan: cloudexit.Plan) -> list[str]:
    return [w for w in plan.warnings if w.startswith(f"GCP network {NETWORK} ")]


def test_egress_rules_moot_under_the_implied_allow_are_said_so(shared_dir, tmp_path):
    plan = cloudexit.plan(checkov(shared_dir), cloudexit.Policy(targets=["scaleway"]))
    (said,) = network_lines(plan)
    for name in ALLOWS:
        assert name in said
    assert "(allow tcp 443 to cidr:0.0.0.0/0, priority 1000)" in said
    assert "admitted nothing at the source that the network's implied allow-all egress" in said
    assert "keep that allow-all egress" in said and "limit nothing there either" in said
    cloudexit.emit(plan, tmp_path)
    written = egress_written(tmp_path)
    assert set(ALLOWS) <= set(written)
    assert all(allow_all(written[name]) for name in ALLOWS)
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    assert f"GCP network {NETWORK} " in runbook


def test_a_partial_egress_deny_drops_the_implied_allow_and_the_narrowing_is_said(
    shared_dir, tmp_path
):
    deny = {"protocol": "tcp", "ports": [{"low": 25, "high": 25}]}
    deny |= {"sources": [{"kind": "any"}], "destinations": [{"kind": "cidr", "value": "0.0.0.0/0"}]}
    inventory = with_deny(checkov(shared_dir), deny)
    plan = cloudexit.plan(inventory, cloudexit.Policy(targets=["scaleway"]))
    (said,) = network_lines(plan)
    assert "deny-out (deny tcp 25 to cidr:0.0.0.0/0, priority 65534)" in said
    assert "written without that allow-all egress" in said and "narrower than the source" in said
    cloudexit.emit(plan, tmp_path)
    written = egress_written(tmp_path)
    # never wider: no group of the network lets tcp 25 out, the 443 rule is still written
    assert not any(allow_all(rules) for rules in written.values())
    assert any(r.get("port") == 443 for r in written[ALLOWS[0]])


@pytest.mark.parametrize("target", ["scaleway", "ovhcloud"])
def test_a_deny_of_all_egress_leaves_the_allow_rules_as_the_source_had_them(
    shared_dir, tmp_path, target
):
    deny = {"protocol": "any"}
    deny |= {"sources": [{"kind": "any"}], "destinations": [{"kind": "cidr", "value": "0.0.0.0/0"}]}
    plan = cloudexit.plan(with_deny(checkov(shared_dir), deny), cloudexit.Policy(targets=[target]))
    assert network_lines(plan) == []
    cloudexit.emit(plan, tmp_path)
    text = "".join(p.read_text() for p in sorted((tmp_path / "terraform").rglob("*.tf")))
    assert "443" in text
    if target == "scaleway":
        assert not any(allow_all(rules) for rules in egress_written(tmp_path).values())
