"""What `check` and `drill` are run on: an inventory (the estate today) or a plan (once carried out)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from cloudexit.dependence.estate import Estate, Site, after, before
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.io import load_inventory, load_policy, read_json, validate
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from cloudexit.optimise.today import current_monthly_eur


@dataclass(frozen=True)
class Subject:
    estate: Estate
    policy: Policy

    @property
    def inventory(self) -> Inventory:
        return self.estate.inventory

    @property
    def plan(self) -> Plan | None:
        return self.estate.plan


def load_subject(path: Path, policy_path: Path | None) -> Subject:
    """A plan.json (recognised by its placements) or inventory.json files. The policy given wins;
    a plan otherwise brings its own."""
    data = read_json(path)
    if isinstance(data, dict) and "placements" in data and "inventory" in data:
        plan = validate(Plan, data, path)
        return Subject(after(plan), load_policy(policy_path) if policy_path else plan.policy)
    policy = load_policy(policy_path)
    return Subject(before(load_inventory(path), policy), policy)


def with_created(estate: Estate, created: list[Resource]) -> Estate:
    """The estate once a change has created these resources, each on its own provider and region."""
    known = {r.id for r in estate.inventory.resources}
    fresh = [r for r in created if r.id not in known]
    inventory = Inventory(
        generated_at=estate.inventory.generated_at,
        sources=estate.inventory.sources,
        resources=[*estate.inventory.resources, *fresh],
        issues=estate.inventory.issues,
    )
    sites = dict(estate.sites)
    for r in fresh:
        cost: Decimal | None = current_monthly_eur(r, estate.policy)
        sites[r.id] = Site(r.provider, r.region, cost)
    return Estate(estate.stage, inventory, estate.policy, sites, estate.plan)
