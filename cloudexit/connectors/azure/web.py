"""App Service plans, web apps and function apps."""

from __future__ import annotations

from cloudexit.connectors.azure.registry import Facts, arm_id, declare
from cloudexit.model.app_plans import NAMED_PLAN
from cloudexit.model.kinds import Kind


def _os(kind: str, reserved: object) -> str:
    return "linux" if "linux" in kind or reserved is True else "windows"


def service_plan(facts: Facts) -> None:
    kind = (facts.item.get("kind") or "").lower()
    facts.size(facts.sku())
    facts.set(
        node_count=int(facts.sku("capacity") or 0) or None,
        os=_os(kind, facts.prop("reserved")),
        state=(facts.prop("status") or "").lower() or None,
    )
    facts.details.update(
        {
            k: v
            for k, v in (("tier", facts.sku("tier")), ("sites", facts.prop("numberOfSites")))
            if v
        }
    )
    facts.details.pop("size_unresolved", None)


def _tagged_plan(tags: object) -> str | None:
    """A resource list carries no properties: the portal's ``hidden-related:<plan id>`` tag is
    then the only word on the plan an app runs in."""
    plans = [
        key.split(":", 1)[1]
        for key in (tags if isinstance(tags, dict) else {})
        if isinstance(key, str)
        and key.lower().startswith("hidden-related:")
        and "/providers/microsoft.web/serverfarms/" in key.lower()
    ]
    return plans[0] if len(plans) == 1 else None


def site(facts: Facts) -> None:
    kind = (facts.item.get("kind") or "").lower()
    if "functionapp" in kind:
        facts.kind = Kind.FUNCTION
    runtime = facts.prop("siteConfig.linuxFxVersion") or facts.prop("siteConfig.windowsFxVersion")
    facts.set(
        os=_os(kind, facts.prop("reserved")), state=(facts.prop("state") or "").lower() or None
    )
    facts.details.update(
        {
            k: v
            for k, v in (
                ("runtime", runtime or None),
                ("host_names", sorted(facts.prop("hostNames") or [])),
                ("plan_sku", facts.prop("sku")),
                ("https_only", facts.prop("httpsOnly")),
            )
            if v not in (None, [], "")
        }
    )
    plan = arm_id(facts.prop("serverFarmId") or _tagged_plan(facts.item.get("tags")))
    if plan:
        # kept beside depends_on, which drops what the inventory does not hold
        facts.details[NAMED_PLAN] = plan
    facts.depend(plan)
    facts.depend(facts.prop("virtualNetworkSubnetId"))


TYPES = [
    declare("microsoft.web/serverfarms", "2023-12-01", service_plan),
    declare("microsoft.web/sites", "2023-12-01", site),
]
