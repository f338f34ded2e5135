"""Security groups that guard only managed databases, which take no security group on a target.

Such a group written as an instance group would be attached to nothing: the database would be
open to every host of its network while the README counted the group's rules as written. It is
not written; its allowed sources are carried to the database's own access list where the target
has one (a Scaleway ACL, OVHcloud IP restrictions), and the group is listed for a decision by
hand with the databases it guarded.
"""

from __future__ import annotations

import ipaddress
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cloudexit.emit.terraform.firewall import Readdress, describe
from cloudexit.model.kinds import Kind
from cloudexit.model.topology import FirewallRule

if TYPE_CHECKING:
    from cloudexit.emit.terraform.site import Item, Site

# Database types whose Terraform writes an access list of source ranges, and what the README says
# of it.
ACCESS_LISTS = {
    "scaleway_rdb_instance": (
        "scaleway_rdb_acl, which Scaleway applies to the database's public endpoint only: on "
        "its private network every host still reaches it"
    ),
    "ovh_cloud_project_database": "the database's ip_restrictions",
}
ENGINE_PORTS = {Kind.POSTGRESQL: 5432, Kind.MYSQL: 3306, Kind.MARIADB: 3306, Kind.SQLSERVER: 1433}


@dataclass
class LooseGroup:
    """A source group whose only users here are resources that take no security group."""

    group: Item
    users: list[Item]
    carried: list[str] = field(default_factory=list)
    """Where its allowed sources are written instead, in words."""
    left: list[str] = field(default_factory=list)
    """Its rules no access list carries, described."""

    @property
    def reason(self) -> str:
        users = ", ".join(f"{u.resource.name} ({u.kind})" for u in self.users)
        provider = self.group.option.provider
        return (
            f"it guards only {users}, which take no security group on {provider}: a group "
            "written here would guard nothing"
            + ("" if self.carried else "; restrict access to them by hand")
        )


def _carries(rule: FirewallRule, port: int | None) -> bool:
    """An ingress allow rule that reaches the database's port."""
    if rule.direction != "ingress" or rule.action != "allow" or rule.protocol not in ("tcp", "any"):
        return False
    if not rule.ports:
        return True
    if port is None:
        return any(p.low <= 1 and p.high >= 65535 for p in rule.ports)
    return any(p.low <= port <= p.high for p in rule.ports)


def _to_anywhere(rule: FirewallRule) -> bool:
    return any(
        e.kind == "any" or (e.kind == "cidr" and ipaddress.ip_network(e.value).prefixlen == 0)
        for e in rule.destinations
    )


def access_list(
    rules: list[FirewallRule], port: int | None, readdress: Readdress
) -> tuple[list[str], list[str]]:
    """(IPv4 ranges a database's access list admits, rules it carries, described): ingress
    allow rules reaching the database's port from address ranges. A group with a deny rule is
    not carried at all (an access list only admits)."""
    if any(r.action == "deny" for r in rules):
        return [], []
    ranges: set[str] = set()
    carried = []
    for rule in rules:
        if rule.direction == "egress":
            continue  # a managed database's outbound traffic is the service's own
        ends = [e for e in rule.peers if e.kind in ("cidr", "any")]
        if not _carries(rule, port) or len(ends) < len(rule.peers):
            continue
        found = ["0.0.0.0/0" if e.kind == "any" else readdress(e.value) for e in ends]
        if any(ipaddress.ip_network(c).version != 4 for c in found):
            continue
        ranges.update(found)
        carried.append(describe(rule))
    return sorted(ranges, key=lambda c: ipaddress.ip_network(c)), carried


def set_aside(site: Site, holders: frozenset[str], readdress: Readdress) -> None:
    """Take the groups only non-holders use out of the site; give their databases the groups'
    allowed sources where the database's type writes an access list."""
    users_of: dict[int, list[Item]] = defaultdict(list)
    for item in site.items:
        for g in item.security_groups:
            users_of[id(g)].append(item)
    loose: dict[int, LooseGroup] = {}
    for group in site.items:
        users = users_of.get(id(group), [])
        if group.resource.kind != Kind.SECURITY_GROUP or not users:
            continue
        if not any(u.rtype in holders for u in users):
            loose[id(group)] = LooseGroup(group, users)
    if not loose:
        return
    carried: dict[int, set[str]] = defaultdict(set)
    for item in site.items:
        mine = [loose[id(g)] for g in item.security_groups if id(g) in loose]
        if not mine:
            continue
        item.security_groups = [g for g in item.security_groups if id(g) not in loose]
        rules = [r for lg in mine for r in lg.group.resource.topology.firewall_rules]
        how = ACCESS_LISTS.get(item.rtype)
        if how is None:
            continue
        item.access, done = access_list(rules, ENGINE_PORTS.get(item.resource.kind), readdress)
        for lg in mine:
            if item.access:
                n = len(item.access)
                lg.carried.append(
                    f"{item.resource.name}: {n} source range{'s' if n > 1 else ''} in {how}"
                )
            carried[id(lg)] |= set(done)
    for lg in loose.values():
        # outbound to anywhere restricts nothing a managed service's own traffic would need
        described = [
            describe(r)
            for r in lg.group.resource.topology.firewall_rules
            if not (r.direction == "egress" and r.action == "allow" and _to_anywhere(r))
        ]
        lg.left = [d for d in dict.fromkeys(described) if d not in carried[id(lg)]]
    site.loose_groups = sorted(loose.values(), key=lambda lg: lg.group.resource.id)
    site.items[:] = [i for i in site.items if id(i) not in loose]
