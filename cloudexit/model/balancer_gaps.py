"""What a source balancer's chain lacks in the inventory, and backend services no balancer uses.

A GCP balancer is a chain (forwarding rule -> target proxy -> URL map -> backend service ->
instance groups); an export may hold only part of it. The part held is built as one balancer
(``cloudexit.model.parts``); what the chain names but the inventory does not hold, a balancer
without a listener, and a backend service nothing in the inventory puts behind a balancer are
said, never made up: the plan warns and the runbook lists them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.parts import (
    BACKENDS_UNKNOWN_AT_PLAN,
    UNHELD,
    UNKNOWN_AT_PLAN,
    chain_rank,
    strings_of,
)
from cloudexit.model.plan import Placement


@dataclass(frozen=True, order=True)
class BalancerGap:
    """One balancer or backend service and what its Terraform cannot hold, at a target site."""

    site: str
    name: str
    resource_id: str
    missing: tuple[str, ...]


def short(ref: str) -> str:
    """A reference as its collection and name ('targetHttpProxies/web')."""
    return "/".join(ref.rstrip("/").split("/")[-2:])


def unused_backends(inventory: Inventory) -> set[str]:
    """Target groups and backend services that no balancer of the inventory depends on."""
    used = {d for r in inventory.resources if r.kind is Kind.LOAD_BALANCER for d in r.depends_on}
    return {r.id for r in inventory.resources if r.kind is Kind.TARGET_GROUP and r.id not in used}


def without_front(inventory: Inventory) -> dict[str, str]:
    """GCP chains that no forwarding rule heads, by id, with what heads them ('target HTTP
    proxy'). GCP bills a balancer by its forwarding rules: with none in front a chain carries no
    traffic. Where a planned forwarding rule's target is unknown until apply and no reference
    joins it, it may front any of them, and none is said to carry nothing."""
    ranks = {r.id: chain_rank(r) for r in inventory.resources}
    if any(
        ranks[r.id] == 0 and r.attributes.details.get(UNKNOWN_AT_PLAN) for r in inventory.resources
    ):
        return {}
    return {
        r.id: _WHAT.get(r.type.lower().rsplit("/", 1)[-1].replace("_", ""), "chain part")
        for r in inventory.resources
        if ranks[r.id] in (1, 2) and not r.attributes.details.get(UNKNOWN_AT_PLAN)
    }


# a chain head's type, its provider prefix and underscores taken off, as the source calls it
_WHAT = {
    **{
        f"{region}target{kind}proxy": f"target {kind.upper()} proxy"
        for region in ("", "region", "googlecomputeregion", "googlecompute")
        for kind in ("http", "https", "ssl", "tcp")
    },
    "targetinstance": "target instance",
    "googlecomputetargetinstance": "target instance",
    **{f"{p}urlmap": "URL map" for p in ("", "region", "googlecompute", "googlecomputeregion")},
}


def no_traffic_reason(what: str) -> str:
    """Why a chain no forwarding rule heads is not built."""
    return (
        f"no forwarding rule in the inventory sends traffic to this {what}: GCP bills a balancer "
        "by its forwarding rules, and with none in front it carries no traffic, so it is not "
        "built or charged on the target; if a forwarding rule outside the inventory names it, "
        "build it with that rule's balancer"
    )


def missing_parts(
    resource: Resource,
    unused: set[str],
    names: dict[str, str],
    unread: tuple[str, ...] = (),
) -> list[str]:
    """What the inventory lacks to build ``resource`` (a balancer or a backend service) whole;
    ``unread``: what the import could not read of its own parts (a listener without a port)."""
    unknown = strings_of(resource.attributes.details.get(UNKNOWN_AT_PLAN))
    cut = (
        [
            "not joined to the rest of its chain (planned and priced on its own, so the "
            "balancers priced for such parts are an upper bound), whose links are unknown until "
            "the plan is applied, named by no reference of the configuration and not told apart "
            "by elimination: " + ", ".join(unknown)
        ]
        if unknown and resource.kind in (Kind.TARGET_GROUP, Kind.LOAD_BALANCER)
        else []
    )
    backends = strings_of(resource.attributes.details.get(BACKENDS_UNKNOWN_AT_PLAN))
    if backends and resource.kind in (Kind.TARGET_GROUP, Kind.LOAD_BALANCER):
        cut.append(
            "its backends are unknown until the plan is applied and named by no reference of "
            "the configuration: " + ", ".join(backends)
        )
    if resource.kind is Kind.TARGET_GROUP:
        if resource.id not in unused:
            return cut
        backends = sorted(names.get(d, short(d)) for d in resource.depends_on)
        held = f"; its backends: {', '.join(backends)}" if backends else "; it names no backend"
        front = (
            "its URL map, proxy or forwarding rule"
            if resource.provider == "gcp"
            else "its balancer"
        )
        what = (
            "no balancer in the inventory is joined to it"
            if unknown
            else f"no balancer in the inventory uses it ({front} is not in the export)"
        )
        return [*cut, f"{what}, so nothing is written for it{held}"]
    if resource.kind is not Kind.LOAD_BALANCER:
        return []
    out = cut
    unheld = resource.attributes.details.get(UNHELD)
    if isinstance(unheld, list) and unheld:
        out.append(
            "not in the inventory, so not written: " + ", ".join(short(str(ref)) for ref in unheld)
        )
    about_listeners = [problem for problem in unread if "listener" in problem]
    if not resource.topology.listeners and about_listeners:
        out.append(
            "no listener could be read from the export (not translated: "
            f"{'; '.join(about_listeners)}): its ports are unknown"
        )
    elif not resource.topology.listeners:
        out.append(
            "no listener: no forwarding rule in the inventory gives its address and ports"
            if resource.provider == "gcp"
            else "no listener in the inventory: its ports are unknown"
        )
    return out


def unread_parts(
    inventory: Inventory, resources: Mapping[str, Resource] | None = None
) -> dict[str, tuple[str, ...]]:
    """Per resource, the parts of it the import recorded as not translated, as said there less
    the resource's own type in front and the closing ': not translated'."""
    resources = inventory.by_id() if resources is None else resources
    found: dict[str, list[str]] = {}
    for issue in inventory.issues:
        rid = issue.resource_id
        if issue.code != "unsupported_rule" or rid is None or rid not in resources:
            continue
        text = issue.message.removesuffix(": not translated")
        text = text.removeprefix(f"{resources[rid].type} ")
        found.setdefault(rid, []).append(text)
    return {rid: tuple(sorted(texts)) for rid, texts in found.items()}


def balancer_gaps(
    inventory: Inventory,
    placements: list[Placement],
    resources: Mapping[str, Resource] | None = None,
) -> list[BalancerGap]:
    """Every balancer or backend service the plan moves that cannot be built whole, per site."""
    resources = inventory.by_id() if resources is None else resources
    unused = unused_backends(inventory)
    names = {r.id: r.name for r in inventory.resources}
    unread = unread_parts(inventory, resources)
    found = set()
    for placement in placements:
        resource = resources[placement.resource_id]
        missing = missing_parts(resource, unused, names, unread.get(resource.id, ()))
        if not missing:
            continue
        for choice in [placement.choice, *(placement.copies or [])]:
            if not choice.retain:
                found.add(
                    BalancerGap(
                        f"{choice.provider}/{choice.region}",
                        resource.name,
                        resource.id,
                        tuple(missing),
                    )
                )
    return sorted(found)


def noun(resource_type: str, kind: str) -> str:
    """What the source calls it: a GCP target pool or backend service, else a target group."""
    native = resource_type.lower()
    if kind != Kind.TARGET_GROUP.value:
        return "load balancer"
    if "targetpool" in native or "target_pool" in native:
        return "target pool"
    if "backendservice" in native or "backend_service" in native:
        return "backend service"
    return "target group"


def balancer_gap_warnings(
    inventory: Inventory,
    placements: list[Placement],
    found: list[BalancerGap] | None = None,
    resources: Mapping[str, Resource] | None = None,
) -> list[str]:
    """One line each, every inventory value one visible line; ``found``: ``balancer_gaps`` of
    the same, when the caller already has them."""
    # Imported here: the emit package imports this module for the runbook.
    from cloudexit.emit.escape import visible

    resources = inventory.by_id() if resources is None else resources
    return [
        f"{noun(resources[g.resource_id].type, resources[g.resource_id].kind.value)} "
        f"{visible(g.name)} ({visible(g.resource_id)}) on {visible(g.site)} is incomplete in the "
        f"inventory: {visible('; '.join(g.missing))} (the runbook lists it to complete by hand)"
        for g in (balancer_gaps(inventory, placements, resources) if found is None else found)
    ]
