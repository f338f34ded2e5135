"""The plan's warnings read from its placements, unplaced resources and inventory alone.

None reads the dated one-off costs, the totals or the sovereignty roll-up, so a large plan has
them worked out by a forked child while the planner dates and totals (``apart``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from cloudexit.catalog import versions
from cloudexit.catalog.lifecycle import end_of_life_warnings
from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.retired import retired_warnings
from cloudexit.model.app_plans import app_plan_warnings
from cloudexit.model.balancer_gaps import BalancerGap, balancer_gap_warnings
from cloudexit.model.bucket_access import access_warnings
from cloudexit.model.bucket_names import bucket_warnings
from cloudexit.model.coverage import incomplete_warning
from cloudexit.model.firewall_rules_held import (
    assumed_rule_warnings,
    ruleless_firewall_warnings,
    unheld_group_warnings,
    unread_rule_warnings,
)
from cloudexit.model.function_settings import environment_warnings
from cloudexit.model.gcp_egress import egress_warnings
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.labels import readable_names
from cloudexit.model.money import quantize
from cloudexit.model.open_ports import OpenRule, open_rule_warnings
from cloudexit.model.plan import Option, Placement, Unplaced
from cloudexit.model.policy import Policy
from cloudexit.optimise.assumptions import (
    assumed_storage_warnings,
    raised_root_warnings,
    split_boot_warnings,
    unknown_copy_warnings,
    unknown_root_warnings,
    unwritten_disk_warnings,
)
from cloudexit.optimise.attachments import (
    far_replica_warnings,
    held_apart_warnings,
    wide_group_warnings,
)
from cloudexit.optimise.ceilings import ceiling_warnings
from cloudexit.optimise.closed_regions import closed_warnings
from cloudexit.optimise.cluster_disks import cluster_disk_warnings
from cloudexit.optimise.diagnose import dedicated_link_warnings
from cloudexit.optimise.empty_warehouses import empty_warning
from cloudexit.optimise.inputs import pin_warnings
from cloudexit.optimise.node_disks import default_disk_warnings
from cloudexit.optimise.running import function_usage_warning
from cloudexit.optimise.sizes import resolve_size, sized_by_instance
from cloudexit.optimise.windows import licence_warning
from cloudexit.wording import first_few, plural


@dataclass
class Placed:
    """What the warnings read: the plan as placed, before its one-off costs are dated."""

    inventory: Inventory
    catalog: Catalog
    policy: Policy
    chosen: Mapping[str, Option]
    """each solver-placed resource's option (copies of network objects not included)"""
    placements: list[Placement]
    unplaced: list[Unplaced]
    resources: dict[str, Resource]
    unpriced_parts: dict[str, list[str]]
    """each part without a list price, and the names of the placements it is missing from"""
    open_rules: list[OpenRule]
    balancer_gaps: list[BalancerGap]
    providers: dict[str, str]
    """each solver-placed resource's provider, for the pins"""
    start: dt.date
    """the migration's start (``switching.start_of``), for end-of-life warnings"""
    stand_ins: dict[str, Decimal] = field(default_factory=dict)
    """each unpriced part's stand-in the choice counted, summed over its placements"""


def placed_warnings(placed: Placed) -> list[str]:
    """Every warning ``Placed`` gives, in no particular order (the plan sorts them)."""
    inventory, catalog, policy = placed.inventory, placed.catalog, placed.policy
    placements, unplaced, resources = placed.placements, placed.unplaced, placed.resources
    left = {u.resource_id for u in unplaced if u.code == "size_unknown"}
    # the warnings about one kind of moved resource read only its placements, picked out once
    moved = moved_by_kind(placements, resources)
    machines, buckets = moved[Kind.VM], moved[Kind.OBJECT_BUCKET]
    found = size_warnings(inventory, catalog, policy, placed.chosen, left)
    found += held_apart_warnings(inventory, policy, resources)
    found += far_replica_warnings(inventory, resources)
    found += wide_group_warnings(inventory, policy)
    found.append(incomplete_warning(inventory) or "")
    found += open_rule_warnings(inventory, placements, placed.open_rules)
    found += dedicated_link_warnings(unplaced, inventory, resources)
    found += balancer_gap_warnings(inventory, placements, placed.balancer_gaps)
    found += ruleless_firewall_warnings(inventory, placements, resources)
    found += default_disk_warnings(inventory, moved[Kind.KUBERNETES_NODE_POOL], catalog)
    found += unheld_group_warnings(inventory, placements, resources)
    found += unread_rule_warnings(inventory, placements, resources)
    found += assumed_rule_warnings(inventory, placements, resources)
    found += app_plan_warnings(inventory, placements, unplaced)
    found += egress_warnings(inventory, placements, resources)
    for part, who in sorted(placed.unpriced_parts.items()):
        found.append(unpriced_warning(part, who, placed.stand_ins.get(part)))
    names = readable_names(resources.values())
    found += empty_warning(inventory.resources, names)
    found += versions.version_warnings(placements, names)
    found += environment_warnings(placements, resources, names)
    found += assumed_storage_warnings(placements, names)
    found += ceiling_warnings(placements, resources, names)
    found += closed_warnings(catalog, policy)
    found += unknown_copy_warnings(
        placements, resources, names, policy.running_costs.assumed_data_gib
    )
    found += unknown_root_warnings(inventory.resources, names)
    found += unwritten_disk_warnings(machines, resources, catalog)
    found += cluster_disk_warnings(moved[Kind.DATA_PROCESSING], resources, names)
    found += raised_root_warnings(machines, resources)
    found += split_boot_warnings(machines, resources, catalog)
    found += end_of_life_warnings(placements, names, placed.start)
    found += bucket_warnings(buckets, resources, names)
    found += access_warnings(buckets, resources, names)
    found += retired_warnings(inventory.resources, placements, names, placed.start)
    found += pin_warnings(inventory, catalog, policy, placed.providers)
    found += outside_cost_warnings(placements, catalog, names)
    return [line for line in found if line]


_PICKED = {
    Kind.VM: (Kind.VM, Kind.VM_GROUP),
    Kind.OBJECT_BUCKET: (Kind.OBJECT_BUCKET,),
    Kind.KUBERNETES_NODE_POOL: (Kind.KUBERNETES_NODE_POOL,),
    Kind.DATA_PROCESSING: (Kind.DATA_PROCESSING,),
}
"""the placements ``moved_by_kind`` picks out, by the kinds each list holds (machines: single
ones and groups together)"""


def moved_by_kind(
    placements: list[Placement], resources: dict[str, Resource]
) -> dict[Kind, list[Placement]]:
    """The placements moving a resource of the inventory of each of ``_PICKED``'s kinds, in
    their order: each of the warnings given them reads no other placement."""
    picked: dict[Kind, list[Placement]] = {kind: [] for kind in _PICKED}
    into = {kind: picked[key] for key, kinds in _PICKED.items() for kind in kinds}
    for p in placements:
        r = resources.get(p.resource_id)
        if r is None or p.choice.retain:
            continue
        found = into.get(r.kind)
        if found is not None:
            found.append(p)
    return picked


def outside_cost_warnings(
    placements: list[Placement], catalog: Catalog, names: dict[str, str]
) -> list[str]:
    """One line per target service whose cost no price list here holds, naming who carries it:
    such a placement is priced at nothing, and the plan says what that nothing leaves out."""
    who: dict[tuple[str, str], list[str]] = {}
    for p in placements:
        if p.choice.retain:
            continue
        mapping = catalog.kinds.get(Kind(p.kind))
        target = mapping.targets.get(p.choice.provider) if mapping else None
        if target is not None and target.cost_outside:
            who.setdefault((p.choice.provider, target.cost_outside), []).append(
                names.get(p.resource_id, p.resource_id)
            )
    return [
        f"not in the target cost, paid outside any price list on {provider}: {what}; on "
        f"{len(labels)} {plural(len(labels), 'placement')} ({first_few(sorted(labels))})"
        for (provider, what), labels in sorted(who.items())
    ]


def unpriced_warning(part: str, who: list[str], stand_in: Decimal | None) -> str:
    """A part with no list price, where it is missing, and what the choice counted for it."""
    line = (
        f"not in the target cost, for want of a list price: {part}, on {len(who)} "
        f"{plural(len(who), 'placement')} ({first_few(who)})"
    )
    if stand_in is None:
        return line
    return (
        f"{line}; the choice counted it at EUR {quantize(stand_in)} a month in all, the highest "
        "price the catalogue knows for it elsewhere, so the missing price made no site look "
        "cheaper (an assumption of the comparison, in no cost figure)"
    )


def size_warnings(
    inventory: Inventory,
    catalog: Catalog,
    policy: Policy,
    placed: Mapping[str, Option],
    left: set[str],
) -> list[str]:
    """One line per resource placed by vCPU and memory, or left, whose size is not reported or catalogued."""
    found = []
    for r in inventory.resources:
        option = placed.get(r.id)
        if r.id in left or (option is not None and sized_by_instance(option, catalog, r.kind)):
            line = resolve_size(r, catalog, policy).warning(r, leave=r.id in left)
            if line:
                found.append(line)
        if option is not None and not option.retain:
            for line in (
                function_usage_warning(r, policy),
                licence_warning(r, option, catalog, policy),
            ):
                if line:
                    found.append(line)
    return found
