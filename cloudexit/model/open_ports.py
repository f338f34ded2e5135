"""Source firewall rules that open remote-administration or database ports, or every port, to
the whole internet.

The Terraform writes such a rule as the source has it (never wider, never silently narrower),
so the plan warns and the runbook lists it for the architect to close before applying.
"""

from __future__ import annotations

from dataclasses import dataclass

from cloudexit.model.inventory import Inventory
from cloudexit.model.plan import Placement
from cloudexit.model.topology import Endpoint, FirewallRule

# Ports whose service should never answer the whole internet: remote shells and desktops,
# file sharing, container daemons, databases and caches.
SENSITIVE_PORTS: dict[int, str] = {
    22: "SSH",
    23: "Telnet",
    445: "SMB",
    1433: "SQL Server",
    1521: "Oracle",
    2375: "Docker API",
    2376: "Docker API",
    3306: "MySQL",
    3389: "RDP",
    5432: "PostgreSQL",
    5900: "VNC",
    5984: "CouchDB",
    6379: "Redis",
    9042: "Cassandra",
    9200: "Elasticsearch",
    11211: "Memcached",
    27017: "MongoDB",
}
_PORTED = frozenset({"tcp", "udp", "any"})
_WORLD_TAGS = frozenset({"internet", "*", "any"})


@dataclass(frozen=True, order=True)
class OpenRule:
    """One source rule open to the internet, in the group that holds it and the site it goes to."""

    site: str
    group: str
    group_id: str
    rule: str
    opens: str
    peers: str


def _world(end: Endpoint) -> bool:
    if end.kind == "any":
        return True
    if end.kind == "cidr":
        return end.value in ("0.0.0.0/0", "::/0")
    return end.kind == "tag" and end.value.lower() in _WORLD_TAGS


def opened(rule: FirewallRule) -> str | None:
    """What ``rule`` opens to the whole internet that it should not ('SSH 22, RDP 3389',
    'every port'), or None."""
    if rule.direction != "ingress" or rule.action != "allow" or rule.protocol not in _PORTED:
        return None
    if not any(_world(end) for end in rule.peers):
        return None
    if not rule.ports or any(p.low <= 1 and p.high == 65535 for p in rule.ports):
        return "every port" if rule.protocol == "any" else f"every {rule.protocol.upper()} port"
    hit = [
        f"{name} {port}"
        for port, name in SENSITIVE_PORTS.items()
        if any(p.low <= port <= p.high for p in rule.ports)
    ]
    return ", ".join(hit) or None


def _label(rule: FirewallRule) -> str:
    ports = ",".join(p.text for p in rule.ports) or "all ports"
    return f"{rule.name or 'unnamed rule'} ({rule.protocol} {ports})"


def open_rules(inventory: Inventory, placements: list[Placement]) -> list[OpenRule]:
    """Every such rule of a group the plan moves, with the target site its Terraform is for.
    Values are raw: each output escapes them for its own language."""
    resources = inventory.by_id()
    found = set()
    for placement in placements:
        resource = resources[placement.resource_id]
        rules = resource.topology.firewall_rules
        if not rules:
            continue
        sites = [
            f"{c.provider}/{c.region}"
            for c in [placement.choice, *(placement.copies or [])]
            if not c.retain
        ]
        for rule in rules:
            what = opened(rule)
            if what is None:
                continue
            peers = ", ".join(e.text for e in rule.peers if _world(e))
            for site in sites:
                found.add(OpenRule(site, resource.name, resource.id, _label(rule), what, peers))
    return sorted(found)


def open_rule_warnings(inventory: Inventory, placements: list[Placement]) -> list[str]:
    """One line each, every inventory value one visible line (the terminal prints these)."""
    # Imported here: the emit package imports this module for the runbook.
    from cloudexit.emit.escape import visible

    return [
        f"source firewall rule open to the internet, written as is: {visible(o.rule)} in group "
        f"{visible(o.group)} ({visible(o.group_id)}) opens {o.opens} to {visible(o.peers)} on {visible(o.site)}; close "
        "or narrow it before applying the Terraform (the runbook lists it)"
        for o in open_rules(inventory, placements)
    ]
