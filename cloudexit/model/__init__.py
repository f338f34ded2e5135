"""Typed models of the pipeline's files: inventory, policy, plan.

Names resolve on first use: a module that needs only ``Kind`` (the catalogue schema does)
should not pay for building the inventory, policy and plan models."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cloudexit.model.inventory import (
        INVENTORY_SCHEMA_VERSION,
        Attributes,
        CollectionIssue,
        Inventory,
        MonthlyCost,
        Resource,
        Source,
        Utilisation,
    )
    from cloudexit.model.kinds import DATA_KINDS, Kind
    from cloudexit.model.money import Money
    from cloudexit.model.plan import Placement, Plan, SolveStatus, Unplaced
    from cloudexit.model.policy import Policy

_LAZY = {
    **dict.fromkeys(
        [
            "INVENTORY_SCHEMA_VERSION",
            "Attributes",
            "CollectionIssue",
            "Inventory",
            "MonthlyCost",
            "Resource",
            "Source",
            "Utilisation",
        ],
        "cloudexit.model.inventory",
    ),
    **dict.fromkeys(["DATA_KINDS", "Kind"], "cloudexit.model.kinds"),
    "Money": "cloudexit.model.money",
    **dict.fromkeys(["Placement", "Plan", "SolveStatus", "Unplaced"], "cloudexit.model.plan"),
    "Policy": "cloudexit.model.policy",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'cloudexit.model' has no attribute {name!r}")


__all__ = [
    "DATA_KINDS",
    "INVENTORY_SCHEMA_VERSION",
    "Attributes",
    "CollectionIssue",
    "Inventory",
    "Kind",
    "Money",
    "MonthlyCost",
    "Placement",
    "Plan",
    "Policy",
    "Resource",
    "SolveStatus",
    "Source",
    "Unplaced",
    "Utilisation",
]
