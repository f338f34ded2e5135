"""Attachment: parts that only work together (a disk and its VM, a node pool and its cluster).

An attached group is placed as one unit whatever the policy says. Until the inventory carries
attachments as typed data, they are read from what it has: a ``depends_on`` link between kinds
that can only be attached, or a native ``attached_to``/``replica_of`` fact kept in details.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.policy import Policy
from cloudexit.optimise.partition import Partition

ATTACHED_KINDS: frozenset[tuple[Kind, Kind]] = frozenset(
    {
        (Kind.VM, Kind.BLOCK_VOLUME),
        (Kind.VM_GROUP, Kind.BLOCK_VOLUME),
        (Kind.VM, Kind.NETWORK_INTERFACE),
        (Kind.VM, Kind.PUBLIC_IP),
        (Kind.NETWORK_INTERFACE, Kind.PUBLIC_IP),
        (Kind.LOAD_BALANCER, Kind.PUBLIC_IP),
        (Kind.FIREWALL, Kind.PUBLIC_IP),
        (Kind.LOAD_BALANCER, Kind.TARGET_GROUP),
        (Kind.KUBERNETES_NODE_POOL, Kind.KUBERNETES_CLUSTER),
        (Kind.SUBNET, Kind.NETWORK),
    }
)
"""(kind, kind) pairs a depends_on link between means attachment, in either direction."""

ROUTING_KINDS: frozenset[tuple[Kind, Kind]] = frozenset(
    {
        (Kind.ROUTER, Kind.NETWORK),
        (Kind.ROUTER, Kind.SUBNET),
        (Kind.ROUTER, Kind.ROUTER),
        (Kind.ROUTER, Kind.PUBLIC_IP),
        (Kind.ROUTER, Kind.FIREWALL),
    }
)
"""Routing parts (routes, route tables, internet and NAT gateways, routers, a firewall set in a
virtual hub) and the network they route: a route written on one site cannot name a table or
gateway on another, so they are attached, unless they join several networks (a transit hub: see
``_routing_pairs``)."""

_NATIVE_KEYS = ("attached_to", "replica_of", "primary")
_MACHINES = frozenset({Kind.VM, Kind.VM_GROUP})


def _native(resource: Resource) -> list[str]:
    found: list[str] = []
    for key in _NATIVE_KEYS:
        value = resource.attributes.details.get(key)
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list):
            found.extend(v for v in value if isinstance(v, str))
    return found


def held_apart(inventory: Inventory, policy: Policy) -> list[tuple[str, str]]:
    """(target, balancer) memberships the policy breaks: targets of one balancer that an
    anti-affinity rule puts in different regions or providers. One balancer site cannot hold
    them all, so the policy's explicit wish wins and the plan says what that asks of the
    balancer."""
    keys = [rule.tag_key for rule in policy.anti_affinity]
    if not keys:
        return []
    members: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for r in inventory.resources:
        for link in r.topology.attachments:
            if link.relation != "lb_member":
                continue
            for key in keys:
                if key in r.tags:
                    members[(link.to, key, r.tags[key])].append(r.id)
    apart = {(rid, whole) for (whole, _, _), ids in members.items() if len(ids) > 1 for rid in ids}
    return sorted(apart)


def _linked(r: Resource, dep: Resource, kinds: frozenset[tuple[Kind, Kind]]) -> bool:
    return (r.kind, dep.kind) in kinds or (dep.kind, r.kind) in kinds


def _routing_pairs(
    pairs: set[tuple[str, str]], by_id: Mapping[str, Resource]
) -> set[tuple[str, str]]:
    """The (part, whole) depends_on links between routing parts and their network that attach.
    A set of them that reaches more than one network routes between networks (a transit
    gateway, a virtual hub): gluing it would glue those networks, so its links are left out."""
    if not pairs:
        return pairs
    # a subnet belongs to its network, so a route reaching a subnet reaches that network
    subnets = {rid for pair in pairs for rid in pair if by_id[rid].kind == Kind.SUBNET}
    homes = [
        (sid, other)
        for sid in sorted(subnets)
        for other in by_id[sid].depends_on
        if other in by_id and by_id[other].kind == Kind.NETWORK
    ]
    ends = {rid for pair in (*pairs, *homes) for rid in pair}
    sets = Partition(ends)
    for a, b in (*pairs, *homes):
        sets.union(a, b)
    networks: dict[str, set[str]] = defaultdict(set)
    for rid in ends:
        if by_id[rid].kind == Kind.NETWORK:
            networks[sets.find(rid)].add(rid)
    return {(a, b) for a, b in pairs if len(networks[sets.find(a)]) <= 1}


def attachments(inventory: Inventory, policy: Policy | None = None) -> list[tuple[str, str]]:
    """Every attached (part, whole) pair of resource ids, sorted; both ends are in the inventory.
    With a policy, less the memberships it holds apart (``held_apart``)."""
    by_id = inventory.by_id()
    pairs: set[tuple[str, str]] = set()
    routing: set[tuple[str, str]] = set()
    for r in inventory.resources:
        for other in r.depends_on:
            dep = by_id.get(other)
            if dep is None or dep.id == r.id:
                continue
            if _linked(r, dep, ATTACHED_KINDS):
                pairs.add((r.id, dep.id))
            elif _linked(r, dep, ROUTING_KINDS):
                routing.add((r.id, dep.id))
        for link in r.topology.attachments:
            if link.to in by_id and link.to != r.id:
                pairs.add((r.id, link.to))
        far = {primary.id for _, primary in far_replicas([r], by_id)}
        for other in _native(r):
            if other in by_id and other != r.id and other not in far:
                pairs.add((r.id, other))
    pairs |= _routing_pairs(routing, by_id)
    if policy is not None:
        pairs -= set(held_apart(inventory, policy))
    return sorted(pairs)


# A group holding more machines than this, or linked by references to more groups, is a wide
# one ("default", "bastion"): joining its members would glue most of the estate into one site.
WIDE_GROUP = 8


def _group_links(
    inventory: Inventory, policy: Policy | None
) -> tuple[list[tuple[str, str]], list[str], dict[str, set[str]]]:
    """(machine pairs a group reference links, names of the wide groups left unlinked, machine
    -> the references ("group -> group") that link it)."""
    apart = {rule.tag_key for rule in policy.anti_affinity} if policy is not None else set()
    by_id = inventory.by_id()
    groups = {
        r.id: r
        for r in inventory.resources
        if r.provider == "openstack" and r.kind == Kind.SECURITY_GROUP
    }
    tails: dict[str, list[str]] = defaultdict(list)
    for gid in groups:
        tails[gid.rsplit("/", 1)[-1]].append(gid)
    members: dict[str, list[str]] = defaultdict(list)
    for r in inventory.resources:
        if r.provider != "openstack" or r.kind not in _MACHINES or apart & set(r.tags):
            continue
        named = {*r.topology.security_groups, *r.depends_on}
        for gid in sorted(named & set(groups)):
            members[gid].append(r.id)
    links: set[tuple[str, str]] = set()
    for gid, group in sorted(groups.items()):
        for rule in group.topology.firewall_rules:
            for end in rule.peers:
                if end.kind != "group":
                    continue
                found = [end.value] if end.value in groups else tails.get(end.value, [])
                if len(found) == 1 and found[0] != gid and members[gid] and members[found[0]]:
                    links.add((gid, found[0]))
    linked: dict[str, set[str]] = defaultdict(set)
    for a, b in links:
        linked[a].add(b)
        linked[b].add(a)
    wide = {g for g in linked if len(members[g]) > WIDE_GROUP or len(linked[g]) > WIDE_GROUP}
    pairs: set[tuple[str, str]] = set()
    via: dict[str, set[str]] = defaultdict(set)
    for gid, other in sorted(links):
        if gid in wide or other in wide:
            continue
        here, there = members[gid], members[other]
        pairs.update((here[0], m) for m in there)
        pairs.update((m, there[0]) for m in here)
        for m in (*here, *there):
            via[m].add(f"{groups[gid].name or gid} -> {groups[other].name or other}")
    kept = sorted((a, b) for a, b in pairs if a != b and a in by_id and b in by_id)
    return kept, sorted(groups[g].name or g for g in wide), via


def group_references(inventory: Inventory, policy: Policy | None = None) -> list[tuple[str, str]]:
    """(machine, machine) pairs of OpenStack machines a security-group reference links: a rule
    of one's group names the other's group as its remote end. No target rule can name a group
    on another site (it is written as no rule at all), so the two are placed together. A
    machine carrying one of the policy's anti-affinity tags is left out: the policy's wish to
    keep it apart wins, and the rule is listed as not written. So is a wide group (more than
    ``WIDE_GROUP`` machines or linked groups): see ``wide_group_warnings``."""
    return _group_links(inventory, policy)[0]


def group_reference_links(
    inventory: Inventory, policy: Policy | None = None
) -> tuple[list[tuple[str, str]], dict[str, set[str]]]:
    """``group_references`` with, per machine, the references ("group -> group") linking it."""
    pairs, _, via = _group_links(inventory, policy)
    return pairs, via


def wide_group_warnings(inventory: Inventory, policy: Policy) -> list[str]:
    """One line per security group too wide for its references to decide placement."""
    return [
        f"security group {name}: it holds or is linked by reference to more than {WIDE_GROUP} "
        "machines or groups, so its references do not keep machines on one site (that would "
        "glue most of the estate together); a rule naming it across sites is not written"
        for name in _group_links(inventory, policy)[1]
    ]


def far_replicas(
    resources: Iterable[Resource], by_id: Mapping[str, Resource]
) -> list[tuple[Resource, Resource]]:
    """(copy, primary) of every database copy kept away from its primary: a geo-secondary, or a
    replica in another region than the primary the inventory holds. Its region is a
    disaster-recovery copy, so it is not glued to its primary's site."""
    found = []
    for r in resources:
        details = r.attributes.details
        geo, replica = details.get("geo_secondary_of"), details.get("replica_of")
        if isinstance(geo, str) and geo in by_id:
            found.append((r, by_id[geo]))
        elif isinstance(replica, str) and replica in by_id and by_id[replica].region != r.region:
            found.append((r, by_id[replica]))
    return found


def far_replica_warnings(
    inventory: Inventory, resources: Mapping[str, Resource] | None = None
) -> list[str]:
    """One line per database copy kept in another region than its primary."""
    return [
        f"database {copy.name or copy.id}: a copy of {primary.name or primary.id} kept for "
        "disaster recovery"
        + (
            f" in another region ({primary.region} -> {copy.region})"
            if copy.region != primary.region
            else ""
        )
        + "; placed on its own, not beside its primary: check that the plan keeps it apart "
        "from the primary and that it replicates from it on the target"
        for copy, primary in far_replicas(
            inventory.resources, inventory.by_id() if resources is None else resources
        )
    ]


def held_apart_warnings(
    inventory: Inventory, policy: Policy, resources: Mapping[str, Resource] | None = None
) -> list[str]:
    """One line per balancer whose targets the policy places apart."""
    by_whole: dict[str, list[str]] = defaultdict(list)
    for part, whole in held_apart(inventory, policy):
        by_whole[whole].append(part)
    by_id = inventory.by_id() if resources is None else resources
    return [
        f"load balancer {by_id[whole].name}: its targets "
        f"{', '.join(sorted(by_id[p].name for p in parts))} are kept apart by the policy's "
        "anti-affinity, so no one site holds them all; where a site can hold it and some of "
        "them it stands there and fronts only those: front each other site with its own "
        "balancer or put a DNS or global balancer over them (the site README names them)"
        for whole, parts in sorted(by_whole.items())
        if whole in by_id
    ]
