"""The one objective every solver and baseline uses: horizon cost plus weighted risk."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from cloudexit.model.money import quantize
from cloudexit.model.plan import Option
from cloudexit.model.policy import Policy


def risk_monthly(option: Option, policy: Policy) -> Decimal:
    r = option.risk
    return weighted_risk(
        r.jurisdiction, r.certification, r.fidelity, r.concentration, r.stake, policy
    )


def weighted_risk(
    jurisdiction: float,
    certification: float,
    fidelity: float,
    concentration: float,
    stake: float,
    policy: Policy,
) -> Decimal:
    w = policy.risk_weights
    return _decimal(stake) * (
        w.jurisdiction * _decimal(jurisdiction)
        + w.certification * _decimal(certification)
        + w.fidelity * _decimal(fidelity)
        + w.concentration * Decimal(str(concentration))
    )


@lru_cache(maxsize=4096, typed=True)
def _decimal(value: float) -> Decimal:
    # Risk points and stakes repeat over an estate's options; the conversion is most of the cost.
    return Decimal(str(value))


def compared_monthly(option: Option) -> Decimal:
    """The monthly cost the choice compares: the option's, and the stand-ins of its unpriced
    parts (``stand_in``), which are in no cost figure."""
    if not option.stand_ins:
        return option.monthly_cost
    return option.monthly_cost + sum(option.stand_ins.values(), Decimal(0))


def option_score(option: Option, policy: Policy) -> Decimal:
    return horizon_score(
        compared_monthly(option), option.migration_cost, risk_monthly(option, policy), policy
    )


def horizon_score(
    monthly_cost: Decimal, migration_cost: Decimal, risk: Decimal, policy: Policy
) -> Decimal:
    months = Decimal(policy.horizon_months)
    return (monthly_cost + risk) * months + migration_cost


SUMS_KEPT = 100_000
"""weighted risk sums kept per points triple and concentration before they are let go"""


class Scorer:
    """``weighted_risk`` and ``horizon_score`` for one planning run's many rows, the same
    ``Decimal`` operations in the same order (so the same results), with what repeats kept:
    the policy's weights, and the weighted sum of each jurisdiction, certification and fidelity
    triple, which the options of a provider share."""

    def __init__(self, policy: Policy) -> None:
        w = policy.risk_weights
        self._weights = (w.jurisdiction, w.certification, w.fidelity)
        self._concentration = w.concentration
        self._months = Decimal(policy.horizon_months)
        self._partial: dict[tuple[float, float, float], Decimal] = {}
        self._cents: dict[float, Decimal] = {}
        self._points: dict[float, Decimal] = {}
        self._summed: dict[tuple[float, float, float, float], Decimal] = {}
        self._stake: tuple[float, Decimal] | None = None

    def risk(
        self,
        jurisdiction: float,
        certification: float,
        fidelity: float,
        concentration: float,
        stake: float,
    ) -> Decimal:
        key = (jurisdiction, certification, fidelity, concentration)
        summed = self._summed.get(key)
        if summed is None:
            summed = self._sum(jurisdiction, certification, fidelity, concentration)
            if len(self._summed) >= SUMS_KEPT:
                self._summed.clear()
            self._summed[key] = summed
        # A resource's (or unit's) options come one after another with one stake: the last
        # one's conversion is kept, as stakes rarely repeat over an estate.
        last = self._stake
        if last is None or last[0] != stake or type(last[0]) is not type(stake):
            last = self._stake = (stake, _decimal(stake))
        return last[1] * summed

    def _sum(
        self, jurisdiction: float, certification: float, fidelity: float, concentration: float
    ) -> Decimal:
        key = (jurisdiction, certification, fidelity)
        partial = self._partial.get(key)
        if partial is None:
            wj, wc, wf = self._weights
            partial = self._partial[key] = (
                wj * _decimal(jurisdiction) + wc * _decimal(certification) + wf * _decimal(fidelity)
            )
        # Concentration points are rounded to 6 places: an estate's options share a few
        # thousand values, so each one's weighted term is kept.
        weighted = self._points.get(concentration)
        if weighted is None:
            weighted = self._points[concentration] = self._concentration * Decimal(
                str(concentration)
            )
        return partial + weighted

    def weighed_score(
        self,
        jurisdiction: float,
        certification: float,
        fidelity: float,
        concentration: float,
        stake: float,
        monthly: float,
        migration: float,
    ) -> float:
        """``score(cents(monthly), cents(migration), risk(...))`` as a float, in one call: it
        runs once per option of the estate."""
        risk = self.risk(jurisdiction, certification, fidelity, concentration, stake)
        cents = self._cents
        monthly_cost = cents.get(monthly)
        if monthly_cost is None:
            monthly_cost = self.cents(monthly)
        migration_cost = cents.get(migration)
        if migration_cost is None:
            migration_cost = self.cents(migration)
        return float(self.score(monthly_cost, migration_cost, risk))

    def score(self, monthly_cost: Decimal, migration_cost: Decimal, risk: Decimal) -> Decimal:
        return (monthly_cost + risk) * self._months + migration_cost

    def cents(self, value: float) -> Decimal:
        """``quantize(Decimal(repr(value)))``, kept per value."""
        found = self._cents.get(value)
        if found is None:
            found = self._cents[value] = quantize(Decimal(repr(value)))
        return found
