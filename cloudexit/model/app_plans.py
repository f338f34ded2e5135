"""Which App Service plan each Azure web or function app runs on, when the export does not say.

Azure bills the plan; its apps cost nothing more (``cloudexit.model.parts`` folds an app into
the plan it names). An un-expanded resource list carries no properties, so an app may name no
plan (no ``serverFarmId``), or name one the export does not hold. Planned beside the plan, such
an app would be built and paid for as a second machine. So:

- an app naming no plan, with exactly one plan of its own name in its resource group (the
  portal's default when both are made together), is taken as running on that plan, and the plan
  says so: an assumption the plan's warnings name;
- apps naming one plan the inventory does not hold are one machine, not one each: the first
  stands for the plan, the others run on it;
- an app naming no plan and matching none keeps a machine of its own, and says which plans of
  its resource group it may run on (counted twice if it does).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from cloudexit.model.inventory import Inventory, Resource

if TYPE_CHECKING:
    from cloudexit.model.plan import Placement, Unplaced

SITES = "microsoft.web/sites"
PLANS = "microsoft.web/serverfarms"
NAMED_PLAN = "service_plan"
"""Detail key of an app: the id of the plan the source says it runs on."""
TAKEN_BY_NAME = "apps_assumed_by_name"
"""Detail key of a plan: the apps taken as running on it because they share its name."""
PLAN_UNHELD = "plan_not_in_inventory"
"""Detail key of an app left on its own: the plan it names (absent here), or '' for none."""
MAYBE_ON = "plans_in_resource_group"
"""Detail key of an app naming no plan: the plans of its resource group it may run on."""


def resource_group(arm_id: str) -> str:
    """The resource group an Azure id sits in, lower-cased."""
    return arm_id.lower().split("/resourcegroups/", 1)[-1].split("/", 1)[0]


def _named_plan(app: Resource, resources: Mapping[str, Resource]) -> str | None:
    held = [d for d in app.depends_on if d in resources and resources[d].type.lower() == PLANS]
    if held:
        return held[0]
    named = app.attributes.details.get(NAMED_PLAN)
    return named if isinstance(named, str) and named else None


def host_apps(resources: dict[str, Resource]) -> dict[str, str]:
    """Decide the plan of every app whose plan the inventory does not hold or the export does not
    name; record each decision in details. Returns app id -> id of the resource that carries its
    machine (a plan taken by name, or the first app on the same absent plan)."""
    plans: dict[tuple[str, str], list[Resource]] = {}
    for r in resources.values():
        if r.type.lower() == PLANS:
            plans.setdefault((r.account, resource_group(r.id)), []).append(r)
    host: dict[str, str] = {}
    on_absent: dict[str, list[str]] = {}
    for rid in sorted(resources):
        app = resources[rid]
        if app.type.lower() != SITES:
            continue
        named = _named_plan(app, resources)
        if named is not None and named in resources:
            continue
        if named is not None:
            on_absent.setdefault(named, []).append(rid)
            app.attributes.details[PLAN_UNHELD] = named
            continue
        group = plans.get((app.account, resource_group(rid)), [])
        same = [p for p in group if p.name.lower() == app.name.lower()]
        if len(same) == 1:
            plan = same[0]
            host[rid] = plan.id
            app.depends_on = sorted({*app.depends_on, plan.id})
            taken = plan.attributes.details.get(TAKEN_BY_NAME)
            plan.attributes.details[TAKEN_BY_NAME] = sorted(
                {*(taken if isinstance(taken, list) else []), app.name}
            )
            continue
        app.attributes.details[PLAN_UNHELD] = ""
        if group:
            app.attributes.details[MAYBE_ON] = sorted(p.name for p in group)
    for apps in on_absent.values():
        for rid in apps[1:]:
            host[rid] = apps[0]
    return host


def _outcome(
    rid: str, placed: Mapping[str, Placement], unplaced: Mapping[str, Unplaced], planned: str
) -> str:
    """What the plan did with the machine standing for an app's plan: ``planned`` where a target
    runs it, else what happened instead."""
    placement = placed.get(rid)
    if placement is not None and not placement.choice.retain:
        return planned
    if placement is not None:
        return "kept on the source: no target was chosen for it"
    if rid in unplaced:
        return "not planned: no target could place it (the plan's unplaced list says why)"
    return "not planned: the plan holds no placement for it"


def app_plan_warnings(
    inventory: Inventory,
    placements: Iterable[Placement] = (),
    unplaced: Iterable[Unplaced] = (),
) -> list[str]:
    """One line per assumption on an app's plan, every inventory value one visible line, each
    saying what the plan did with the machine the assumption is about."""
    # Imported here: the emit package imports the model.
    from cloudexit.emit.escape import visible

    placed = {p.resource_id: p for p in placements}
    left = {u.resource_id: u for u in unplaced}
    lines = []
    for r in inventory.resources:
        details = r.attributes.details
        taken = details.get(TAKEN_BY_NAME)
        if r.type.lower() == PLANS and isinstance(taken, list) and taken:
            one = len(taken) == 1
            planned = (
                f"planned on the plan's machine, not on one of {'its' if one else 'their'} own"
            )
            lines.append(
                f"App Service plan {visible(r.name)} ({visible(r.id)}) is taken to run "
                f"{'app' if one else 'apps'} {visible(', '.join(str(t) for t in taken))}: the "
                f"export names no plan for {'it' if one else 'them'} (no serverFarmId), and this "
                f"plan shares {'its' if one else 'their'} name and resource group; "
                f"{_outcome(r.id, placed, left, planned)} (confirm it, or import an export with "
                "properties)"
            )
        unheld = details.get(PLAN_UNHELD)
        if r.type.lower() != SITES or not isinstance(unheld, str):
            continue
        if unheld:
            others = [
                m
                for m in r.members
                if m.lower().split("/providers/", 1)[-1].startswith("microsoft.web/sites/")
            ]
            sharing = (
                f" (it stands for {len(others) + 1} apps on that plan: "
                f"{visible(', '.join([r.name, *(o.rsplit('/', 1)[-1] for o in others)]))})"
                if others
                else ""
            )
            lines.append(
                f"app {visible(r.name)} ({visible(r.id)}) runs on App Service plan "
                f"{visible(unheld.rsplit('/', 1)[-1])} ({visible(unheld)}), which this inventory "
                "does not hold: "
                + _outcome(
                    r.id, placed, left, "planned as one machine of unknown size for the plan"
                )
                + f"{sharing}; import the plan to size it"
            )
        else:
            maybe = details.get(MAYBE_ON)
            where = (
                f"; if it runs on {visible(', '.join(str(m) for m in maybe))} of its resource "
                "group, that machine is counted twice"
                if isinstance(maybe, list) and maybe
                else ""
            )
            lines.append(
                f"app {visible(r.name)} ({visible(r.id)}) names no App Service plan (the export "
                "carries no serverFarmId): "
                + _outcome(r.id, placed, left, "planned as a machine of its own on an unknown plan")
                + f"{where}; import an export with properties to know its plan"
            )
    return lines
