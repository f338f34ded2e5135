"""A GCP VPC network's implied egress rule, and what it makes of the network's own egress rules.

Every GCP network admits all egress at the lowest priority (65535) unless a deny rule is
evaluated first (and denies all ingress the same way, which every target's default drop keeps).
An explicit egress allow rule of a network with no egress deny admits nothing more than that
implied rule did: the target groups keep the allow-all egress, the source's effective egress, and
the plan says the explicit rules limit nothing there either. Where the network has egress deny
rules, the implied rule is cut by them: a target writes no deny, so the groups are written
without the allow-all egress (never wider) and admit only the explicit egress allow rules. Unless
a deny stops all egress (then that is what the source let out too), this is narrower than the
source; the plan says so, naming the network and the rules.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Placement
from cloudexit.model.topology import FirewallRule
from cloudexit.wording import first_few

IMPLIED_PRIORITY = 65535


def implied_egress(rule: FirewallRule) -> bool:
    """The rule every GCP network has: allow all egress to anywhere at priority 65535."""
    return (
        rule.direction == "egress"
        and rule.action == "allow"
        and rule.priority == IMPLIED_PRIORITY
        and rule.protocol == "any"
        and not rule.ports
        and [e.text for e in rule.destinations] == ["cidr:0.0.0.0/0"]
    )


def _gcp_firewall(resource: Resource) -> bool:
    return (
        resource.provider == "gcp"
        and resource.kind == Kind.SECURITY_GROUP
        and any(implied_egress(r) for r in resource.topology.firewall_rules)
    )


def network_of(resource: Resource, resources: Mapping[str, Resource]) -> str | None:
    """The id of the network a GCP firewall rule belongs to, as it names it."""
    for d in resource.depends_on:
        found = resources.get(d)
        if found is not None and found.kind == Kind.NETWORK:
            return d
    return None


def _by_network(resources: Mapping[str, Resource]) -> dict[str, list[Resource]]:
    out: dict[str, list[Resource]] = {}
    for r in resources.values():
        if _gcp_firewall(r):
            network = network_of(r, resources)
            if network is not None:
                out.setdefault(network, []).append(r)
    return out


def _denies(group: Resource) -> list[FirewallRule]:
    return [
        r for r in group.topology.firewall_rules if r.direction == "egress" and r.action == "deny"
    ]


def network_denies(resources: Mapping[str, Resource]) -> dict[str, list[FirewallRule]]:
    """GCP firewall id -> the egress deny rules of the other firewall rules of its network: they
    cut its implied allow-all egress as much as its own do (the implied rule is the network's)."""
    out: dict[str, list[FirewallRule]] = {}
    for groups in _by_network(resources).values():
        held = [(g.id, _denies(g)) for g in groups]
        every = [rule for _, denies in held for rule in denies]
        if not every:
            continue
        for gid, own in held:
            # one list for the network's groups holding no deny, not one made for each group
            others = every if not own else [r for g, d in held if g != gid for r in d]
            if others:
                out[gid] = others
    return out


def _everything(deny: FirewallRule) -> bool:
    """A deny of all egress from every machine of the network to any IPv4 address."""
    return (
        deny.protocol == "any"
        and not deny.ports
        and all(e.kind == "any" for e in deny.local)
        and any(e.kind == "any" or e.text == "cidr:0.0.0.0/0" for e in deny.peers)
    )


def _rule(rule: FirewallRule, group: Resource) -> str:
    ports = ",".join(p.text for p in rule.ports) or "all ports"
    peers = ", ".join(e.text for e in rule.peers)
    named = rule.name or group.name
    order = f", priority {rule.priority}" if rule.priority is not None else ""
    return f"{named} ({rule.action} {rule.protocol} {ports} to {peers}{order})"


def egress_warnings(
    inventory: Inventory, placements: Sequence[Placement], resources: Mapping[str, Resource]
) -> list[str]:
    """One line per GCP network whose explicit egress allow rules move: moot under the implied
    allow-all egress (kept at the target as the source's effective egress), or, where egress deny
    rules cut that implied rule, the only egress the target groups admit (narrower than the
    source's)."""
    moved = {
        p.resource_id: f"{p.choice.provider}/{p.choice.region}"
        for p in placements
        if not p.choice.retain
    }
    lines = []
    for network, groups in sorted(_by_network(resources).items()):
        allows = [
            (_rule(rule, g), moved[g.id])
            for g in groups
            if g.id in moved
            for rule in g.topology.firewall_rules
            if rule.direction == "egress" and rule.action == "allow" and not implied_egress(rule)
        ]
        if not allows:
            continue
        name = resources[network].name
        shown = "; ".join(sorted({a for a, _ in allows}))
        sites = ", ".join(sorted({s for _, s in allows}))
        denies = sorted({_rule(rule, g) for g in groups for rule in _denies(g)})
        if not denies:
            lines.append(
                f"GCP network {name} ({network}): its egress allow rules {shown} admitted nothing "
                f"at the source that the network's implied allow-all egress (priority "
                f"{IMPLIED_PRIORITY}) did not, since no egress deny rule is evaluated before it; the "
                f"target groups on {sites} keep that allow-all egress (what the source let out, "
                "neither wider nor narrower), so these rules limit nothing there either: to limit "
                "egress to them, remove the allow-all egress rule of those groups by hand"
            )
            continue
        if any(_everything(rule) for g in groups for rule in _denies(g)):
            continue  # the allow rules are what the source let out, and what the target does
        lines.append(
            f"GCP network {name} ({network}): its egress deny rules {'; '.join(denies)} are "
            f"evaluated before the implied allow-all egress (priority {IMPLIED_PRIORITY}), so the "
            f"target groups on {sites} are written without that allow-all egress (a target writes "
            "no deny, and the allow-all would let the denied traffic through): they admit no "
            f"more egress than the allow rules {shown}, narrower than the source, which let out "
            "all egress the denies did not drop; allow by hand the egress the workloads still "
            "need (name resolution, updates, the APIs they call) before the cut-over, or it stops "
            f"(groups {first_few(g.name for g in groups if g.id in moved)})"
        )
    return lines
