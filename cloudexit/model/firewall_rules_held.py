"""Firewalls whose export holds none of their rules.

An Azure Firewall's rules live in rule collections (or a firewall policy) that a plan or an
export may leave out; a firewall with no rules is written as a security group with no rule, which
reads as "nothing to translate" unless it is said. Such a group blocks nothing unless something is
attached to it, so the warning says which.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from cloudexit.model.kinds import Kind

if TYPE_CHECKING:
    from cloudexit.model.inventory import Inventory, Resource
    from cloudexit.model.plan import Placement

UNHELD_GROUPS = "security_groups_not_held"
"""Detail key: the security groups a resource's export names but the inventory does not hold."""
AMBIGUOUS_GROUPS = "security_groups_ambiguous"
"""Detail key: the security groups a resource's export names by an id that, written differently,
fits several groups the inventory holds, so none is linked."""

NO_RULES = (
    "the export holds no rule collections for this firewall: its rules must be written by hand"
)


EDGE_POLICY_TYPES = frozenset(
    {
        "compute.googleapis.com/securitypolicy",
        "compute.googleapis.com/regionsecuritypolicy",
        "google_compute_security_policy",
        "google_compute_region_security_policy",
    }
)
"""Native types (lower case) of layer-7 edge policies: Cloud Armor filters a balancer's clients."""


def is_edge_policy(resource: Resource) -> bool:
    return resource.kind is Kind.FIREWALL and resource.type.lower() in EDGE_POLICY_TYPES


def holds_no_rules(resource: Resource) -> bool:
    """A firewall (not a security group, whose empty rule list is itself a policy) with no rule."""
    return (
        resource.kind is Kind.FIREWALL
        and not resource.topology.firewall_rules
        and not resource.topology.edge_rules
    )


def ruleless_firewall_warnings(
    inventory: Inventory,
    placements: Iterable[Placement],
    resources: Mapping[str, Resource] | None = None,
) -> list[str]:
    """One line per moved firewall whose rules the export does not hold."""
    from cloudexit.model.labels import readable_names
    from cloudexit.optimise.inspection import tier

    by_id = inventory.by_id() if resources is None else resources
    moved = [
        by_id[p.resource_id]
        for p in placements
        if not p.choice.retain and p.resource_id in by_id and holds_no_rules(by_id[p.resource_id])
    ]
    # a managed firewall priced as an appliance: its group is written on the appliance's server
    on_appliance = {
        p.resource_id
        for p in placements
        if p.resource_id in by_id
        and p.choice.fidelity == "self_managed"
        and tier(by_id[p.resource_id]) is not None
    }
    if not moved:
        return []
    names = readable_names(inventory.resources)
    guarded = {
        group
        for r in inventory.resources
        for group in (*r.topology.security_groups, *r.topology.subnet_security_groups)
    }
    return sorted(
        f"firewall {names[r.id]}: {NO_RULES}; "
        + (
            "it filters a load balancer's clients, not a machine's traffic, so no security group "
            "is written for it: enforce its rules on the balancer in front of what it guarded, by "
            "hand or with a WAF appliance"
            if is_edge_policy(r)
            else "the security group written for it admits no inbound traffic to what it is "
            "attached to until then"
            if r.id in guarded
            else "the security group written for it is attached only to the firewall appliance "
            "server written with it, which admits no traffic until its rules are written and the "
            "network's routes point through it"
            if r.id in on_appliance
            else "the security group written for it is attached to nothing and filters no "
            "traffic, so what it guarded is unprotected until its rules are written and applied"
        )
        for r in moved
    )


ASSUMED = "known_from"
"""Detail key: a resource made from another's documented default, not read from the export."""


def assumed_rule_warnings(
    inventory: Inventory,
    placements: Iterable[Placement],
    resources: Mapping[str, Resource] | None = None,
) -> list[str]:
    """One line per moved firewall whose rules were not in the export but taken from a
    documented default (an App Engine application's default rule): the written rule is as open
    as that default, which the source may have narrowed."""
    from cloudexit.model.labels import readable_names

    by_id = inventory.by_id() if resources is None else resources
    moved = [
        r
        for p in placements
        if not p.choice.retain
        and (r := by_id.get(p.resource_id)) is not None
        and r.kind is Kind.SECURITY_GROUP
        and r.attributes.details.get(ASSUMED)
    ]
    if not moved:
        return []
    names = readable_names(inventory.resources)
    return sorted(
        f"firewall {names[r.id]} ({r.id}) is not in the export: it is written from "
        f"{r.attributes.details[ASSUMED]}, allowing every source on the ports it names; the "
        "source may have narrowed it, so compare it with the live firewall before applying"
        for r in moved
    )


def is_security_group_id(resource_id: str) -> bool:
    """An AWS security group ARN or an Azure network security group id."""
    lowered = resource_id.lower()
    return (
        ":security-group/" in lowered
        or "/providers/microsoft.network/networksecuritygroups/" in lowered
    )


def unheld_group_warnings(
    inventory: Inventory,
    placements: Iterable[Placement],
    resources: Mapping[str, Resource] | None = None,
) -> list[str]:
    """One line per moved resource whose source named security groups the inventory does not
    hold, and one per resource naming groups by an id that fits several held ones: nothing of
    their rules is written, so the target filters none of its traffic as the source did."""
    from cloudexit.model.labels import readable_names

    by_id = inventory.by_id() if resources is None else resources
    names: dict[str, str] | None = None  # made for the first line: most estates have none
    lines = []
    for p in placements:
        r = by_id.get(p.resource_id)
        if p.choice.retain or r is None:
            continue
        details = r.attributes.details
        groups = details.get(UNHELD_GROUPS)
        unsure = details.get(AMBIGUOUS_GROUPS)
        if not groups and not unsure:
            continue
        names = names or readable_names(inventory.resources)
        who = f"{names[r.id]} ({r.id})"
        site = _unfiltered(p.choice.provider, p.choice.region, r.kind)
        if groups:
            lines.append(
                f"{who} sits behind {_groups(len(groups))} the inventory does not hold "
                f"({', '.join(groups)}): none of {'its' if len(groups) == 1 else 'their'} rules "
                f"is written, so its {site}; import the groups or write their rules by hand "
                "before cut-over"
            )
        if unsure:
            lines.append(
                f"{who} names {_groups(len(unsure))} by an id that fits more than one group the "
                f"inventory holds ({', '.join(unsure)}): none is attached, so its {site}; attach "
                "the right group by hand before cut-over"
            )
    return sorted(lines)


def _unfiltered(provider: str, region: str, kind: Kind) -> str:
    """What the resource the target writes with none of its source groups admits."""
    where = f"{provider}/{region}"
    if provider == "opennebula":
        # the Terraform gives it only its network's closed group, not the all-traffic group 0
        return (
            f"{where} server admits no traffic (only its network's closed group, not "
            "OpenNebula's default group 0, which admits all)"
        )
    if kind in (Kind.VM, Kind.VM_GROUP):
        return f"{where} server gets the target's default firewall"
    # a managed service takes no security group: its own access list is the target's default
    return f"{where} {kind.value} gets the target's default access for that service"


def _groups(count: int) -> str:
    return f"{count} security {'group' if count == 1 else 'groups'}"


def unread_rule_warnings(
    inventory: Inventory,
    placements: Iterable[Placement],
    resources: Mapping[str, Resource] | None = None,
) -> list[str]:
    """One line per moved security group or firewall some of whose rules the import could not
    read: the group written on the target holds only what the export held."""
    from cloudexit.model.balancer_gaps import unread_parts
    from cloudexit.model.labels import readable_names

    by_id = inventory.by_id() if resources is None else resources
    unread = unread_parts(inventory, by_id)
    moved = [
        r
        for p in placements
        if not p.choice.retain
        and (r := by_id.get(p.resource_id)) is not None
        and r.kind in (Kind.SECURITY_GROUP, Kind.FIREWALL)
        and r.id in unread
    ]
    if not moved:
        return []
    names = readable_names(inventory.resources)
    return sorted(
        f"security group {names[r.id]} ({r.id}): {'; '.join(unread[r.id])}: the group written "
        "on the target holds only the rules the export held; write the others by hand before "
        "cut-over (the runbook's 'Firewall rules to decide by hand')"
        for r in moved
    )
