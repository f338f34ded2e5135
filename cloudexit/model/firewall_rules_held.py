"""Firewalls whose export holds none of their rules.

An Azure Firewall's rules live in rule collections (or a firewall policy) that a plan or an
export may leave out; a firewall with no rules would be written as a security group that drops
everything, which reads as "nothing to translate" unless it is said.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from cloudexit.model.kinds import Kind

if TYPE_CHECKING:
    from cloudexit.model.inventory import Inventory, Resource
    from cloudexit.model.plan import Placement

NO_RULES = (
    "the export holds no rule collections for this firewall: its rules must be written by hand"
)


def holds_no_rules(resource: Resource) -> bool:
    """A firewall (not a security group, whose empty rule list is itself a policy) with no rule."""
    return resource.kind is Kind.FIREWALL and not resource.topology.firewall_rules


def ruleless_firewall_warnings(inventory: Inventory, placements: Iterable[Placement]) -> list[str]:
    """One line per moved firewall whose rules the export does not hold."""
    from cloudexit.model.labels import readable_names

    by_id = inventory.by_id()
    moved = [
        by_id[p.resource_id]
        for p in placements
        if not p.choice.retain and p.resource_id in by_id and holds_no_rules(by_id[p.resource_id])
    ]
    names = readable_names(inventory.resources)
    return sorted(
        f"firewall {names[r.id]}: {NO_RULES}; the security group written for it drops all "
        "traffic until then"
        for r in moved
    )
