"""Inventories from exports a team already has: Terraform, AWS Config, Resource Graph, CAI, CSV.

    from cloudexit.importers import import_files
    inventory = import_files(["terraform.tfstate", "servers.csv"])

Each file's format is detected (or given), each resource either imported or reported as
skipped with its reason, and the result is the same Inventory a live scan produces.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from pathlib import Path

from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.connectors.aws.route_tables import associate_route_tables
from cloudexit.connectors.common import Billing, today_cost
from cloudexit.errors import InputError
from cloudexit.importers.context import ImportContext
from cloudexit.importers.detect import FORMATS, detect
from cloudexit.model.boot_disks import link_boot_disks
from cloudexit.model.data_disks import drop_held_disks
from cloudexit.model.firewall_rules_held import (
    AMBIGUOUS_GROUPS,
    UNHELD_GROUPS,
    is_security_group_id,
)
from cloudexit.model.inventory import CollectionIssue, Inventory, Resource, Source
from cloudexit.model.members import fold_issues

_MODULES = {
    "terraform-json": "terraform_json",
    "tfstate": "tfstate",
    "aws-config": "aws_config",
    "aws-cli": "aws_cli",
    "resource-graph": "resource_graph",
    "cloud-asset": "cloud_asset",
    "migrate-csv": "migrate_csv",
}

__all__ = ["FORMATS", "detect", "import_file", "import_files"]


def _reader(fmt: str) -> Callable[[ImportContext], None]:
    module = importlib.import_module(f"cloudexit.importers.{_MODULES[fmt]}")
    reader: Callable[[ImportContext], None] = module.read
    return reader


def import_file(
    path: str | Path,
    format: str | None = None,
    planned: bool = False,
    catalog: Catalog | None = None,
) -> ImportContext:
    """Import one file; the returned context holds its resources, issues and skipped count.
    A file cut short after some resources keeps them, with an ``unreadable`` issue."""
    path = Path(path)
    if format is not None and format not in FORMATS:
        raise InputError(f"unknown format {format!r}; known: {', '.join(FORMATS)}")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    fmt = format or detect(path)
    ctx = ImportContext(path=path, format=fmt, catalog=catalog or load_catalog(), planned=planned)
    try:
        _reader(fmt)(ctx)
    except InputError as exc:
        ctx.fault = exc
    if ctx.fault is not None:
        if not ctx.resources:
            raise ctx.fault
        ctx.issue(
            "unreadable",
            f"{ctx.fault}; what came before it is kept",
        )
    if format is not None and not ctx.resources and not ctx.skipped:
        _refuse_forced(path, format)
    return ctx


def _refuse_forced(path: Path, format: str) -> None:
    """A format given by hand that reads nothing at all is a wrong guess, not an empty export."""
    try:
        found = detect(path)
    except InputError:
        found = None
    if found is not None and found != format:
        raise InputError(
            f"{path}: --format {format} finds nothing here; the file looks like {found}"
        )
    if found is None:
        raise InputError(f"{path}: --format {format} finds no resource in this file")


def import_files(
    paths: Iterable[str | Path],
    format: str | None = None,
    planned: bool = False,
    catalog: Catalog | None = None,
) -> Inventory:
    """Import every file into one inventory; a resource found in two files is kept once.

    A file that cannot be read, or is cut short, does not lose the others: what was read is
    kept and an ``unreadable`` issue names the file and the fault. Only when nothing at all
    could be read is the first fault raised."""
    chosen = [Path(p) for p in paths]
    if not chosen:
        raise InputError("no file to import")
    catalog = catalog or load_catalog()
    resources: dict[str, Resource] = {}
    issues: list[CollectionIssue] = []
    sources: list[Source] = []
    failed: list[InputError] = []
    for path in chosen:
        try:
            ctx = import_file(path, format, planned, catalog)
        except InputError as exc:
            failed.append(exc)
            issues.append(
                CollectionIssue(
                    code="unreadable", message=str(exc), source="import", scope=path.name
                )
            )
            continue
        kept = _merge(ctx, resources)
        issues.extend(ctx.issues)
        sources.append(Source(kind=ctx.source, location=path.name, resources=kept))
    if failed and not resources:
        raise failed[0]
    link_across(resources)
    associate_route_tables(resources)
    drop_held_disks(resources)
    link_boot_disks(resources)
    issues.extend(fold_issues(resources, "import"))
    price_today(resources.values(), catalog)
    return Inventory(sources=sources, resources=list(resources.values()), issues=issues)


def price_today(resources: Iterable[Resource], catalog: Catalog) -> None:
    """Today's list price, as a scan of the same resource would give it, for resources an export
    states no cost for. One a plan would create gets the price it would run at once created: the
    plan then compares the move with building it as planned, and says so."""
    for resource in resources:
        if resource.monthly_cost is not None:
            continue
        if resource.provider == "aws":
            # imported here: the AWS package loads every describer, which other imports never use
            from cloudexit.connectors.aws.pricing import monthly_cost

            resource.monthly_cost = monthly_cost(resource, catalog)
        else:
            billing = _billing(resource.provider)
            resource.monthly_cost = today_cost(catalog, resource.provider, resource, billing)


def _billing(provider: str) -> Billing | None:
    """What the provider bills a resource as; its module is loaded when one of its resources is."""
    if provider not in ("azure", "gcp"):
        return None
    module = importlib.import_module(f"cloudexit.connectors.{provider}.pricing")
    billed: Billing = module.billed
    return billed


def _tail(resource_id: str) -> str:
    return resource_id.replace(":", "/").rsplit("/", 1)[-1].lower()


def _adopt_arns(resources: dict[str, Resource]) -> None:
    """A resource imported without its account (`aws ec2 describe-volumes` does not print it)
    takes the full ARN another file's resource names it by, when exactly one ARN does: its id
    and account then equal what a live scan reports."""
    tails: dict[str, list[str]] = {}
    for rid in resources:
        tails.setdefault(_tail(rid), []).append(rid)
    named: dict[str, set[str]] = {}
    for resource in resources.values():
        for dep in resource.depends_on:
            if dep in resources or not dep.startswith("arn:") or dep.count(":") < 5:
                continue
            candidates = tails.get(_tail(dep), [])
            if len(candidates) == 1 and not candidates[0].startswith("arn:"):
                named.setdefault(candidates[0], set()).add(dep)
    for old, arns in sorted(named.items()):
        if len(arns) != 1:
            continue
        (arn,) = arns
        resource = resources.pop(old)
        resource.id = arn
        resource.account = arn.split(":")[4] or resource.account
        if resource.region in ("", "unknown"):
            resource.region = arn.split(":")[3] or resource.region
        resources[arn] = resource


def link_across(resources: dict[str, Resource]) -> None:
    """Dependencies resolved across every imported file: an id held by another file, or one
    written differently (an ARN without the account the CLI output did not print, a native id)
    whose last segment names exactly one imported resource, or a nested ARM resource (a subnet)
    whose parent is imported, or a link by name to a resource whose id ends in its number (a
    Cloud Asset name can). Links that name nothing imported are dropped; dropped security groups
    are kept under ``UNHELD_GROUPS``, since the target then writes none of their rules, and
    those whose last segment names several imported groups under ``AMBIGUOUS_GROUPS``."""
    _adopt_arns(resources)
    tails: dict[str, list[str]] = {}
    for rid in resources:
        tails.setdefault(_tail(rid), []).append(rid)
    by_name: dict[str, list[str]] = {}
    for rid, r in resources.items():
        if "/" in rid and r.name and not rid.endswith(f"/{r.name}"):
            by_name.setdefault(f"{rid.rsplit('/', 1)[0]}/{r.name}".lower(), []).append(rid)
    for resource in resources.values():
        linked: set[str] = set()
        unheld: set[str] = set()
        ambiguous: set[str] = set()
        for dep in resource.depends_on:
            if dep in resources:
                linked.add(dep)
                continue
            owner = _arm_owner(dep, resources)
            if owner:
                linked.add(owner)
                continue
            candidates = tails.get(_tail(dep), []) or by_name.get(dep.lower(), [])
            if len(candidates) == 1:
                linked.add(candidates[0])
            elif is_security_group_id(dep):
                (ambiguous if candidates else unheld).add(dep)
        linked.discard(resource.id)
        if unheld:
            resource.attributes.details[UNHELD_GROUPS] = sorted(unheld)
        if ambiguous:
            resource.attributes.details[AMBIGUOUS_GROUPS] = sorted(ambiguous)
        resource.depends_on = sorted(linked)


def _arm_owner(dep: str, resources: dict[str, Resource]) -> str | None:
    """The nearest imported parent of a nested ARM id (``.../virtualnetworks/v/subnets/s`` -> v)."""
    if not dep.startswith("/subscriptions/"):
        return None
    path = dep
    while path.count("/") > 8:
        path = path.rsplit("/", 2)[0]
        if path in resources:
            return path
    return None


def _merge(ctx: ImportContext, resources: dict[str, Resource]) -> int:
    kept = 0
    for resource in ctx.resources:
        if resource.id in resources:
            ctx.skip(
                resource.id, resource.type, "already imported from an earlier file", resource.name
            )
            continue
        resources[resource.id] = resource
        kept += 1
    return kept
