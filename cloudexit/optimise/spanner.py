"""Cloud Spanner is not PostgreSQL: it is graded and moved as the rewrite it is.

A Spanner database speaks one of two dialects (the Database resource's ``databaseDialect``,
GOOGLE_STANDARD_SQL when unspecified). A GoogleSQL database's schema and queries are rewritten
for PostgreSQL; a PostgreSQL-dialect one is adapted. Either way the target loses what Spanner
adds to SQL: interleaved tables, commit timestamps, and TrueTime's externally consistent,
synchronously replicated multi-region writes. The kind's mapping (a managed PostgreSQL) still
prices and writes the target; its fidelity, strategy, effort and losses are those of a rewrite.
"""

from __future__ import annotations

from cloudexit.catalog.schema import TargetMapping
from cloudexit.model.inventory import Resource

TYPES = frozenset({"spanner.googleapis.com/instance", "google_spanner_instance"})
"""Native types (lower case) of a Spanner instance."""
DIALECTS = "database_dialects"
"""Instance detail: the dialects of its databases, as the export names them."""
POSTGRESQL = "POSTGRESQL"
GOOGLE_SQL = "GOOGLE_STANDARD_SQL"

# Engineer days per instance, planning assumptions like every mapping's effort_days: a
# GoogleSQL schema and its queries are converted as a SQL Server one is (20 days in the
# mappings); a PostgreSQL-dialect one keeps most of its SQL.
REWRITE_DAYS = 20.0
ADAPT_DAYS = 8.0

LOST = (
    (
        "TrueTime external consistency and synchronous multi-region writes: the target runs one "
        "primary with asynchronous replicas"
    ),
    "interleaved tables (rows stored with their parent): rewritten as tables with foreign keys",
    (
        "commit timestamps (allow_commit_timestamp, PENDING_COMMIT_TIMESTAMP()): replaced by a "
        "transaction-time default that does not give commit order"
    ),
    "scaling writes by adding nodes or processing units",
    "Spanner client APIs (mutations, stale reads at a timestamp, partitioned DML, change streams)",
)
GOOGLE_SQL_LOST = (
    "GoogleSQL dialect: schema (types, keys, DDL) and every query rewritten for PostgreSQL"
)
PG_DIALECT_LOST = "Spanner's PostgreSQL dialect extensions (spanner.* functions, hints): adapted"


def is_spanner(resource: Resource) -> bool:
    return resource.type.lower() in TYPES or (resource.attributes.engine or "").lower() == "spanner"


def dialect(resource: Resource) -> str:
    """POSTGRESQL when every database the export names is of that dialect, else
    GOOGLE_STANDARD_SQL (Spanner's default, also where the export names no database)."""
    found = resource.attributes.details.get(DIALECTS)
    named = {str(d).upper() for d in found} if isinstance(found, list) else set()
    return POSTGRESQL if named == {POSTGRESQL} else GOOGLE_SQL


def dialect_said(resource: Resource) -> bool:
    found = resource.attributes.details.get(DIALECTS)
    return isinstance(found, list) and bool(found)


def graded_for(resource: Resource, target: TargetMapping) -> TargetMapping:
    """The PostgreSQL mapping as it holds for a Spanner instance: adapt (PostgreSQL dialect,
    fidelity compatible) or rewrite (GoogleSQL, fidelity none), a refactor either way; PostgreSQL
    run on the target's VMs stays self-managed."""
    pg = dialect(resource) == POSTGRESQL
    said = (
        ""
        if dialect_said(resource)
        else " (the export names no database dialect: GoogleSQL, Spanner's default, assumed)"
    )
    return target.model_copy(
        update={
            "service": f"{target.service} (after {'adapting' if pg else 'rewriting'} a Cloud "
            f"Spanner {'PostgreSQL-dialect' if pg else 'GoogleSQL'} schema)",
            "fidelity": "self_managed"
            if target.fidelity == "self_managed"
            else ("compatible" if pg else "none"),
            "strategy": "refactor",
            "effort_days": max(target.effort_days, ADAPT_DAYS if pg else REWRITE_DAYS),
            "loses": [PG_DIALECT_LOST if pg else GOOGLE_SQL_LOST + said, *LOST],
            "notes": "Cloud Spanner is not PostgreSQL: its schema and queries are "
            f"{'adapted' if pg else 'rewritten'}{said}, and the application is tested against "
            "single-primary PostgreSQL",
        }
    )
