"""Source firewall rules that open remote-administration or database ports, or every port, to
the whole internet.

The Terraform writes such a rule as the source has it (never wider, never silently narrower),
so the plan warns and the runbook lists it for the architect to close before applying.

Where the source evaluates rules in priority order (Azure NSGs, GCP VPC firewalls), a deny rule
of the same group evaluated first takes back what it covers: an allow rule whose every world
source is denied first on a port does not open that port; one denied first to part of the
internet is still open, and said to be narrowed by the rules that cut it.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from cloudexit.model.attachments import machine_interfaces
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.kinds import Kind
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
# what a group guards: an interface carries its group to its machine, which the layers meet on
_MACHINES = frozenset({Kind.VM, Kind.VM_GROUP})
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
    narrowed: str = ""


def _world(end: Endpoint) -> bool:
    if end.kind == "any":
        return True
    if end.kind == "cidr":
        return end.value in ("0.0.0.0/0", "::/0")
    return end.kind == "tag" and end.value.lower() in _WORLD_TAGS


_WORLD = (ipaddress.ip_network("0.0.0.0/0"), ipaddress.ip_network("::/0"))
_Net = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class Exposure:
    """What a rule opens to the whole internet, and the deny rules evaluated before it that take
    part of that internet back (empty when none does)."""

    opens: str
    narrowed_by: tuple[str, ...] = ()


def _world_nets(ends: Sequence[Endpoint]) -> list[_Net]:
    """The part of the internet ``ends`` name: all of it (either family) or a range of it."""
    nets: list[_Net] = []
    for end in ends:
        if end.kind == "any" or (end.kind == "tag" and end.value.lower() in _WORLD_TAGS):
            nets.extend(_WORLD)
        elif end.kind == "cidr":
            nets.append(ipaddress.ip_network(end.value))
    return nets


def _first(deny: FirewallRule, rule: FirewallRule) -> bool:
    """``deny`` is evaluated before ``rule`` (lower number first; a deny wins a tie, as on GCP;
    Azure allows no tie) and guards at least every address ``rule`` lets traffic reach."""
    if (
        deny.action != "deny"
        or deny.direction != rule.direction
        or deny.priority is None
        or rule.priority is None
        or deny.priority > rule.priority
    ):
        return False
    guarded = {e.text for e in deny.local}
    return "any" in guarded or {e.text for e in rule.local} <= guarded


def _covers(nets: Sequence[_Net], world: _Net) -> bool:
    same = [n for n in nets if n.version == world.version]
    return world in ipaddress.collapse_addresses(same)  # type: ignore[type-var]


def _worlds(rule: FirewallRule) -> list[_Net]:
    """The address families whose whole internet ``rule`` admits."""
    admitted = _world_nets(rule.peers)
    return [w for w in _WORLD if w in admitted]


def _reached(worlds: Sequence[_Net], cutting: Sequence[FirewallRule]) -> bool:
    """Some of ``worlds`` is left once the deny rules ``cutting`` have taken their sources."""
    denied = [n for d in cutting for n in _world_nets(d.peers)]
    return any(not _covers(denied, w) for w in worlds)


def _pieces(rule: FirewallRule, denies: Sequence[FirewallRule]) -> list[tuple[int, int]]:
    """The rule's ports cut at every edge of the ports of ``denies`` (and of any other rules
    passed there): inside one piece every port meets the same rules."""
    spans = [(p.low, p.high) for p in rule.ports] or [(1, 65535)]
    edges = {p.low for d in denies for p in d.ports} | {p.high + 1 for d in denies for p in d.ports}
    out = []
    for low, high in spans:
        cuts = sorted(e for e in edges if low < e <= high)
        for start, end in zip([low, *cuts], [*cuts, high + 1], strict=True):
            out.append((start, end - 1))
    return out


def _cutting(
    denies: Sequence[FirewallRule], protocol: str, low: int, high: int
) -> list[FirewallRule]:
    return [
        d
        for d in denies
        if d.protocol in (protocol, "any")
        and (not d.ports or any(p.low <= low and high <= p.high for p in d.ports))
    ]


def _admits(
    group: Sequence[FirewallRule], protocol: str, low: int, high: int, worlds: Sequence[_Net]
) -> bool:
    """Some allow rule of ``group`` lets the internet (of ``worlds``' families) reach the ports
    ``low``-``high`` over ``protocol``, once its own earlier deny rules have taken their part."""
    for rule in group:
        if (
            rule.direction != "ingress"
            or rule.action != "allow"
            or rule.protocol not in (protocol, "any")
            or (rule.ports and not any(p.low <= low and high <= p.high for p in rule.ports))
        ):
            continue
        admitted = [w for w in _worlds(rule) if w in worlds]
        denies = [d for d in group if d is not rule and _first(d, rule) and _world_nets(d.peers)]
        if admitted and _reached(admitted, _cutting(denies, protocol, low, high)):
            return True
    return False


def exposure(
    rule: FirewallRule,
    group: Sequence[FirewallRule] = (),
    beyond: Sequence[tuple[str, Sequence[FirewallRule]]] = (),
) -> Exposure | None:
    """What ``rule`` opens to the whole internet that it should not, once the deny rules of its
    ``group`` evaluated before it have taken back what they cover, or None.

    ``beyond``: the groups (name, rules) of the other layer the traffic must also pass (an Azure
    machine's subnet NSG for a NIC NSG's rule, and the other way round); a port is open only
    where one of them lets the internet through too."""
    if rule.direction != "ingress" or rule.action != "allow" or rule.protocol not in _PORTED:
        return None
    if not any(_world(end) for end in rule.peers):
        return None
    denies = [d for d in group if d is not rule and _first(d, rule) and _world_nets(d.peers)]
    protocols = ("tcp", "udp") if rule.protocol == "any" else (rule.protocol,)
    worlds = _worlds(rule)
    families = {w.version for w in worlds}
    cutters: set[str] = set()
    shut: dict[str, list[tuple[int, int]]] = {}
    reached: list[tuple[int, int]] = []
    edges = [*denies, *(r for _, rules in beyond for r in rules)]
    for low, high in _pieces(rule, edges):
        for protocol in protocols:
            cutting = _cutting(denies, protocol, low, high)
            passing = not beyond or any(
                _admits(rules, protocol, low, high, worlds) for _, rules in beyond
            )
            if _reached(worlds, cutting) and passing:
                reached.append((low, high))
                cutters.update(
                    d.name or f"priority {d.priority}"
                    for d in cutting
                    if any(n.version in families for n in _world_nets(d.peers))
                )
            else:
                shut.setdefault(protocol, []).append((low, high))
    if not reached:
        return None
    narrowed = tuple(sorted(cutters))
    if not rule.ports or any(p.low <= 1 and p.high == 65535 for p in rule.ports):
        what = "every port" if rule.protocol == "any" else f"every {rule.protocol.upper()} port"
        if shut:
            what += " except " + "; ".join(
                (f"{p.upper()} " if rule.protocol == "any" else "") + _spans(shut[p])
                for p in sorted(shut)
            )
        return Exposure(what, narrowed)
    hit = [
        f"{name} {port}"
        for port, name in SENSITIVE_PORTS.items()
        if any(low <= port <= high for low, high in reached)
    ]
    return Exposure(", ".join(hit), narrowed) if hit else None


def _spans(spans: list[tuple[int, int]]) -> str:
    merged: list[tuple[int, int]] = []
    for low, high in sorted(spans):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
        else:
            merged.append((low, high))
    return ", ".join(str(low) if low == high else f"{low}-{high}" for low, high in merged)


def opened(rule: FirewallRule, group: Sequence[FirewallRule] = ()) -> str | None:
    """What ``rule`` opens to the whole internet that it should not ('SSH 22, RDP 3389',
    'every port'), or None; ``group``: the rules evaluated with it, whose earlier deny rules
    take their part back."""
    found = exposure(rule, group)
    return found.opens if found else None


def _label(rule: FirewallRule) -> str:
    ports = ",".join(p.text for p in rule.ports) or "all ports"
    return f"{rule.name or 'unnamed rule'} ({rule.protocol} {ports})"


def open_rules(
    inventory: Inventory,
    placements: list[Placement],
    resources: Mapping[str, Resource] | None = None,
) -> list[OpenRule]:
    """Every such rule of a group the plan moves, with the target site its Terraform is for.
    Values are raw: each output escapes them for its own language."""
    resources = inventory.by_id() if resources is None else resources
    layers = _other_layers(inventory, resources)
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
        contexts = layers.get(resource.id, [()])
        for rule in rules:
            found_in = [
                e
                for other in contexts
                if (
                    e := exposure(
                        rule,
                        rules,
                        [(resources[g].name, resources[g].topology.firewall_rules) for g in other],
                    )
                )
                is not None
            ]
            if not found_in:
                continue
            what = Exposure(
                "; ".join(dict.fromkeys(e.opens for e in found_in)),
                tuple(sorted({n for e in found_in for n in e.narrowed_by})),
            )
            peers = ", ".join(e.text for e in rule.peers if _world(e))
            narrowed = ", ".join(what.narrowed_by)
            for site in sites:
                found.add(
                    OpenRule(
                        site, resource.name, resource.id, _label(rule), what.opens, peers, narrowed
                    )
                )
    return sorted(found)


def _other_layers(
    inventory: Inventory, resources: Mapping[str, Resource] | None = None
) -> dict[str, list[tuple[str, ...]]]:
    """Group id -> for each way into a machine it guards (each network interface), the groups
    of that way's other layer (Azure: the subnet NSGs for a NIC NSG, the NIC NSGs for a subnet
    NSG), which inbound traffic must pass as well; () where that way has no other layer. A
    group guarding no machine is judged alone, and so is one whose other layer's rules the
    export does not carry."""
    # a group read without its own rules holds only Azure's defaults, which deny: unknown
    partial = {i.resource_id for i in inventory.issues if i.code == "unsupported_rule"}
    held = {r.id for r in inventory.resources if r.topology.firewall_rules} - partial
    by_id = inventory.by_id() if resources is None else resources
    nics = machine_interfaces(inventory.resources)
    found: dict[str, set[tuple[str, ...]]] = {}
    for r in inventory.resources:
        if r.kind not in _MACHINES:
            continue
        own = set(r.topology.security_groups)
        below = set(r.topology.subnet_security_groups) - own
        ways = [(own, below)]
        if nics.get(r.id):
            ways = [_through(nic, by_id) for nic in nics[r.id]]
            # a group the machine holds that no interface accounts for guards every way in
            spare_own = own - {g for mine, _ in ways for g in mine}
            spare_below = below - {g for _, other in ways for g in other}
            ways = [(mine | spare_own, (other | spare_below) - own) for mine, other in ways]
        for nic_own, nic_below in ways:
            for mine, other in ((nic_own, nic_below), (nic_below, nic_own)):
                known = () if other - held else tuple(sorted(other))
                for group in mine:
                    found.setdefault(group, set()).add(known)
    return {group: sorted(contexts) for group, contexts in found.items()}


def _through(nic: Resource, by_id: Mapping[str, Resource]) -> tuple[set[str], set[str]]:
    """A network interface's own groups and the groups of the subnets it sits in."""
    subnets = [by_id[d] for d in nic.depends_on if d in by_id and by_id[d].kind == Kind.SUBNET]
    below = {g for s in subnets for g in s.topology.security_groups}
    return set(nic.topology.security_groups), below


def open_rule_warnings(
    inventory: Inventory, placements: list[Placement], found: list[OpenRule] | None = None
) -> list[str]:
    """One line each, every inventory value one visible line (the terminal prints these);
    ``found``: ``open_rules`` of the same, when the caller already has them."""
    # Imported here: the emit package imports this module for the runbook.
    from cloudexit.emit.escape import visible

    return [
        f"source firewall rule open to the internet, written as is: {visible(o.rule)} in group "
        f"{visible(o.group)} ({visible(o.group_id)}) opens {o.opens} to {visible(o.peers)}"
        + (
            f" (narrowed: {visible(o.narrowed)}, evaluated first, denies part of it)"
            if o.narrowed
            else ""
        )
        + f" on {visible(o.site)}; close or narrow it before applying the Terraform "
        "(the runbook lists it)"
        for o in (open_rules(inventory, placements) if found is None else found)
    ]
