"""Which engine version a managed database, cache or cluster gets on its target.

The target runs the version it offers that is closest to and not older than the source's (the
oldest offered when the source is older than all of them). A source newer than everything offered
is reported as ``not_offered``: the Terraform then names the newest offered version, and the plan,
the runbook and the Terraform comment all say that this would be a downgrade.

A database, cache, stream or search engine run on the target's VMs (self-managed) installs the
source's release line (``install``): the same major version where the source reported it, or,
for an engine with no build of its own to install (Neptune, DynamoDB), the replacement to choose.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cloudexit.catalog import runtimes
from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.schema import EngineVersions
from cloudexit.model.engines import engine_of
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import EngineVersionChoice, Option, Placement
from cloudexit.wording import engine_named, first_few

VERSIONED = frozenset(
    {
        Kind.POSTGRESQL,
        Kind.MYSQL,
        Kind.MARIADB,
        Kind.DOCUMENT,
        Kind.REDIS,
        Kind.KUBERNETES_CLUSTER,
        Kind.SQLSERVER,
        Kind.ORACLE,
    }
)
"""Kinds whose managed target service is created at an engine version."""

CONVERTED = {Kind.SQLSERVER: Kind.POSTGRESQL, Kind.ORACLE: Kind.POSTGRESQL}
"""Kinds no target runs as they are -> the kind of the managed service they are converted to:
its versions are the ones offered."""

SELF_INSTALLED = frozenset({"database", "cache"})
"""Categories whose self-managed target installs an engine at a version (plus ``INSTALLED_KINDS``)."""
INSTALLED_KINDS = frozenset({Kind.STREAM, Kind.SEARCH})

BUILDS = {
    "mysql": "mysql",
    "postgresql": "postgresql",
    "mariadb": "mariadb",
    "redis": "redis",
    "valkey": "valkey",
    "memcached": "memcached",
    "mongodb": "mongodb",
    # DocumentDB 4.0 and 5.0 implement the MongoDB API of the same version.
    "docdb": "mongodb",
    "elasticsearch": "elasticsearch",
    "opensearch": "opensearch",
    "kafka": "kafka",
    "cassandra": "cassandra",
    "sqlserver": "sqlserver",
    "oracle": "oracle",
}
"""Source engine -> the engine a self-managed target installs; an engine missing here (Neptune,
DynamoDB, Cosmos DB's own APIs) has no build of its own to install."""

_NUMBER = re.compile(r"\d+(?:[._]\d+)*")


def version_key(text: str | None) -> tuple[int, ...] | None:
    """The leading version number as integers: '5.7.mysql_aurora.2.11' -> (5, 7),
    'POSTGRES_14' -> (14,), '1.30' -> (1, 30); None when the text holds no number."""
    match = _NUMBER.search(text or "")
    if match is None:
        return None
    return tuple(int(part) for part in re.split(r"[._]", match.group(0)))


def _line(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """Same major line: the first number, and for 0.x or Kubernetes-style 1.x the second too."""
    if a[:1] != b[:1]:
        return False
    return a[0] > 1 or a[1:2] == b[1:2]


def source_engine(resource: Resource) -> str | None:
    if resource.kind == Kind.KUBERNETES_CLUSTER:
        return "kubernetes"
    name, _ = engine_of(resource.attributes.engine)
    if name is None:
        return {
            Kind.POSTGRESQL: "postgresql",
            Kind.MYSQL: "mysql",
            Kind.MARIADB: "mariadb",
            Kind.REDIS: "redis",
            Kind.MEMCACHED: "memcached",
            Kind.SQLSERVER: "sqlserver",
            Kind.ORACLE: "oracle",
        }.get(resource.kind)
    return name


def _at_least(version: str, wanted: tuple[int, ...]) -> bool:
    key = version_key(version) or ()
    return key >= wanted[: len(key)]


def release_line(engine: str, key: tuple[int, ...]) -> str:
    """The release line a version belongs to: PostgreSQL 10 and later by its first number,
    every other engine by its first two (MySQL 8.0, Redis 7.2, MongoDB 6.0)."""
    if engine == "postgresql" and key[0] >= 10 or len(key) == 1:
        return str(key[0])
    return f"{key[0]}.{key[1]}"


def installs(resource: Resource) -> bool:
    """Whether a self-managed target of this resource installs a versioned engine: a database
    or cache, or a stream or search cluster whose engine the source names (Kafka, OpenSearch)."""
    if resource.kind.category in SELF_INSTALLED:
        return True
    return resource.kind in INSTALLED_KINDS and resource.attributes.engine is not None


def install(
    catalog: Catalog,
    resource: Resource,
    option: Option,
    ended: Callable[[str, str], bool] | None = None,
) -> EngineVersionChoice:
    """The engine and version a self-managed target installs on its VMs; ``ended`` as for
    ``decide``: a line past its end of life is installed only as a first step."""
    engine = source_engine(resource)
    raw = resource.attributes.engine_version
    build = BUILDS.get(engine or "")
    if build is None:
        mapping = catalog.kinds.get(resource.kind)
        target = mapping.targets.get(option.provider) if mapping else None
        instead = (
            target.service.split(" on ")[0]
            if target and target.fidelity == "self_managed"
            else "an engine that replaces it"
        )
        source = " ".join(filter(None, (engine or "the source engine", raw)))
        return EngineVersionChoice(
            engine=instead,
            source_engine=engine,
            source_version=raw,
            status="engine_change",
            major_change=True,
            note=f"{source} has no build to install on the VMs: install {instead} at a version "
            "you choose, and test the application against it",
        )
    key = version_key(raw)
    if key is None:
        return EngineVersionChoice(
            engine=build,
            source_engine=engine,
            source_version=raw,
            status="source_unknown",
            note=f"install {build} on the VMs at the version the application runs today: the "
            "source did not report it, confirm it before the move",
        )
    line = release_line(build, key)
    said = f"{engine} {raw}" + (f", the {build} {line} API" if build != engine else "")
    note = (
        f"install {build} {line} on the VMs at its newest patch release: the release line "
        f"of the source ({said}), so the move is a copy, not an upgrade"
    )
    if ended is not None and ended(build, line) and resource.planned:
        return EngineVersionChoice(
            engine=build,
            source_engine=engine,
            source_version=raw,
            status="self_managed",
            note=f"install a supported {build} release line on the VMs: only a Terraform plan "
            f"holds the source ({said}), so there is no data to copy and no reason to install "
            f"{build} {line}, past its end of life when the plan starts",
        )
    if ended is not None and ended(build, line):
        note = (
            f"install {build} {line} on the VMs at its newest patch release, the release line of "
            f"the source ({said}), only to copy the data across: that line is past its end of "
            "life when the plan starts (the end-of-life warning gives the date and its source), "
            "so plan the upgrade to a supported line with the move"
        )
    return EngineVersionChoice(
        engine=build,
        source_engine=engine,
        source_version=raw,
        version=line,
        status="self_managed",
        note=note,
    )


def offered_for(catalog: Catalog, resource: Resource, option: Option) -> list[EngineVersions]:
    """The catalogue's version facts for the managed service ``option`` buys, if any."""
    facts = catalog.versions.get(option.provider)
    if facts is None or resource.kind not in VERSIONED or option.fidelity == "self_managed":
        return []
    terraform = runtimes.service_type(catalog, resource, option)
    kind = CONVERTED.get(resource.kind, resource.kind)
    return [e for e in facts.engines if e.kind == kind and e.terraform == terraform]


def unverified_reason(catalog: Catalog, resource: Resource, option: Option) -> str | None:
    """Why the catalogue holds no versions for this service, where what was searched is said."""
    facts = catalog.versions.get(option.provider)
    terraform = runtimes.service_type(catalog, resource, option)
    kind = CONVERTED.get(resource.kind, resource.kind)
    for entry in facts.unverified if facts else []:
        if entry.kind == kind and entry.terraform == terraform:
            return entry.reason
    return None


def decide(
    catalog: Catalog,
    resource: Resource,
    option: Option,
    ended: Callable[[str, str], bool] | None = None,
) -> EngineVersionChoice | None:
    """The version choice for a placed resource; None for kinds created without a version. A
    self-managed option installs the source's release line (``install``). ``ended(engine,
    version)`` says whether a line is past its end of life when the plan starts: an upgrade
    skips offered lines that are, when a newer offered one is not."""
    if option.retain:
        return None
    if resource.kind == Kind.FUNCTION:
        return runtimes.decide(catalog, resource, option, ended)
    if option.fidelity == "self_managed":
        return install(catalog, resource, option, ended) if installs(resource) else None
    if resource.kind not in VERSIONED:
        return None
    entries = offered_for(catalog, resource, option)
    engine = source_engine(resource)
    raw = resource.attributes.engine_version
    if not entries:
        service = option.terraform or resource.kind.value
        why = unverified_reason(catalog, resource, option)
        return EngineVersionChoice(
            engine=engine or resource.kind.value,
            source_engine=engine,
            source_version=raw,
            status="unchecked",
            note=f"the catalogue lists no engine versions for {option.provider} {service}"
            + (f" (unverified: {why})" if why else "")
            + ": check the version before applying",
        )
    offered = sorted({v for e in entries for v in e.versions}, key=lambda v: version_key(v) or ())
    target = entries[0].engine
    common = {
        "engine": target,
        "source_engine": engine,
        "source_version": raw,
        "offered": offered,
        "source": "; ".join(sorted({e.source.url for e in entries})),
        "published": "; ".join(sorted({str(e.source.published) for e in entries})),
    }
    same_line = engine is not None and any(engine in e.same_line for e in entries)
    wanted = version_key(raw)
    if not same_line:
        return EngineVersionChoice(
            **common,
            version=offered[-1],
            status="engine_change",
            major_change=True,
            note=f"{' '.join(filter(None, (engine or 'the source engine', raw)))} becomes {target} "
            f"{offered[-1]}, the newest offered: a change of engine, test the application against it",
        )
    if wanted is None:
        return EngineVersionChoice(
            **common,
            version=offered[-1],
            status="source_unknown",
            note=f"the source did not report its version; {target} {offered[-1]} is the newest "
            "offered: confirm the source's version before applying",
        )
    newer = [v for v in offered if _at_least(v, wanted)]
    same = [v for v in newer if version_key(v) == wanted[: len(version_key(v) or ())]]
    supported = [v for v in newer if ended is None or not ended(target, v)]
    if newer:
        version = (same or supported or newer)[0]
        key = version_key(version) or ()
        major = not _line(key, wanted)
        jump = " (a new minor release: removed APIs)" if engine == "kubernetes" else ""
        skipped = [v for v in newer if (version_key(v) or ()) < key]
        past = f" ({', '.join(skipped)} past end of life when the plan starts)" if skipped else ""
        closest = "closest newer supported version" if ended else "closest newer version"
        return EngineVersionChoice(
            **common,
            version=version,
            status="same" if same else "upgrade",
            major_change=major,
            note=(
                f"{engine} {raw} runs as {target} {version}"
                if same
                else f"{engine} {raw} is not offered: {target} {version} is the {closest}"
                + past
                + ((jump or " (a major version jump)") if major else "")
            ),
        )
    return EngineVersionChoice(
        **common,
        version=offered[-1],
        status="not_offered",
        major_change=not _line(version_key(offered[-1]) or (), wanted),
        note=f"{engine} {raw} is newer than every version offered ({', '.join(offered)}): the Terraform names "
        f"{offered[-1]}, a downgrade to check with the application's owners before applying",
    )


def version_warnings(placements: list[Placement], names: dict[str, str]) -> list[str]:
    """One line per version change that needs someone's attention, grouped so that a thousand
    databases on one version give one line; ``names``: resource id -> name."""
    groups: dict[tuple[str, str, str, str], list[str]] = {}
    versions: dict[tuple[str, str, str, str], tuple[str | None, str | None]] = {}
    for p in placements:
        choice = p.engine_version
        if choice is None or choice.status in ("same", "self_managed"):
            continue
        if choice.status == "upgrade" and not choice.major_change:
            continue
        key = (
            choice.status,
            p.choice.provider,
            engine_named(choice.source_engine, choice.source_version),
            engine_named(
                choice.engine,
                choice.version,
                "version to choose" if choice.status == "engine_change" else "version not reported",
            ),
        )
        groups.setdefault(key, []).append(names.get(p.resource_id, p.resource_id))
        versions[key] = (choice.source_version, choice.version)
    lines = []
    for (status, provider, before, after), who in sorted(groups.items()):
        shown = first_few(who)
        what = WHAT[status]
        if status == "upgrade":
            what = f"{upgrade_size(*versions[(status, provider, before, after)])}, see the runbook"
        lines.append(f"engine version on {provider}: {before} -> {after} ({what}): {shown}")
    return lines


def upgrade_size(before: str | None, after: str | None) -> str:
    """'a major version upgrade' when the first numbers differ; within one major (Kubernetes
    1.7 -> 1.35) the count of minor versions crossed."""
    a, b = version_key(before), version_key(after)
    if a is None or b is None or a[0] != b[0] or len(a) < 2 or len(b) < 2 or b[1] <= a[1]:
        return "a major version upgrade"
    n = b[1] - a[1]
    return f"an upgrade of {n} minor version{'s' if n > 1 else ''} within major version {a[0]}"


WHAT = {
    "upgrade": "a major version upgrade, see the runbook",
    "not_offered": "the source's version is newer than any offered: a downgrade to check",
    "engine_change": "another engine, see the runbook",
    "source_unknown": "the source reported no version: confirm it",
    "unchecked": "no version facts for this target service: check the version before applying",
    "self_managed": "installed on the VMs at the source's release line",
    "language_not_offered": "a language the target's functions service does not run: no runtime chosen",
}
