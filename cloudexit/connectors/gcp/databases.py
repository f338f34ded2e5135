"""Cloud SQL, Memorystore, Firestore and Datastore, Bigtable and Spanner."""

from __future__ import annotations

from cloudexit.connectors.gcp.registry import Facts, declare, last_segment
from cloudexit.jsonvalues import number
from cloudexit.model.inventory import NO_REGION
from cloudexit.model.kinds import Kind

_ENGINES = (
    ("POSTGRES", "postgresql", Kind.POSTGRESQL),
    ("MYSQL", "mysql", Kind.MYSQL),
    ("SQLSERVER", "sqlserver", Kind.SQLSERVER),
)


def _engine(database_version: str) -> tuple[str | None, str | None, Kind | None]:
    """MYSQL_8_0 -> (mysql, 8.0), POSTGRES_16 -> (postgresql, 16), SQLSERVER_2019_STANDARD -> (sqlserver, 2019)."""
    for prefix, engine, kind in _ENGINES:
        if database_version.upper().startswith(prefix):
            rest = database_version[len(prefix) :].strip("_").split("_")
            version = (
                ".".join(p for p in rest if p.isdigit())
                if engine != "sqlserver"
                else (rest[0] or None)
            )
            return engine, version or None, kind
    return None, None, None


def sql_instance(facts: Facts) -> None:
    engine, version, kind = _engine(str(facts.get("databaseVersion") or ""))
    facts.kind = kind
    tier = facts.get("settings.tier")
    if tier:
        facts.size(str(tier))
    stopped = facts.get("settings.activationPolicy") == "NEVER" or facts.get("state") == "SUSPENDED"
    facts.set(
        engine=engine,
        engine_version=version,
        storage_gib=number(facts.get("settings.dataDiskSizeGb")),
        storage_class=(facts.get("settings.dataDiskType") or "").lower() or None,
        high_availability=facts.get("settings.availabilityType") == "REGIONAL",
        state="stopped" if stopped else (facts.get("state") or "").lower() or None,
    )
    facts.location = facts.get("region") or facts.get("gceZone")
    facts.note(
        database_version=facts.get("databaseVersion"),
        instance_type=facts.get("instanceType"),
        edition=facts.get("settings.edition"),
    )
    facts.depend(facts.get("settings.ipConfiguration.privateNetwork"))
    master = facts.get("masterInstanceName")
    if master:
        project, _, name = str(master).rpartition(":")
        primary = f"//cloudsql.googleapis.com/projects/{project or facts.project}/instances/{name}"
        facts.depends_on.add(primary)
        # a replica serves its primary's data: placed with it, rebuilt from it on the target
        facts.note(replica_of=primary)


def redis_instance(facts: Facts) -> None:
    version = str(facts.get("redisVersion") or "")
    facts.set(
        memory_gib=number(facts.get("memorySizeGb")),
        engine="redis",
        engine_version=version.removeprefix("REDIS_").replace("_", ".") or None,
        high_availability=facts.get("tier") == "STANDARD_HA",
        node_count=int(facts.get("replicaCount") or 0) + 1 if facts.get("replicaCount") else None,
        state=(facts.get("state") or "").lower() or None,
    )
    facts.set(instance_type=facts.get("tier"))
    facts.location = facts.get("locationId")
    facts.depend(facts.get("authorizedNetwork"))


def memcache_instance(facts: Facts) -> None:
    memory_mb = number(facts.get("nodeConfig.memorySizeMb"))
    facts.set(
        vcpu=number(facts.get("nodeConfig.cpuCount")),
        memory_gib=round(memory_mb / 1024, 3) if memory_mb else None,
        node_count=int(facts.get("nodeCount") or 0) or None,
        engine="memcached",
        engine_version=facts.get("memcacheFullVersion") or facts.get("memcacheVersion"),
    )
    facts.depend(facts.get("authorizedNetwork"))


def document_database(facts: Facts) -> None:
    mode = str(facts.get("type") or "")
    facts.set(engine="datastore" if mode == "DATASTORE_MODE" else "firestore")
    facts.location = facts.get("locationId")
    facts.note(mode=mode, point_in_time_recovery=facts.get("pointInTimeRecoveryEnablement"))


def bigtable_instance(facts: Facts) -> None:
    facts.set(engine="bigtable")
    facts.note(instance_type=facts.get("type"), display_name=facts.get("displayName"))


def bigtable_cluster(facts: Facts) -> None:
    facts.set(
        engine="bigtable",
        node_count=int(facts.get("serveNodes") or 0) or None,
        storage_class=(facts.get("defaultStorageType") or "").lower() or None,
    )
    facts.location = last_segment(facts.get("location"))
    facts.depends_on.add(facts.name.rsplit("/clusters/", 1)[0])


# A Spanner instance names no location of its own: its instance configuration places it. A
# regional one is "regional-<region>"; the others (nam3, eur3, nam-eur-asia1, custom-...) span
# several regions, and the asset names none of them as the instance's.
_REGIONAL = "regional-"


def spanner_instance(facts: Facts) -> None:
    config = last_segment(facts.get("config"))
    facts.set(engine="spanner", node_count=int(facts.get("nodeCount") or 0) or None)
    facts.note(processing_units=facts.get("processingUnits"), config=config)
    if config and config.startswith(_REGIONAL) and len(config) > len(_REGIONAL):
        facts.location = config[len(_REGIONAL) :]
    elif config:
        facts.note(
            **{NO_REGION: f"its instance config {config} is not a regional one (regional-<region>)"}
        )


def spanner_database(facts: Facts) -> None:
    """A part of its instance (``model.parts``), which carries its dialect."""
    facts.set(engine="spanner")
    facts.note(database_dialect=facts.get("databaseDialect"))
    facts.depends_on.add(facts.name.rsplit("/databases/", 1)[0])


TYPES = [
    declare("sqladmin.googleapis.com/Instance", sql_instance),
    declare("redis.googleapis.com/Instance", redis_instance),
    declare("memcache.googleapis.com/Instance", memcache_instance),
    declare("firestore.googleapis.com/Database", document_database),
    declare("datastore.googleapis.com/Database", document_database),
    declare("bigtableadmin.googleapis.com/Instance", bigtable_instance),
    declare("bigtableadmin.googleapis.com/Cluster", bigtable_cluster),
    declare("spanner.googleapis.com/Instance", spanner_instance),
    declare("spanner.googleapis.com/Database", spanner_database),
]
