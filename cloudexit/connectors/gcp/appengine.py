"""App Engine: applications, and the firewall that admits requests to them.

An application serves HTTP and HTTPS only, through Google's front end, and its firewall decides
which sources may send it requests. An export holds the application but not that firewall's
rules; every application has at least its default rule (priority 2147483647, which allows every
source unless set to deny), so the application is linked to that rule, marked as not read from
the export: where its machines are rebuilt elsewhere, they take those ports and no others.
"""

from __future__ import annotations

from typing import Any

from cloudexit.connectors.gcp.registry import Facts, declare
from cloudexit.model.topology import Topology
from cloudexit.topology import Mapped, rule_or_problem
from cloudexit.topology.gcp import IMPLIED_EGRESS

FIREWALL_RULE_TYPE = "appengine.googleapis.com/FirewallRule"
SERVED_PORTS = (80, 443)
DEFAULT_PRIORITY = 2147483647
_ANYWHERE = ("0.0.0.0/0", "::/0")


def application(facts: Facts) -> None:
    app = str(facts.get("id") or facts.name.rsplit("/", 1)[-1])
    facts.location = facts.get("locationId") or None
    rule = f"{facts.name}/firewall/ingressRules/{DEFAULT_PRIORITY}"
    facts.child(
        rule,
        FIREWALL_RULE_TYPE,
        {
            "displayName": f"{app}-appengine-firewall-default",
            "priority": DEFAULT_PRIORITY,
            "action": "ALLOW",
            "sourceRange": "*",
            "description": "App Engine's default firewall rule",
            "implied": True,
        },
    )
    facts.note(served_ports=list(SERVED_PORTS), hostname=facts.get("defaultHostname"))
    facts.topology = Mapped(topology=Topology(security_groups=[rule]))


def firewall_rule(facts: Facts) -> None:
    """An ingress rule of an application's firewall: requests to its served ports from a range."""
    out = Mapped()
    label = f"App Engine firewall rule {facts.get('priority')}"
    action = {"ALLOW": "allow", "DENY": "deny"}.get(str(facts.get("action") or "").upper())
    source = str(facts.get("sourceRange") or "")
    if action is None or not source:
        out.problems.append(f"{label}: action or source range not understood")
        facts.topology = out
        return
    ranges = _ANYWHERE if source == "*" else (source,)
    built: list[Any] = []
    for n, source_range in enumerate(ranges):  # one per range: a target may take IPv4 only
        rule_or_problem(
            {
                "direction": "ingress",
                "action": action,
                "priority": int(facts.get("priority") or DEFAULT_PRIORITY),
                "protocol": "tcp",
                "ports": [{"low": p, "high": p} for p in SERVED_PORTS],
                "sources": [{"kind": "cidr", "value": source_range}],
                "destinations": [{"kind": "any"}],
                "name": str(facts.get("displayName") or "") or None,
                "description": str(facts.get("description") or "") or None,
            },
            f"{label} range {n + 1}",
            built,
            out.problems,
        )
    rule_or_problem(IMPLIED_EGRESS, f"{label} implied egress", built, out.problems)
    out.topology = Topology(firewall_rules=built)
    facts.topology = out
    if facts.get("implied"):
        facts.note(known_from="App Engine's default rule, which every application has")


TYPES = [
    declare("appengine.googleapis.com/Application", application),
    declare(FIREWALL_RULE_TYPE, firewall_rule),
]
