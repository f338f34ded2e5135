"""What a migrated resource does on the source that its target does not, for the runbook.

The mapping of each kind to each target names what the target lacks (``loses``, and
``loses_from`` for what only one source cloud's resources lose), graded per
resource where a resource's tier adds more (an inspecting firewall). A machine group whose
target group resource has no template is written as fixed servers, so its autoscaling is lost
whatever the mapping says the target could do.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from cloudexit.catalog.loader import Catalog
from cloudexit.emit.terraform.site import Site
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Plan
from cloudexit.optimise.inspection import graded_for, vm_mapping

NAMED = 3


def fixed_groups(built: list[Site]) -> frozenset[str]:
    """Ids of the machine groups written as fixed servers (their group type has no template)."""
    return frozenset(
        item.resource.id
        for site in built
        for item in site.items
        if item.resource.kind == Kind.VM_GROUP and item.note
    )


"""Resources named per row; the rest are counted."""


def _fixed_groups(built: list[Site], names: dict[str, str]) -> dict[tuple[str, str], str]:
    """(resource id, site) -> what the Terraform loses of it beyond the mapping: a machine
    group written as fixed servers, a read replica written as a database of its own."""
    fixed = {}
    for site in built:
        for item in site.items:
            primary = item.resource.attributes.details.get("replica_of")
            if isinstance(primary, str) and item.primary is None:
                fixed[(item.resource.id, f"{site.provider}/{site.region}")] = (
                    f"replication from its primary {names.get(primary, primary)}: written as a "
                    "database of its own; make it a replica of the primary on the target "
                    "by hand, or drop it"
                )
            if item.resource.kind == Kind.VM_GROUP and item.note:
                fixed[(item.resource.id, f"{site.provider}/{site.region}")] = (
                    f"autoscaling: written as {item.machines} fixed {item.rtype} "
                    "(the target's group resource is not written); scale by hand or with your "
                    "own tooling"
                )
    return fixed


def losses(
    plan: Plan,
    catalog: Catalog,
    built: list[Site],
    resources: Mapping[str, Resource] | None = None,
) -> list[dict[str, str | int]]:
    """Rows of target, kind, what is lost, how many resources, the first few named and whether
    more are left unnamed (``resources``: the plan's inventory by id, when the caller has it)."""
    resources = plan.inventory.by_id() if resources is None else resources
    fixed = _fixed_groups(built, {r.id: r.name for r in resources.values()})
    named: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for p in plan.placements:
        if p.choice.retain:
            continue
        resource = resources.get(p.resource_id)
        mapping = catalog.kinds.get(resource.kind) if resource is not None else None
        if resource is None or mapping is None:
            continue
        site = f"{p.choice.provider}/{p.choice.region}"
        provider = p.choice.provider
        target = graded_for(resource, mapping.targets.get(provider), vm_mapping(catalog, provider))
        lost = (
            [*target.loses, *target.loses_from.get(resource.provider, [])]
            if target is not None
            else []
        )
        if (resource.id, site) in fixed:
            extra = fixed[(resource.id, site)]
            kept = (x for x in lost if "scaling" not in x) if "autoscaling" in extra else lost
            lost = [extra, *kept]
        for what in lost:
            named[(p.choice.provider, resource.kind.value, what)].append(resource.name)
    return [
        {
            "target": provider,
            "kind": kind,
            "lost": what,
            "count": len(names),
            "names": ", ".join(sorted(names)[:NAMED]),
            "more": len(names) > NAMED,
        }
        for (provider, kind, what), names in sorted(named.items())
    ]
