"""What planning worked out that writing the artefacts needs again, handed from one to the other."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cloudexit.emit.waves import Wave
    from cloudexit.model.balancer_gaps import BalancerGap
    from cloudexit.model.inventory import Inventory
    from cloudexit.model.open_ports import OpenRule
    from cloudexit.model.plan import Placement, Plan


@dataclass
class Worked:
    """Made by the caller for one run, filled by the planner, read by ``emit``. Held beside the
    plan, never on it: a plan is a value, compared and copied as such."""

    plan: Plan | None = None
    """the plan the values are for, as the planner returned it"""
    inventory: Inventory | None = None
    placements: list[Placement] | None = None
    waves: list[Wave] | None = None
    """the plan's waves as dating the one-off costs made them (the bundled methods, no fixed
    machine groups, the inventory's own names): which resources move in which wave and when"""
    open_rules: list[OpenRule] | None = None
    """the plan's source firewall rules open to the internet, named as in its inventory"""
    balancer_gaps: list[BalancerGap] | None = None
    """what the plan's balancers lack, named as in its inventory"""

    def of(self, plan: Plan) -> Worked | None:
        """These values when they are ``plan``'s; None for any other plan, or for one whose
        inventory or placements were replaced since."""
        if (
            self.plan is plan
            and self.inventory is plan.inventory
            and self.placements is plan.placements
        ):
            return self
        return None
