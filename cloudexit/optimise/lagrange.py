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
import time
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from cloudexit.model.plan import SolveStatus
from cloudexit.model.policy import Policy
from cloudexit.optimise import highs
from cloudexit.optimise.units import Site, Unit, Units

Counts = dict[tuple[str, int], int]
Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

EXACT_ANTI = 4
"""Anti-affinity sets up to this many members are solved exactly (every way to give each member
one of its cheapest places); larger ones are relaxed to each member's cheapest option."""
SUBSETS = 24
"""Most provider sets the bound enumerates for ``max_providers``; beyond, the count is dropped."""


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
    flat: _Flat | None = field(default=None, repr=False)
    priced: Floats | None = field(default=None, repr=False)
    """each option's score with the best prices found, +inf outside ``providers``, in ``flat``'s
    order: what ``restricted`` reads"""


@dataclass
class _Anti:
    """An anti-affinity set of classes in no co-location group, solved by enumeration."""

    units: list[int]
    rows: list[Ints]
    """per unit, its option rows (indices into the flat arrays)"""
    places: list[list[int]]
    """per unit, the place index of each option"""
    members: int


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
    groups: int
    grouped_end: int
    anti: list[_Anti]
    providers: list[str]
    sites: list[Site]
    constant: float
    """what the blocks do not see: one copy of each network object at its cheapest place"""
    first: Ints
    """per class, the natural index (classes in order, options in order) of its first option"""
    perm: Ints
    """per position in these arrays, the natural index of the option there"""


def _exact_anti(blocks: list[Unit]) -> list[tuple[str, list[int]]]:
    """Anti-affinity sets solved exactly: of classes in no co-location group and in no other
    set, with at most ``EXACT_ANTI`` members. The rest are relaxed to each member's cheapest."""
    anti_of: dict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(blocks):
        if u.group is None:
            for a in u.anti:
                anti_of[a].append(i)
    return [
        (name, members)
        for name, members in sorted(anti_of.items())
        if sum(blocks[i].count for i in members) <= EXACT_ANTI
        and all(len(blocks[i].anti) == 1 for i in members)
    ]


def _starts(*keys: Ints) -> Ints:
    """Where any of the equally long key arrays changes value: the start of each run."""
    if len(keys[0]) == 0:
        return np.zeros(0, dtype=np.int64)
    change = np.zeros(len(keys[0]), dtype=bool)
    change[0] = True
    for key in keys:
        change[1:] |= key[1:] != key[:-1]
    return np.flatnonzero(change)


def _flatten(units: Units, policy: Policy) -> _Flat:
    blocks = units.units
    sites = sorted({r.site for u in blocks for r in u.rows if r.target})
    providers = sorted({s[0] for s in sites})
    s_index = {s: i for i, s in enumerate(sites)}
    provider_of_site = np.asarray(
        [providers.index(s[0]) for s in sites] + [-1], dtype=np.int64
    )  # the last entry is a kept option's: index -1
    exact = _exact_anti(blocks)
    kind = np.zeros(len(blocks), dtype=np.int64)  # 0 plain, 1 grouped, 2 exact anti-affinity
    for _, members in exact:
        kind[members] = 2
    names = sorted({u.group for u in blocks if u.group is not None})
    g_index = {name: g for g, name in enumerate(names)}
    gid = np.full(len(blocks), -1, dtype=np.int64)
    for i, u in enumerate(blocks):
        if u.group is not None:
            kind[i], gid[i] = 1, g_index[u.group]
    lengths = np.fromiter((len(u.rows) for u in blocks), dtype=np.int64, count=len(blocks))
    first = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
    numbers = np.asarray(
        [(r.score, r.monthly, s_index[r.site] if r.target else -1) for u in blocks for r in u.rows],
        dtype=np.float64,
    ).reshape(-1, 3)
    unit = np.repeat(np.arange(len(blocks), dtype=np.int64), lengths)
    k = np.arange(len(unit), dtype=np.int64) - np.repeat(first, lengths)
    site = numbers[:, 2].astype(np.int64)
    row_kind, row_gid = kind[unit], gid[unit]
    # Plain and anti-affinity classes keep their options' order; grouped ones go by group,
    # then site (a kept option counts as one place, -1), then class.
    place = np.where(row_kind == 1, site, 0)
    perm = np.lexsort((k, unit, place, row_gid, row_kind))
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
    anti: list[_Anti] = []
    for name, members in exact:
        level = name.rsplit("@", 1)[1]
        places: dict[object, int] = {}
        rows: list[Ints] = []
        place_lists: list[list[int]] = []
        for i in members:
            start = int(position[first[i]])
            rows.append(np.arange(start, start + len(blocks[i].rows), dtype=np.int64))
            place_lists.append(
                [
                    places.setdefault(r.site if level == "region" else r.site[0], len(places))
                    for r in blocks[i].rows
                ]
            )
        anti.append(_Anti(members, rows, place_lists, sum(blocks[i].count for i in members)))
    monthly = numbers[perm, 1]
    target = site >= 0
    capacity: list[tuple[Floats, float]] = []
    for cap in policy.capacity:
        covers = np.asarray([cap.covers(s) for s in sites] + [False], dtype=bool)
        for attribute, limit in cap.limits():
            use = np.fromiter(
                (float(getattr(r, attribute)) for u in blocks for r in u.rows),
                dtype=np.float64,
                count=len(perm),
            )[perm]
            capacity.append((np.where(covers[site], use, 0.0), limit))
    constant = 0.0
    for f in units.followers.values():
        scores = [r.score for r in f.at.values()]
        constant += min(scores) if min(scores) >= 0 else sum(v for v in scores if v < 0)
    return _Flat(
        score=numbers[perm, 0],
        monthly=monthly,
        spend=np.where(target, monthly, 0.0),
        provider=provider_of_site[site],
        site=site,
        capacity=capacity,
        count=np.asarray([u.count for u in blocks], dtype=np.float64)[unit],
        unit=unit,
        k=k,
        plain_starts=plain_starts,
        plain_end=plain_end,
        seg_starts=plain_end + seg_starts,
        seg_place=seg_place,
        place_group=place_group,
        place_ok=place_ok,
        groups=len(names),
        grouped_end=grouped_end,
        anti=anti,
        providers=providers,
        sites=sites,
        constant=constant,
        first=first,
        perm=perm,
    )


class _Rows:
    """The estate-wide rows ``a . x <= b``, each scaled so that its terms are fractions of a
    typical total, so one price step means the same for every row."""

    def __init__(self, flat: _Flat, policy: Policy, units: Units) -> None:
        self.flat = flat
        self.share = policy.max_spend_share
        self.region_share = policy.max_region_spend_share
        own_spend = sum(u.rows[0].monthly * u.count for u in units.units if u.rows[0].target)
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

    def slack(self, taken: Floats) -> Floats:
        """``a . x - b`` for ``taken`` members per option: the subgradient."""
        flat = self.flat
        out: list[float] = []
        spend = flat.spend * taken / self.spend_scale
        total = float(spend.sum())
        if self.n_share:
            assert self.share is not None
            by = np.bincount(
                flat.provider[flat.provider >= 0], spend[flat.provider >= 0], minlength=self.n_share
            )
            out.extend((by - self.share * total).tolist())
        if self.n_region:
            assert self.region_share is not None
            by = np.bincount(
                flat.site[flat.site >= 0], spend[flat.site >= 0], minlength=self.n_region
            )
            out.extend((by - self.region_share * total).tolist())
        for use, limit in self.caps:
            out.append(float(use @ taken) - limit)
        if self.budget is not None:
            out.append(float(flat.monthly @ taken - self.budget) / self.budget_scale)
        return np.asarray(out, dtype=np.float64)


def _first_min(values: Floats, starts: Ints, end: int, offset: int) -> tuple[Floats, Ints]:
    """Per segment ``[starts[i], starts[i+1])`` of ``values[offset:end]``: its minimum and where."""
    if len(starts) == 0:
        return np.zeros(0), np.zeros(0, dtype=np.int64)
    part = values[offset:end]
    local = starts - offset
    mins = np.minimum.reduceat(part, local)
    lengths = np.diff(np.append(local, len(part)))
    segment = np.repeat(np.arange(len(local)), lengths)
    hits = np.flatnonzero(part == mins[segment])
    _, first = np.unique(segment[hits], return_index=True)
    return mins, hits[first] + offset


def _evaluate(flat: _Flat, rc: Floats) -> tuple[float, Floats]:
    """The blocks' optimum with priced scores ``rc`` and the members it takes per option."""
    taken = np.zeros(len(rc))
    total = flat.constant
    if len(flat.plain_starts):
        mins, where = _first_min(rc, flat.plain_starts, flat.plain_end, 0)
        counts = flat.count[where]
        total += float(mins @ counts)
        taken[where] = counts
    if flat.groups:
        mins, where = _first_min(rc, flat.seg_starts, flat.grouped_end, flat.plain_end)
        weighed = mins * flat.count[where]
        at_place = np.bincount(flat.seg_place, weighed, minlength=len(flat.place_group))
        at_place = np.where(flat.place_ok, at_place, np.inf)
        order = np.lexsort((at_place, flat.place_group))
        group_starts = np.flatnonzero(np.diff(np.append(-1, flat.place_group[order])))
        best = order[group_starts]
        total += float(at_place[best].sum())
        chosen = np.zeros(len(flat.place_group), dtype=bool)
        chosen[best] = True
        picked = where[chosen[flat.seg_place]]
        taken[picked] = flat.count[picked]
    for block in flat.anti:
        value, picks = _anti_best(block, rc, flat)
        total += value
        for row in picks:
            taken[row] += 1
    return total, taken


def _anti_best(block: _Anti, rc: Floats, flat: _Flat) -> tuple[float, list[int]]:
    """Members on distinct places at least priced score: each member needs only its ``members``
    cheapest places (any other could swap for a free one of those), so the ways are few."""
    options: list[list[tuple[float, int, int]]] = []
    for rows, places, i in zip(block.rows, block.places, block.units, strict=True):
        best: dict[int, tuple[float, int]] = {}
        for row, place in zip(rows.tolist(), places, strict=True):
            value = float(rc[row])
            if place not in best or value < best[place][0]:
                best[place] = (value, row)
        ranked = sorted((v, p, row) for p, (v, row) in best.items())[: block.members]
        for _ in range(int(flat.count[rows[0]])):
            options.append(ranked)
    cheapest = math.inf
    picks: list[int] = []
    for way in itertools.product(*options):
        if len({p for _, p, _ in way}) < len(way):
            continue
        value = sum(v for v, _, _ in way)
        if value < cheapest:
            cheapest, picks = value, [row for _, _, row in way]
    if not picks:
        # Too few places for the set: no plan; every member's cheapest option still bounds.
        return sum(o[0][0] for o in options), [o[0][2] for o in options]
    return cheapest, picks


def _ascend(
    rows: _Rows,
    flat: _Flat,
    allowed: npt.NDArray[np.bool_] | None,
    deadline: float,
    enough: float,
    start: Floats | None,
) -> tuple[float, Floats, int, bool]:
    """Kelley's cutting plane on the prices: the best bound found and its prices, evaluations,
    and whether the deadline stopped it (before the bound converged or reached ``enough``)."""
    import highspy

    from cloudexit.optimise.highs import new_highs

    m = rows.size
    lam = np.zeros(m) if start is None else start.copy()

    def value(prices: Floats) -> tuple[float, Floats]:
        rc, constant = rows.reduced(prices)
        if allowed is not None:
            rc = np.where(allowed, rc, np.inf)
        total, taken = _evaluate(flat, rc)
        if not math.isfinite(total):
            return total, np.zeros(m)
        return total + constant, rows.slack(taken)

    best, slope = value(lam)
    best_lam = lam.copy()
    evaluations = 1
    if m == 0 or not math.isfinite(best):
        return best, best_lam, evaluations, False
    cap = 4.0 * max(abs(best), 1.0)
    h = new_highs(max(deadline - time.perf_counter(), 0.1), 0.0)
    inf = highspy.kHighsInf
    # Columns: theta, then the prices; maximise theta.
    h.addVar(-inf, inf)
    for _ in range(m):
        h.addVar(0.0, cap)
    h.changeColCost(0, -1.0)
    cuts = [(best, slope, lam.copy())]
    converged = False
    while time.perf_counter() < deadline and best < enough:
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
        if ceiling - best <= 1e-7 * max(abs(best), 1.0):
            converged = True
            break
        level, slope = value(lam)
        evaluations += 1
        cuts.append((level, slope, lam.copy()))
        if level > best:
            best, best_lam = level, lam.copy()
    return best, best_lam, evaluations, bool(not converged and best < enough)


def _provider_sets(policy: Policy, providers: list[str]) -> list[frozenset[str]]:
    if policy.max_providers is None or policy.max_providers >= len(providers):
        return []
    sets = [frozenset(c) for c in itertools.combinations(providers, policy.max_providers)]
    return sets if len(sets) <= SUBSETS else []


def bound(units: Units, policy: Policy, time_limit: float, enough: float = math.inf) -> Bound:
    """The best Lagrangian bound found within ``time_limit`` seconds; stops once it reaches
    ``enough`` (say, an incumbent's score less the gap the policy accepts)."""
    deadline = time.perf_counter() + time_limit
    flat = _flatten(units, policy)
    seconds_flat = time.perf_counter() - (deadline - time_limit)
    rows = _Rows(flat, policy, units)
    value, lam, evaluations, cut = _ascend(rows, flat, None, deadline, enough, None)
    chosen: frozenset[str] | None = None
    sets = _provider_sets(policy, flat.providers)
    masks: dict[frozenset[str], npt.NDArray[np.bool_]] = {}
    if sets and value < enough and math.isfinite(value):
        best, best_lam = math.inf, lam
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
            first[providers] = _evaluate(flat, np.where(allowed, rc, np.inf))[0] + constant
            evaluations += 1
        for providers in sorted(sets, key=lambda p: (first[p], sorted(p))):
            if first[providers] >= best:
                continue
            found, at, n, stopped = _ascend(
                rows, flat, masks[providers], deadline, min(enough, best), lam
            )
            evaluations += n
            cut = cut or stopped
            if found < best:
                best, chosen, best_lam = found, providers, at
        # Each set's bound holds for the plans using only its providers; together they cover
        # every plan the count allows, so the least of them is a bound too.
        if best > value:
            value, lam = best, best_lam
        else:
            chosen = None
    rc, _ = rows.reduced(lam)
    if chosen is not None:
        rc = np.where(masks[chosen], rc, np.inf)
    return Bound(value, chosen, evaluations, seconds_flat, cut, flat, rc)


def _segment_least(values: Floats, starts: Ints, end: int) -> Floats:
    """Per position in ``[starts[0], end)``: the least of ``values`` over its segment."""
    if len(starts) == 0:
        return np.zeros(0)
    part = values[starts[0] : end]
    local = starts - starts[0]
    least = np.minimum.reduceat(part, local)
    return np.repeat(least, np.diff(np.append(local, len(part))))


def restricted(
    units: Units, found: Bound, tolerance: float, keep: Counts | None = None
) -> list[tuple[Unit, list[int]]]:
    """Each class with only the options whose priced score is within ``tolerance`` (relative) of
    its least, inside the provider set the bound chose; a co-location group keeps the sites
    whose priced total is that close to its least, and an anti-affinity member its cheapest few
    places. The options ``keep`` uses stay too, so a plan in hand stays possible. With each
    class, its options' indices."""
    flat, rc = found.flat, found.priced
    if flat is None or rc is None:
        return [(u, list(range(len(u.rows)))) for u in units.units]

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
        group_starts = _starts(flat.place_group)
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
    index = {u.key: i for i, u in enumerate(units.units)}
    for key, k in keep or {}:
        natural[int(flat.first[index[key]]) + k] = True
    chosen = np.flatnonzero(natural)
    owner = np.searchsorted(flat.first, chosen, side="right") - 1
    ks_of = np.split(chosen - flat.first[owner], np.searchsorted(owner, np.arange(1, len(index))))
    out: list[tuple[Unit, list[int]]] = []
    for u, ks_array in zip(units.units, ks_of, strict=True):
        ks = ks_array.tolist() or list(range(len(u.rows)))
        out.append((dataclasses.replace(u, rows=[u.rows[k] for k in ks]), ks))
    return out


def searched(
    units: Units,
    policy: Policy,
    found: Bound,
    time_limit: float,
    tolerance: float,
    start: Counts | None = None,
) -> tuple[Counts | None, bool]:
    """The best plan HiGHS finds in time among the options ``restricted`` keeps, as counts over
    the classes' own options (None when it finds none), and whether the time limit stopped it. ``start``: a plan in hand, kept possible
    and given to HiGHS as its first solution. ``time_limit`` counts choosing the options and
    building the model too."""
    started = time.perf_counter()
    parts = restricted(units, found, tolerance, start)
    position = {u.key: {k: j for j, k in enumerate(ks)} for u, ks in parts}
    tighter = policy.model_copy(
        update={"solver": policy.solver.model_copy(update={"gap": policy.solver.gap / 2})}
    )
    solution = highs.solve(
        [u for u, _ in parts],
        tighter,
        units.links,
        units.egress_eur_gib,
        time_limit=max(time_limit - (time.perf_counter() - started), 0.0),
        start={(key, position[key][k]): n for (key, k), n in start.items()} if start else None,
    )
    cut = solution.status not in (SolveStatus.OPTIMAL, SolveStatus.INFEASIBLE)
    if solution.status not in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE):
        return None, cut
    index = {u.key: ks for u, ks in parts}
    return {(key, index[key][k]): n for (key, k), n in solution.counts.items()}, cut
