"""The estate as limits and drills see it: where each resource runs and what it costs, before
or after a plan."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from cloudexit.optimise.today import current_monthly_eur

Stage = Literal["before", "after"]


@dataclass(frozen=True)
class Site:
    provider: str
    region: str
    monthly_eur: Decimal | None


@dataclass(frozen=True)
class Estate:
    stage: Stage
    inventory: Inventory
    policy: Policy
    sites: dict[str, Site]
    plan: Plan | None = None

    def running(self) -> list[Resource]:
        """Resources that run at this stage (a plan retires some)."""
        return [r for r in self.inventory.resources if r.id in self.sites]


def before(inventory: Inventory, policy: Policy) -> Estate:
    sites = {
        r.id: Site(r.provider, r.region, current_monthly_eur(r, policy))
        for r in inventory.resources
    }
    return Estate("before", inventory, policy, sites)


def after(plan: Plan) -> Estate:
    placed = {p.resource_id: p for p in plan.placements}
    retired = {u.resource_id for u in plan.unplaced if u.code == "retired"}
    sites: dict[str, Site] = {}
    for r in plan.inventory.resources:
        if r.id in retired:
            continue
        placement = placed.get(r.id)
        if placement is not None:
            choice = placement.choice
            sites[r.id] = Site(choice.provider, choice.region, choice.monthly_cost)
        else:
            sites[r.id] = Site(r.provider, r.region, current_monthly_eur(r, plan.policy))
    return Estate("after", plan.inventory, plan.policy, sites, plan)
