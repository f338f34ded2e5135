"""The AWS scan: accounts x regions x resource types over bounded thread pools."""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.connectors.aws import registry
from cloudexit.connectors.aws.accounts import Account, caller_account, resolve
from cloudexit.connectors.aws.declare import ResourceType, Scope
from cloudexit.connectors.aws.enumerator import Collected, Context, collect
from cloudexit.connectors.aws.issues import SOURCE
from cloudexit.connectors.aws.permissions import ROLE_NEEDED, guard
from cloudexit.connectors.aws.reader import Reader, RegionCache
from cloudexit.connectors.aws.regions import regions_for
from cloudexit.connectors.aws.route_tables import associate_route_tables
from cloudexit.connectors.aws.session import Clients, base_session
from cloudexit.errors import CloudexitError, InputError
from cloudexit.model.inventory import CollectionIssue, Inventory, Resource, Source
from cloudexit.model.members import fold_issues
from cloudexit.progress import Progress, SilentProgress

DEFAULT_WORKERS = 16
DEFAULT_ATTEMPTS = 8


@dataclass(frozen=True)
class Task:
    account: Account
    region: str
    type: ResourceType

    @property
    def label(self) -> str:
        where = "global" if self.type.scope == "global" else self.region
        return f"{self.account.id}/{where}/{self.type.type}"


def scan(
    *,
    profile: str | None = None,
    regions: Sequence[str] | None = None,
    org: bool = False,
    role_name: str | None = None,
    accounts: Sequence[str] | None = None,
    endpoint_url: str | None = None,
    services: Sequence[str] | None = None,
    metrics_days: int = 14,
    workers: int = DEFAULT_WORKERS,
    detail_workers: int | None = None,
    max_attempts: int = DEFAULT_ATTEMPTS,
    home_region: str | None = None,
    catalog: Catalog | None = None,
    progress: Progress | None = None,
) -> Inventory:
    """Read every resource an exit must move from AWS, read-only, into an Inventory.

    ``workers`` bounds the threads over accounts x regions x types; ``detail_workers`` (default:
    the same) bounds per-item reads. ``metrics_days=0`` skips CloudWatch. Problems in one
    account, region or service become issues in the inventory; the scan goes on.
    """
    if metrics_days < 0:
        raise InputError("--metrics-days: must be 0 (no metrics) or more")
    if workers < 1 or (detail_workers is not None and detail_workers < 1):
        raise InputError("--workers: must be at least 1")
    if max_attempts < 1:
        raise InputError("max_attempts: must be at least 1")
    if org and not role_name:
        raise InputError(ROLE_NEEDED)
    types = registry.select(services)
    endpoint_url = endpoint_url or os.environ.get("AWS_ENDPOINT_URL") or None
    progress = progress or SilentProgress()
    detail_workers = detail_workers or workers
    with ThreadPoolExecutor(1, thread_name_prefix="aws-catalogue") as loader:
        catalogue: Future[Catalog] = loader.submit(lambda: catalog or load_catalog())
        return _scan(
            types=types,
            catalogue=catalogue,
            profile=profile,
            regions=regions,
            org=org,
            role_name=role_name,
            accounts=accounts,
            endpoint_url=endpoint_url,
            metrics_days=metrics_days,
            workers=workers,
            detail_workers=detail_workers,
            max_attempts=max_attempts,
            home_region=home_region,
            progress=progress,
        )


def _scan(
    *,
    types: tuple[ResourceType, ...],
    catalogue: Future[Catalog],
    profile: str | None,
    regions: Sequence[str] | None,
    org: bool,
    role_name: str | None,
    accounts: Sequence[str] | None,
    endpoint_url: str | None,
    metrics_days: int,
    workers: int,
    detail_workers: int,
    max_attempts: int,
    home_region: str | None,
    progress: Progress,
) -> Inventory:

    admitted = guard(types, org=org)
    base = base_session(profile, admitted)
    home = home_region or base.get_config_variable("region") or "us-east-1"
    issues: list[CollectionIssue] = []

    def make_clients(session: object) -> Clients:
        return Clients(
            session,
            endpoint_url=endpoint_url,
            max_attempts=max_attempts,
            pool=workers + detail_workers,
        )

    base_clients = make_clients(base)
    own = caller_account(base_clients, home, profile)
    sequential = workers == 1 and detail_workers == 1
    with (
        ThreadPoolExecutor(workers, thread_name_prefix="aws-scan") as pool,
        ThreadPoolExecutor(detail_workers, thread_name_prefix="aws-detail") as details,
    ):
        chosen = resolve(
            base=base,
            base_clients=base_clients,
            make_clients=make_clients,
            home_region=home,
            own=own,
            org=org,
            accounts=accounts,
            role_name=role_name,
            guard=admitted,
            pool=pool,
            issues=issues,
        )
        account_regions = dict(
            zip(
                [a.id for a in chosen],
                pool.map(lambda a: regions_for(a.clients, a.id, home, regions, issues), chosen),
                strict=True,
            )
        )
        tasks = [
            Task(account, region, rt)
            for account in chosen
            for rt in types
            for region in ([home] if rt.scope == "global" else account_regions[account.id])
        ]
        contexts = {
            a.id: Context(
                catalogue=catalogue,
                regions=frozenset(account_regions[a.id]),
                details=None if sequential else details,
                metrics=metrics_days > 0,
            )
            for a in chosen
        }
        caches: dict[tuple[str, str], RegionCache] = defaultdict(RegionCache)
        for task in tasks:
            caches[(task.account.id, task.region)]  # created here, so threads only read the dict
        bar = progress.add(
            f"AWS: {len(chosen)} account(s), {len(tasks)} type reads", total=len(tasks)
        )

        def run(task: Task) -> Collected:
            reader = Reader(
                task.account.clients,
                Scope(task.account.id, task.region),
                caches[(task.account.id, task.region)],
                metrics_days,
            )
            try:
                return collect(task.type, reader, contexts[task.account.id])
            except CloudexitError:
                raise
            except Exception as error:  # noqa: BLE001 - one type's bug must not lose the whole scan
                return Collected(
                    issues=[
                        CollectionIssue(
                            code="service_error",
                            message=f"reading {task.type.type} failed: {type(error).__name__}: {error}",
                            source=SOURCE,
                            scope=task.label,
                        )
                    ]
                )
            finally:
                progress.advance(bar)

        futures: dict[Future[Collected], Task] = {pool.submit(run, t): t for t in tasks}
        done, _ = wait(futures, return_when=FIRST_EXCEPTION)
        for future in done:
            if future.exception() is not None:
                for other in futures:
                    other.cancel()
                raise future.exception()  # type: ignore[misc]
        results = [(futures[f], f.result()) for f in futures]
    return _assemble(chosen, account_regions, results, issues)


def _assemble(
    accounts: list[Account],
    account_regions: dict[str, list[str]],
    results: list[tuple[Task, Collected]],
    issues: list[CollectionIssue],
) -> Inventory:
    resources: dict[str, Resource] = {}
    for task, collected in sorted(results, key=lambda tr: tr[0].label):
        for resource in collected.resources:
            if resource.id in resources:
                issues.append(
                    CollectionIssue(
                        code="invalid_data",
                        message="listed twice; the first reading is kept",
                        source=SOURCE,
                        scope=task.label,
                        resource_id=resource.id,
                    )
                )
                continue
            resources[resource.id] = resource
    associate_route_tables(resources)
    issues.extend(_collapse_regions(results))
    issues.extend(fold_issues(resources, SOURCE))
    counts: dict[str, int] = defaultdict(int)
    for resource in resources.values():
        counts[resource.account] += 1
    sources = [
        Source(
            kind="aws",
            location=f"account {a.id} ({a.name}), regions: {', '.join(account_regions[a.id]) or 'none'}"
            if a.name != a.id
            else f"account {a.id}, regions: {', '.join(account_regions[a.id]) or 'none'}",
            resources=counts[a.id],
        )
        for a in accounts
    ]
    return Inventory(
        generated_at=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        sources=sources,
        resources=list(resources.values()),
        issues=issues,
    )


def _collapse_regions(results: list[tuple[Task, Collected]]) -> list[CollectionIssue]:
    """A region where every regional read was refused the same way is one issue, not one per type."""
    by_region: dict[tuple[str, str], list[tuple[Task, Collected]]] = defaultdict(list)
    for task, collected in results:
        if task.type.scope == "regional":
            by_region[(task.account.id, task.region)].append((task, collected))
    out: list[CollectionIssue] = []
    for (account, region), entries in sorted(by_region.items()):
        codes = {c.refused for _, c in entries}
        if len(entries) > 1 and len(codes) == 1 and codes <= {"access_denied", "region_disabled"}:
            first = entries[0][1].issues[0]
            out.append(
                CollectionIssue(
                    code=first.code,
                    message=f"all {len(entries)} resource types refused in {region}; first: {first.message}",
                    source=SOURCE,
                    scope=f"{account}/{region}",
                )
            )
        else:
            out.extend(i for _, c in entries for i in c.issues)
    for task, collected in results:
        if task.type.scope == "global":
            out.extend(collected.issues)
    return out
