"""A source resource on a SKU its provider retired before the plan starts is not kept on the
source at the retired SKU's price.

The Azure ARM list's four load balancers are Basic SKU, priced at no charge from Microsoft's
2018 comparison table; Microsoft retired Basic Load Balancer on 2025-09-30. Kept on Azure they
looked free, so a plan starting 2026-11-01 kept all four there at EUR 0."""

from __future__ import annotations

import datetime as dt
import functools

from cloudexit import api
from cloudexit.catalog.retired import load_retired
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from tests.helpers import corpus_file

RETIRED = "2025-09-30"


@functools.cache
def inventory() -> Inventory:
    return import_files([corpus_file("azure-arm-resources-list-c7n.json")])


@functools.cache
def plan_from(start: dt.date) -> Plan:
    policy = Policy.model_validate(
        {"targets": ["scaleway"], "allow_retain": True, "switching": {"start_date": start}}
    )
    return api.plan(inventory(), policy)


def basic_balancers() -> list[str]:
    found = [
        r.id
        for r in inventory().resources
        if r.kind is Kind.LOAD_BALANCER and r.attributes.instance_type == "Basic"
    ]
    assert len(found) == 4
    return found


def test_basic_balancers_are_not_kept_after_the_retirement() -> None:
    plan = plan_from(dt.date(2026, 11, 1))
    placed = {p.resource_id: p for p in plan.placements}
    for rid in basic_balancers():
        assert not placed[rid].choice.retain, placed[rid].choice
        assert placed[rid].choice.monthly_cost > 0
    said = [
        w for w in plan.warnings if f"Basic Load Balancer, a SKU azure retired on {RETIRED}" in w
    ]
    assert len(said) == 4, said
    assert all("learn.microsoft.com" in w and "Standard Load Balancer" in w for w in said)


def test_before_the_retirement_staying_is_still_offered() -> None:
    plan = plan_from(dt.date(2025, 6, 1))
    assert not [w for w in plan.warnings if f"retired on {RETIRED}" in w]


def test_every_retirement_is_sourced() -> None:
    for sku in load_retired().retired:
        assert sku.source.url.startswith("https://") and sku.source.retrieved
        assert sku.retired < dt.date(2026, 12, 7)
