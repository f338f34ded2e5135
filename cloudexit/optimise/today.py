"""What a resource costs today, in EUR: kept apart from candidate generation so that `check`
and `drill` read it without importing the optimiser."""

from __future__ import annotations

from decimal import Decimal

from cloudexit.model.inventory import Resource
from cloudexit.model.money import to_eur
from cloudexit.model.policy import Policy


def current_monthly_eur(resource: Resource, policy: Policy) -> Decimal | None:
    cost = resource.monthly_cost
    if cost is None:
        return None
    return to_eur(cost.amount, cost.currency, policy.exchange_rates)
