"""Placement: candidates per resource, units of identical resources, a MILP over them."""

from __future__ import annotations

from cloudexit.catalog.loader import Catalog
from cloudexit.model.inventory import Inventory
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from cloudexit.optimise.worked import Worked


def plan(
    inventory: Inventory, catalog: Catalog, policy: Policy, frontier: int = 0, label: str = "policy"
) -> Plan:
    """The cost- and risk-minimal plan; see plan_timed for the solve time as well. ``label``
    names the policy in the one-line errors of values the catalogue cannot honour."""
    from cloudexit.optimise.planner import plan as _plan

    return _plan(inventory, catalog, policy, frontier, label=label)[0]


def plan_timed(
    inventory: Inventory,
    catalog: Catalog,
    policy: Policy,
    frontier: int = 0,
    label: str = "policy",
    worked: Worked | None = None,
) -> tuple[Plan, float]:
    """``worked``: filled with what writing the plan's artefacts needs again, for ``emit``."""
    from cloudexit.optimise.planner import plan as _plan

    return _plan(inventory, catalog, policy, frontier, label=label, worked=worked)


__all__ = ["Worked", "plan", "plan_timed"]
