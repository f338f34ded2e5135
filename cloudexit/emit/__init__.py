"""Artefacts from a plan: plan.json, Terraform, runbook, report. Written whole or not at all."""

from __future__ import annotations

import os
import pickle
import time
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from contextlib import ExitStack

    from jinja2 import Environment

    from cloudexit.catalog.loader import Catalog
    from cloudexit.emit.alongside import Handed
    from cloudexit.emit.outdir import ARTEFACTS, OutputFolder
    from cloudexit.emit.summary import Summary
    from cloudexit.emit.terraform.site import Site
    from cloudexit.model.inventory import Inventory, Resource
    from cloudexit.model.plan import Plan
    from cloudexit.optimise.worked import Worked

__all__ = ["ARTEFACTS", "OutputFolder", "emit"]

# Resolved on first use: `check` escapes its Markdown with cloudexit.emit.escape, and importing
# a submodule runs this file; it should not import Jinja2 and every writer for that.
_LAZY = dict.fromkeys(["ARTEFACTS", "OutputFolder"], "cloudexit.emit.outdir")


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'cloudexit.emit' has no attribute {name!r}")


def emit(
    plan: Plan,
    out_dir: str | Path,
    templates: str | Path | None = None,
    catalog: Catalog | None = None,
    output: OutputFolder | None = None,
    worked: Worked | None = None,
) -> list[Path]:
    """Write every artefact into a staging folder beside ``out_dir``, then swap it in whole.

    ``output`` is the folder a caller already opened (and locked) before the solve; ``worked``
    what planning this plan worked out that the artefacts need again."""
    from jinja2 import TemplateError

    from cloudexit.catalog.loader import load_catalog
    from cloudexit.emit.jinja import make_environment, user_template_error
    from cloudexit.emit.outdir import OutputFolder

    catalog = catalog or load_catalog()
    user = Path(templates) if templates else None
    env = make_environment(user)
    try:
        if output is None:
            with OutputFolder(out_dir) as folder:
                return _publish(plan, folder, env, catalog, worked)
        return _publish(plan, output, env, catalog, worked)
    except TemplateError as exc:
        if user is None:
            raise
        raise user_template_error(exc, user) from None


FORK_FROM = 5000
"""Placements from which the Terraform and plan.json are written by a second process: below,
the fork costs more than it saves."""


def _publish(
    plan: Plan,
    folder: OutputFolder,
    env: Environment,
    catalog: Catalog,
    worked: Worked | None = None,
) -> list[Path]:
    from cloudexit.collector import collection_paused, existing_objects_frozen
    from cloudexit.emit.alongside import can_fork
    from cloudexit.errors import RuntimeFailure

    try:
        # What the writers build (the sites' items, the runbook's and report's rows) is kept
        # until they end and leaves next to no cyclic garbage (116 objects at 100,000
        # resources): the collector's passes over it were a fifth of the writes' CPU.
        with existing_objects_frozen(), collection_paused(), folder.staging() as stage:
            fork = can_fork() and len(plan.placements) >= FORK_FROM
            write_artefacts(plan, stage, env, catalog, fork, worked)
            folder.swap_in(stage)
    except OSError as exc:
        raise RuntimeFailure(
            f"{folder.out}: could not write the artefacts: {exc.strerror or exc}"
        ) from None
    return folder.written()


def write_artefacts(
    plan: Plan,
    stage: Path,
    env: Environment,
    catalog: Catalog,
    fork: bool = False,
    worked: Worked | None = None,
) -> None:
    """Every artefact into ``stage``; ``fork``: plan.json, the Terraform (in two parts) and the
    report each in a process of its own while this one writes the rest (the same bytes either
    way); ``worked``: what planning this plan worked out, read instead of worked out again."""
    from contextlib import ExitStack
    from functools import partial

    from cloudexit.emit.alongside import Handed, alongside
    from cloudexit.emit.plan_json import write_plan
    from cloudexit.emit.terraform import build_sites, edge_warnings, subnet_warnings
    from cloudexit.emit.terraform.shared_subnets import shared_subnet_warnings
    from cloudexit.model.labels import with_readable_names

    made = worked.of(plan) if worked is not None else None
    # The Terraform, runbook and report tell apart resources that share a name.
    inventory = with_readable_names(plan.inventory)
    written = plan
    if inventory is not plan.inventory:
        plan = plan.model_copy(update={"inventory": inventory})
    started = time.monotonic()
    with ExitStack() as stack:
        warnings: Handed | None = None
        summary: Handed | None = None
        if fork:
            # plan.json needs nothing of the sites but the warnings they add, written after its
            # long lists: its process starts now, works out the summary the runbook and the
            # report read and hands it back, and is handed the warnings once the sites are built.
            warnings, summary = Handed(), Handed()
            stack.callback(warnings.close)
            stack.callback(summary.close)
            early = partial(
                _summary_and_plan_json,
                plan,
                written,
                stage,
                catalog,
                warnings,
                summary,
                os.getpid(),
            )
            stack.enter_context(alongside(early, True, stage, needs_block=True))
            summary.only_taken_here()
        resources = inventory.by_id()  # once for every writer in this process
        built = build_sites(plan, env, catalog, resources)  # the Terraform and the runbook's gaps
        found = subnet_warnings(built) + edge_warnings(built) + shared_subnet_warnings(built)
        if found:
            # said where the plan's warnings are read: plan.json, the runbook, the caller's plan
            written.warnings = plan.warnings = sorted({*written.warnings, *found})
        if warnings is not None:
            warnings.give(written.warnings)
        else:
            write_plan(written, stage)
        _write_the_rest(
            plan,
            stage,
            env,
            catalog,
            fork,
            made,
            inventory,
            resources,
            built,
            stack,
            summary,
            started,
        )


def _summary_and_plan_json(
    plan: Plan,
    written: Plan,
    stage: Path,
    catalog: Catalog,
    warnings: Handed,
    summary: Handed,
    parent: int,
) -> None:
    """In the second process: the summary, handed back, then plan.json with the warnings handed
    to it. In this one (the second failed): plan.json only."""
    from cloudexit.emit.plan_json import write_plan
    from cloudexit.emit.summary import summarise

    if os.getpid() != parent:
        summary.give(summarise(plan, catalog))
    write_plan(written, stage, {"warnings": warnings.take})


def _summary(plan: Plan, catalog: Catalog, handed: Handed | None, started: float) -> Summary:
    """The summary the second process handed back, else worked out here. That process is
    waited for four times as long as it has run (``started``: when), and at least ``MIN_WAIT``
    seconds, as ``alongside`` waits."""
    from cloudexit.emit.alongside import MIN_WAIT
    from cloudexit.emit.summary import Summary, summarise

    if handed is not None:
        try:
            given = handed.take(max(MIN_WAIT, 4 * (time.monotonic() - started)))
        except (OSError, EOFError, pickle.UnpicklingError):
            given = None
        if isinstance(given, Summary):
            return given
    return summarise(plan, catalog)


def _write_the_rest(
    plan: Plan,
    stage: Path,
    env: Environment,
    catalog: Catalog,
    fork: bool,
    made: Worked | None,
    inventory: Inventory,
    resources: dict[str, Resource],
    built: list[Site],
    stack: ExitStack,
    handed: Handed | None,
    started: float,
) -> None:
    """The Terraform, the runbook and the report once the sites are built."""
    from functools import partial

    from cloudexit.emit.alongside import alongside
    from cloudexit.emit.losses import fixed_groups
    from cloudexit.emit.report import write_report
    from cloudexit.emit.runbook import write_runbook
    from cloudexit.emit.terraform import write_terraform
    from cloudexit.emit.waves import load_methods, plan_waves, with_methods

    # what planning found under the inventory's names holds where no name changed
    named = made if inventory is plan.inventory else None
    # two processes share the Terraform's sites, heaviest first, so that neither is the
    # last to end by a whole large site
    for part in _parts(built) if fork else [built]:
        write = partial(write_terraform, plan, stage, env, catalog, part)
        stack.enter_context(alongside(write, fork, stage / "terraform"))
    # made once: the runbook and the report read the same summary, methods and waves
    summary = _summary(plan, catalog, handed, started)
    methods = load_methods(env)
    fixed = fixed_groups(built)
    waves = (
        with_methods(made.waves, plan, methods, fixed, resources)
        if made is not None and made.waves is not None
        else plan_waves(plan, methods, fixed, resources)
    )
    # the report in a process of its own while this one writes the runbook
    report = partial(write_report, plan, stage, env, catalog, summary, waves, resources)
    with alongside(report, fork, stage):
        write_runbook(
            plan,
            stage,
            env,
            catalog,
            built,
            summary,
            waves,
            methods,
            named.open_rules if named is not None else None,
            named.balancer_gaps if named is not None else None,
            resources,
        )


def _parts(built: list[Site]) -> list[list[Site]]:
    """The sites in two parts of about the same number of items, each in the order built."""
    parts: list[list[Site]] = [[], []]
    weight = [0, 0]
    for site in sorted(built, key=lambda s: -len(s.items)):
        lighter = weight.index(min(weight))
        parts[lighter].append(site)
        weight[lighter] += len(site.items)
    order = {id(site): n for n, site in enumerate(built)}
    return [sorted(part, key=lambda s: order[id(s)]) for part in parts if part]
