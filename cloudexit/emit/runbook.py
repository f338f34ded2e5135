"""runbook.md for the people who approve and run the move."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jinja2 import Environment

from cloudexit.catalog.loader import Catalog
from cloudexit.emit.escape import escaped_once, md_text
from cloudexit.emit.jinja import duration
from cloudexit.emit.losses import fixed_groups, losses
from cloudexit.emit.mermaid import dependency_graph, gantt, start_date
from cloudexit.emit.sovereignty import sovereignty_context
from cloudexit.emit.summary import Summary, summarise
from cloudexit.emit.terraform import (
    appliances,
    backend_gaps,
    build_sites,
    data_disks,
    firewall_gaps,
    loose_volumes,
    probe_gaps,
)
from cloudexit.emit.terraform.site import Site
from cloudexit.emit.upgrades import checks_for, version_changes
from cloudexit.emit.waves import Method, Methods, Step, Wave, converted, load_methods, plan_waves
from cloudexit.model.balancer_gaps import BalancerGap, balancer_gaps, noun
from cloudexit.model.coverage import skipped_groups, unread
from cloudexit.model.inventory import Resource
from cloudexit.model.io import write_text_atomic
from cloudexit.model.open_ports import OpenRule, open_rules
from cloudexit.model.plan import Plan
from cloudexit.optimise.follow import FOLLOWING_KINDS


def _copy_time(step: Step) -> str:
    if step.size_unknown:
        return f"{duration(step.transfer_hours)} (assumed {step.data_gib:g} GiB: no size reported)"
    return duration(step.transfer_hours) if step.transfer_hours else "-"


def assumed_copies(waves: list[Wave]) -> dict[str, Any]:
    """How many steps' copy times rest on the policy's assumed size, and the sizes assumed."""
    steps = [s for w in waves for s in w.steps if s.size_unknown]
    return {
        "count": len(steps),
        "sizes": ", ".join(f"{g:g}" for g in sorted({s.data_gib for s in steps})),
    }


def step_rows(steps: list[Step]) -> Iterator[str]:
    """A wave's table rows, one per resource, made here rather than by the template: a row is
    a dozen attribute look-ups and escapes, a template's per-call cost each. Kinds, sites,
    products and methods repeat, so each is escaped once."""
    md = escaped_once(md_text)

    for step in steps:
        r, placement = step.resource, step.placement
        choice = placement.choice
        to = f"{md(choice.provider)}/{md(choice.region)}" + "".join(
            f", {md(c.provider)}/{md(c.region)}" for c in placement.copies or [] if not c.retain
        )
        yield (
            f"| {md_text(r.name)} | {md(r.kind.value)} | {md(r.provider)}/{md(r.region)} | {to} "
            f"| {md(choice.product_name or choice.product or '-')} "
            f"| {_copy_time(step)} "
            f"| {md(step.method.title)} |"
        )


class StepRows:
    """A wave's table rows, made as the runbook is written: at 1,000,000 resources, held at
    once, they were a few hundred megabytes."""

    def __init__(self, steps: list[Step]) -> None:
        self._steps = steps

    def __iter__(self) -> Iterator[str]:
        return step_rows(self._steps)

    def __len__(self) -> int:
        return len(self._steps)


def runbook_context(
    plan: Plan,
    catalog: Catalog,
    env: Environment,
    built: list[Site] | None = None,
    summary: Summary | None = None,
    waves: list[Wave] | None = None,
    methods: Methods | None = None,
    open_found: list[OpenRule] | None = None,
    gaps: list[BalancerGap] | None = None,
    resources: dict[str, Resource] | None = None,
) -> dict[str, Any]:
    """``built``, ``summary``, ``waves``, ``methods``: the plan's Terraform sites, summary and
    waves, and the template folder's methods, when the caller already made them (the report
    reads the same ones); ``open_found``, ``gaps``: its ``open_rules`` and ``balancer_gaps``,
    when planning found them under the names the runbook uses; ``resources``: the plan's
    inventory by id."""
    methods = load_methods(env) if methods is None else methods
    resources = plan.inventory.by_id() if resources is None else resources
    built = build_sites(plan, env, catalog, resources) if built is None else built
    waves = plan_waves(plan, methods, fixed_groups(built), resources) if waves is None else waves
    alternatives: dict[str, dict[str, set[str]]] = defaultdict(
        lambda: {"chosen": set(), "runner_up": set()}
    )
    first_of_kind: dict[str, str] = {}
    # An exit strategy's alternative is another provider: the source cloud is said as such.
    for p in plan.placements:
        first_of_kind.setdefault(p.kind, p.resource_id)
        entry = alternatives[p.kind]
        # A network object built at several sites depends on each site's provider.
        for site in (p.choice, *(p.copies or ())):
            kept = " (kept on the source)" if site.retain else ""
            entry["chosen"].add(f"{site.provider}/{site.region}{kept}")
        if p.runner_up is not None:
            stay = " (staying on the source)" if p.runner_up.retain else ""
            entry["runner_up"].add(f"{p.runner_up.provider}/{p.runner_up.region}{stay}")
    # a database converted to PostgreSQL leaves as PostgreSQL does, not as its source engine's
    first_converted: dict[str, str] = {}
    as_is: set[str] = set()
    for p in plan.placements:
        if converted(resources[p.resource_id], p):
            first_converted.setdefault(p.kind, p.resource_id)
        else:
            as_is.add(p.kind)
    portability: dict[str, Method] = {}
    for kind in sorted(alternatives):
        if kind in as_is:
            portability[kind] = methods.for_kind(resources[first_of_kind[kind]].kind)
        if kind in first_converted:
            label = f"{kind} (converted to PostgreSQL)" if kind in as_is else kind
            portability[label] = methods.for_resource(
                resources[first_converted[kind]], converted=True
            )
    return {
        "plan": plan,
        "resources": resources,
        "summary": summarise(plan, catalog) if summary is None else summary,
        "waves": waves,
        "step_rows": {w.number: StepRows(w.steps) for w in waves},
        "assumed_copies": assumed_copies(waves),
        "total_days": sum(w.duration_days for w in waves),
        "start": start_date(plan),
        "methods": methods,
        "retained": [p for p in plan.placements if p.choice.retain],
        "cost_unknown": {
            p.resource_id
            for p in plan.placements
            if p.kept_with is not None
            and resources[p.resource_id].monthly_cost is None
            and resources[p.resource_id].kind not in FOLLOWING_KINDS
        },
        "alternatives": {
            k: {n: sorted(v) for n, v in alternatives[k].items()} for k in sorted(alternatives)
        },
        "portability": portability,
        "graph": dependency_graph(plan, waves),
        "gantt": gantt(plan, waves),
        "firewall_gaps": firewall_gaps(plan, env, catalog, built),
        "loose_volumes": loose_volumes(plan, env, catalog, built),
        "data_disks": data_disks(plan, env, catalog, built),
        "appliances": appliances(plan, env, catalog, built),
        "open_rules": open_rules(plan.inventory, plan.placements)
        if open_found is None
        else open_found,
        "probe_gaps": probe_gaps(plan, env, catalog, built),
        "balancer_gaps": _balancer_rows(plan, env, catalog, built, gaps, resources),
        "losses": losses(plan, catalog, built, resources),
        "version_changes": version_changes(waves),
        "version_installs": version_changes(waves, installed=True),
        "upgrade_checks": checks_for,
        "unread": unread(plan.inventory.issues),
        "skipped_groups": skipped_groups(plan.inventory.issues),
        **sovereignty_context(plan),
    }


def _balancer_rows(
    plan: Plan,
    env: Environment,
    catalog: Catalog,
    built: list[Site] | None,
    gaps: list[BalancerGap] | None = None,
    resources: dict[str, Resource] | None = None,
) -> list[dict[str, str]]:
    """Per site and balancer (or backend service), what its Terraform lacks: parts of its chain
    the inventory does not hold, then backends the balancer could not name."""
    resources = plan.inventory.by_id() if resources is None else resources
    rows: dict[tuple[str, str], dict[str, str]] = {}
    order: dict[tuple[str, str], tuple[str, str]] = {}
    for gap in balancer_gaps(plan.inventory, plan.placements) if gaps is None else gaps:
        r = resources[gap.resource_id]
        key = (gap.site, gap.resource_id)
        rows[key] = {
            "site": gap.site,
            "balancer": f"{noun(r.type, r.kind.value)} {r.name}",
            "missing": "; ".join(gap.missing),
        }
        order[key] = key
    for row in backend_gaps(plan, env, catalog, built, resources):
        key = (row["site"], row["resource_id"])
        if key in rows:
            rows[key]["missing"] += "; " + row["missing"]
        else:
            rows[key] = {
                "site": row["site"],
                "balancer": f"load balancer {row['balancer']}",
                "missing": row["missing"],
            }
            order[key] = (row["site"], row["balancer"])
    return [rows[k] for k in sorted(rows, key=order.__getitem__)]


def write_runbook(
    plan: Plan,
    out_dir: Path,
    env: Environment,
    catalog: Catalog,
    built: list[Site] | None = None,
    summary: Summary | None = None,
    waves: list[Wave] | None = None,
    methods: Methods | None = None,
    open_found: list[OpenRule] | None = None,
    gaps: list[BalancerGap] | None = None,
    resources: dict[str, Resource] | None = None,
) -> list[Path]:
    path = out_dir / "runbook.md"
    template = env.get_template("runbook/runbook.md.j2")
    context = runbook_context(
        plan, catalog, env, built, summary, waves, methods, open_found, gaps, resources
    )
    write_text_atomic(path, template.generate(**context))
    return [path]
