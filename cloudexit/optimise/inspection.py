"""A firewall tier whose inspection no target security group gives.

Azure Firewall Premium adds IDPS and TLS inspection to the Standard tier; a security group
filters by address and port only, so it keeps the Standard part and none of what Premium adds.
"""

from __future__ import annotations

from cloudexit.catalog.schema import TargetMapping
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind

LOST = "Azure Firewall Premium's IDPS and TLS inspection: no security group does either"


def inspects(resource: Resource) -> bool:
    """A firewall on a tier that inspects traffic (Azure Firewall Premium)."""
    if resource.kind is not Kind.FIREWALL:
        return False
    tier = resource.attributes.details.get("sku_tier")
    return isinstance(tier, str) and tier.lower() == "premium"


def graded_for(resource: Resource, target: TargetMapping | None) -> TargetMapping | None:
    """The mapping as it holds for this resource: an inspecting firewall loses what it adds."""
    if target is None or not inspects(resource) or target.fidelity in ("self_managed", "none"):
        return target
    return target.model_copy(update={"fidelity": "none", "loses": [LOST, *target.loses]})
