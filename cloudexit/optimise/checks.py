"""Every policy constraint re-checked in plain Python on a finished assignment.

Solvers can report a point as optimal that is not, or hand back relaxation values; nothing is
written that fails these checks. The same checks say which constraints the greedy baseline broke.
"""

from __future__ import annotations

import itertools
import operator
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.policy import Capacity, Policy
from cloudexit.optimise.fronts import apart_lines
from cloudexit.optimise.units import (
    ATTACHED,
    SOURCE,
    Replication,
    Row,
    Shape,
    Site,
    Units,
    group_site,
    replication_sent,
)


def violations(
    assignment: dict[str, Row],
    units: Units,
    inventory: Inventory,
    policy: Policy,
    near: str | None = None,
    near_group: str | None = None,
) -> list[str]:
    """``near``: a resource whose option alone changed from a plan already checked; co-location
    and anti-affinity are then checked only where it is (``near_group``, its tag values), since
    the lines elsewhere are the plan's own."""
    found: list[str] = []
    # Each option's site, target flag and figures are read from its shape (a tuple shared by
    # many rows) with C-level getters: a property call per row is most of a check at scale.
    # Every sum runs over the plan in its own order, so each figure is the one a row by row
    # reading gives.
    rows = list(assignment.values())
    shapes = list(map(_SHAPE, rows))
    groups = units.groups.items()
    if near is not None:
        groups = [(near_group, units.groups[near_group])] if near_group in units.groups else []  # type: ignore[assignment]
    named: dict[str, Resource] = {}
    """resources by id, read once and only for a group of attached resources (named by them)"""
    for group, members in groups:
        if not named and group.startswith(ATTACHED):
            named = inventory.by_id()
        found.extend(
            _group_lines(
                _group_title(group, members, named),
                (assignment[m] for m in members if m in assignment),
            )
        )
    near_tags = inventory.by_id()[near].tags if near is not None else None
    for rule in policy.anti_affinity:
        wanted = near_tags.get(rule.tag_key) if near_tags is not None else None
        if near is not None and wanted is None:
            continue
        by_value: dict[str, list[str]] = defaultdict(list)
        # Only the resources holding the tag, in the inventory's order: a line reads how many
        # share a place, not their order.
        values = map(operator.methodcaller("get", rule.tag_key), map(_TAGS, inventory.resources))
        for resource, value in zip(inventory.resources, values, strict=True):
            if (
                value is not None
                and (wanted is None or value == wanted)
                and resource.id in assignment
            ):
                by_value[value].append(resource.id)
        for value, members in sorted(by_value.items()):
            found.extend(
                _anti_lines(rule.tag_key, rule.level, value, [assignment[m] for m in members])
            )
    found.extend(_balancer_lines(assignment, units, inventory, near))
    target = list(itertools.compress(range(len(shapes)), map(_TARGET, shapes)))
    sites = [shapes[i][0] for i in target]
    monthly = np.fromiter(map(_MONTHLY, rows), np.float64, len(rows))
    sent = replication_sent(assignment, units.links)
    if sent:
        # a primary's replication is billed where it is: its own row's spend
        position = {rid: i for i, rid in enumerate(assignment)}
        for rid, (_, cost) in sent.items():
            monthly[position[rid]] += cost
    spend = _summed(list(map(_PROVIDER, sites)), monthly[target])
    by_site: dict[Site, float] = {}
    if policy.max_region_spend_share is not None:
        by_site = _summed(sites, monthly[target])
    found.extend(_spend_lines(spend, by_site, policy))
    for cap in policy.capacity:
        covering = {site for site in set(sites) if cap.covers(site)}
        covered = [shapes[i] for i, site in zip(target, sites, strict=True) if site in covering]
        used = {a: sum(map(float, map(_FIGURE[a], covered))) for a, _ in cap.limits()}
        found.extend(_capacity_lines(cap, used))
    if policy.monthly_budget is not None:
        found.extend(_budget_lines(policy, sum(monthly.tolist())))
    return found


def _balancer_lines(
    assignment: Mapping[str, Row], units: Units, inventory: Inventory, near: str | None
) -> list[str]:
    """Balancers placed where none of their members is (``fronts``); ``near``: only the
    balancers it is or is a member of."""
    fronts = {u.members[0]: u.fronts for u in units.units if u.fronts}
    if near is not None:
        fronts = {b: ids for b, ids in fronts.items() if near == b or near in ids}
    if not fronts:
        return []
    by_id = inventory.by_id()
    names = {b: by_id[b].name if b in by_id else b for b in fronts}
    return apart_lines(assignment, fronts, names, group_site)


_Key = TypeVar("_Key")


def _summed(keys: list[_Key], values: npt.NDArray[np.float64]) -> dict[_Key, float]:
    """Per key, its values summed one after another in their order (the figure a running sum
    gives), keys in the order they first come."""
    code = {key: i for i, key in enumerate(dict.fromkeys(keys))}
    codes = np.fromiter(map(code.__getitem__, keys), np.int64, len(keys))
    return {key: float(np.add.accumulate(values[codes == i])[-1]) for key, i in code.items()}


_SHAPE = operator.attrgetter("shape")
_TARGET = operator.itemgetter(1)
_PROVIDER = operator.itemgetter(0)
_TAGS = operator.attrgetter("tags")
_MONTHLY = operator.attrgetter("monthly")
_FIGURE = {name: operator.itemgetter(Shape._fields.index(name)) for name in Shape._fields}
"""A capacity attribute of an option, read from its shape"""


class Probes:
    """The lines ``violations`` gives, ``near`` the resource, for the plan with one resource's
    option changed: the sums over the rest of the plan are kept, and a probe redoes only those
    its change touches (in the plan's order, so each figure is the one a whole re-check gives)."""

    def __init__(
        self, assignment: dict[str, Row], units: Units, inventory: Inventory, policy: Policy
    ) -> None:
        self._assignment, self._units, self._policy = assignment, units, policy
        self._inventory = inventory
        self._pairs = any(
            link.a in assignment for link in units.links if isinstance(link, Replication)
        )
        """whether a replication ties one resource's figures to another's place: then a probe
        is a whole check"""
        rows = list(assignment.values())
        self._position = {rid: i for i, rid in enumerate(assignment)}
        self._monthly_list = [r.monthly for r in rows]
        self._monthly = np.array(self._monthly_list, dtype=np.float64)
        self._target = np.array([r.target for r in rows], dtype=bool)
        self._codes: dict[object, int] = {}
        self._provider = np.array([self._code(r.site[0]) for r in rows], dtype=np.int64)
        self._site = np.array([self._code(r.site) for r in rows], dtype=np.int64)
        self._spend: dict[str, float] = defaultdict(float)
        self._first: dict[str, int] = {}
        self._by_site: dict[Site, float] = defaultdict(float)
        for i, row in enumerate(rows):
            if row.target:
                self._first.setdefault(row.site[0], i)
                self._spend[row.site[0]] += row.monthly
                self._by_site[row.site] += row.monthly
        self._numbers = {
            a: np.array([float(getattr(r, a)) for r in rows], dtype=np.float64)
            for a in {a for cap in policy.capacity for a, _ in cap.limits()}
        }
        self._covered = [
            np.array([cap.covers(r.site) for r in rows], dtype=bool) & self._target
            for cap in policy.capacity
        ]
        self._used = [
            {a: sum(self._numbers[a][covered].tolist()) for a, _ in cap.limits()}
            for cap, covered in zip(policy.capacity, self._covered, strict=True)
        ]
        resources = inventory.by_id()
        self._resources = resources
        self._fronts = {u.members[0]: u.fronts for u in units.units if u.fronts}
        self._tag_of = {rid: resources[rid].tags for rid in assignment}
        self._holding: list[dict[str, list[str]]] = []
        for rule in policy.anti_affinity:
            holding: dict[str, list[str]] = defaultdict(list)
            for rid in assignment:
                value = self._tag_of[rid].get(rule.tag_key)
                if value is not None:
                    holding[value].append(rid)
            self._holding.append(holding)

    def _code(self, key: object) -> int:
        return self._codes.setdefault(key, len(self._codes))

    def violations(self, rid: str, row: Row, group: str | None) -> list[str]:
        policy, assignment = self._policy, self._assignment
        if self._pairs:
            probed = {**assignment, rid: row}
            return violations(probed, self._units, self._inventory, policy, rid, group)
        i, old = self._position[rid], assignment[rid]

        def at(m: str) -> Row:
            return row if m == rid else assignment[m]

        found: list[str] = []
        if group in self._units.groups:
            members = self._units.groups[group]
            found.extend(
                _group_lines(
                    _group_title(group, members, self._resources),
                    (at(m) for m in members if m in assignment),
                )
            )
        for rule, holding in zip(policy.anti_affinity, self._holding, strict=True):
            wanted = self._tag_of[rid].get(rule.tag_key)
            if wanted is not None:
                members = holding[wanted]
                found.extend(
                    _anti_lines(rule.tag_key, rule.level, wanted, [at(m) for m in members])
                )
        if self._fronts:
            fronts = {b: ids for b, ids in self._fronts.items() if rid == b or rid in ids}
            if fronts:
                placed = {
                    m: at(m) for b, ids in fronts.items() for m in (b, *ids) if m in assignment
                }
                names = {b: self._resources[b].name for b in fronts if b in self._resources}
                found.extend(apart_lines(placed, fronts, names, group_site))
        monthly = self._monthly.copy()
        monthly[i] = row.monthly
        target = self._target.copy()
        target[i] = row.target
        provider = self._provider.copy()
        provider[i] = self._code(row.site[0])
        site = self._site.copy()
        site[i] = self._code(row.site)
        first = dict(self._first)
        spend = dict(self._spend)
        for name in {old.site[0], row.site[0]}:
            chosen = target & (provider == self._code(name))
            where = np.flatnonzero(chosen)
            if len(where):
                spend[name] = float(np.add.accumulate(monthly[chosen])[-1])
                first[name] = int(where[0])
            else:
                spend.pop(name, None)
                first.pop(name, None)
        ordered = {name: spend[name] for name in sorted(spend, key=first.__getitem__)}
        by_site = dict(self._by_site)
        if policy.max_region_spend_share is not None:
            for place in {old.site, row.site}:
                chosen = target & (site == self._code(place))
                if chosen.any():
                    by_site[place] = float(np.add.accumulate(monthly[chosen])[-1])
                else:
                    by_site.pop(place, None)
        found.extend(_spend_lines(ordered, by_site, policy))
        for cap, covered, used in zip(policy.capacity, self._covered, self._used, strict=True):
            if (old.target and cap.covers(old.site)) or (row.target and cap.covers(row.site)):
                covered = covered.copy()
                covered[i] = row.target and cap.covers(row.site)
                used = {}
                for a, _ in cap.limits():
                    numbers = self._numbers[a].copy()
                    numbers[i] = float(getattr(row, a))
                    used[a] = sum(numbers[covered].tolist())
            found.extend(_capacity_lines(cap, used))
        if policy.monthly_budget is not None:
            figures = list(self._monthly_list)
            figures[i] = row.monthly
            found.extend(_budget_lines(policy, sum(figures)))
        return found


def _group_title(group: str, members: Iterable[str], resources: Mapping[str, Resource]) -> str:
    """A group as a reader knows it: a policy tag value, or the names of the resources attached
    to one another (the group's key is an inventory id no reader recognises)."""
    if not group.startswith(ATTACHED):
        return f"co-location group {group} is split"
    names = sorted(resources[m].name for m in members if m in resources)
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    if len(names) in (2, 3):
        shown = ", ".join(names[:-1]) + f" and {names[-1]}"
    return f"the attachment of {shown}, split"


def _group_lines(split: str, rows: Iterable[Row]) -> list[str]:
    sites = sorted({group_site(r) for r in rows})
    if len(sites) <= 1:
        return []
    return [
        f"{split} over {len(sites)} sites: "
        + ", ".join("kept on the source" if s == SOURCE else f"{s[0]}/{s[1]}" for s in sites)
    ]


def _anti_lines(tag_key: str, level: str, value: str, rows: list[Row]) -> list[str]:
    places = [r.site if level == "region" else r.site[0] for r in rows]
    if len(set(places)) < len(places):
        return [f"anti-affinity {tag_key}={value}: {len(rows)} resources share a {level}"]
    return []


def _spend_lines(
    spend: Mapping[str, float], by_site: Mapping[Site, float], policy: Policy
) -> list[str]:
    """``spend``: target spend per provider in the order the plan first uses each (its sum is
    the total); ``by_site``: per site, read when ``max_region_spend_share`` is set."""
    found = []
    used = len(spend)
    if spend and used < policy.min_providers:
        found.append(f"min_providers {policy.min_providers}: only {used} used")
    if policy.max_providers is not None and used > policy.max_providers:
        found.append(f"max_providers {policy.max_providers}: {used} used")
    total_target = sum(spend.values())
    if policy.max_spend_share is not None and total_target > 0:
        for provider, amount in sorted(spend.items()):
            if amount > policy.max_spend_share * total_target + 1e-6:
                found.append(
                    f"max_spend_share {policy.max_spend_share:.0%}: {provider} takes "
                    f"{amount / total_target:.1%} of target spend"
                )
    if policy.max_region_spend_share is not None and total_target > 0:
        for (provider, region), amount in sorted(by_site.items()):
            if amount > policy.max_region_spend_share * total_target + 1e-6:
                found.append(
                    f"max_region_spend_share {policy.max_region_spend_share:.0%}: {provider}/{region} "
                    f"takes {amount / total_target:.1%} of target spend"
                )
    return found


def _capacity_lines(cap: Capacity, used: Mapping[str, float]) -> list[str]:
    found = []
    for attribute, limit in cap.limits():
        if used[attribute] > limit + 1e-6:
            found.append(
                f"capacity {cap.provider}/{cap.region or '*'} {attribute}: {used[attribute]:g} > {limit:g}"
            )
    return found


def _budget_lines(policy: Policy, monthly: float) -> list[str]:
    if policy.monthly_budget is not None and monthly > float(policy.monthly_budget) + 1e-6:
        return [f"monthly_budget {policy.monthly_budget}: plan costs {monthly:.2f}"]
    return []
