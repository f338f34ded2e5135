"""A Cloud Armor security policy filters a balancer's clients before its backend services; it
is never written as a security group attached to nothing. Its client-range rules go onto the
balancer in front of the backend service it guards (Scaleway ACLs, OVHcloud's listener allow
list), never wider than the source; every rule no balancer argument says is listed."""

from __future__ import annotations

import ipaddress
import json
import re
from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.emit.terraform.edge_policies import translate_edge
from cloudexit.importers import import_files
from cloudexit.model.topology import EdgeRule
from tests.helpers import corpus_file, corpus_inventory, one_target_policy

POLICY = "//compute.googleapis.com/projects/project2/global/securityPolicies/cai-security"
POLICY_LINK = (
    "https://www.googleapis.com/compute/v1/projects/project2/global/securityPolicies/cai-security"
)
BACKEND_LINK = (
    "https://www.googleapis.com/compute/beta/projects/project1/global/backendServices/bs-1"
)
RULES = [
    {
        "action": "deny(403)",
        "priority": 1000,
        "match": {"versionedExpr": "SRC_IPS_V1", "config": {"srcIpRanges": ["198.51.100.7/32"]}},
    },
    {
        "action": "allow",
        "priority": 2000,
        # hostile text from the export: it lands in HCL strings and comments, and Markdown
        "description": 'office "HQ" ${var.x} %{if 1}\n*/ | `x` # y',
        "match": {"versionedExpr": "SRC_IPS_V1", "config": {"srcIpRanges": ["198.51.100.0/24"]}},
    },
    {
        "action": "deny(404)",
        "priority": 2147483647,
        "description": "default rule",
        "match": {"versionedExpr": "SRC_IPS_V1", "config": {"srcIpRange": ["*"]}},
    },
]
EXPRESSION = {
    "action": "deny(403)",
    "priority": 1500,
    "match": {"expr": {"expression": 'origin.region_code == "XX"'}},
}


def _emit(tmp_path: Path, target: str, inventory) -> Path:
    catalog = load_catalog()
    plan = api.plan(inventory, one_target_policy(target), catalog)
    api.emit(plan, tmp_path, catalog=catalog)
    return tmp_path


def _linked_export(tmp_path: Path, rules: list[dict]) -> Path:
    """Forseti's export with its bs-1 backend service guarded by cai-security, fronted by the
    regional forwarding rule lb-1 (port 80), and the policy's one default rule replaced."""
    lines = []
    for line in corpus_file("gcp-cai-export-forseti.jsonl").read_text().splitlines():
        asset = json.loads(line)
        data = asset["resource"]["data"]
        if asset["name"] == POLICY:
            data["rule"] = rules
        elif asset["name"].endswith("/global/backendServices/bs-1"):
            data["securityPolicy"] = POLICY_LINK
        elif asset["name"].endswith("/regions/us-central1/forwardingRules/lb-1"):
            data.pop("target")
            data["backendService"] = BACKEND_LINK
        lines.append(json.dumps(asset))
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def _tf(root: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.tf")))


def _check(root: Path, shared_dir: Path) -> None:
    from cloudexit.tfcheck.run import check_folder

    report = check_folder(root, shared_dir / "reference" / "terraform-provider-schemas.json")
    assert [f.line() for f in report.errors] == []


@pytest.mark.parametrize("target", ["scaleway", "ovhcloud", "ionos", "opennebula"])
def test_forseti_policy_is_not_a_security_group(tmp_path, shared_dir, target):
    inventory = corpus_inventory("gcp-cai-export-forseti.jsonl")
    (policy,) = [r for r in inventory.resources if r.id == POLICY]
    assert [(r.priority, r.action, r.sources) for r in policy.topology.edge_rules] == [
        (2147483647, "allow", ["0.0.0.0/0", "::/0"])
    ]
    out = _emit(tmp_path, target, inventory)
    _check(out / "terraform", shared_dir)
    assert "cai_security" not in _tf(out / "terraform")
    readme = "\n".join(p.read_text() for p in sorted((out / "terraform").rglob("README.md")))
    (line,) = [x for x in readme.splitlines() if x.startswith("- `cai-security`")]
    # its one rule admits every client: nothing to enforce, and no group said to guard anything
    assert "lets every client through: nothing to enforce" in line
    warnings = json.loads((out / "plan.json").read_text())["warnings"]
    assert not any("cai-security" in w for w in warnings)


def test_rules_become_scaleway_acls_on_the_balancer_in_front(tmp_path, shared_dir):
    inventory = import_files([_linked_export(tmp_path, RULES)])
    out = _emit(tmp_path / "out", "scaleway", inventory)
    _check(out / "terraform", shared_dir)
    text = _tf(out / "terraform")
    acls = re.findall(r'resource "scaleway_lb_acl" "([^"]+)" {\n(.*?)\n}', text, re.DOTALL)
    # on lb-1's port-80 frontend, in the source's priority order
    assert [name.split("-", 1)[1] for name, _ in acls] == ["80-1", "80-2", "80-3"]
    assert all(name.startswith("lb_1") for name, _ in acls)
    bodies = [body for _, body in acls]
    assert 'type = "deny"' in bodies[0] and '"198.51.100.7/32"' in bodies[0]
    assert 'type = "allow"' in bodies[1] and '"198.51.100.0/24"' in bodies[1]
    (described,) = [x for x in bodies[1].splitlines() if x.strip().startswith("description")]
    # no interpolation or directive survives in the string; the parse above found it valid
    assert "${" not in described and "%{" not in described and "\\u007Bvar.x}" in described
    assert 'type = "deny"' in bodies[2] and '"0.0.0.0/0", "::/0"' in bodies[2]
    assert 'scaleway_instance_security_group" "cai_security' not in text
    readme = "\n".join(p.read_text() for p in sorted((out / "terraform").rglob("README.md")))
    # bs-1 is taken into lb-1 as its part: the policy guards the balancer
    (line,) = [x for x in readme.splitlines() if x.startswith("- `cai-security`")]
    assert line.startswith("- `cai-security` (guards `lb-1 (")
    assert line.endswith("its client-range rules written on the balancers in front of it")


def test_rules_become_the_ovhcloud_listener_allow_list(tmp_path, shared_dir):
    inventory = import_files([_linked_export(tmp_path, RULES)])
    out = _emit(tmp_path / "out", "ovhcloud", inventory)
    _check(out / "terraform", shared_dir)
    text = _tf(out / "terraform")
    (found,) = re.findall(r"allowed_cidrs = (\[.*\])", text)
    # the /24 without the denied address before it: exactly what the source admits
    admitted = json.loads(found)
    assert "198.51.100.7/32" not in admitted and "198.51.100.0/24" not in admitted
    whole, denied = ipaddress.ip_network("198.51.100.0/24"), ipaddress.ip_network("198.51.100.7/32")
    assert sorted(admitted) == sorted(str(n) for n in whole.address_exclude(denied))


def test_an_expression_rule_is_listed_and_stops_the_allows_after_it(tmp_path, shared_dir):
    inventory = import_files([_linked_export(tmp_path, [*RULES, EXPRESSION])])
    out = _emit(tmp_path / "out", "scaleway", inventory)
    _check(out / "terraform", shared_dir)
    text = _tf(out / "terraform")
    acls = re.findall(r'resource "scaleway_lb_acl" "[^"]+" {\n(.*?)\n}', text, re.DOTALL)
    # the deny before the expression and the default deny; the allow after it is not written
    assert len(acls) == 2 and not any('type = "allow"' in a for a in acls)
    runbook = (out / "runbook.md").read_text(encoding="utf-8")
    assert "priority 1500: deny(403) when expression origin.region_code" in runbook
    assert "priority 2000: allow when client ranges 198.51.100.0/24" in runbook


def test_an_expression_deny_before_a_default_allow_is_said_to_be_admitted():
    rules = [
        EdgeRule(priority=10, action="deny(403)", expression="request.path.matches('/admin')"),
        EdgeRule(priority=2147483647, action="allow", sources=["0.0.0.0/0", "::/0"]),
    ]
    found = translate_edge(rules)
    assert found.acls == []
    assert found.admits_more is not None and "/admin" in found.admits_more
    assert next(why for _, why in found.left).startswith("a match on more than client addresses")
    # nothing admitted is claimed where the expression decides
    assert found.admitted == []
