"""Concentration from the plan itself: spend shares per provider and region, and the HHI.

The objective is linear, the Herfindahl index is not: each option's concentration points come
from its provider's and region's share of spend in the plan each resource's best option alone
makes (the marginal growth of the index is twice the share), so the weight pushes spend away
from whoever would dominate. The finished plan's index is measured and a rise is reported.
"""

from __future__ import annotations

import math
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from copy import copy
from decimal import Decimal
from functools import partial
from typing import cast

from cloudexit.model.inventory import Inventory
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from cloudexit.optimise.apart import apart
from cloudexit.optimise.candidates import OptionSource
from cloudexit.optimise.objective import Scorer
from cloudexit.optimise.today import current_monthly_eur
from cloudexit.optimise.units import (
    Options,
    Repeats,
    Row,
    Shape,
    Unit,
    Units,
    prune_dominated,
    runner_up_rows,
)
from cloudexit.risk.score import concentration_points


def hhi(spend: dict[str, Decimal] | dict[str, float]) -> int:
    """Herfindahl-Hirschman index of a spend split, 0-10,000."""
    values = [float(v) for v in spend.values()]
    total = sum(values)
    return round(sum((v / total * 100) ** 2 for v in values)) if total else 0


PASSES = 10
"""Best-response passes over the units before the shares are taken as settled."""


def weigh(units: Units, policy: Policy, aggregate: bool = True, fork: bool = False) -> None:
    """Give every option concentration points from the spend shares of the plan the weights lead to.

    Each unit in turn takes its best option given where the others' spend sits, its own spend
    counted at the option's provider and region; passes repeat until no unit moves. The points of
    the settled shares then go on every option, so a heavy weight spreads spend instead of
    swinging it all from one provider to the next. ``fork``: the later units' options are
    weighed by a forked child while this process weighs the earlier ones' (the same rows)."""
    if not policy.risk_weights.concentration or not units.units:
        for unit in units.units:
            unit.settle()
        return
    for unit in units.units:
        unit.settle(pruned_only=True)
    months = float(policy.horizon_months)
    weight = float(policy.risk_weights.concentration)
    choice = {u.key: u.rows[0] for u in units.units}
    by_provider: dict[str, float] = defaultdict(float)
    by_region: dict[tuple[str, str], float] = defaultdict(float)

    def move(row: Row, amount: float) -> None:
        by_provider[row.site[0]] += amount
        by_region[row.site] += amount

    for unit in units.units:
        move(choice[unit.key], choice[unit.key].monthly * unit.count)

    scale = months * weight
    for _ in range(PASSES):
        moved = False
        for unit in units.units:
            current = choice[unit.key]
            move(current, -current.monthly * unit.count)
            placed = sum(by_provider.values())
            best = _best_response(unit, placed, by_provider, by_region, scale)
            move(best, best.monthly * unit.count)
            if best is not current:
                choice[unit.key] = best
                moved = True
        if not moved:
            break

    pruned = 0
    scorer = Scorer(policy)
    # Points are rounded shares of spend: 8,879 values over the 160,547 rows a 20,000-resource
    # estate keeps, one float each. Scores are mostly distinct and stay the rows' own.
    one = Repeats().figure
    shares = _Shares(units.units, choice, by_provider, by_region)
    cut = _cut(units.units) if fork else len(units.units)
    # the child's work with the shares as they stand now, should it be done here after all
    later = partial(_weighed_apart, shares.copy(), cut, policy, aggregate)
    with apart(later, cut < len(units.units)) as child:
        for unit, placed in shares.each(0, cut):
            pruned += _weigh_unit(
                unit, placed, by_provider, by_region, policy, scorer, aggregate, one
            )
        taken = _Taken(child.result(), one) if child.started else None
        for unit, placed in shares.each(cut, len(units.units)):
            if taken is not None and unit.options is not None:
                taken.rows(unit)
            else:
                pruned += _weigh_unit(
                    unit, placed, by_provider, by_region, policy, scorer, aggregate, one
                )
        if taken is not None:
            pruned += taken.pruned
    units.pruned = pruned
    # A network object's copy adds no spend, but sits at a provider like any option does.
    placed = sum(by_provider.values())
    for follower in units.followers.values():
        follower.at = {
            place: r.weighed(_points(r.site, 0.0, placed, by_provider, by_region), policy, scorer)
            for place, r in follower.at.items()
        }


class _Shares:
    """Where the settled choices' spend sits, each unit's own taken out while its options are
    weighed and put back after: the order of these float sums is the loop's, so a child that
    weighs the later units goes through the earlier ones' too (``skip``) and sees the same
    shares to the last bit."""

    def __init__(
        self,
        units: list[Unit],
        choice: dict[str, Row],
        by_provider: dict[str, float],
        by_region: dict[tuple[str, str], float],
    ) -> None:
        self.units, self.choice = units, choice
        self.by_provider, self.by_region = by_provider, by_region

    def _move(self, row: Row, amount: float) -> None:
        self.by_provider[row.site[0]] += amount
        self.by_region[row.site] += amount

    def each(self, first: int, last: int) -> Iterator[tuple[Unit, float]]:
        """Each of ``units[first:last]`` with the spend placed without its own."""
        by_provider, choice = self.by_provider, self.choice
        for unit in self.units[first:last]:
            own, count = choice[unit.key], unit.count
            self._move(own, -own.monthly * count)
            yield unit, sum(by_provider.values())
            self._move(own, own.monthly * count)

    def copy(self) -> _Shares:
        return _Shares(
            self.units,
            self.choice,
            defaultdict(float, self.by_provider),
            defaultdict(float, self.by_region),
        )

    def skip(self, last: int) -> None:
        """The shares moved as ``each`` moves them up to ``last``, nothing weighed."""
        for _ in self.each(0, last):
            pass


WEIGHED_APART = 0.46
"""The later units' share of the options the child weighs: this process still makes the rows
read of them from the child's figures, and the child moves the shares through the earlier
units first, so the two are done at about the same time when the child weighs a little less."""


def _cut(units: list[Unit]) -> int:
    """The first unit the child weighs: the later units hold ``WEIGHED_APART`` of the options."""
    sizes = [len(u.options) if u.options is not None else len(u.all_rows) for u in units]
    left = WEIGHED_APART * sum(sizes)
    cut = len(units)
    while cut > 0 and left > 0:
        cut -= 1
        left -= sizes[cut]
    return cut


def _weigh_unit(
    unit: Unit,
    placed: float,
    by_provider: dict[str, float],
    by_region: dict[tuple[str, str], float],
    policy: Policy,
    scorer: Scorer,
    aggregate: bool,
    one: Callable[[float], float],
    origins: list[int] | None = None,
) -> int:
    """The unit's options weighed, pruned (``aggregate``) and cut to what the plan reads; the
    number pruned. ``one``: the shared object for equal points (``Repeats.figure``);
    ``origins``: given the index in the unit's options of each row kept."""
    every = unit.all_rows if unit.options is None else unit.options
    rows, order = _weighed(every, unit.count, placed, by_provider, by_region, policy, scorer, one)
    unit.options = unit.kept = None
    unit.all_rows = rows
    unit.rows = rows
    pruned = 0
    if aggregate:
        unit.rows = prune_dominated(unit, policy)
        pruned = len(unit.all_rows) - len(unit.rows)
    # what the plan reads of the rest, dropped one unit at a time: the peak stays low
    unit.all_rows = runner_up_rows(unit.all_rows, unit.rows)
    if origins is not None:
        if len(unit.all_rows) == len(rows):
            origins.extend(order)
        else:
            position = {id(row): k for k, row in enumerate(rows)}
            origins.extend(order[position[id(row)]] for row in unit.all_rows)
    return pruned


Weighed = tuple["array[int]", "array[int]", "array[float]", "array[float]", "array[int]", int]
"""A child's weighing of the units held as columns: per unit, how many rows the plan reads of
it; per such row, its index in the unit's options, its score, its points and whether the
solver has it (1) or only a runner-up can be it (0); and the number of options pruned."""


def _weighed_apart(shares: _Shares, cut: int, policy: Policy, aggregate: bool) -> Weighed:
    """The units from ``cut`` on held as columns, weighed as ``_weigh_unit`` weighs them, as
    figures from which ``_Taken`` makes the same rows again. The units are left as they are."""
    shares.skip(cut)
    scorer, one = Scorer(policy), Repeats().figure
    counts, at, solver = array("I"), array("I"), array("b")
    scores, points = array("d"), array("d")
    pruned = 0
    for unit, placed in shares.each(cut, len(shares.units)):
        if unit.options is None:
            continue
        own = copy(unit)
        origins: list[int] = []
        pruned += _weigh_unit(
            own,
            placed,
            shares.by_provider,
            shares.by_region,
            policy,
            scorer,
            aggregate,
            one,
            origins,
        )
        read = own.all_rows
        counts.append(len(read))
        at.extend(origins)
        scores.extend([row.score for row in read])
        points.extend([cast(float, row.concentration) for row in read])
        if own.rows is read:
            solver.extend([1] * len(read))
        else:
            chosen = {id(row) for row in own.rows}
            solver.extend([id(row) in chosen for row in read])
    return counts, at, scores, points, solver, pruned


class _Taken:
    """The rows of the units the child weighed, made from its figures (``_weighed_apart``) in
    the same order: the same rows, each made once and shared by the solver's list and the
    plan's."""

    def __init__(self, weighed: Weighed, one: Callable[[float], float]) -> None:
        self.counts, self.at, self.scores, self.points, self.solver, self.pruned = weighed
        self.one = one
        self.unit = self.start = 0

    def rows(self, unit: Unit) -> None:
        """The rows of the next unit the child weighed, a unit held as columns."""
        options = unit.options
        assert options is not None
        start, end = self.start, self.start + self.counts[self.unit]
        # read from the columns, not through a row made for each option read
        shaped, stake, source, one = Row.shaped, options.stake, options.source, self.one
        shapes, monthly, migration = options.shapes, options.monthly, options.migration
        read = [
            shaped(shapes[i], score, monthly[i], stake, migration[i], one(points), source)
            for i, score, points in zip(
                self.at[start:end], self.scores[start:end], self.points[start:end], strict=True
            )
        ]
        solver = self.solver[start:end]
        unit.options = unit.kept = None
        unit.all_rows = read
        unit.rows = read if all(solver) else [row for row, s in zip(read, solver) if s]
        self.unit, self.start = self.unit + 1, end


def _weighed(
    rows: Sequence[Row],
    count: int,
    placed: float,
    by_provider: dict[str, float],
    by_region: dict[tuple[str, str], float],
    policy: Policy,
    scorer: Scorer,
    one: Callable[[float], float] | None = None,
) -> tuple[list[Row], list[int]]:
    """Every option of a unit of ``count`` resources with its points (``_points``) and the score
    they give (``Row.weighed``), best first: score, then site and product, then as given.
    ``one``: the shared object for equal points (``Repeats.figure``).

    Runs once per option of the estate, so the row is built here rather than through a helper.
    Also each row's index in ``rows``."""
    decorated: list[tuple[float, tuple[str, str], str, int, Row]] = []
    shaped, score_of = Row.shaped, scorer.weighed_score
    one = one or Repeats().figure
    # from the columns, the row each option would be read through is never made
    held: tuple[float, OptionSource | None] = (1.0, None)
    figures: Iterable[tuple[Shape, float, float, Row | None]]
    if isinstance(rows, Options):
        held = (rows.stake, rows.source)
        columns = zip(rows.shapes, rows.monthly, rows.migration, strict=True)
        figures = ((shape, monthly, migration, None) for shape, monthly, migration in columns)
    else:
        figures = ((r.shape, r.monthly, r.migration, r) for r in rows)
    for index, (shape, monthly, migration, r) in enumerate(figures):
        site = shape[0]
        spend = monthly * count
        total = placed + spend
        points = one(
            concentration_points(
                (by_provider[site[0]] + spend) / total, (by_region[site] + spend) / total
            )
            if total > 0
            else 0.0
        )
        if r is not None and r.held is not None:
            row = r.weighed(points, policy, scorer)
        else:
            stake, source = held if r is None else (r.stake, r.source)
            score = score_of(shape[8], shape[9], shape[10], points, stake, monthly, migration)
            row = shaped(shape, score, monthly, stake, migration, points, source)
        decorated.append((row.score, site, shape[2] or "", index, row))
    decorated.sort()
    return [d[4] for d in decorated], [d[3] for d in decorated]


def _points(
    site: tuple[str, str],
    spend: float,
    placed: float,
    by_provider: dict[str, float],
    by_region: dict[tuple[str, str], float],
) -> float:
    """An option's concentration points with its own ``spend`` added to where the others' spend
    sits (``placed`` in all, the same for every option of one unit)."""
    total = placed + spend
    if total <= 0:
        return 0.0
    return concentration_points(
        (by_provider[site[0]] + spend) / total, (by_region[site] + spend) / total
    )


def _best_response(
    unit: Unit,
    placed: float,
    by_provider: dict[str, float],
    by_region: dict[tuple[str, str], float],
    scale: float,
) -> Row:
    """The unit's option with the least score plus weighted concentration points given where the
    others' spend sits (``placed`` in all), ties to the lower site and product: ``min`` over
    ``(score + scale * stake * points, site, product)``, one option at a time.

    Runs once per unit and pass, over every option: the tie-break is read only on a tie."""
    best = unit.rows[0]
    best_value = math.inf
    best_tie: tuple[tuple[str, str], str] | None = None
    count = unit.count
    for r in unit.rows:
        # Points are never negative (shares of spend), so an option whose score alone is above
        # the best value so far cannot win nor tie: its points are not worked out.
        if r.score > best_value and scale >= 0 and r.stake >= 0:
            continue
        spend = r.monthly * count
        total = placed + spend
        shape = r.shape
        site = shape[0]
        points = (
            concentration_points(
                (by_provider[site[0]] + spend) / total, (by_region[site] + spend) / total
            )
            if total > 0
            else 0.0
        )
        value = r.score + scale * r.stake * points
        if best_tie is None or value < best_value:
            best, best_value, best_tie = r, value, (site, shape[2] or "")
        elif value == best_value:
            tie = (site, shape[2] or "")
            if tie < best_tie:
                best, best_tie = r, tie
    return best


def spend_before(inventory: Inventory, policy: Policy) -> dict[str, Decimal]:
    spend: dict[str, Decimal] = defaultdict(Decimal)
    for r in inventory.resources:
        spend[r.provider] += current_monthly_eur(r, policy) or Decimal(0)
    return dict(spend)


def spend_after(plan: Plan) -> dict[str, Decimal]:
    """Monthly spend per provider once the plan is done: placed, kept, and not placed but running."""
    spend: dict[str, Decimal] = defaultdict(Decimal)
    placed = {p.resource_id: p for p in plan.placements}
    retired = {u.resource_id for u in plan.unplaced if u.code == "retired"}
    for r in plan.inventory.resources:
        if r.id in placed:
            spend[placed[r.id].choice.provider] += placed[r.id].choice.monthly_cost
        elif r.id not in retired:
            spend[r.provider] += current_monthly_eur(r, plan.policy) or Decimal(0)
    return dict(spend)


def rise_warning(plan: Plan) -> str | None:
    """A line when the plan concentrates spend more than today (HHI by provider)."""
    before, after = spend_before(plan.inventory, plan.policy), spend_after(plan)
    was, now = hhi(before), hhi(after)
    if now <= was:
        return None
    total = sum(after.values(), Decimal(0))
    top = max(sorted(after), key=lambda p: after[p])
    return (
        f"concentration rises: HHI by provider {was} -> {now} (0-10,000); {top} holds "
        f"{float(after[top] / total):.1%} of spend after the plan; max_spend_share, "
        "max_region_spend_share or risk_weights.concentration limit it"
    )


def with_stake_reference(inventory: Inventory, policy: Policy) -> Policy:
    """The policy with the risk stake's reference cost resolved: the estate's mean cost per
    priced resource unless the policy sets one (plan.json records the value used)."""
    if policy.risk_stake.reference_monthly is not None:
        return policy
    costs = [c for c in (current_monthly_eur(r, policy) for r in inventory.resources) if c]
    if not costs:
        return policy
    mean = (sum(costs, Decimal(0)) / len(costs)).quantize(Decimal("0.01"))
    stake = policy.risk_stake.model_copy(update={"reference_monthly": mean})
    return policy.model_copy(update={"risk_stake": stake})
