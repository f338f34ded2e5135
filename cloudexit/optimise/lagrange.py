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
from typing import Any

import numpy as np
import numpy.typing as npt

from cloudexit.model.plan import SolveStatus
from cloudexit.model.policy import Policy
from cloudexit.optimise import highs
from cloudexit.optimise.units import Site, Unit, Units, group_site

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
    reduced: dict[str, list[float]] = field(default_factory=dict)
    """unit key -> each option's score with the best prices found (for restricting a search)"""
    providers: frozenset[str] | None = None
    """the provider set the bound was least for, when ``max_providers`` was enumerated"""
    evaluations: int = 0


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


def _segments(keys: list[tuple[object, ...]]) -> Ints:
    starts = [i for i in range(len(keys)) if i == 0 or keys[i] != keys[i - 1]]
    return np.asarray(starts, dtype=np.int64)


def _flatten(units: Units, policy: Policy) -> _Flat:
    blocks = units.units
    providers = sorted({r.site[0] for u in blocks for r in u.rows if r.target})
    sites = sorted({r.site for u in blocks for r in u.rows if r.target})
    p_index = {p: i for i, p in enumerate(providers)}
    s_index = {s: i for i, s in enumerate(sites)}
    anti_of: dict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(blocks):
        if u.group is None:
            for a in u.anti:
                anti_of[a].append(i)
    # Ungrouped classes sharing an anti-affinity set are one block; a class in two sets, or a set
    # too large, is relaxed to each member's own cheapest option.
    exact: list[tuple[str, list[int]]] = []
    in_exact: set[int] = set()
    for name, members in sorted(anti_of.items()):
        size = sum(blocks[i].count for i in members)
        if size <= EXACT_ANTI and all(len(blocks[i].anti) == 1 for i in members):
            exact.append((name, members))
            in_exact.update(members)
    order: list[tuple[int, int]] = []
    plain_keys: list[tuple[object, ...]] = []
    for i, u in enumerate(blocks):
        if u.group is None and i not in in_exact:
            for k in range(len(u.rows)):
                order.append((i, k))
                plain_keys.append((i,))
    plain_end = len(order)
    grouped: dict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(blocks):
        if u.group is not None:
            grouped[u.group].append(i)
    seg_keys: list[tuple[object, ...]] = []
    place_keys: list[tuple[int, Site]] = []
    place_ok: list[bool] = []
    place_group: list[int] = []
    seg_place: list[int] = []
    for g, (_, members) in enumerate(sorted(grouped.items())):
        at: dict[Site, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        for i in members:
            for k, r in enumerate(blocks[i].rows):
                at[group_site(r)][i].append(k)
        common = [s for s in at if len(at[s]) == len(members)]
        for s in sorted(at):
            place_keys.append((g, s))
            place_group.append(g)
            # A group with no common site cannot be placed at all: no plan, an infinite bound.
            place_ok.append(s in common)
            for i in sorted(at[s]):
                seg_place.append(len(place_keys) - 1)
                for k in at[s][i]:
                    order.append((i, k))
                    seg_keys.append((g, s, i))
    grouped_end = len(order)
    anti: list[_Anti] = []
    for name, members in exact:
        level = name.rsplit("@", 1)[1]
        places: dict[object, int] = {}
        rows: list[Ints] = []
        place_lists: list[list[int]] = []
        for i in members:
            first = len(order)
            here: list[int] = []
            for k, r in enumerate(blocks[i].rows):
                order.append((i, k))
                here.append(
                    places.setdefault(r.site if level == "region" else r.site[0], len(places))
                )
            rows.append(np.arange(first, len(order), dtype=np.int64))
            place_lists.append(here)
        anti.append(_Anti(members, rows, place_lists, sum(blocks[i].count for i in members)))
    row_of = [blocks[i].rows[k] for i, k in order]
    target = np.asarray([r.target for r in row_of], dtype=bool)
    monthly = np.asarray([r.monthly for r in row_of], dtype=np.float64)
    capacity: list[tuple[Floats, float]] = []
    for cap in policy.capacity:
        covered = np.asarray([r.target and cap.covers(r.site) for r in row_of], dtype=bool)
        for attribute, limit in cap.limits():
            use = np.asarray([float(getattr(r, attribute)) for r in row_of], dtype=np.float64)
            capacity.append((np.where(covered, use, 0.0), limit))
    constant = 0.0
    for f in units.followers.values():
        scores = [r.score for r in f.at.values()]
        constant += min(scores) if min(scores) >= 0 else sum(s for s in scores if s < 0)
    return _Flat(
        score=np.asarray([r.score for r in row_of], dtype=np.float64),
        monthly=monthly,
        spend=np.where(target, monthly, 0.0),
        provider=np.asarray(
            [p_index[r.site[0]] if r.target else -1 for r in row_of], dtype=np.int64
        ),
        site=np.asarray([s_index[r.site] if r.target else -1 for r in row_of], dtype=np.int64),
        capacity=capacity,
        count=np.asarray([blocks[i].count for i, _ in order], dtype=np.float64),
        unit=np.asarray([i for i, _ in order], dtype=np.int64),
        k=np.asarray([k for _, k in order], dtype=np.int64),
        plain_starts=_segments(plain_keys),
        plain_end=plain_end,
        seg_starts=plain_end + _segments(seg_keys) if seg_keys else np.zeros(0, dtype=np.int64),
        seg_place=np.asarray(seg_place, dtype=np.int64),
        place_group=np.asarray(place_group, dtype=np.int64),
        place_ok=np.asarray(place_ok, dtype=bool),
        groups=len(grouped),
        grouped_end=grouped_end,
        anti=anti,
        providers=providers,
        sites=sites,
        constant=constant,
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
) -> tuple[float, Floats, int]:
    """Kelley's cutting plane on the prices: the best bound found and its prices, evaluations."""
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
        return best, best_lam, evaluations
    cap = 4.0 * max(abs(best), 1.0)
    h = new_highs(max(deadline - time.perf_counter(), 0.1), 0.0)
    inf = highspy.kHighsInf
    # Columns: theta, then the prices; maximise theta.
    h.addVar(-inf, inf)
    for _ in range(m):
        h.addVar(0.0, cap)
    h.changeColCost(0, -1.0)
    cuts = [(best, slope, lam.copy())]
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
            break
        level, slope = value(lam)
        evaluations += 1
        cuts.append((level, slope, lam.copy()))
        if level > best:
            best, best_lam = level, lam.copy()
    return best, best_lam, evaluations


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
    rows = _Rows(flat, policy, units)
    value, lam, evaluations = _ascend(rows, flat, None, deadline, enough, None)
    chosen: frozenset[str] | None = None
    sets = _provider_sets(policy, flat.providers)
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
            found, at, n = _ascend(rows, flat, masks[providers], deadline, min(enough, best), lam)
            evaluations += n
            if found < best:
                best, chosen, best_lam = found, providers, at
        # Each set's bound holds for the plans using only its providers; together they cover
        # every plan the count allows, so the least of them is a bound too.
        if best > value:
            value, lam = best, best_lam
        else:
            chosen = None
    rc, _ = rows.reduced(lam)
    reduced: dict[str, list[float]] = defaultdict(list)
    blocks = units.units
    for row in np.argsort(flat.unit * (1 << 20) + flat.k, kind="stable").tolist():
        reduced[blocks[int(flat.unit[row])].key].append(float(rc[row]))
    return Bound(value, dict(reduced), chosen, evaluations)


def restricted(
    units: Units, found: Bound, tolerance: float, keep: Counts | None = None
) -> list[tuple[Unit, list[int]]]:
    """Each class with only the options whose priced score is within ``tolerance`` (relative) of
    its least, inside the provider set the bound chose; a co-location group keeps the sites
    whose priced total is that close to its least. The options ``keep`` uses stay too, so a plan
    in hand stays possible. With each class, its options' indices."""
    allowed = found.providers
    kept: dict[str, set[int]] = defaultdict(set)
    for key, k in keep or {}:
        kept[key].add(k)

    def close(values: dict[Any, float]) -> set[Any]:
        least = min(values.values(), default=0.0)
        return {key for key, v in values.items() if v <= least + tolerance * abs(least) + 1e-9}

    def usable(u: Unit) -> list[int]:
        return [
            k
            for k, row in enumerate(u.rows)
            if allowed is None or not row.target or row.site[0] in allowed
        ]

    grouped: dict[str, list[Unit]] = defaultdict(list)
    for u in units.units:
        if u.group is not None:
            grouped[u.group].append(u)
    sites_of: dict[str, set[Site]] = {}
    for name, members in grouped.items():
        totals: dict[Site, float] = defaultdict(float)
        seen: dict[Site, int] = defaultdict(int)
        for u in members:
            at: dict[Site, float] = {}
            for k in usable(u):
                site = group_site(u.rows[k])
                at[site] = min(at.get(site, math.inf), found.reduced[u.key][k])
            for site, value in at.items():
                totals[site] += value * u.count
                seen[site] += 1
        common = {s: v for s, v in totals.items() if seen[s] == len(members)}
        sites_of[name] = close(common) if common else set(totals)
    out: list[tuple[Unit, list[int]]] = []
    for u in units.units:
        reduced = found.reduced[u.key]
        ks = usable(u)
        if u.group is not None:
            by_site: dict[Site, dict[int, float]] = defaultdict(dict)
            for k in ks:
                if group_site(u.rows[k]) in sites_of[u.group]:
                    by_site[group_site(u.rows[k])][k] = reduced[k]
            ks = sorted(k for at in by_site.values() for k in close(at))
        else:
            ks = sorted(close({k: reduced[k] for k in ks}))
        if u.anti:
            # Anti-affinity needs as many places as members: each member's cheapest few places
            # stay open too.
            level = u.anti[0].rsplit("@", 1)[1]
            places: dict[object, int] = {}
            for k in sorted(usable(u), key=lambda j: (reduced[j], j)):
                row = u.rows[k]
                places.setdefault(row.site if level == "region" else row.site[0], k)
            ks = sorted(set(ks) | set(list(places.values())[: max(EXACT_ANTI, u.count + 1)]))
        ks = sorted(set(ks) | kept[u.key])
        if not ks:
            ks = list(range(len(u.rows)))
        out.append((dataclasses.replace(u, rows=[u.rows[k] for k in ks]), ks))
    return out


def search(
    units: Units,
    policy: Policy,
    found: Bound,
    time_limit: float,
    tolerance: float,
    start: Counts | None = None,
) -> Counts | None:
    """The best plan HiGHS finds in time among the options ``restricted`` keeps, as counts over
    the classes' own options; None when it finds none. ``start``: a plan in hand, kept possible
    and given to HiGHS as its first solution."""
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
        time_limit=time_limit,
        start={(key, position[key][k]): n for (key, k), n in start.items()} if start else None,
    )
    if solution.status not in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE):
        return None
    index = {u.key: ks for u, ks in parts}
    return {(key, index[key][k]): n for (key, k), n in solution.counts.items()}
