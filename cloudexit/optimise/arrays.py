"""The placement MILP as arrays: columns with cost, bounds and integrality, rows in CSR form.

The same model ``milp.build`` states with PuLP expressions, built without one Python object
per term so that models of hundreds of thousands of columns hand over to HiGHS in seconds.
"""

from __future__ import annotations

import itertools
import operator
from array import array
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from cloudexit.model.policy import Policy
from cloudexit.optimise import fronts
from cloudexit.optimise.follow import closure
from cloudexit.optimise.units import SOURCE, Link, Replication, Shape, Site, Unit, group_site

INF = float("inf")
_SCORE = operator.attrgetter("score")
_SHAPE = operator.attrgetter("shape")


def _floats() -> array[float]:
    return array("d")


def _ints() -> array[int]:
    return array("l")


@dataclass
class Fixed:
    """What classes settled outside a model (``lagrange.searched``) add to its estate-wide rows and
    its objective."""

    score: float = 0.0
    providers: set[str] = field(default_factory=set)
    """target providers a settled class uses: used whatever the others choose"""
    spend_at: dict[Site, float] = field(default_factory=dict)
    """target spend per site"""
    monthly: float = 0.0
    """monthly cost of every settled class, kept ones too (the budget counts them)"""
    capacity: dict[tuple[int, str], float] = field(default_factory=dict)
    """per (capacity limit's index in the policy, attribute): the use on it"""

    @property
    def spend(self) -> float:
        return sum(self.spend_at.values())

    def spend_of(self, provider: str) -> float:
        return sum(v for site, v in self.spend_at.items() if site[0] == provider)


@dataclass
class Model:
    """Typed arrays rather than lists: 8 bytes an entry instead of a pointer and a boxed number,
    handed to HiGHS without a copy."""

    cost: array[float] = field(default_factory=_floats)
    lower: array[float] = field(default_factory=_floats)
    upper: array[float] = field(default_factory=_floats)
    integer: array[int] = field(default_factory=lambda: array("b"))
    starts: array[int] = field(default_factory=lambda: array("l", [0]))
    index: array[int] = field(default_factory=_ints)
    value: array[float] = field(default_factory=_floats)
    row_lower: array[float] = field(default_factory=_floats)
    row_upper: array[float] = field(default_factory=_floats)
    x: dict[tuple[str, int], int] = field(default_factory=dict)
    """(unit key, option index) -> column"""
    offset: float = 0.0
    """the objective's constant: the score of classes settled outside the model"""

    def column(self, cost: float, lower: float, upper: float, integer: bool) -> int:
        self.cost.append(cost)
        self.lower.append(lower)
        self.upper.append(upper)
        self.integer.append(integer)
        return len(self.cost) - 1

    def row(self, terms: Sequence[tuple[int, float]], lower: float, upper: float) -> None:
        # Callers never repeat a column within a row; HiGHS rejects repeats, so none are merged here.
        kept = [term for term in terms if term[1] != 0.0]
        if kept:
            columns, coefs = zip(*kept, strict=True)
            self.index.extend(columns)
            self.value.extend(coefs)
        self.end_row(lower, upper)

    def ones(self, columns: Sequence[int], lower: float, upper: float) -> None:
        """A row with coefficient 1 on each of ``columns``."""
        self.index.extend(columns)
        self.value.extend(itertools.repeat(1.0, len(columns)))
        self.end_row(lower, upper)

    def end_row(self, lower: float, upper: float) -> None:
        self.starts.append(len(self.index))
        self.row_lower.append(lower)
        self.row_upper.append(upper)

    @property
    def columns(self) -> int:
        return len(self.cost)

    @property
    def rows(self) -> int:
        return len(self.row_lower)


def build(
    units: list[Unit],
    policy: Policy,
    links: Sequence[Link] = (),
    egress_eur_gib: Mapping[Site, float] | None = None,
    margin: float = 0.0,
    fixed: Fixed | None = None,
) -> Model:
    """Every constraint of ``milp.build`` with ``drop`` empty and the score objective.

    ``margin`` tightens the spend share, capacity and budget by that fraction, for a relaxation
    whose rounded solution should still fit. ``fixed``: what classes settled outside the model
    (``lagrange.searched``) add to the estate-wide rows and the objective."""
    fixed = fixed or Fixed()
    m = Model(offset=fixed.score)
    # Each class's options' columns made together, their figures read from the rows' shapes.
    column_of: list[range] = []
    for u in units:
        start, n = len(m.cost), len(u.rows)
        m.cost.extend(map(_SCORE, u.rows))
        m.lower.extend(itertools.repeat(0.0, n))
        m.upper.extend(itertools.repeat(float(len(u.members)), n))
        m.integer.extend(itertools.repeat(True, n))
        columns = range(start, start + n)
        m.x.update(zip(zip(itertools.repeat(u.key), range(n)), columns))
        column_of.append(columns)
    for u, columns in zip(units, column_of, strict=True):
        count = float(len(u.members))
        m.ones(columns, count, count)
    _traffic(m, units, links, egress_eur_gib or {}, float(policy.horizon_months))
    sent = _replication(m, units, links, float(policy.horizon_months))

    shapes = [list(map(_SHAPE, u.rows)) for u in units]
    targets = sorted({shape[0][0] for of in shapes for shape in of if shape[1]} | fixed.providers)
    used = {p: m.column(0.0, float(p in fixed.providers), 1.0, True) for p in targets}
    at_provider: dict[str, list[int]] = defaultdict(list)
    for u, of, columns in zip(units, shapes, column_of, strict=True):
        at: dict[str, list[int]] = defaultdict(list)
        for shape, c in zip(of, columns, strict=True):
            if shape[1]:
                at[shape[0][0]].append(c)
        for provider, cols in sorted(at.items()):
            at_provider[provider].extend(cols)
        for provider, cols in sorted(at.items()):
            m.row([(c, 1.0) for c in cols] + [(used[provider], -float(u.count))], -INF, 0.0)
    for provider in targets:
        if provider not in fixed.providers:
            m.row([(used[provider], 1.0)] + [(c, -1.0) for c in at_provider[provider]], -INF, 0.0)
    if targets and (policy.min_providers > 1 or policy.max_providers is not None):
        low = float(policy.min_providers) if policy.min_providers > 1 else -INF
        high = float(policy.max_providers) if policy.max_providers is not None else INF
        m.row([(used[p], 1.0) for p in targets], low, high)
    if policy.max_spend_share is not None or policy.max_region_spend_share is not None:
        # The total target spend as one column, so each share row holds only its own provider's
        # or site's options: the same constraint with a fraction of the nonzeros.
        spent = [
            (c, shape[0], r.monthly)
            for u, of, columns in zip(units, shapes, column_of, strict=True)
            for c, shape, r in zip(columns, of, u.rows, strict=True)
            if shape[1]
        ]
        # replication billed by a target site is that site's spend
        spent += [(c, place, monthly) for c, monthly, place in sent if place != SOURCE]
        total = m.column(0.0, 0.0, INF, False)
        m.row(
            [(c, monthly) for c, _, monthly in spent] + [(total, -1.0)], -fixed.spend, -fixed.spend
        )
        by_provider: dict[str, list[tuple[int, float]]] = defaultdict(list)
        at_site: dict[Site, list[tuple[int, float]]] = defaultdict(list)
        for c, site, monthly in spent:
            by_provider[site[0]].append((c, monthly))
            at_site[site].append((c, monthly))
        if policy.max_spend_share is not None:
            share = max(0.0, policy.max_spend_share - margin)
            for provider in targets:
                m.row(by_provider[provider] + [(total, -share)], -INF, -fixed.spend_of(provider))
        if policy.max_region_spend_share is not None:
            region_share = max(0.0, policy.max_region_spend_share - margin)
            for site in sorted(set(at_site) | set(fixed.spend_at)):
                m.row(
                    at_site[site] + [(total, -region_share)], -INF, -fixed.spend_at.get(site, 0.0)
                )
    for i, cap in enumerate(policy.capacity):
        chosen = [
            (c, shape)
            for of, columns in zip(shapes, column_of, strict=True)
            for c, shape in zip(columns, of, strict=True)
            if shape[1] and cap.covers(shape[0])
        ]
        for attribute, limit in cap.limits():
            figure = Shape._fields.index(attribute)
            m.row(
                [(c, float(shape[figure])) for c, shape in chosen],
                -INF,
                limit * (1 - margin) - fixed.capacity.get((i, attribute), 0.0),
            )
    if policy.monthly_budget is not None:
        m.row(
            [
                (c, r.monthly)
                for u, columns in zip(units, column_of, strict=True)
                for c, r in zip(columns, u.rows, strict=True)
            ]
            + [(c, monthly) for c, monthly, _ in sent],
            -INF,
            float(policy.monthly_budget) * (1 - margin) - fixed.monthly,
        )
    anti_units: dict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        for a in u.anti:
            anti_units[a].append(i)
    for name, members in sorted(anti_units.items()):
        if sum(units[i].count for i in members) < 2:
            continue
        level = name.rsplit("@", 1)[1]
        places: dict[Site | str, list[int]] = defaultdict(list)
        for i in members:
            for c, shape in zip(column_of[i], shapes[i], strict=True):
                places[shape[0] if level == "region" else shape[0][0]].append(c)
        for _, cols in sorted(places.items(), key=lambda kv: str(kv[0])):
            m.ones(cols, -INF, 1.0)
    for balancer, beside in fronts.fronting(units):
        for _, ks, theirs in fronts.places(balancer, beside, group_site):
            m.row(
                [(m.x[(balancer.key, k)], 1.0) for k in ks]
                + [(m.x[(u.key, k)], -float(balancer.count)) for u, k in theirs],
                -INF,
                0.0,
            )
    grouped: dict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        if u.group is not None:
            grouped[u.group].append(i)
    for _, members in sorted(grouped.items()):
        at_of = [[_group_site(shape) for shape in shapes[i]] for i in members]
        sites = sorted({site for of in at_of for site in of})
        y = {s: m.column(0.0, 0.0, 1.0, True) for s in sites}
        m.ones(list(y.values()), 1.0, 1.0)
        for i, of in zip(members, at_of, strict=True):
            by_site: dict[Site, list[int]] = defaultdict(list)
            for c, site in zip(column_of[i], of, strict=True):
                by_site[site].append(c)
            count = -float(units[i].count)
            for s in sites:
                m.row([(c, 1.0) for c in by_site.get(s, [])] + [(y[s], count)], 0.0, 0.0)
    _follow(m, units)
    return m


def _group_site(shape: Shape) -> Site:
    """``units.group_site`` of a row with this shape."""
    return shape[0] if shape[1] else SOURCE


def _follow(m: Model, units: list[Unit]) -> None:
    """As ``milp._follow``: a network object's copy at a place, paid once, wherever a resource
    naming it (or a copy of a network object naming it) is; one copy at least."""
    followers = closure({f.id: f for u in units for f in u.follows}.values())
    y = {
        (f.id, place): m.column(row.score, 0.0, 1.0, True)
        for f in followers
        for place, row in sorted(f.at.items())
    }
    for f in followers:
        m.row([(y[(f.id, place)], 1.0) for place in sorted(f.at)], 1.0, INF)
        for parent in f.parents:
            for place in sorted(f.at):
                if place in parent.at:
                    m.row([(y[(f.id, place)], 1.0), (y[(parent.id, place)], -1.0)], -INF, 0.0)
    for u in units:
        if not u.follows:
            continue
        at: dict[Site, list[int]] = defaultdict(list)
        for k, r in enumerate(u.rows):
            at[group_site(r)].append(m.x[(u.key, k)])
        for f in u.follows:
            for place, cols in sorted(at.items()):
                if place in f.at:
                    m.row(
                        [(c, 1.0) for c in cols] + [(y[(f.id, place)], -float(u.count))], -INF, 0.0
                    )


def _traffic(
    m: Model, units: list[Unit], links: Sequence[Link], egress: Mapping[Site, float], months: float
) -> None:
    """As ``milp._traffic``: ``out >= here(a) - here(b)`` priced at the sending site's egress."""
    unit_of = {u.members[0]: u for u in units if u.count == 1}
    for link in links:
        ua, ub = unit_of.get(link.a), unit_of.get(link.b)
        if ua is None or ub is None or isinstance(link, Replication):
            continue
        sites = sorted({r.site for r in ua.rows} | {r.site for r in ub.rows})
        for sender, receiver in ((ua, ub), (ub, ua)):
            for s in sites:
                price = egress.get(s, 0.0) * link.gib_month / 2 * months
                here = [
                    (m.x[(sender.key, k)], 1.0) for k, r in enumerate(sender.rows) if r.site == s
                ]
                if price <= 0 or not here:
                    continue
                out = m.column(price, 0.0, 1.0, False)
                there = [
                    (m.x[(receiver.key, k)], -1.0)
                    for k, r in enumerate(receiver.rows)
                    if r.site == s
                ]
                m.row([(out, -1.0), *here, *there], -INF, 0.0)


def _replication(
    m: Model, units: list[Unit], links: Sequence[Link], months: float
) -> list[tuple[int, float, Site]]:
    """As ``milp._replication``: (column, EUR a month, place billing it) for each place a
    primary sends its copy's changes from, the column exactly ``here(primary) * (1 -
    here(copy))``, priced over the horizon."""
    unit_of = {u.members[0]: u for u in units if u.count == 1}
    found: list[tuple[int, float, Site]] = []
    for link in links:
        primary = unit_of.get(link.a)
        if not isinstance(link, Replication) or primary is None:
            continue
        copy = unit_of.get(link.b)
        for place, monthly in sorted(link.sent.items()):
            here = [
                m.x[(primary.key, k)] for k, r in enumerate(primary.rows) if group_site(r) == place
            ]
            if monthly <= 0 or not here or (copy is None and place == SOURCE):
                continue
            there = (
                [m.x[(copy.key, k)] for k, r in enumerate(copy.rows) if group_site(r) == place]
                if copy is not None
                else []
            )
            column = m.column(monthly * months, 0.0, 1.0, False)
            m.row(
                [(column, -1.0), *((c, 1.0) for c in here), *((c, -1.0) for c in there)], -INF, 0.0
            )
            m.row([(column, 1.0), *((c, -1.0) for c in here)], -INF, 0.0)
            if there:
                m.row([(column, 1.0), *((c, 1.0) for c in there)], -INF, 1.0)
            found.append((column, monthly, place))
    return found
