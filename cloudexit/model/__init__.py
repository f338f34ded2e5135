"""Typed models of the pipeline's files: inventory, policy, plan."""

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
