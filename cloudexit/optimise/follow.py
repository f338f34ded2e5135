"""Network objects follow the resources that name them.

A subnet, network or security group is not a place of its own: it is recreated at every site
where a resource naming it lands (a VM in its subnet, behind its group), and a subnet's network
wherever the subnet is. Each copy is a one-off effort with its own risk, so the model counts one
cost per site that holds a copy: a binary per (network object, site), at least as large as every
count of a resource naming it there (a fixed charge), and at least one copy in all. A network
object that nothing placed names, or that costs something a month (so it would weigh in the
budget and spend shares), is placed on its own like any other resource.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.kinds import Kind

if TYPE_CHECKING:
    from cloudexit.optimise.units import Row, Site

FOLLOWING_KINDS = frozenset({Kind.NETWORK, Kind.SUBNET, Kind.SECURITY_GROUP})


@dataclass(eq=False)
class Follower:
    """A network object recreated where the resources naming it are."""

    id: str
    at: dict[Site, Row]
    """the cheapest option per place (every kept option at ``units.SOURCE``)"""
    parents: list[Follower] = field(default_factory=list)
    """the network objects it names: they are wherever it is"""


def named(resource: Resource) -> list[str]:
    """The ids a resource names that a network object could be: what it depends on and its
    security groups (its own and its subnet's), in order, once each."""
    topology = resource.topology
    return list(
        dict.fromkeys(
            [*resource.depends_on, *topology.security_groups, *topology.subnet_security_groups]
        )
    )


def find_followers(
    inventory: Inventory, rows_of: Mapping[str, Sequence[Row]], place: Callable[[Row], Site]
) -> dict[str, Follower]:
    """Network objects with options that a resource with options names, directly or through
    other such network objects; free every month on every option. By id, sorted.

    ``place``: where an option puts a resource, as co-location counts it."""
    by_id = inventory.by_id()

    def eligible(rid: str) -> bool:
        resource = by_id.get(rid)
        return (
            resource is not None
            and resource.kind in FOLLOWING_KINDS
            and rid in rows_of
            and all(r.monthly == 0 for r in rows_of[rid])
        )

    referenced: set[str] = set()
    for rid in rows_of:
        referenced.update(n for n in named(by_id[rid]) if n != rid)
    # Seeds: objects named by a resource that is no candidate itself (a VM, or a subnet nothing names).
    found: set[str] = set()
    todo = [
        n
        for rid in sorted(rows_of)
        if not eligible(rid) or rid not in referenced
        for n in named(by_id[rid])
        if n != rid and eligible(n)
    ]
    while todo:
        rid = todo.pop()
        if rid in found:
            continue
        found.add(rid)
        todo.extend(n for n in named(by_id[rid]) if n != rid and eligible(n) and n not in found)
    followers: dict[str, Follower] = {}
    for rid in sorted(found):
        at: dict[Site, Row] = {}
        for row in sorted(rows_of[rid], key=lambda r: (r.score, r.site, r.product or "")):
            at.setdefault(place(row), row)
        followers[rid] = Follower(rid, at)
    for rid, follower in followers.items():
        follower.parents = [followers[n] for n in named(by_id[rid]) if n in followers and n != rid]
    return followers


def closure(direct: Iterable[Follower]) -> list[Follower]:
    """The followers given and every one they name, through any depth; sorted by id."""
    seen: dict[str, Follower] = {}
    todo = list(direct)
    while todo:
        f = todo.pop()
        if f.id not in seen:
            seen[f.id] = f
            todo.extend(f.parents)
    return [seen[k] for k in sorted(seen)]


def copies_of(
    placed: Iterable[tuple[Site, Sequence[Follower]]], followers: Iterable[Follower]
) -> dict[str, list[tuple[Site, Row]]]:
    """Follower id -> the options it takes, one per site, cheapest first: every place a resource
    naming it is (where it has an option), every place a follower naming it is, and, for one no
    such place can hold, the place that adds least (its option plus the copies of what it names
    not already there).

    ``placed``: each placed resource's place with the followers it names."""
    sites: dict[str, set[Site]] = defaultdict(set)
    todo: list[tuple[Follower, Site]] = []
    for place, direct in placed:
        for f in direct:
            if place in f.at and place not in sites[f.id]:
                sites[f.id].add(place)
                todo.append((f, place))
    _spread(todo, sites)
    for f in sorted(followers, key=lambda f: f.id):
        if sites[f.id]:
            continue

        def adds(place: Site, f: Follower = f) -> float:
            extra = 0.0
            seen: set[str] = set()
            stack = [f]
            while stack:
                g = stack.pop()
                if g.id in seen or place not in g.at or place in sites[g.id]:
                    continue
                seen.add(g.id)
                extra += g.at[place].score
                stack.extend(g.parents)
            return extra

        best = min(f.at, key=lambda s: (adds(s), s))
        sites[f.id].add(best)
        _spread([(f, best)], sites)
    return {
        f.id: sorted(((s, f.at[s]) for s in sites[f.id]), key=lambda sr: (sr[1].score, sr[0]))
        for f in sorted(followers, key=lambda f: f.id)
    }


def _spread(todo: list[tuple[Follower, Site]], sites: dict[str, set[Site]]) -> None:
    """Each follower's places to the followers it names, where they have an option."""
    while todo:
        f, place = todo.pop()
        for parent in f.parents:
            if place in parent.at and place not in sites[parent.id]:
                sites[parent.id].add(place)
                todo.append((parent, place))


def with_kept(
    copies: Mapping[str, list[tuple[Site, Row]]],
    kept: Iterable[tuple[Site, Sequence[Follower]]],
) -> dict[str, list[tuple[Site, Row | None]]]:
    """``copies`` with the source's copy of each network object a resource kept with another
    names (an interface staying with its machine names the subnet a moved one names too): that
    copy stays for it, and so does every network object it names. None where the object has no
    kept option (not built yet, or the policy keeps nothing): it stays with what is kept anyway.

    ``kept``: each such resource's place, the source, with the followers it names."""
    sites: dict[str, set[Site]] = defaultdict(set)
    for fid, chosen in copies.items():
        sites[fid].update(place for place, _ in chosen)
    todo: list[tuple[Follower, Site]] = []
    for place, direct in kept:
        for f in direct:
            if f.id in copies and place not in sites[f.id]:
                sites[f.id].add(place)
                todo.append((f, place))
    found = {g.id: g for g in closure(f for f, _ in todo)}
    while todo:  # the network objects a kept copy names are kept too
        f, place = todo.pop()
        for parent in f.parents:
            if parent.id in copies and place not in sites[parent.id]:
                sites[parent.id].add(place)
                todo.append((parent, place))
    out: dict[str, list[tuple[Site, Row | None]]] = {}
    for fid, chosen in copies.items():
        held = {place for place, _ in chosen}
        at = found[fid].at if fid in found else {}
        extra = [(s, at.get(s)) for s in sorted(sites[fid] - held)]
        out[fid] = sorted([*chosen, *extra], key=lambda sr: (sr[1].score if sr[1] else 0.0, sr[0]))
    return out


def copies_score(copies: Mapping[str, list[tuple[Site, Row]]]) -> float:
    return sum(r.score for rows in copies.values() for _, r in rows)


def copy_reasons(
    placed: Iterable[tuple[Site, Sequence[Follower]]],
    copies: Mapping[str, Sequence[tuple[Site, Row | None]]],
    followers: Mapping[str, Follower],
) -> dict[str, str]:
    """Follower id -> why it is where it is: how many resources (and copies of network objects)
    name it at each of its places."""
    resources: dict[str, dict[Site, int]] = defaultdict(lambda: defaultdict(int))
    for place, direct in placed:
        for f in direct:
            resources[f.id][place] += 1
    objects: dict[str, dict[Site, int]] = defaultdict(lambda: defaultdict(int))
    for f in followers.values():
        for place, _ in copies.get(f.id, []):
            for parent in f.parents:
                objects[parent.id][place] += 1
    reasons: dict[str, str] = {}
    for fid, chosen in copies.items():
        parts = []
        for place, row in sorted(chosen, key=lambda sr: sr[0]):
            label = "kept on the source" if row is None or row.retain else f"{place[0]}/{place[1]}"
            users = resources[fid].get(place, 0)
            names = objects[fid].get(place, 0)
            said = [f"{users} resource(s)"] if users else []
            said += [f"{names} network object(s)"] if names else []
            parts.append(f"{label} ({' and '.join(said) or 'on its own'})")
        held = {place for place, _ in chosen}
        if not any(resources[fid].get(p) or objects[fid].get(p) for p in held):
            head = "no resource naming it lands where it can go: placed on its own at "
        else:
            head = (
                "recreated wherever the resources naming it land, each copy's one-off cost and "
                "risk counted: "
            )
        away = sorted(p for p, n in resources[fid].items() if n and p not in held)
        tail = (
            f"; {sum(resources[fid][p] for p in away)} resource(s) naming it land where it has "
            f"no option ({', '.join(f'{p[0]}/{p[1]}' for p in away)}) and use that site's network"
            if away
            else ""
        )
        reasons[fid] = head + ", ".join(parts) + tail
    return reasons


def staying(
    inventory: Inventory,
    followers: Mapping[str, Follower],
    rows_of: Mapping[str, Sequence[Row]],
    held: Mapping[str, str],
) -> dict[str, str]:
    """Follower id -> the resource it stays on the source with, for each network object nothing
    naming it can move: every resource naming it is kept on its source (its only option), held
    with a part that is, or has no option at all, and so is every network object naming it. A
    copy at a target would guard nothing there (an RDP rule written at IONOS for a VM left on
    Azure). ``rows_of``: the options of the resources that are no network object copy."""
    namers: dict[str, list[str]] = defaultdict(list)
    for r in inventory.resources:
        for n in named(r):
            if n != r.id and n in followers:
                namers[n].append(r.id)

    def moves(rid: str) -> bool:
        rows = rows_of.get(rid)
        return rows is not None and rid not in held and any(not row.retain for row in rows)

    kept: dict[str, str] = {}
    changed = True
    while changed:
        changed = False
        for fid in sorted(followers):
            if fid in kept:
                continue
            names = sorted(namers.get(fid, []))
            if not names or any(
                (n in followers and n not in kept) or (n not in followers and moves(n))
                for n in names
            ):
                continue
            # the resource it stays with: one kept on the source if any, else any
            own = [n for n in names if n in rows_of and n not in held]
            first = (own or [n for n in names if n not in followers] or names)[0]
            kept[fid] = kept.get(first, first)
            changed = True
    return kept
