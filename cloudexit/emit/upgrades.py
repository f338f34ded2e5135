"""What to test when a database, cache or cluster changes engine version on the move."""

from __future__ import annotations

from collections.abc import Iterable

from cloudexit.emit.waves import Wave
from cloudexit.model.plan import EngineVersionChoice

CHECKS: dict[str, tuple[str, ...]] = {
    "mysql": (
        "Run MySQL Shell's upgrade checker (util.checkForServerUpgrade) against the source.",
        "Check client authentication: MySQL 8 defaults to caching_sha2_password.",
        (
            "Restore a dump on the target version and check new reserved words, removed SQL modes "
            "and the utf8mb4 default character set and collation with the application's tests."
        ),
    ),
    "mariadb": (
        (
            "Restore a mysqldump of the source into MariaDB and run the application's tests: JSON "
            "columns, authentication plugins and MySQL-only syntax differ."
        ),
    ),
    "postgresql": (
        "Restore a pg_dump of the source on the target version and run the application's tests.",
        "Check that every extension the source uses exists on the target at a compatible version.",
        "Run ANALYZE after the restore and compare the plans of the slowest queries.",
    ),
    "redis": (
        "Check that the client libraries support the target version (RESP3, ACL users).",
        "Load an RDB snapshot of the source on the target and replay a sample of the commands.",
    ),
    "valkey": (
        "Check that the client libraries support Valkey at the target version (RESP3, ACL users).",
        "Load an RDB snapshot of the source on the target and replay a sample of the commands.",
    ),
    "mongodb": (
        "Check that the drivers support the target server version.",
        (
            "Restore a mongodump on the target version, set featureCompatibilityVersion and run the "
            "application's tests."
        ),
    ),
    "kubernetes": (
        "Scan manifests and Helm charts for APIs removed up to the target version (kubent, pluto).",
        "Check that the ingress controller, storage driver and admission webhooks support it.",
    ),
}
_RUNTIME = (
    (
        "Run the function's tests on the target runtime and rebuild its dependencies for it "
        "(native modules, removed or changed standard-library APIs)."
    ),
)
CHECKS.update({language: _RUNTIME for language in ("nodejs", "python", "go", "php", "rust")})


CONVERTED_FROM = frozenset({"sqlserver", "oracle", "spanner"})
"""Source engines a PostgreSQL target takes by conversion, not by dump and restore."""
CONVERTED_CHECKS = (
    (
        "Check that every PostgreSQL extension the converted schema and code need is offered on "
        "the target at a compatible version."
    ),
    "Run ANALYZE after loading the data and compare the plans of the slowest queries.",
)
"""What else to test on a converted database, which has no dump of its own to restore."""


def checks_for(engine: str, sources: Iterable[str | None] = ()) -> tuple[str, ...]:
    """What to test on ``engine``; ``sources``: the source engines moving onto it, so that a
    database converted from another engine is not told to restore a dump of itself."""
    checks = CHECKS.get(
        engine.lower(), ("Run the application's tests against the target version.",)
    )
    sources = list(sources)
    converted = sorted({s for s in sources if s in CONVERTED_FROM})
    if not converted or engine.lower() != "postgresql":
        return checks
    coded = [s for s in converted if s != "spanner"]
    lines: list[str] = []
    if coded:
        lines.append(
            f"Convert the schema, stored procedures and queries of the {' and '.join(coded)} "
            "source to PostgreSQL, load its data and run the application's tests: a change of "
            "engine, not a dump and restore."
        )
    if "spanner" in converted:
        lines.append(
            "Rewrite the schema and queries of the spanner source for PostgreSQL, load its "
            "exported data and run the application's tests: a change of engine, not a dump and "
            "restore."
        )
    if all(s in CONVERTED_FROM for s in sources):
        return (*lines, *CONVERTED_CHECKS)
    # PostgreSQL sources beside the converted ones: their dump and restore are theirs alone
    native = tuple(
        f"For the sources that are PostgreSQL already: {c[0].lower()}{c[1:]}" for c in checks
    )
    return (*lines, *CONVERTED_CHECKS, *native)


def version_changes(
    waves: list[Wave], installed: bool = False
) -> dict[int, list[tuple[str, EngineVersionChoice]]]:
    """Per wave, the resources whose engine version is not the source's: (name, choice); with
    ``installed``, those installed on the target's VMs at the source's release line instead."""
    changes: dict[int, list[tuple[str, EngineVersionChoice]]] = {}
    for wave in waves:
        rows = [
            (step.resource.name, choice)
            for step in wave.steps
            if (choice := step.placement.engine_version) is not None
            and choice.status != "same"
            and (choice.status == "self_managed") == installed
        ]
        if rows:
            changes[wave.number] = sorted(rows, key=lambda r: r[0])
    return changes
