"""A first plan without any solver: the regret greedy.

Co-location groups and classes are placed one after another, those that lose most when denied
their best choice (the regret: the second-best cost minus the best) first, each on its cheapest
choice that keeps every monotone limit: capacity, the budget (less what the blocks still to come
need at the least), anti-affinity, the providers ``max_providers`` allows, and the spend shares
against the larger of the target spend of each class's own best option and the least the plan
can end with (what is placed and the least the blocks still to come add). A balancer that stands
beside one of its members comes after them, at a place one of them took. It only proposes: the
caller checks the plan against every constraint before using it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from cloudexit.model.policy import Policy
from cloudexit.optimise.units import Row, Site, Unit, Units, group_site

Counts = dict[tuple[str, int], int]


@dataclass
class _Choice:
    score: float
    picks: list[tuple[Unit, int, int]]
    """(unit, option index, members) taken by this choice"""


class _State:
    def __init__(
        self,
        policy: Policy,
        own_monthly: float,
        least_target: float,
        own_target: float,
        members: set[str],
    ) -> None:
        self.share_of = own_target
        self.members = members
        """resources a balancer must stand beside one of"""
        self.member_at: dict[str, Site] = {}
        self.policy = policy
        self.provider: dict[str, float] = defaultdict(float)
        self.region: dict[Site, float] = defaultdict(float)
        self.used: dict[tuple[int, str], float] = defaultdict(float)
        self.monthly = 0.0
        self.reserve = own_monthly
        """the least monthly cost the blocks still to place add"""
        self.taken: dict[str, set[object]] = defaultdict(set)
        self.target = 0.0
        self.target_reserve = least_target
        """the least target spend the blocks still to place add"""

    def fits(self, choice: _Choice, least: float, least_target: float) -> bool:
        policy = self.policy
        spend_p: dict[str, float] = defaultdict(float)
        spend_r: dict[Site, float] = defaultdict(float)
        use: dict[tuple[int, str], float] = defaultdict(float)
        monthly = 0.0
        places: dict[str, list[object]] = defaultdict(list)
        if not self._beside(choice):
            return False
        for unit, k, n in choice.picks:
            row = unit.rows[k]
            monthly += row.monthly * n
            for a in unit.anti:
                places[a].extend([_place(row, a)] * n)
            if not row.target:
                continue
            spend_p[row.site[0]] += row.monthly * n
            spend_r[row.site] += row.monthly * n
            for i, cap in enumerate(policy.capacity):
                if cap.covers(row.site):
                    for attribute, _ in cap.limits():
                        use[(i, attribute)] += float(getattr(row, attribute)) * n
        for a, chosen in places.items():
            if len(set(chosen)) < len(chosen) or self.taken[a] & set(chosen):
                return False
        for (i, attribute), amount in use.items():
            limit = dict(policy.capacity[i].limits())[attribute]
            if self.used[(i, attribute)] + amount > limit + 1e-6:
                return False
        if policy.monthly_budget is not None:
            after = self.monthly + monthly + self.reserve - least
            if after > float(policy.monthly_budget) + 1e-6:
                return False
        # The target spend at the end is at least what is placed, this choice and the least the
        # rest adds; early on, the own best options' spend is the better guess.
        share_of = max(
            self.share_of,
            self.target + sum(spend_p.values()) + self.target_reserve - least_target,
        )
        if policy.max_spend_share is not None:
            cap_p = policy.max_spend_share * share_of
            if any(self.provider[p] + s > cap_p + 1e-6 for p, s in spend_p.items()):
                return False
        if policy.max_region_spend_share is not None:
            cap_r = policy.max_region_spend_share * share_of
            if any(self.region[r] + s > cap_r + 1e-6 for r, s in spend_r.items()):
                return False
        return True

    def _beside(self, choice: _Choice) -> bool:
        """Whether each balancer the choice places is at a place one of its members has taken,
        by this choice or before."""
        if not self.members:
            return True
        here = {
            rid: group_site(unit.rows[k])
            for unit, k, _ in choice.picks
            for rid in unit.members
            if rid in self.members
        }
        return all(
            any(self.member_at.get(m, here.get(m)) == group_site(unit.rows[k]) for m in unit.fronts)
            for unit, k, _ in choice.picks
            if unit.fronts
        )

    def take(self, choice: _Choice, least: float, least_target: float) -> None:
        self.reserve -= least
        self.target_reserve -= least_target
        for unit, k, n in choice.picks:
            row = unit.rows[k]
            for rid in unit.members:
                if rid in self.members:
                    self.member_at[rid] = group_site(row)
            self.monthly += row.monthly * n
            for a in unit.anti:
                self.taken[a].add(_place(row, a))
            if not row.target:
                continue
            self.target += row.monthly * n
            self.provider[row.site[0]] += row.monthly * n
            self.region[row.site] += row.monthly * n
            for i, cap in enumerate(self.policy.capacity):
                if cap.covers(row.site):
                    for attribute, _ in cap.limits():
                        self.used[(i, attribute)] += float(getattr(row, attribute)) * n


def _place(row: Row, anti: str) -> object:
    return row.site if anti.rsplit("@", 1)[1] == "region" else row.site[0]


def _choices(block: list[Unit], allowed: set[str] | None) -> list[_Choice]:
    """Every way to place the block, cheapest first: a group takes one site for all its members;
    a class takes one option per member (all on one, or, under anti-affinity, one member each)."""

    def usable(row: Row) -> bool:
        return allowed is None or not row.target or row.site[0] in allowed

    if len(block) > 1 or block[0].group is not None:
        by_site: dict[Site, list[tuple[Unit, int, int]]] = defaultdict(list)
        scores: dict[Site, float] = defaultdict(float)
        for unit in block:
            seen: set[Site] = set()
            for k, row in enumerate(unit.rows):
                site = group_site(row)
                if site in seen or not usable(row):
                    continue
                seen.add(site)
                by_site[site].append((unit, k, unit.count))
                scores[site] += row.score * unit.count
        whole = [s for s in by_site if len(by_site[s]) == len(block)]
        return [_Choice(scores[s], by_site[s]) for s in sorted(whole, key=lambda s: (scores[s], s))]
    unit = block[0]
    return [
        _Choice(row.score * unit.count, [(unit, k, unit.count)])
        for k, row in enumerate(unit.rows)
        if usable(row)
    ]


def _alone(unit: Unit, allowed: set[str] | None) -> tuple[float, float, float] | None:
    """A class placed alone: the regret, least monthly cost and least target spend of its
    choices (its usable options in order), or None when it has none. Its choices are built
    only when tried (``_tried``): most classes take their first, and building every option's
    choice up front is most of the greedy's time on a large estate."""
    n = unit.count
    first: float | None = None
    second: float | None = None
    least = least_target = math.inf
    for row in unit.rows:
        if allowed is not None and row.target and row.site[0] not in allowed:
            continue
        score = row.score * n
        if first is None:
            first = score
        elif second is None:
            second = score
        monthly = row.monthly * n
        least = min(least, monthly)
        least_target = min(least_target, monthly if row.target else 0)
    if first is None:
        return None
    return (second - first if second is not None else math.inf), least, least_target


def _tried(unit: Unit, allowed: set[str] | None) -> Iterator[_Choice]:
    n = unit.count
    for k, row in enumerate(unit.rows):
        if allowed is None or not row.target or row.site[0] in allowed:
            yield _Choice(row.score * n, [(unit, k, n)])


def regret_greedy(units: Units, policy: Policy) -> Counts | None:
    """Counts for every class, or None when some block finds no choice that keeps the limits."""
    grouped: dict[str, list[Unit]] = defaultdict(list)
    blocks: list[list[Unit]] = []
    for unit in units.units:
        if unit.group is not None:
            grouped[unit.group].append(unit)
        elif unit.anti and unit.count > 1:
            # Members of one class under anti-affinity go one by one to distinct places.
            blocks.extend([[unit]] * unit.count)
        else:
            blocks.append([unit])
    blocks.extend(grouped[g] for g in sorted(grouped))
    own = {u.key: u.rows[0] for u in units.units}
    spend: dict[str, float] = defaultdict(float)
    for u in units.units:
        if own[u.key].target:
            spend[own[u.key].site[0]] += own[u.key].monthly * u.count
    allowed: set[str] | None = None
    if policy.max_providers is not None and len(spend) > policy.max_providers:
        allowed = set(sorted(spend, key=lambda p: (-spend[p], p))[: policy.max_providers])
    split = [b for b in blocks if b[0].anti and b[0].count > 1 and b[0].group is None]
    ones = {id(b) for b in split}
    prepared: list[tuple[float, int, list[_Choice] | Unit, float, float]] = []
    for index, block in enumerate(blocks):
        if len(block) == 1 and block[0].group is None and id(block) not in ones:
            figures = _alone(block[0], allowed)
            if figures is None:
                return None
            prepared.append((figures[0], index, block[0], figures[1], figures[2]))
            continue
        choices = _choices(block, allowed)
        if id(block) in ones:
            unit = block[0]
            choices = [_Choice(c.score / unit.count, [(unit, c.picks[0][1], 1)]) for c in choices]
        if not choices:
            return None
        least = min(sum(unit.rows[k].monthly * n for unit, k, n in c.picks) for c in choices)
        least_target = min(
            sum(unit.rows[k].monthly * n for unit, k, n in c.picks if unit.rows[k].target)
            for c in choices
        )
        regret = choices[1].score - choices[0].score if len(choices) > 1 else math.inf
        prepared.append((regret, index, choices, least, least_target))
    members = {m for u in units.units for m in u.fronts}
    last = {index for index, block in enumerate(blocks) if any(u.fronts for u in block)}
    prepared.sort(key=lambda p: (p[1] in last, -p[0], p[1]))
    state = _State(
        policy,
        sum(p[3] for p in prepared),
        sum(p[4] for p in prepared),
        sum(spend.values()),
        members,
    )
    counts: Counts = defaultdict(int)
    for _, _, block_choices, least, least_target in prepared:
        tried = _tried(block_choices, allowed) if isinstance(block_choices, Unit) else block_choices
        chosen = next((c for c in tried if state.fits(c, least, least_target)), None)
        if chosen is None:
            return None
        state.take(chosen, least, least_target)
        for unit, k, n in chosen.picks:
            counts[(unit.key, k)] += n
    return dict(counts)
