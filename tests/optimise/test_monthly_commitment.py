"""A policy that allows a monthly commitment sees the providers' monthly plans; by default the
hourly price is used, as a month of pay-as-you-go."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cloudexit.catalog import load_catalog
from cloudexit.catalog.sizing import price_in
from cloudexit.model.inventory import Resource
from cloudexit.model.money import HOURS_PER_MONTH
from cloudexit.model.plan import Option
from cloudexit.model.policy import Policy
from cloudexit.optimise.candidates import build_candidates
from tests.helpers import resource


def cheapest(monthly: bool, **attributes: Any) -> Option:
    item = resource(
        "vm",
        kind="compute.vm",
        type="AWS::EC2::Instance",
        attributes={"vcpu": 2, "memory_gib": 7, **attributes},
    )
    found = build_candidates(
        Resource.model_validate(item),
        load_catalog(),
        Policy(targets=["ovhcloud"], allow_retain=False, monthly_commitment=monthly),
    )
    return min(found.options, key=lambda o: (o.monthly_cost, o.region))


def test_the_default_policy_prices_the_hourly_rate() -> None:
    assert Policy().monthly_commitment is False
    option = cheapest(False)
    product = load_catalog().product("ovhcloud", option.product or "")
    price = price_in(product, option.region)
    assert price is not None and price.unit == "hour"
    assert option.costs["compute"] == (price.amount * HOURS_PER_MONTH).quantize(Decimal("0.01"))


def test_a_monthly_commitment_takes_a_cheaper_monthly_plan() -> None:
    hourly, monthly = cheapest(False), cheapest(True)
    assert monthly.monthly_cost < hourly.monthly_cost
    product = load_catalog().product("ovhcloud", monthly.product or "")
    plan = price_in(product, monthly.region, monthly=True)
    assert plan is not None and plan.unit == "month"
    assert monthly.costs["compute"] == plan.amount
    first = product.prices[0]
    assert first.unit == "hour" and plan.amount < first.amount * HOURS_PER_MONTH


def test_a_monthly_plan_dearer_than_a_month_of_hours_is_not_taken() -> None:
    catalog = load_catalog()
    for product in catalog.providers["ovhcloud"].products:
        if not product.prices:
            continue
        hourly = product.prices[0]
        chosen = price_in(product, "GRA11", monthly=True)
        assert chosen is not None
        if chosen.unit == "month":
            assert chosen.amount < hourly.amount * HOURS_PER_MONTH, product.id
        else:
            assert chosen is hourly
