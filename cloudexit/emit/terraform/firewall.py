"""Firewall rules of a source security group, translated for a target's security groups.

Every target writes allow rules under a default drop policy in both directions, so a source
deny rule is kept by that policy as long as no allow rule the target writes lets part of its
traffic through: an allow rule a higher-precedence deny overlaps is left out and reported
(narrower, never wider). Service tags are mapped explicitly; a rule whose ends cannot be
written exactly (an unknown tag, a specific local address) is reported, never widened. A rule
naming another security group is written as a reference to that group's copy where the target's
rules take one and the copy is written at the same site (``GroupRule``); elsewhere it is reported.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from cloudexit.model.topology import Endpoint, FirewallRule

ANY_V4 = "0.0.0.0/0"
# Where Google Cloud's load balancers send health checks from, as Google lists them in
# "Firewall rules" (https://cloud.google.com/load-balancing/docs/firewall-rules, undated, read
# 2026-12-07): a rule admitting them admits Google's probers, which no target's balancer is.
GOOGLE_HEALTH_CHECKS = tuple(
    ipaddress.ip_network(r)
    for r in ("130.211.0.0/22", "35.191.0.0/16", "2600:2d00:1:b029::/64", "2600:2d00:1:1::/64")
)


@dataclass(frozen=True)
class Capabilities:
    """What a target's security-group rules can say."""

    protocols: frozenset[str]
    ipv6: bool = True
    icmp_type: bool = False
    health_check_ranges: tuple[str, ...] = ()
    """Where the target's load balancers send health checks from; none known means reported."""
    group_peers: bool = False
    """A rule can name another security group as its far end (``remote_group_id``)."""


_EVERYTHING = Capabilities(
    frozenset({"tcp", "udp", "icmp", "icmpv6", "any", "esp", "ah", "gre"}), icmp_type=True
)

CAPABILITIES: dict[str, Capabilities] = {
    "scaleway": Capabilities(frozenset({"tcp", "udp", "icmp", "any"})),
    # ovh_cloud_security_group's rules take remote_group_id (provider schema).
    "ovhcloud": Capabilities(
        frozenset({"tcp", "udp", "icmp", "icmpv6", "any", "esp", "ah", "gre"}), group_peers=True
    ),
    "ionos": Capabilities(
        frozenset({"tcp", "udp", "icmp", "icmpv6", "any", "esp", "ah", "gre"}), icmp_type=True
    ),
    # IPv4 only (ip and size); IPSEC would cover ESP and AH together, so neither is offered.
    "opennebula": Capabilities(
        frozenset({"tcp", "udp", "icmp", "any"}), ipv6=False, icmp_type=True
    ),
}


@dataclass(frozen=True, order=True)
class TargetRule:
    """One rule as every target writes it: one direction, protocol, port range and peer range."""

    direction: str
    protocol: str
    from_port: int | None
    to_port: int | None
    cidr: str
    icmp_type: int | None = None

    @property
    def ipv6(self) -> bool:
        return ipaddress.ip_network(self.cidr).version == 6

    @property
    def any_peer(self) -> bool:
        return ipaddress.ip_network(self.cidr).prefixlen == 0


@dataclass(frozen=True, order=True)
class GroupRule:
    """A rule whose far end is another security group written at the same site: IPv4 only, as
    Neutron takes a rule with no ether type, never wider than the source."""

    direction: str
    protocol: str
    from_port: int | None
    to_port: int | None
    group: str
    """The Terraform address of the far group (``ovh_cloud_security_group.web``)."""
    icmp_type: int | None = None


@dataclass(frozen=True)
class Untranslated:
    rule: str
    reason: str


@dataclass
class Translation:
    rules: list[TargetRule] = field(default_factory=list)
    kept_by_policy: list[str] = field(default_factory=list)
    """Deny rules the default drop policy keeps, in words."""
    untranslated: list[Untranslated] = field(default_factory=list)
    group_rules: list[GroupRule] = field(default_factory=list)
    """Rules naming another group of the site, where the target's rules take one."""


def describe(rule: FirewallRule) -> str:
    ports = ",".join(p.text for p in rule.ports) or "all ports"
    where = "from" if rule.direction == "ingress" else "to"
    peers = ", ".join(e.text for e in rule.peers)
    label = f"{rule.name}: " if rule.name else ""
    order = f" (priority {rule.priority})" if rule.priority is not None else ""
    return f"{label}{rule.direction} {rule.action} {rule.protocol} {ports} {where} {peers}{order}"


Readdress = Callable[[str], str]


def _same(cidr: str) -> str:
    return cidr


def google_health_check(end: Endpoint) -> bool:
    """The end is one of Google Cloud's load-balancer health-check ranges, or inside one."""
    if end.kind != "cidr":
        return False
    network = ipaddress.ip_network(end.value)
    return any(
        network.version == g.version and network.subnet_of(g)  # type: ignore[arg-type]
        for g in GOOGLE_HEALTH_CHECKS
    )


def _health_checks(
    rule: FirewallRule, caps: Capabilities, provider: str, google_probes_stop: bool
) -> tuple[FirewallRule | None, Untranslated | None]:
    """A rule admitting Google's health-check ranges, where those probes stop (a Google Cloud
    rule whose balancer leaves Google Cloud): the ranges replaced by the target balancers' own
    health-check ranges where published, else left out and said so (the rest of the rule kept,
    or nothing left to write). Elsewhere (a backend behind a balancer that stays on Google
    Cloud) the ranges are the balancer's real sources and stay."""
    google = [e for e in rule.peers if google_health_check(e)]
    if not google or not google_probes_stop:
        return rule, None
    rest = [e for e in rule.peers if not google_health_check(e)]
    if caps.health_check_ranges:
        rest += [Endpoint(kind="cidr", value=r) for r in caps.health_check_ranges]
        gap = None
    else:
        ranges = ", ".join(e.value for e in google)
        gap = Untranslated(
            describe(rule),
            f"{ranges}: Google Cloud's load-balancer health-check sources, which send nothing "
            f"on {provider} once the Google Cloud balancer in front of this group moves; left out, not widened: allow the health checks of the balancer "
            "in front of this group by hand",
        )
    if not rest:
        return None, gap
    side = "sources" if rule.direction == "ingress" else "destinations"
    return rule.model_copy(update={side: rest}), gap


def _peer_ranges(
    end: Endpoint, site_ranges: list[str], caps: Capabilities, readdress: Readdress
) -> list[str] | str:
    """Address ranges for one far end, or why it cannot be written."""
    if end.kind == "any":
        return [ANY_V4]
    if end.kind == "cidr":
        return [readdress(end.value)]
    if end.kind == "tag":
        tag = end.value.lower()
        if tag in ("internet", "*", "any"):
            return [ANY_V4]
        if tag == "virtualnetwork":
            # the group's own virtual network and its peers, never every range of the site
            return list(site_ranges) or (
                "the VirtualNetwork tag names the group's own virtual network, which the "
                "inventory does not tell (no subnet, interface or machine of it is known): "
                "left out, not widened to every private range"
            )
        if tag == "azureloadbalancer":
            if caps.health_check_ranges:
                return list(caps.health_check_ranges)
            return "the target's load balancer health-check ranges are not published: allow them by hand"
        return f"service or network tag {end.value!r} has no address range on the target"
    return f"a rule naming security group {end.value!r} cannot be written as an address range"


def name_groups(rules: list[FirewallRule], names: Mapping[str, str]) -> list[FirewallRule]:
    """The rules with each security group they name said by its name, where the inventory
    holds it, rather than by an id no reader of the runbook knows."""

    def named(ends: list[Endpoint]) -> list[Endpoint]:
        return [
            e.model_copy(update={"value": names[e.value]})
            if e.kind == "group" and e.value in names
            else e
            for e in ends
        ]

    return [
        r.model_copy(update={"sources": named(r.sources), "destinations": named(r.destinations)})
        if any(e.kind == "group" for e in (*r.sources, *r.destinations))
        else r
        for r in rules
    ]


def _local_ok(ends: list[Endpoint]) -> str | None:
    """None when the rule applies to every member of the group; else why it cannot be written."""
    for end in ends:
        if end.kind == "any" or (
            end.kind == "tag" and end.value.lower() in ("virtualnetwork", "*")
        ):
            continue
        if end.kind in ("tag", "group"):
            continue  # GCP target tags, Azure ASGs: the members the group is applied to
        return (
            f"the rule applies only to {end.text} inside the group, which a target group cannot say"
        )
    return None


def _expand(
    rule: FirewallRule,
    site_ranges: list[str],
    caps: Capabilities,
    readdress: Readdress = _same,
    groups: Mapping[str, str | Untranslatable] | None = None,
) -> list[TargetRule | GroupRule] | str:
    if rule.protocol not in caps.protocols:
        return f"protocol {rule.protocol} is not offered by the target's rules"
    if rule.icmp_type is not None and not caps.icmp_type:
        return "the target's rules cannot restrict ICMP types"
    local = _local_ok(rule.local)
    if local:
        return local
    ranges: list[str] = []
    far_groups: list[str] = []
    for end in rule.peers:
        far = (groups or {}).get(end.value) if end.kind == "group" and caps.group_peers else None
        if isinstance(far, Untranslatable):
            return far.reason
        if far is not None:
            far_groups.append(far)
            continue
        peer = _peer_ranges(end, site_ranges, caps, readdress)
        if isinstance(peer, str):
            return peer
        ranges += peer
    if not caps.ipv6 and any(ipaddress.ip_network(r).version == 6 for r in ranges):
        return "the target's rules take IPv4 ranges only"
    ports: list[tuple[int | None, int | None]] = [(None, None)]
    protocols = [rule.protocol]
    if rule.protocol in ("tcp", "udp", "any") and rule.ports:
        ports = [(p.low, p.high) for p in rule.ports if not (p.low <= 1 and p.high >= 65535)] or [
            (None, None)
        ]
        if len(ports) < len(rule.ports):
            ports = [(None, None)]  # one range covers every port
        elif rule.protocol == "any":
            # Ports narrow "any protocol" to those that carry ports: ICMP, ESP, AH and GRE have none.
            protocols = ["tcp", "udp"]
    found: list[TargetRule | GroupRule] = sorted(
        {
            TargetRule(rule.direction, protocol, lo, hi, cidr, rule.icmp_type)
            for protocol in protocols
            for cidr in sorted(set(ranges))
            for lo, hi in ports
        }
    )
    return found + sorted(
        {
            GroupRule(rule.direction, protocol, lo, hi, group, rule.icmp_type)
            for protocol in protocols
            for group in sorted(set(far_groups))
            for lo, hi in ports
        }
    )


@dataclass(frozen=True)
class Untranslatable:
    """A group a rule names that is written at the site but cannot be named from this rule."""

    reason: str


def _as_range(rule: TargetRule | GroupRule) -> TargetRule:
    """For the overlap with a deny: a group's members may have any IPv4 address."""
    if isinstance(rule, TargetRule):
        return rule
    return TargetRule(rule.direction, rule.protocol, rule.from_port, rule.to_port, ANY_V4)


def _protocols_overlap(a: str, b: str) -> bool:
    return a == b or "any" in (a, b)


def _ports_overlap(a: TargetRule, b: TargetRule) -> bool:
    if a.from_port is None or b.from_port is None:
        return True
    assert a.to_port is not None and b.to_port is not None
    return a.from_port <= b.to_port and b.from_port <= a.to_port


def _ranges_overlap(a: str, b: str) -> bool:
    x, y = ipaddress.ip_network(a), ipaddress.ip_network(b)
    return x.version == y.version and x.overlaps(y)


def _overlaps(allow: TargetRule, deny: TargetRule) -> bool:
    return (
        allow.direction == deny.direction
        and _protocols_overlap(allow.protocol, deny.protocol)
        and _ports_overlap(allow, deny)
        and _ranges_overlap(allow.cidr, deny.cidr)
    )


def _precedes(deny: FirewallRule, allow: FirewallRule) -> bool:
    """The deny is evaluated before the allow (ties: deny wins, as GCP evaluates them)."""
    if deny.priority is None or allow.priority is None:
        return True  # no order in the source: a deny rule always wins
    return deny.priority <= allow.priority


def translate(
    rules: list[FirewallRule],
    site_ranges: list[str],
    provider: str,
    readdress: Readdress = _same,
    google_probes_stop: bool = False,
    groups: Mapping[str, str | Untranslatable] | None = None,
) -> Translation:
    """``site_ranges``: the target ranges of the group's own network and its peers (Azure's
    VirtualNetwork tag). ``readdress`` maps a source range to the range it has on the targets
    (networks moved to keep the sites of a plan apart). ``google_probes_stop``: the rules come from Google
    Cloud and no balancer of theirs stays there, so Google's health-check ranges send nothing.
    ``groups``: a group a rule names (as ``name_groups`` says it) -> the Terraform address of its
    copy at this site, or why this rule cannot name it; where the target's rules take groups."""
    caps = CAPABILITIES[provider]
    out = Translation()
    denies: list[tuple[FirewallRule, list[TargetRule]]] = []
    for rule in rules:
        if rule.action != "deny":
            continue
        # A deny is kept by the drop policy whatever its peers: only its overlap with allows matters.
        peers = [ANY_V4 if e.kind != "cidr" else readdress(e.value) for e in rule.peers]
        wide = FirewallRule.model_validate(
            {**rule.model_dump(), "sources": [{"kind": "any"}], "destinations": [{"kind": "any"}]}
        )
        expanded = _expand(wide, [], _EVERYTHING)
        assert not isinstance(expanded, str)
        shapes = [
            TargetRule(r.direction, r.protocol, r.from_port, r.to_port, p)
            for r in expanded
            for p in peers
        ]
        denies.append((rule, shapes))
        out.kept_by_policy.append(describe(rule))
    written: set[TargetRule] = set()
    named: set[GroupRule] = set()
    for source_rule in rules:
        if source_rule.action == "deny":
            continue
        kept, gap = _health_checks(source_rule, caps, provider, google_probes_stop)
        if gap is not None:
            out.untranslated.append(gap)
        if kept is None:
            continue
        expanded = _expand(kept, site_ranges, caps, readdress, groups)
        if isinstance(expanded, str):
            out.untranslated.append(Untranslated(describe(source_rule), expanded))
            continue
        blocking = [
            d
            for d, shapes in denies
            if _precedes(d, kept)
            and any(_overlaps(_as_range(a), s) for a in expanded for s in shapes)
        ]
        if blocking:
            out.untranslated.append(
                Untranslated(
                    describe(source_rule),
                    f"a deny rule evaluated first ({describe(blocking[0])}) covers part of it; "
                    "written without it the rule would let that traffic through",
                )
            )
            continue
        written.update(r for r in expanded if isinstance(r, TargetRule))
        named.update(r for r in expanded if isinstance(r, GroupRule))
    out.rules = sorted(
        written, key=lambda r: (r.direction, r.protocol, r.from_port or 0, r.to_port or 0, r.cidr)
    )
    out.group_rules = sorted(
        named, key=lambda r: (r.direction, r.protocol, r.from_port or 0, r.to_port or 0, r.group)
    )
    return out


def _meet(a: TargetRule, b: TargetRule) -> TargetRule | None:
    """What both rules let through, or None when they share nothing."""
    if a.direction != b.direction:
        return None
    if a.protocol == b.protocol or b.protocol == "any":
        protocol = a.protocol
    elif a.protocol == "any":
        protocol = b.protocol
    else:
        return None
    x, y = ipaddress.ip_network(a.cidr), ipaddress.ip_network(b.cidr)
    if x.version != y.version or not x.overlaps(y):
        return None
    cidr = a.cidr if x.prefixlen >= y.prefixlen else b.cidr
    low, high = None, None
    if protocol in ("tcp", "udp"):
        ranges = [
            (r.from_port, r.from_port if r.to_port is None else r.to_port)
            for r in (a, b)
            if r.from_port is not None
        ]
        if ranges:
            low, high = max(lo for lo, _ in ranges), min(hi for _, hi in ranges)
            if high < low:
                return None
    icmp = {r.icmp_type for r in (a, b) if r.icmp_type is not None}
    if len(icmp) > 1:
        return None
    icmp_type = next(iter(icmp), None) if protocol in ("icmp", "icmpv6") else None
    return TargetRule(a.direction, protocol, low, high, cidr, icmp_type)


def intersect(layers: list[Translation]) -> Translation:
    """Rules letting through only what every layer's rules let through (an Azure subnet NSG
    and a NIC NSG). Each layer's rules are already deny-free under the drop policy, so the
    meet of every pair of rules is exact; what a layer could not write is missing from the
    meet (narrower) and listed."""
    out = Translation(rules=list(layers[0].rules) if layers else [])
    for layer in layers:
        out.kept_by_policy += layer.kept_by_policy
        out.untranslated += layer.untranslated
    for layer in layers[1:]:
        met = {m for a in out.rules for b in layer.rules if (m := _meet(a, b)) is not None}
        out.rules = sorted(met)
    out.rules = sorted(
        set(out.rules),
        key=lambda r: (r.direction, r.protocol, r.from_port or 0, r.to_port or 0, r.cidr),
    )
    return out
