"""Layer-7 edge policies (Google Cloud Armor security policies), which filter a balancer's
clients before its backend services, never a machine's traffic.

Such a policy written as a security group would be attached to nothing and guard nothing. It is
not written as one: where the inventory links it to a backend service whose balancer is written,
its client-range rules go onto that balancer (Scaleway ACLs on each frontend, first match by
index as Cloud Armor's by priority; OVHcloud's listener allow list, the exact set of addresses
the rules admit); every rule no target argument can say (a CEL expression, a rate limit, a
redirect) is listed for a decision by hand or a WAF appliance, never dropped and never widened.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cloudexit.model.firewall_rules_held import NO_RULES, is_edge_policy
from cloudexit.model.kinds import Kind
from cloudexit.model.parts import GUARDING_DETAILS, guarding
from cloudexit.model.topology import EdgeRule

if TYPE_CHECKING:
    from cloudexit.emit.terraform.site import Item, Site
    from cloudexit.model.inventory import Resource

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
EVERYTHING: tuple[Network, ...] = (
    ipaddress.ip_network("0.0.0.0/0"),
    ipaddress.ip_network("::/0"),
)
WRITES = {
    "scaleway": "scaleway_lb_acl on each frontend of the balancer, first match by index",
    "ovhcloud": "the allowed_cidrs of each listener of the balancer (IPv4)",
}
"""Targets whose balancer Terraform carries a policy's client-range rules, and how."""


@dataclass(frozen=True)
class Acl:
    """One balancer ACL: the first in index order whose ranges hold the client decides."""

    index: int
    action: str
    ranges: list[str]
    source: str


@dataclass
class EdgeTranslation:
    acls: list[Acl] = field(default_factory=list)
    admitted: list[str] = field(default_factory=list)
    """The IPv4 client ranges the written rules admit, exactly (no rule: every address)."""
    left: list[tuple[str, str]] = field(default_factory=list)
    """(rule, why it is not written)"""
    admits_more: str | None = None
    """A rule not written that refuses clients the written rules admit, described."""


def _subtract(nets: list[Network], minus: list[Network]) -> list[Network]:
    out = list(nets)
    for m in minus:
        kept: list[Network] = []
        for n in out:
            if n.version != m.version or not n.overlaps(m):
                kept.append(n)
            elif n.subnet_of(m):  # type: ignore[arg-type]
                continue
            else:
                kept.extend(n.address_exclude(m))  # type: ignore[arg-type]
        out = kept
    return out


def _collapse(nets: list[Network]) -> list[Network]:
    v4 = [n for n in nets if n.version == 4]
    v6 = [n for n in nets if n.version == 6]
    return [*ipaddress.collapse_addresses(v4), *ipaddress.collapse_addresses(v6)]


def translate_edge(rules: list[EdgeRule]) -> EdgeTranslation:
    """Rules by ascending priority as ACLs a balancer checks in order, and the exact set of
    addresses they admit. A rule matching on more than client ranges, or acting otherwise than
    allow or deny, is listed; if it could refuse a client (deny, rate limit, redirect), no later
    allow rule is written, since without it that rule would admit the client."""
    out = EdgeTranslation()
    blocker: EdgeRule | None = None
    decided: list[Network] = []
    admitted: list[Network] = []
    for rule in sorted(rules, key=lambda r: r.priority):
        if rule.preview:
            out.left.append((rule.text, "preview only: the source logs it and does not enforce it"))
            continue
        if rule.expression or not (rule.action == "allow" or rule.denies) or not rule.sources:
            why = (
                "a match on more than client addresses, which no balancer argument here says"
                if rule.expression or not rule.sources
                else f"action {rule.action}, which no balancer argument here says"
            )
            out.left.append((rule.text, f"{why}: enforce it by hand or with a WAF appliance"))
            if rule.action != "allow" and blocker is None:
                blocker = rule
                out.admits_more = rule.text
            continue
        if rule.action == "allow" and blocker is not None:
            out.left.append(
                (
                    rule.text,
                    (
                        f"an earlier rule not written ({blocker.text}) may refuse part of what "
                        "it admits; written without it, it would admit that traffic"
                    ),
                )
            )
            continue
        ranges = [ipaddress.ip_network(s) for s in rule.sources]
        if blocker is None:
            fresh = _subtract(_collapse(ranges), decided)
            if rule.action == "allow":
                admitted += fresh
            decided = _collapse([*decided, *ranges])
        out.acls.append(
            Acl(
                len(out.acls) + 1,
                "allow" if rule.action == "allow" else "deny",
                [str(n) for n in ranges],
                rule.text,
            )
        )
    if blocker is None:
        # addresses no rule decides pass, as on a balancer with no rule
        admitted += _subtract(list(EVERYTHING), decided)
    out.admitted = [str(n) for n in _collapse(admitted) if n.version == 4]
    return out


@dataclass
class EdgePolicy:
    """A Cloud Armor policy placed at a site: not written as a group; where its rules went."""

    item: Item
    translation: EdgeTranslation
    guards: list[str] = field(default_factory=list)
    """Names of the backend services the inventory says it guards."""
    carried: list[str] = field(default_factory=list)
    """Balancers written with its rules, in words."""
    by_hand: list[str] = field(default_factory=list)
    """Where its rules must be enforced by hand, in words."""

    @property
    def name(self) -> str:
        return self.item.resource.name

    @property
    def refuses_nothing(self) -> bool:
        """Every rule it enforces admits: it lets every client through, as no policy would."""
        enforced = [r for r in self.item.resource.topology.edge_rules if not r.preview]
        return bool(enforced) and all(r.action == "allow" for r in enforced)

    @property
    def to_enforce(self) -> list[str]:
        """Its enforced rules, described, where no balancer here carries them."""
        return [r.text for r in self.item.resource.topology.edge_rules if not r.preview]


def guarded_services(policy: Resource, resources: dict[str, Resource]) -> list[Resource]:
    """Backend services naming the policy (Cloud Asset ``securityPolicy``, or a Terraform
    reference to it), and balancers that took such a service in as a part."""
    return sorted(
        (
            r
            for r in resources.values()
            if r.kind in (Kind.TARGET_GROUP, Kind.LOAD_BALANCER)
            and (
                any(
                    policy.id in guarding(r.attributes.details.get(key)) for key in GUARDING_DETAILS
                )
                or policy.id in r.depends_on
            )
        ),
        key=lambda r: r.id,
    )


def set_aside_edge(sites: list[Site], resources: dict[str, Resource]) -> None:
    """Take every edge policy out of its site's items; carry its rules to the balancers written
    in front of the backend services it guards, where the target's balancer can hold them."""
    from cloudexit.emit.terraform.site import target_groups

    balancers = [
        (site, item)
        for site in sites
        for item in site.items
        if item.resource.kind is Kind.LOAD_BALANCER
    ]
    for site in sites:
        found = [i for i in site.items if is_edge_policy(i.resource)]
        if not found:
            continue
        for item in found:
            policy = EdgePolicy(item, translate_edge(item.resource.topology.edge_rules))
            guarded = guarded_services(item.resource, resources)
            policy.guards = [g.name for g in guarded]
            ids = {g.id for g in guarded}
            for where, lb in balancers:
                fronted = {lb.resource.id, *(t.id for t in target_groups(lb.resource, resources))}
                if not ids & fronted:
                    continue
                label = f"{lb.resource.name} ({where.provider}/{where.region})"
                how = WRITES.get(where.provider)
                admitted = policy.translation.admitted
                ovh_unsayable = where.provider == "ovhcloud" and not admitted
                if how is None or ovh_unsayable or not lb.listeners or lb.edge_policy:
                    why = (
                        "its listeners admit every address when given no range, and these rules "
                        "admit none"
                        if ovh_unsayable
                        else "it has no listener written"
                        if how is not None and not lb.listeners
                        else f"it already carries the rules of {lb.edge_policy}, and one list "
                        "of rules filters all its clients"
                        if how is not None
                        else f"no balancer argument on {where.provider} filters clients"
                    )
                    policy.by_hand.append(f"{label}: {why}")
                    continue
                lb.edge_policy = item.resource.name
                unguarded = sorted(
                    t.name for t in target_groups(lb.resource, resources) if t.id not in ids
                )
                also = (
                    f"; they also filter its clients of {', '.join(unguarded)}, which the "
                    "source did not (narrower)"
                    if unguarded
                    else ""
                )
                if where.provider == "ovhcloud":
                    if admitted == ["0.0.0.0/0"]:
                        policy.carried.append(f"{label}: its rules admit every IPv4 client")
                        continue
                    lb.allowed_cidrs = admitted
                else:
                    lb.edge_acls = policy.translation.acls
                policy.carried.append(f"{label}: {how}{also}")
            site.edge_policies.append(policy)
        site.items[:] = [i for i in site.items if not is_edge_policy(i.resource)]
        site.edge_policies.sort(key=lambda p: p.item.resource.id)


def edge_reason(policy: EdgePolicy) -> str:
    """Why a policy's rules are not on any balancer written, and what to do."""
    provider = policy.item.option.provider
    if not policy.item.resource.topology.edge_rules:
        return (
            f"{NO_RULES}; it filters a balancer's clients, not a machine's traffic, so no "
            "security group is written for it: enforce its rules on the balancer in front of "
            "what it guarded, by hand or with a WAF appliance"
        )
    if policy.refuses_nothing:
        return (
            "every rule it enforces admits, so it lets every client through: nothing to enforce "
            "on the target (it filters a balancer's clients, not a machine's traffic, so no "
            "security group is written for it)"
        )
    if policy.by_hand:
        where = "; ".join(policy.by_hand)
        return f"the balancers in front of what it guards cannot carry it ({where}); enforce its rules by hand or with a WAF appliance"
    if policy.guards:
        return (
            f"it guards {', '.join(policy.guards)}, but no balancer written fronts them; enforce "
            "its rules by hand or with a WAF appliance in front of them"
        )
    how = WRITES.get(provider)
    target = (
        f"{provider} could carry its client-range rules as {how}"
        if how
        else f"no balancer argument on {provider} filters clients"
    )
    return (
        "the inventory links it to no backend service, so no balancer here is known to carry "
        f"it ({target}); it filters a balancer's clients, not a machine's traffic, so no "
        "security group is written for it; enforce its rules by hand or with a WAF appliance "
        "on the balancer in front of what it guarded"
    )


def edge_warnings(sites: list[Site]) -> list[str]:
    """For the plan's warnings: each edge policy whose rules are not all enforced here."""
    lines = []
    for site in sites:
        for policy in site.edge_policies:
            where = f"{site.provider}/{site.region}"
            if policy.translation.admits_more and policy.carried:
                lines.append(
                    f"edge policy {policy.name} on {where}: its rule "
                    f"{policy.translation.admits_more} cannot be written on the balancer, "
                    "which admits what it refuses until it is enforced by hand or with a WAF "
                    "appliance"
                )
            elif not policy.carried and policy.to_enforce and not policy.refuses_nothing:
                lines.append(
                    f"edge policy {policy.name} on {where}: not written ({edge_reason(policy)}); "
                    + (
                        "its rule is listed"
                        if len(policy.to_enforce) == 1
                        else f"its {len(policy.to_enforce)} rules are listed"
                    )
                    + " in the site README and the runbook"
                )
    return sorted(lines)
