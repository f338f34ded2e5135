"""The one objective every solver and baseline uses: horizon cost plus weighted risk."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

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


def option_score(option: Option, policy: Policy) -> Decimal:
    return horizon_score(
        option.monthly_cost, option.migration_cost, risk_monthly(option, policy), policy
    )


def horizon_score(
    monthly_cost: Decimal, migration_cost: Decimal, risk: Decimal, policy: Policy
) -> Decimal:
    months = Decimal(policy.horizon_months)
    return (monthly_cost + risk) * months + migration_cost
