"""A unit's best response to where the others' spend sits is the least of
``(score + scale * stake * points, site, product)`` over its options, ties and all."""

from __future__ import annotations

import random
from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from cloudexit.model import Policy
from cloudexit.optimise.concentration import _best_response, _points, _weighed
from cloudexit.optimise.objective import Scorer
from cloudexit.optimise.units import Row, Unit
from cloudexit.risk.score import concentration_points

SITES = [("ionos", "de/fra"), ("ovhcloud", "GRA11"), ("ovhcloud", "SBG5"), ("scaleway", "fr-par")]


def _reference(unit: Unit, placed: float, by_provider: dict, by_region: dict, scale: float) -> Row:
    def key(r: Row) -> tuple[float, tuple[str, str], str]:
        spend = r.monthly * unit.count
        total = placed + spend
        points = (
            concentration_points(
                (by_provider[r.site[0]] + spend) / total, (by_region[r.site] + spend) / total
            )
            if total > 0
            else 0.0
        )
        return (r.score + scale * r.stake * points, r.site, r.product or "")

    return min(unit.rows, key=key)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 2**32), st.integers(1, 12), st.integers(1, 5))
def test_best_response_is_the_least_key(seed: int, options: int, members: int) -> None:
    rng = random.Random(seed)
    # few distinct numbers, so that ties in value, site and product happen
    rows = [
        Row(
            site=rng.choice(SITES),
            score=float(rng.choice([100, 100, 120, 150, 400])),
            monthly=float(rng.choice([0, 10, 25, 40])),
            vcpu=2,
            memory_gib=4,
            storage_gib=0,
            instances=1,
            target=True,
            product=rng.choice(["a", "b", None]),
            stake=rng.choice([0.0, 0.5, 1.0, 2.0]),
        )
        for _ in range(options)
    ]
    rows.sort(key=lambda r: r.score)
    unit = Unit(key="u", members=[f"r{i}" for i in range(members)], rows=rows)
    by_provider: dict[str, float] = defaultdict(float)
    by_region: dict[tuple[str, str], float] = defaultdict(float)
    for site in SITES:
        spend = float(rng.choice([0, 10, 500, 2000]))
        by_provider[site[0]] += spend
        by_region[site] += spend
    placed = sum(by_provider.values())
    scale = float(rng.choice([0, 36, 180, 1000]))
    got = _best_response(unit, placed, by_provider, by_region, scale)
    assert got is _reference(unit, placed, by_provider, by_region, scale)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**32), st.integers(1, 12), st.integers(1, 5))
def test_weighed_rows_are_each_row_weighed_by_its_points(
    seed: int, options: int, members: int
) -> None:
    """The rows a unit is weighed into carry the points and score ``Row.weighed`` gives them."""
    rng = random.Random(seed)
    rows = [
        Row(
            site=rng.choice(SITES),
            score=0.0,
            monthly=float(rng.choice([0, 10, 25.5, 40])),
            vcpu=2,
            memory_gib=4,
            storage_gib=0,
            instances=1,
            target=True,
            product=rng.choice(["a", "b", None]),
            jurisdiction=rng.choice([0.0, 0.5, 2.0]),
            certification=rng.choice([0.0, 1.0, 3.0]),
            fidelity=rng.choice([0.0, 1.0]),
            stake=rng.choice([0.0, 0.5, 1.0, 2.0]),
            migration=float(rng.choice([0, 120, 900])),
        )
        for _ in range(options)
    ]
    by_provider: dict[str, float] = defaultdict(float)
    by_region: dict[tuple[str, str], float] = defaultdict(float)
    for site in SITES:
        spend = float(rng.choice([0, 10, 500, 2000]))
        by_provider[site[0]] += spend
        by_region[site] += spend
    placed = sum(by_provider.values())
    policy = Policy(targets=["ionos", "ovhcloud", "scaleway"])
    scorer = Scorer(policy)
    got, _ = _weighed(rows, members, placed, by_provider, by_region, policy, scorer)
    weighed = [
        (
            r.weighed(_points(r.site, r.monthly * members, placed, by_provider, by_region), policy),
            index,
        )
        for index, r in enumerate(rows)
    ]
    weighed.sort(key=lambda w: (w[0].score, w[0].site, w[0].product or "", w[1]))
    assert [(r.score, r.concentration, r.site, r.product) for r in got] == [
        (r.score, r.concentration, r.site, r.product) for r, _ in weighed
    ]
