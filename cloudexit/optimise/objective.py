"""The one objective every solver and baseline uses: horizon cost plus weighted risk."""

from __future__ import annotations

from decimal import Decimal

from cloudexit.model.plan import Option
from cloudexit.model.policy import Policy


def risk_monthly(option: Option, policy: Policy) -> Decimal:
    w = policy.risk_weights
    return Decimal(str(option.risk.stake)) * (
        w.jurisdiction * Decimal(str(option.risk.jurisdiction))
        + w.certification * Decimal(str(option.risk.certification))
        + w.fidelity * Decimal(str(option.risk.fidelity))
        + w.concentration * Decimal(str(option.risk.concentration))
    )


def option_score(option: Option, policy: Policy) -> Decimal:
    months = Decimal(policy.horizon_months)
    return (option.monthly_cost + risk_monthly(option, policy)) * months + option.migration_cost
