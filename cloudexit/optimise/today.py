"""What a resource costs today, in EUR: kept apart from candidate generation so that `check`
and `drill` read it without importing the optimiser.

Each resource's figure is rounded to the cent before anything sums it, as keeping it on the
source is priced: today and kept then add up alike, and a plan that moves nothing saves 0."""

from __future__ import annotations

from decimal import Decimal

from cloudexit.model.inventory import Resource
from cloudexit.model.money import quantize, to_eur
from cloudexit.model.policy import Policy


def current_monthly_eur(resource: Resource, policy: Policy) -> Decimal | None:
    cost = resource.monthly_cost
    if cost is None:
        return None
    eur = to_eur(cost.amount, cost.currency, policy.exchange_rates)
    return None if eur is None else quantize(eur)
