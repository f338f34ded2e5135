"""A lower bound that stays cheap at any size: the estate-wide limits priced, not imposed.

The spend shares, capacity and the budget couple every class with every other; everything else
(one option per member, a co-location group on one site, anti-affinity) lies inside a block of
classes. With each estate-wide row moved into the objective at a price ``lam >= 0``
(``score + lam . a``, less ``lam . b``), the problem falls apart into blocks each solved by taking
a minimum, and its optimum is below every plan's score for every price (weak duality): a proven
bound whatever prices are used. The prices are raised towards the best such bound by a cutting
plane over the few estate-wide rows (Kelley's method), each step one pass over the options.

Inside the blocks some constraints are dropped where keeping them would cost more than a
minimum, which only lowers the bound: anti-affinity within a co-location group or over classes in
groups, anti-affinity sets of more than ``EXACT_ANTI`` members, traffic between sites and
network objects' copies beyond one each. A provider count (``max_providers``) is met by taking
the least bound over the sets of providers it allows, only when the bound without it does not
already close the gap.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import operator
import time
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from cloudexit.model.plan import SolveStatus
from cloudexit.model.policy import Policy
from cloudexit.optimise import arrays, fronts, highs
from cloudexit.optimise.units import Row, Shape, Site, Unit, Units

Counts = dict[tuple[str, int], int]
Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

EXACT_ANTI = 4
"""Anti-affinity sets up to this many members are solved exactly (every way to give each member
one of its cheapest places); larger ones are relaxed to each member's cheapest option."""
SUBSETS = 24
"""Most provider sets the bound enumerates for ``max_providers``; beyond, the count is dropped."""
ASCENT_GAP_SHARE = 0.01
"""The price search stops once its cutting plane's ceiling is within this share of the policy's
gap of the best bound found: closer buys nothing the gap can show."""


@dataclass
class Bound:
    value: float
    """a proven lower bound on every plan's score; +inf when no plan can meet the policy's
    co-location, anti-affinity and provider limits with the options given"""
    providers: frozenset[str] | None = None
    """the provider set the bound was least for, when ``max_providers`` was enumerated"""
    evaluations: int = 0
    seconds_flat: float = 0.0
    """wall seconds reading every option into arrays once: what a pass over the whole model
    costs here, to judge whether a larger model can be built in the time left"""
    cut: bool = False
    """the time limit stopped the ascent before the bound converged: another run, on a faster
    or quieter machine, can end with another bound and other prices"""
    spread: float = math.inf
    """how far above the bound, relative to it, the cutting plane's ceiling was left: no prices
    give a bound above the ceiling, so within the policy's gap the prices are as good as
    converged for choosing the options in doubt"""
    plans: _Plans | None = field(default=None, repr=False)
    flat: _Flat | None = field(default=None, repr=False)
    priced: Floats | None = field(default=None, repr=False)
    """each option's score with the best prices found, +inf outside ``providers``, in ``flat``'s
    order: what ``_open`` reads"""

    def plan(self) -> Counts | None:
        """The least-scored choice of the blocks, under any prices tried, that is a plan: it
        keeps every estate-wide row and the provider count, and anti-affinity where the blocks
        drop it (checked here with the same figures; the caller still checks it in plain
        Python). Counted only when asked for."""
        return self.plans.counts() if self.plans is not None else None

    @property
    def has_plan(self) -> bool:
        return self.plans is not None and self.plans.picked is not None


@dataclass
class _Anti:
    """The anti-affinity sets solved by enumeration (classes in no co-location group), as arrays:
    each set's members (a class of ``count`` members gives ``count``), each member's options by
    place."""

    rows: Ints
    """flat positions of every (member, option), ordered by member, then place"""
    seg_starts: Ints
    """start in ``rows`` of each (member, place) segment"""
    seg_member: Ints
    seg_place: Ints
    """per segment, its member and its place (numbered within its set)"""
    member_set: Ints
    """per member, its set"""
    set_first: Ints
    """per set, its first member"""
    set_size: Ints
    """per set, its members"""


def _no_anti() -> _Anti:
    empty = np.zeros(0, dtype=np.int64)
    return _Anti(empty, empty, empty, empty, empty, empty, empty)


@dataclass
class _Flat:
    """Every option of every class in one set of arrays, in the order the blocks read them."""

    score: Floats
    monthly: Floats
    spend: Floats
    """monthly for target options, 0 for kept ones"""
    provider: Ints
    """target provider index, -1 for kept options"""
    site: Ints
    """target site index, -1 for kept options"""
    capacity: list[tuple[Floats, float]]
    """per capacity limit: each option's use and the limit"""
    count: Floats
    """members of the option's class"""
    unit: Ints
    k: Ints
    # plain classes: one segment per class
    plain_starts: Ints
    plain_end: int
    # grouped classes: one segment per (class, site), rows ordered by group, site, class
    seg_starts: Ints
    seg_place: Ints
    """per segment, its (group, site) index"""
    place_group: Ints
    """per (group, site), its group index"""
    place_ok: npt.NDArray[np.bool_]
    """per (group, site), whether every member class has an option there"""
    group_starts: Ints
    """per group, its first (group, site)"""
    groups: int
    grouped_end: int
    anti: _Anti
    providers: list[str]
    sites: list[Site]
    constant: float
    """what the blocks do not see: one copy of each network object at its cheapest place"""
    first: Ints
    """per class, the natural index (classes in order, options in order) of its first option"""
    perm: Ints
    """per position in these arrays, the natural index of the option there"""
    position: Ints
    """per natural index, its position in these arrays (``perm``'s inverse)"""
    gid: Ints
    """per class, its co-location group's index (-1 for none)"""
    anti_sets: dict[str, Ints]
    """per anti-affinity set, its classes"""


def _exact_anti(blocks: list[Unit], with_anti: list[int]) -> list[tuple[str, list[int]]]:
    """Anti-affinity sets solved exactly: of classes in no co-location group and in no other
    set, with at most ``EXACT_ANTI`` members. The rest are relaxed to each member's cheapest.
    ``with_anti``: the classes in some set, in order."""
    anti_of: dict[str, list[int]] = defaultdict(list)
    for i in with_anti:
        u = blocks[i]
        if u.group is None:
            for a in u.anti:
                anti_of[a].append(i)
    return [
        (name, members)
        for name, members in sorted(anti_of.items())
        if sum(blocks[i].count for i in members) <= EXACT_ANTI
        and all(len(blocks[i].anti) == 1 for i in members)
    ]


def _dot(a: Floats, b: Floats) -> float:
    """``a . b`` summed by numpy rather than BLAS: OpenBLAS splits a long dot product over
    threads, which on a busy machine spin on the other core (a quarter of the decision's CPU at
    100,000 resources) and make the last digits depend on the machine's core count."""
    return float(np.add.reduce(a * b))


def _starts(*keys: Ints) -> Ints:
    """Where any of the equally long key arrays changes value: the start of each run."""
    if len(keys[0]) == 0:
        return np.zeros(0, dtype=np.int64)
    change = np.zeros(len(keys[0]), dtype=bool)
    change[0] = True
    for key in keys:
        change[1:] |= key[1:] != key[:-1]
    return np.flatnonzero(change)


class _Numbers:
    """One field of every option as an array, read with C-level getters: a Python expression per
    option costs ten times as much at hundreds of thousands of options. A figure of the option's
    ``Shape`` is read from the shape (a tuple) rather than through the row's property."""

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows
        self.shapes = list(map(operator.attrgetter("shape"), rows))

    def column(self, name: str) -> Floats:
        if name in Shape._fields:
            values = map(operator.itemgetter(Shape._fields.index(name)), self.shapes)
        else:
            values = map(operator.attrgetter(name), self.rows)
        return np.fromiter(values, np.float64, len(self.rows))

    def sites(self) -> tuple[list[Site], Ints]:
        """The target sites in order, and each option's index among them (-1 when kept)."""
        n = len(self.rows)
        target = np.fromiter(map(operator.itemgetter(1), self.shapes), bool, n)
        of = list(map(operator.itemgetter(0), self.shapes))
        distinct = sorted(set(of))
        code = {s: i for i, s in enumerate(distinct)}
        codes = np.fromiter(map(code.__getitem__, of), np.int64, n)
        targets = np.unique(codes[target])
        index = np.full(len(distinct), -1, dtype=np.int64)
        index[targets] = np.arange(len(targets))
        return [distinct[i] for i in targets.tolist()], np.where(target, index[codes], -1)


def _flatten(units: Units, policy: Policy) -> _Flat:
    blocks = units.units
    every = list(itertools.chain.from_iterable(u.rows for u in blocks))
    numbers = _Numbers(every)
    sites, natural_site = numbers.sites()
    providers = sorted({s[0] for s in sites})
    provider_of_site = np.asarray(
        [providers.index(s[0]) for s in sites] + [-1], dtype=np.int64
    )  # the last entry is a kept option's: index -1
    n_blocks = len(blocks)
    group_of = list(map(operator.attrgetter("group"), blocks))
    anti_of = list(map(operator.attrgetter("anti"), blocks))
    names = sorted(set(group_of) - {None})
    g_index: dict[str | None, int] = {name: g for g, name in enumerate(names)}
    g_index[None] = -1
    gid = np.fromiter(map(g_index.__getitem__, group_of), np.int64, n_blocks)
    with_anti = list(itertools.compress(range(n_blocks), anti_of))
    exact = _exact_anti(blocks, with_anti)
    kind = np.zeros(n_blocks, dtype=np.int64)  # 0 plain, 1 grouped, 2 exact anti-affinity
    for _, members in exact:
        kind[members] = 2
    kind[gid >= 0] = 1
    anti_sets: dict[str, list[int]] = defaultdict(list)
    for i in with_anti:
        for a in anti_of[i]:
            anti_sets[a].append(i)
    lengths = np.fromiter(
        map(len, map(operator.attrgetter("rows"), blocks)), dtype=np.int64, count=n_blocks
    )
    sizes = np.fromiter(
        map(len, map(operator.attrgetter("members"), blocks)), dtype=np.float64, count=n_blocks
    )
    first = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
    unit = np.repeat(np.arange(len(blocks), dtype=np.int64), lengths)
    k = np.arange(len(unit), dtype=np.int64) - np.repeat(first, lengths)
    site = natural_site
    row_kind, row_gid = kind[unit], gid[unit]
    # Plain and anti-affinity classes keep their options' order; grouped ones go by group,
    # then site (a kept option counts as one place, -1), then class.
    place = np.where(row_kind == 1, site, 0)
    # One key (kind, group, place) sorted stably keeps the classes' and options' own order.
    span = len(sites) + 2
    key = (row_kind * (len(names) + 2) + row_gid + 1) * span + place + 1
    perm = np.argsort(key, kind="stable")
    unit, k, site, place, row_gid = unit[perm], k[perm], site[perm], place[perm], row_gid[perm]
    ordered_kind = row_kind[perm]
    plain_end = int(np.searchsorted(ordered_kind, 1))
    grouped_end = int(np.searchsorted(ordered_kind, 2))
    plain_starts = _starts(unit[:plain_end])
    g_unit, g_gid, g_place = (a[plain_end:grouped_end] for a in (unit, row_gid, place))
    seg_starts = _starts(g_gid, g_place, g_unit)
    place_starts = _starts(g_gid, g_place)
    seg_place = np.searchsorted(place_starts, seg_starts, side="right") - 1
    place_group = g_gid[place_starts] if len(place_starts) else np.zeros(0, dtype=np.int64)
    classes = np.bincount(gid[gid >= 0], minlength=len(names))
    # A group with no site common to every class cannot be placed: no plan, an infinite bound.
    place_ok = np.bincount(seg_place, minlength=len(place_starts)) == classes[place_group]
    position = np.empty(len(perm), dtype=np.int64)
    position[perm] = np.arange(len(perm), dtype=np.int64)
    anti = _anti_arrays(blocks, exact, position, first)
    monthly = numbers.column("monthly")[perm]
    target = site >= 0
    capacity: list[tuple[Floats, float]] = []
    for cap in policy.capacity:
        covers = np.asarray([cap.covers(s) for s in sites] + [False], dtype=bool)
        for attribute, limit in cap.limits():
            use = numbers.column(attribute)[perm]
            capacity.append((np.where(covers[site], use, 0.0), limit))
    constant = 0.0
    for f in units.followers.values():
        scores = [r.score for r in f.at.values()]
        constant += min(scores) if min(scores) >= 0 else sum(v for v in scores if v < 0)
    return _Flat(
        score=numbers.column("score")[perm],
        monthly=monthly,
        spend=np.where(target, monthly, 0.0),
        provider=provider_of_site[site],
        site=site,
        capacity=capacity,
        count=sizes[unit],
        unit=unit,
        k=k,
        plain_starts=plain_starts,
        plain_end=plain_end,
        seg_starts=plain_end + seg_starts,
        seg_place=seg_place,
        place_group=place_group,
        place_ok=place_ok,
        group_starts=_starts(place_group),
        groups=len(names),
        grouped_end=grouped_end,
        anti=anti,
        providers=providers,
        sites=sites,
        constant=constant,
        first=first,
        perm=perm,
        position=position,
        gid=gid,
        anti_sets={a: np.asarray(m, dtype=np.int64) for a, m in anti_sets.items()},
    )


def _anti_arrays(
    blocks: list[Unit], exact: list[tuple[str, list[int]]], position: Ints, first: Ints
) -> _Anti:
    if not exact:
        return _no_anti()
    rows: list[int] = []
    member_of_row: list[int] = []
    place_of_row: list[int] = []
    member_set: list[int] = []
    set_first: list[int] = []
    set_size: list[int] = []
    for number, (name, members) in enumerate(exact):
        level = name.rsplit("@", 1)[1]
        places: dict[object, int] = {}
        set_first.append(len(member_set))
        for i in members:
            start = int(position[first[i]])
            ids = [
                places.setdefault(r.site if level == "region" else r.site[0], len(places))
                for r in blocks[i].rows
            ]
            for _ in range(blocks[i].count):
                member_of_row.extend([len(member_set)] * len(ids))
                rows.extend(range(start, start + len(ids)))
                place_of_row.extend(ids)
                member_set.append(number)
        set_size.append(len(member_set) - set_first[-1])
    row_array = np.asarray(rows, dtype=np.int64)
    member = np.asarray(member_of_row, dtype=np.int64)
    place = np.asarray(place_of_row, dtype=np.int64)
    order = np.lexsort((row_array, place, member))
    row_array, member, place = row_array[order], member[order], place[order]
    seg_starts = _starts(member, place)
    return _Anti(
        rows=row_array,
        seg_starts=seg_starts,
        seg_member=member[seg_starts],
        seg_place=place[seg_starts],
        member_set=np.asarray(member_set, dtype=np.int64),
        set_first=np.asarray(set_first, dtype=np.int64),
        set_size=np.asarray(set_size, dtype=np.int64),
    )


class _Rows:
    """The estate-wide rows ``a . x <= b``, each scaled so that its terms are fractions of a
    typical total, so one price step means the same for every row."""

    def __init__(self, flat: _Flat, policy: Policy, units: Units) -> None:
        self.flat = flat
        self.share = policy.max_spend_share
        self.region_share = policy.max_region_spend_share
        # Each class's own best option's spend, summed class after class as a running sum.
        own = flat.position[flat.first]
        own_spend = (
            float(np.add.accumulate(flat.spend[own] * flat.count[own])[-1]) if len(own) else 0
        )
        total_spend = max(own_spend, float(flat.spend.max(initial=0.0)), 1.0)
        self.spend_scale = total_spend
        n_share = len(flat.providers) if self.share is not None else 0
        n_region = len(flat.sites) if self.region_share is not None else 0
        self.caps = [
            (
                use / max(limit, float(use.max(initial=0.0)), 1e-9),
                limit / max(limit, float(use.max(initial=0.0)), 1e-9),
            )
            for use, limit in flat.capacity
        ]
        self.budget = float(policy.monthly_budget) if policy.monthly_budget is not None else None
        self.budget_scale = max(self.budget or 0.0, 1.0)
        self.n_share, self.n_region = n_share, n_region
        self.size = n_share + n_region + len(self.caps) + (1 if self.budget is not None else 0)

    def reduced(self, lam: Floats) -> tuple[Floats, float]:
        """Each option's priced score, and the constant ``-lam . b``."""
        flat = self.flat
        rc = flat.score.copy()
        at = 0
        spend = flat.spend / self.spend_scale
        if self.n_share:
            prices = lam[at : at + self.n_share]
            assert self.share is not None
            rc += spend * (np.append(prices, 0.0)[flat.provider] - self.share * prices.sum())
            at += self.n_share
        if self.n_region:
            prices = lam[at : at + self.n_region]
            assert self.region_share is not None
            rc += spend * (np.append(prices, 0.0)[flat.site] - self.region_share * prices.sum())
            at += self.n_region
        constant = 0.0
        for use, limit in self.caps:
            rc += lam[at] * use
            constant -= lam[at] * limit
            at += 1
        if self.budget is not None:
            rc += lam[at] * flat.monthly / self.budget_scale
            constant -= lam[at] * self.budget / self.budget_scale
        return rc, constant

    def slack(self, picked: Ints, taken: Floats) -> Floats:
        """``a . x - b`` for ``taken`` members at each option ``picked`` (a position may come
        more than once): the subgradient. Only the options taken are read, a tenth of all."""
        flat = self.flat
        out: list[float] = []
        spend = flat.spend[picked] * taken / self.spend_scale
        total = float(spend.sum())
        if self.n_share:
            assert self.share is not None
            # Kept options have index -1: counted in a first bin, then dropped.
            by = np.bincount(flat.provider[picked] + 1, spend, minlength=self.n_share + 1)[1:]
            out.extend((by - self.share * total).tolist())
        if self.n_region:
            assert self.region_share is not None
            by = np.bincount(flat.site[picked] + 1, spend, minlength=self.n_region + 1)[1:]
            out.extend((by - self.region_share * total).tolist())
        for use, limit in self.caps:
            out.append(_dot(use[picked], taken) - limit)
        if self.budget is not None:
            out.append((_dot(flat.monthly[picked], taken) - self.budget) / self.budget_scale)
        return np.asarray(out, dtype=np.float64)


def _first_min(values: Floats, starts: Ints, end: int, offset: int) -> tuple[Floats, Ints]:
    """Per segment ``[starts[i], starts[i+1])`` of ``values[offset:end]``: its minimum and where."""
    if len(starts) == 0:
        return np.zeros(0), np.zeros(0, dtype=np.int64)
    if len(starts) == end - offset:
        # One option a segment (a grouped class has one option per site once pruned).
        return values[offset:end], np.arange(offset, end, dtype=np.int64)
    mins, at = _least_first(values[offset:end], starts - offset)
    return mins, at + offset


def _evaluate(flat: _Flat, rc: Floats) -> tuple[float, Ints, Floats]:
    """The blocks' optimum with priced scores ``rc``, the options it takes (positions, an
    anti-affinity set's class possibly more than once) and the members at each."""
    total = flat.constant
    picked: list[Ints] = []
    taken: list[Floats] = []
    if len(flat.plain_starts):
        mins, where = _first_min(rc, flat.plain_starts, flat.plain_end, 0)
        counts = flat.count[where]
        total += _dot(mins, counts)
        picked.append(where)
        taken.append(counts)
    if flat.groups:
        mins, where = _first_min(rc, flat.seg_starts, flat.grouped_end, flat.plain_end)
        weighed = mins * flat.count[where]
        summed = np.bincount(flat.seg_place, weighed, minlength=len(flat.place_group))
        at_place: Floats = np.where(flat.place_ok, summed, np.inf)
        # Places are numbered group by group: each group's first least place.
        _, best = _least_first(at_place, flat.group_starts)
        total += float(at_place[best].sum())
        chosen = np.zeros(len(flat.place_group), dtype=bool)
        chosen[best] = True
        grouped = where[chosen[flat.seg_place]]
        picked.append(grouped)
        taken.append(flat.count[grouped])
    if len(flat.anti.set_size):
        value, picks = _anti_best(flat.anti, rc)
        total += value
        picked.append(picks)
        taken.append(np.ones(len(picks)))
    if not picked:
        return total, np.zeros(0, dtype=np.int64), np.zeros(0)
    return total, np.concatenate(picked), np.concatenate(taken)


def _least_first(values: Floats, starts: Ints) -> tuple[Floats, Ints]:
    """Per segment of ``values`` starting at ``starts``: its least value and the first index
    holding it."""
    mins = np.minimum.reduceat(values, starts)
    lengths = np.diff(np.append(starts, len(values)))
    index = np.arange(len(values), dtype=np.int64)
    at = np.where(values == np.repeat(mins, lengths), index, len(values))
    return mins, np.minimum.reduceat(at, starts)


def _anti_best(anti: _Anti, rc: Floats) -> tuple[float, Ints]:
    """Each set's members on distinct places at least priced score, summed, and the rows taken.

    Each member needs only its ``size`` cheapest places (any other could swap for a free one of
    those), so every way to give each member one of them is tried: at most 4^4 per set. A set
    with too few places has no plan; every member's cheapest option still bounds it."""
    least, at = _least_first(rc[anti.rows], anti.seg_starts)
    seg_row = anti.rows[at]
    # Each member's places cheapest first (ties by place number), then the first few of them.
    order = np.lexsort((anti.seg_place, least, anti.seg_member))
    member = anti.seg_member[order]
    rank = np.arange(len(order)) - np.searchsorted(member, member)
    keep = rank < anti.set_size[anti.member_set[member]]
    order, member, rank = order[keep], member[keep], rank[keep]
    members = len(anti.member_set)
    value = np.full((members, EXACT_ANTI), np.inf)
    place = np.full((members, EXACT_ANTI), -1, dtype=np.int64)
    row = np.full((members, EXACT_ANTI), -1, dtype=np.int64)
    value[member, rank] = least[order]
    place[member, rank] = anti.seg_place[order]
    row[member, rank] = seg_row[order]
    total = 0.0
    picks: list[Ints] = []
    for size in range(1, EXACT_ANTI + 1):
        sets = np.flatnonzero(anti.set_size == size)
        if not len(sets):
            continue
        who = anti.set_first[sets][:, None] + np.arange(size)  # (sets, size) members
        ways = np.asarray(list(itertools.product(range(size), repeat=size)), dtype=np.int64)
        v = value[who[:, None, :], ways[None, :, :]]  # (sets, ways, size)
        p = place[who[:, None, :], ways[None, :, :]]
        sums = v.sum(axis=2)
        for i in range(size):
            for j in range(i + 1, size):
                sums[p[:, :, i] == p[:, :, j]] = np.inf
        best = np.argmin(sums, axis=1)
        found = sums[np.arange(len(sets)), best]
        chosen = ways[best]  # (sets, size)
        # Too few places (or none the prices allow): each member's cheapest.
        chosen[~np.isfinite(found)] = 0
        found = np.where(np.isfinite(found), found, value[who, 0].sum(axis=1))
        total += float(found.sum())
        picks.append(row[who, chosen].ravel())
    return total, np.concatenate(picks) if picks else np.zeros(0, dtype=np.int64)


class _Plans:
    """The best choice of the blocks the price search meets that is a plan (a Lagrangian
    heuristic): a choice that keeps every priced row (its subgradient is nowhere positive), the
    provider count, and anti-affinity where the blocks drop it meets every constraint, so it is
    kept when it scores less than the best kept so far. It costs a comparison per evaluation and
    a check of the anti-affinity sets for the few choices that pass."""

    def __init__(self, units: Units, flat: _Flat, policy: Policy) -> None:
        self.units, self.flat, self.policy = units, flat, policy
        self.score = math.inf
        self.picked: Ints | None = None
        self.taken: Floats | None = None
        in_set = np.zeros(len(units.units), dtype=bool)
        for members in flat.anti_sets.values():
            in_set[members] = True
        self.in_set = in_set

    def offer(self, picked: Ints, taken: Floats, slack: Floats) -> None:
        flat, policy = self.flat, self.policy
        if len(slack) and float(slack.max()) > 0.0:
            return
        score = _dot(flat.score[picked], taken) + flat.constant
        if not score < self.score:
            return
        providers = flat.provider[picked]
        used = len(np.unique(providers[(providers >= 0) & (taken > 0)]))
        if used and used < policy.min_providers:
            return
        if policy.max_providers is not None and used > policy.max_providers:
            return
        if not self._keeps_anti(picked, taken):
            return
        self.score, self.picked, self.taken = score, picked.copy(), taken.copy()

    def _keeps_anti(self, picked: Ints, taken: Floats) -> bool:
        """Whether every anti-affinity set's members are on distinct places."""
        flat = self.flat
        unit = flat.unit[picked]
        mine = self.in_set[unit]
        chosen: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for i, k, n in zip(
            unit[mine].tolist(), flat.k[picked][mine].tolist(), taken[mine].tolist(), strict=True
        ):
            chosen[i].append((k, int(n)))
        blocks = self.units.units
        for name, members in self.flat.anti_sets.items():
            level = name.rsplit("@", 1)[1]
            places: list[object] = []
            for i in members.tolist():
                for k, n in chosen[i]:
                    site = blocks[i].rows[k].site
                    places.extend([site if level == "region" else site[0]] * n)
            if len(set(places)) < len(places):
                return False
        return True

    def counts(self) -> Counts | None:
        if self.picked is None or self.taken is None:
            return None
        flat = self.flat
        keys = list(map(operator.attrgetter("key"), self.units.units))
        counts: Counts = {}
        for i, k, n in zip(
            flat.unit[self.picked].tolist(),
            flat.k[self.picked].tolist(),
            self.taken.tolist(),
            strict=True,
        ):
            if n > 0:
                key = (keys[i], k)
                counts[key] = counts.get(key, 0) + int(n)
        return counts


def _ascend(
    rows: _Rows,
    flat: _Flat,
    allowed: npt.NDArray[np.bool_] | None,
    deadline: float,
    enough: float,
    start: Floats | None,
    tolerance: float,
    plans: _Plans,
    late: float = 0.0,
) -> tuple[float, Floats, int, bool, float]:
    """Kelley's cutting plane on the prices: the best bound found and its prices, evaluations,
    and whether the deadline stopped it (before the bound converged within ``tolerance``,
    relative, or reached ``enough``), and the cutting plane's last ceiling: no prices give a
    bound above it (+inf before its first step). Each evaluation's choice is offered to
    ``plans``; while they hold no plan the search goes on to ``late`` when that is later than
    ``deadline``."""
    import highspy

    from cloudexit.optimise.highs import new_highs

    m = rows.size
    lam = np.zeros(m) if start is None else start.copy()

    def value(prices: Floats) -> tuple[float, Floats]:
        rc, constant = rows.reduced(prices)
        if allowed is not None:
            rc = np.where(allowed, rc, np.inf)
        total, picked, taken = _evaluate(flat, rc)
        if not math.isfinite(total):
            return total, np.zeros(m)
        slack = rows.slack(picked, taken)
        plans.offer(picked, taken, slack)
        return total + constant, slack

    def on_time() -> bool:
        now = time.perf_counter()
        return now < deadline or (plans.picked is None and now < late)

    best, slope = value(lam)
    best_lam = lam.copy()
    evaluations = 1
    if m == 0 or not math.isfinite(best):
        return best, best_lam, evaluations, False, best
    cap = 4.0 * max(abs(best), 1.0)
    h = new_highs(max(max(deadline, late) - time.perf_counter(), 0.1), 0.0)
    inf = highspy.kHighsInf
    # Columns: theta, then the prices; maximise theta.
    h.addVar(-inf, inf)
    for _ in range(m):
        h.addVar(0.0, cap)
    h.changeColCost(0, -1.0)
    cuts = [(best, slope, lam.copy())]
    converged = False
    ceiling = math.inf
    while on_time() and best < enough:
        for level, g, at in cuts[-1:]:
            # theta <= level + g . (lam - at)
            indices = np.arange(m + 1, dtype=np.int32)
            coefs = np.concatenate(([1.0], -g))
            h.addRow(-inf, level - float(g @ at), m + 1, indices, coefs)
        h.run()
        if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            break
        solution = np.asarray(h.getSolution().col_value)
        ceiling = float(solution[0])
        lam = np.maximum(solution[1:], 0.0)
        if ceiling - best <= tolerance * max(abs(best), 1.0):
            converged = True
            break
        level, slope = value(lam)
        evaluations += 1
        cuts.append((level, slope, lam.copy()))
        if level > best:
            best, best_lam = level, lam.copy()
    return best, best_lam, evaluations, bool(not converged and best < enough), ceiling


def _provider_sets(policy: Policy, providers: list[str]) -> list[frozenset[str]]:
    if policy.max_providers is None or policy.max_providers >= len(providers):
        return []
    sets = [frozenset(c) for c in itertools.combinations(providers, policy.max_providers)]
    return sets if len(sets) <= SUBSETS else []


@dataclass(frozen=True)
class Read:
    """Every option of the classes read into arrays, and the seconds that took: the unit in
    which the decision foresees what its later steps cost (``Bound.seconds_flat``)."""

    flat: _Flat
    seconds: float


def read(units: Units, policy: Policy) -> Read:
    """The classes' options as arrays, read once before the decision's clock starts: like
    building the classes, reading them does not depend on the time limit."""
    started = time.perf_counter()
    flat = _flatten(units, policy)
    return Read(flat, time.perf_counter() - started)


def bound(
    units: Units,
    policy: Policy,
    time_limit: float,
    enough: float = math.inf,
    at_least: float = 0.0,
    after: float = 0.0,
    left: float = 0.0,
    options: Read | None = None,
) -> Bound:
    """The best Lagrangian bound found within ``time_limit`` seconds; stops once it reaches
    ``enough`` (say, an incumbent's score less the gap the policy accepts). ``at_least``: passes
    over every option (``Bound.seconds_flat``) the price search gets, past ``time_limit`` if
    need be, while no prices have given a plan (``Bound.plan``). ``after``: passes over every
    option a step after this one needs (``Bound.seconds_flat``); when the time left once
    ``time_limit`` is spent (``left`` seconds from now) is short of them, that step will not
    fit and the price search takes all of ``left``. ``options``: the options already read
    (``read``); read here when not given."""
    started = time.perf_counter()
    if options is None:
        options = read(units, policy)
    flat, seconds_flat = options.flat, options.seconds
    deadline = started + time_limit
    if left - time_limit < after * seconds_flat:
        deadline = max(deadline, started + left)
    late = time.perf_counter() + at_least * seconds_flat
    rows = _Rows(flat, policy, units)
    plans = _Plans(units, flat, policy)
    tolerance = max(policy.solver.gap * ASCENT_GAP_SHARE, 1e-7)
    value, lam, evaluations, cut, ceiling = _ascend(
        rows, flat, None, deadline, enough, None, tolerance, plans, late
    )
    chosen: frozenset[str] | None = None
    sets = _provider_sets(policy, flat.providers)
    masks: dict[frozenset[str], npt.NDArray[np.bool_]] = {}
    if sets and value < enough and math.isfinite(value):
        best, best_lam, best_ceiling = math.inf, lam, ceiling
        masks = {
            providers: (flat.provider < 0)
            | np.isin(flat.provider, [flat.providers.index(p) for p in sorted(providers)])
            for providers in sets
        }
        # The set likeliest to give the least bound first; a later set stops rising once it
        # is above the least so far, which it can then no longer lower.
        first = {}
        for providers, allowed in masks.items():
            rc, constant = rows.reduced(lam)
            total, picked, taken = _evaluate(flat, np.where(allowed, rc, np.inf))
            if math.isfinite(total):
                plans.offer(picked, taken, rows.slack(picked, taken))
            first[providers] = total + constant
            evaluations += 1
        for providers in sorted(sets, key=lambda p: (first[p], sorted(p))):
            if first[providers] >= best:
                continue
            found, at, n, stopped, top = _ascend(
                rows,
                flat,
                masks[providers],
                deadline,
                min(enough, best),
                lam,
                tolerance,
                plans,
                late,
            )
            evaluations += n
            cut = cut or stopped
            if found < best:
                best, chosen, best_lam, best_ceiling = found, providers, at, top
        # Each set's bound holds for the plans using only its providers; together they cover
        # every plan the count allows, so the least of them is a bound too.
        if best > value:
            value, lam, ceiling = best, best_lam, best_ceiling
        else:
            chosen = None
    rc, _ = rows.reduced(lam)
    if chosen is not None:
        rc = np.where(masks[chosen], rc, np.inf)
    spread = (ceiling - value) / max(abs(value), 1.0) if math.isfinite(value) else math.inf
    return Bound(
        value,
        chosen,
        evaluations,
        seconds_flat,
        cut,
        spread,
        plans,
        flat,
        rc,
    )


def _segment_least(values: Floats, starts: Ints, end: int) -> Floats:
    """Per position in ``[starts[0], end)``: the least of ``values`` over its segment."""
    if len(starts) == 0:
        return np.zeros(0)
    part = values[starts[0] : end]
    local = starts - starts[0]
    least = np.minimum.reduceat(part, local)
    return np.repeat(least, np.diff(np.append(local, len(part))))


def _open(
    units: Units, flat: _Flat, rc: Floats, tolerance: float, keep: Counts | None
) -> npt.NDArray[np.bool_]:
    """Each class with only the options whose priced score is within ``tolerance`` (relative) of
    its least, inside the provider set the bound chose; a co-location group keeps the sites
    whose priced total is that close to its least, and an anti-affinity member its cheapest few
    places. The options ``keep`` uses stay too, so a plan in hand stays possible. Per option,
    in the classes' own order, whether it stays open."""

    def close(values: Floats, least: Floats) -> npt.NDArray[np.bool_]:
        return np.isfinite(values) & (values <= least + tolerance * np.abs(least) + 1e-9)

    n = len(rc)
    kept = np.zeros(n, dtype=bool)
    end = flat.plain_end
    kept[:end] = close(rc[:end], _segment_least(rc, flat.plain_starts, end))
    anti_starts = flat.grouped_end + _starts(flat.unit[flat.grouped_end :])
    kept[flat.grouped_end :] = close(rc[flat.grouped_end :], _segment_least(rc, anti_starts, n))
    if flat.groups:
        lo, hi = flat.plain_end, flat.grouped_end
        seg_least = np.minimum.reduceat(rc[lo:hi], flat.seg_starts - lo)
        weighed = seg_least * flat.count[flat.seg_starts]
        at_place = np.where(
            flat.place_ok, np.bincount(flat.seg_place, weighed, len(flat.place_group)), np.inf
        )
        group_starts = flat.group_starts
        group_least = np.repeat(
            np.minimum.reduceat(at_place, group_starts),
            np.diff(np.append(group_starts, len(at_place))),
        )
        # A group the prices leave no place for keeps every option.
        open_place = close(at_place, group_least) | ~np.isfinite(group_least)[flat.place_group]
        lengths = np.diff(np.append(flat.seg_starts, hi))
        row_seg_least = np.repeat(seg_least, lengths)
        row_open = np.repeat(open_place[flat.seg_place], lengths)
        finite = np.isfinite(row_seg_least)
        kept[lo:hi] = row_open & (close(rc[lo:hi], row_seg_least) | ~finite)
    natural = np.zeros(n, dtype=bool)
    natural[flat.perm] = kept
    priced = np.empty(n)
    priced[flat.perm] = rc
    for i, u in enumerate(units.units):
        if not u.anti:
            continue
        # Anti-affinity needs as many places as members: each member's cheapest few places
        # stay open too.
        level = u.anti[0].rsplit("@", 1)[1]
        first = int(flat.first[i])
        places: dict[object, int] = {}
        for k in np.argsort(priced[first : first + len(u.rows)], kind="stable").tolist():
            if math.isfinite(priced[first + k]):
                row = u.rows[k]
                places.setdefault(row.site if level == "region" else row.site[0], k)
        for k in list(places.values())[: max(EXACT_ANTI, u.count + 1)]:
            natural[first + k] = True
    # A balancer and its members keep every option: the places they can share are few.
    for i in _fronting_blocks(units.units):
        first = int(flat.first[i])
        natural[first : first + len(units.units[i].rows)] = True
    index = {u.key: i for i, u in enumerate(units.units)}
    for key, k in keep or {}:
        natural[int(flat.first[index[key]]) + k] = True
    # A class the prices leave no option for keeps every option.
    lengths = np.diff(np.append(flat.first, n))
    none = np.add.reduceat(natural, flat.first) == 0 if len(flat.first) else np.zeros(0, bool)
    opened: npt.NDArray[np.bool_] = natural | np.repeat(none, lengths)
    return opened


def _fronting_blocks(blocks: list[Unit]) -> list[int]:
    """The classes of balancers that stand beside one of their members, and of those members."""
    if not any(u.fronts for u in blocks):
        return []
    members = fronts.member_ids(blocks)
    return [i for i, u in enumerate(blocks) if u.fronts or not members.isdisjoint(u.members)]


def _narrowed(u: Unit, natural: npt.NDArray[np.bool_], first: int) -> tuple[Unit, list[int]]:
    ks = np.flatnonzero(natural[first : first + len(u.rows)]).tolist()
    return dataclasses.replace(u, rows=[u.rows[k] for k in ks]), ks


def _settled(
    units: Units, policy: Policy, flat: _Flat, natural: npt.NDArray[np.bool_]
) -> tuple[npt.NDArray[np.bool_], arrays.Fixed]:
    """Which classes are settled: one option open, and so every class of their co-location
    group and anti-affinity sets (joined through either), whose single options meet those rules.
    Settled classes meet the others only in the estate-wide rows (providers used, spend shares,
    capacity, budget), so the model of the others with those rows moved by what the settled
    ones use (``arrays.Fixed``) has the same plans and optimum as the model of all. With priced
    links or followed network objects none is settled, nor a balancer standing beside one of its
    members, nor those members. Also what the settled classes use."""
    blocks = units.units
    n_open = np.add.reduceat(natural.astype(np.int64), flat.first)
    loose = n_open > 1
    # The row between a balancer and its members is no estate-wide row: they stay in the model.
    loose[_fronting_blocks(blocks)] = True
    if units.links or units.followers:
        return np.ones(len(blocks), dtype=bool), arrays.Fixed()
    chosen = np.flatnonzero(natural)
    owner = np.searchsorted(flat.first, chosen, side="right") - 1
    one = np.full(len(blocks), -1, dtype=np.int64)
    one[owner] = chosen  # a settled class's one open option
    position = flat.position[one]
    gid, groups = flat.gid, flat.groups
    grouped = np.flatnonzero(gid >= 0)
    # A group settled at more than one place breaks co-location: it stays open.
    place = flat.site[position[grouped]]
    low = np.full(groups, np.iinfo(np.int64).max)
    high = np.full(groups, np.iinfo(np.int64).min)
    np.minimum.at(low, gid[grouped], place)
    np.maximum.at(high, gid[grouped], place)
    broken = low != high
    while True:
        before = int(loose.sum())
        open_group = broken | (np.bincount(gid[grouped], loose[grouped], groups) > 0)
        loose[grouped] |= open_group[gid[grouped]]
        for name, members in flat.anti_sets.items():
            if loose[members].all():
                continue
            if not loose[members].any():
                level = name.rsplit("@", 1)[1]
                ids = members.tolist()
                rows = [blocks[i].rows[int(one[i] - flat.first[i])] for i in ids]
                taken = [
                    r.site if level == "region" else r.site[0]
                    for i, r in zip(ids, rows, strict=True)
                    for _ in range(blocks[i].count)
                ]
                if len(set(taken)) == len(taken):
                    continue
            loose[members] = True
        if int(loose.sum()) == before:
            break
    at = position[~loose]
    count = flat.count[at]
    target = flat.site[at] >= 0
    spend = np.bincount(flat.site[at][target], (flat.spend[at] * count)[target], len(flat.sites))
    fixed = arrays.Fixed(
        score=_dot(flat.score[at], count),
        providers={flat.providers[p] for p in np.unique(flat.provider[at][target]).tolist()},
        spend_at={
            flat.sites[s]: float(spend[s]) for s in np.unique(flat.site[at][target]).tolist()
        },
        monthly=_dot(flat.monthly[at], count),
    )
    keys = [
        (i, attribute) for i, cap in enumerate(policy.capacity) for attribute, _ in cap.limits()
    ]
    for key, (use, _) in zip(keys, flat.capacity, strict=True):
        fixed.capacity[key] = _dot(use[at], count)
    return loose, fixed


def searched(
    units: Units,
    policy: Policy,
    found: Bound,
    time_limit: float,
    tolerance: float,
    start: Counts | None = None,
) -> tuple[Counts | None, bool]:
    """The best plan HiGHS finds in time among the options ``_open`` keeps, as counts over
    the classes' own options (None when it finds none), and whether the time limit stopped it.
    Only the classes ``_settled`` leaves open enter HiGHS's model. ``start``: a plan in hand,
    kept possible and given to HiGHS as its first solution. ``time_limit`` counts choosing the
    options and building the model too."""
    started = time.perf_counter()
    flat, rc = found.flat, found.priced
    if flat is None or rc is None:
        natural = np.ones(sum(len(u.rows) for u in units.units), dtype=bool)
        first = np.cumsum([0] + [len(u.rows) for u in units.units])[:-1]
        loose, fixed = np.ones(len(units.units), dtype=bool), arrays.Fixed()
    else:
        natural = _open(units, flat, rc, tolerance, start)
        first = flat.first
        loose, fixed = _settled(units, policy, flat, natural)
    parts = [
        _narrowed(u, natural, int(first[i]))
        for i in np.flatnonzero(loose).tolist()
        for u in [units.units[i]]
    ]
    settled_counts: Counts = {}
    if not loose.all():
        # Each settled class's one open option: its class's first open one.
        n = len(natural)
        first_open = np.minimum.reduceat(np.where(natural, np.arange(n), n), first) - first
        blocks = units.units
        settled_counts = {
            (blocks[i].key, k): len(blocks[i].members)
            for i, k in zip(
                np.flatnonzero(~loose).tolist(), first_open[~loose].tolist(), strict=True
            )
        }
    if not parts:
        return settled_counts, False
    index = {u.key: ks for u, ks in parts}
    position = {key: {k: j for j, k in enumerate(ks)} for key, ks in index.items()}
    free = [u for u, _ in parts]
    tighter = policy.model_copy(
        update={"solver": policy.solver.model_copy(update={"gap": policy.solver.gap / 2})}
    )
    model = arrays.build(free, tighter, units.links, units.egress_eur_gib, fixed=fixed)
    solution = highs.solve(
        free,
        tighter,
        units.links,
        units.egress_eur_gib,
        time_limit=max(time_limit - (time.perf_counter() - started), 0.0),
        start={(key, position[key][k]): n for (key, k), n in start.items() if key in position}
        if start
        else None,
        model=model,
    )
    cut = solution.status not in (SolveStatus.OPTIMAL, SolveStatus.INFEASIBLE)
    if solution.status not in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE):
        return None, cut
    counts = {(key, index[key][k]): n for (key, k), n in solution.counts.items()}
    return counts | settled_counts, cut
