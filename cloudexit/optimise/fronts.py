"""A balancer stands where at least one of its members is.

A balancer whose members the policy's anti-affinity keeps apart is not attached to them
(``attachments.held_apart``): no one site can hold them all. Left free it took its own cheapest
site, often one with no member, and its Terraform fronted nothing. It is now placed at a site
holding at least one of its members, so what is written fronts the members there; the members
at other sites are named for a balancer of their own (the plan's warning, the site README).

One balancer is written and priced, where one is placed: a balancer per site holding members
would make the number of balancers a decision whose monthly cost enters the budget and spend
shares, which the model does not state. The constraint, per balancer and place it can take
(``group_site``: a kept option counts as the source): its choice there is at most the number of
its members there. It is linear, so every solve path states it as one more row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from cloudexit.model.inventory import Inventory
from cloudexit.model.policy import Policy
from cloudexit.optimise.attachments import held_apart

if TYPE_CHECKING:
    from cloudexit.optimise.units import Row, Site, Unit


def fronted(
    inventory: Inventory,
    policy: Policy,
    rows_of: Mapping[str, Sequence[Row]],
    place: Callable[[Row], Site],
) -> dict[str, tuple[str, ...]]:
    """Balancer id -> its members with options, sorted, for each balancer the policy holds apart
    from its members and that has an option at a place one of them can take. One with none
    (its options and its members' share no site) is left free: the constraint would leave no plan,
    and the plan's warning and the site README name it."""
    wholes = {whole for _, whole in held_apart(inventory, policy) if whole in rows_of}
    if not wholes:
        return {}
    members: dict[str, list[str]] = defaultdict(list)
    for r in inventory.resources:
        if r.id not in rows_of:
            continue
        for link in r.topology.attachments:
            if link.relation == "lb_member" and link.to in wholes:
                members[link.to].append(r.id)
    found: dict[str, tuple[str, ...]] = {}
    for whole in sorted(wholes):
        ids = sorted(set(members[whole]))
        own = {place(row) for row in rows_of[whole]}
        theirs = {place(row) for m in ids for row in rows_of[m]}
        if own & theirs:
            found[whole] = tuple(ids)
    return found


def fronting(units: Sequence[Unit]) -> list[tuple[Unit, list[Unit]]]:
    """Each balancer's unit with the units of its members among ``units`` (one resource each:
    ``build_units`` keeps balancers and members apart from other resources)."""
    balancers = [u for u in units if u.fronts]
    if not balancers:
        return []
    unit_of = {rid: u for u in units for rid in u.members}
    found = []
    for u in balancers:
        keys: dict[str, Unit] = {}
        for m in u.fronts:
            if m in unit_of:
                keys.setdefault(unit_of[m].key, unit_of[m])
        found.append((u, list(keys.values())))
    return found


def member_ids(units: Sequence[Unit]) -> set[str]:
    """The resources some balancer among ``units`` must stand beside one of."""
    return {m for u in units for m in u.fronts}


def places(
    balancer: Unit, members: Sequence[Unit], place: Callable[[Row], Site]
) -> list[tuple[Site, list[int], list[tuple[Unit, int]]]]:
    """Per place the balancer can take, in order: its options there and its members' options
    there, as (unit, option index)."""
    own: dict[Site, list[int]] = defaultdict(list)
    for k, row in enumerate(balancer.rows):
        own[place(row)].append(k)
    theirs: dict[Site, list[tuple[Unit, int]]] = defaultdict(list)
    for u in members:
        for k, row in enumerate(u.rows):
            theirs[place(row)].append((u, k))
    return [(s, ks, theirs.get(s, [])) for s, ks in sorted(own.items())]


def apart_lines(
    assignment: Mapping[str, Row],
    fronts: Mapping[str, Sequence[str]],
    names: Mapping[str, str],
    place: Callable[[Row], Site],
) -> list[str]:
    """One line per balancer placed where none of its members is."""
    found = []
    for whole, ids in sorted(fronts.items()):
        row = assignment.get(whole)
        if row is None:
            continue
        at = {place(assignment[m]) for m in ids if m in assignment}
        if at and place(row) not in at:
            found.append(
                f"load balancer {names.get(whole, whole)}: placed at {_site(place(row))}, where "
                f"none of its members is ({', '.join(_site(s) for s in sorted(at))})"
            )
    return found


def _site(site: Site) -> str:
    # Imported here: the units module imports this one.
    from cloudexit.optimise.units import SOURCE

    return "kept on the source" if site == SOURCE else f"{site[0]}/{site[1]}"
