"""Azure SQL, PostgreSQL and MySQL servers, Cosmos DB and Azure Cache for Redis."""

from __future__ import annotations

from cloudexit.connectors.azure.registry import Extractor, Facts, arm_id, declare
from cloudexit.jsonvalues import number
from cloudexit.model.kinds import Kind

GIB = 1024**3

# Cache memory per SKU family and capacity (C0..C6, P1..P5), as Microsoft documents the sizes:
# https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-overview
_REDIS_GIB: dict[str, dict[int, float]] = {
    "C": {0: 0.25, 1: 1, 2: 2.5, 3: 6, 4: 13, 5: 26, 6: 53},
    "P": {1: 6, 2: 13, 3: 26, 4: 53, 5: 120},
}
_VCORE_TIERS = {"generalpurpose", "businesscritical", "hyperscale", "memoryoptimized"}
_SYSTEM_DATABASES = {"master"}
# createMode of a server or database made as a copy kept in step with another (ARM spells it
# so for PostgreSQL, MySQL and MariaDB servers and for SQL databases)
_REPLICA_MODES = {"replica", "secondary", "onlinesecondary"}
# where ARM names the source: flexible servers, single servers (create body, then as read back)
# and SQL databases
# secondaryType of a SQL database kept in step for disaster recovery, usually in another region
# ("Named" replicas serve reads beside their primary)
_GEO_SECONDARIES = {"geo", "standby"}
_SOURCE_KEYS = ("sourceServerResourceId", "sourceServerId", "masterServerId", "sourceDatabaseId")


def _state(value: object) -> str | None:
    return value.lower() if isinstance(value, str) and value else None


def _vcores(facts: Facts) -> None:
    """vCore SKUs (GP_Gen5_4) carry their vCPU count; DTU SKUs (S1, P2) do not."""
    tier = (facts.sku("tier") or "").lower()
    capacity = number(facts.sku("capacity"))
    name = facts.sku() or ""
    facts.set(instance_type=name or None)
    if tier in _VCORE_TIERS and capacity:
        facts.set(vcpu=capacity)
    elif capacity:
        facts.details["dtu"] = int(capacity)


def _replica_of(facts: Facts) -> None:
    """A read replica names its source (``replica_of``), so it is placed with it and rebuilt
    from it on the target, as RDS and Cloud SQL replicas are. A geo-secondary or standby is a
    copy kept in another region for disaster recovery: glued to its primary it would lose that
    region, so it names its source as ``geo_secondary_of`` and is placed as a database of its
    own, seeded from the source."""
    mode = str(facts.prop("createMode") or "").lower()
    role = str(facts.prop("replicationRole") or "").lower()
    secondary = str(facts.prop("secondaryType") or "").lower()
    if mode not in _REPLICA_MODES and "replica" not in role and not secondary:
        return
    source = next(filter(None, (arm_id(facts.prop(key)) for key in _SOURCE_KEYS)), None)
    if source and source != arm_id(facts.item.get("id")):
        facts.depends_on.add(source)
        geo = secondary in _GEO_SECONDARIES or role == "geoasyncreplica"
        facts.details["geo_secondary_of" if geo else "replica_of"] = source


def sql_server(facts: Facts) -> None:
    # Azure bills a logical server's databases, never the server: planned as well, it would be
    # built and paid for as one more database beside them.
    facts.skip = "a logical server: a free container whose databases are planned one by one"
    facts.set(
        engine="sqlserver", engine_version=facts.prop("version"), state=_state(facts.prop("state"))
    )
    facts.details["fqdn"] = facts.prop("fullyQualifiedDomainName")


def sql_database(facts: Facts) -> None:
    # Resource lists name a database "server/database", a scan names it "database".
    if facts.item.get("name", "").rsplit("/", 1)[-1].lower() in _SYSTEM_DATABASES:
        facts.skip = "system database of a logical server"
        return
    _vcores(facts)
    max_bytes = number(facts.prop("maxSizeBytes"))
    facts.set(
        engine="sqlserver",
        storage_gib=round(max_bytes / GIB, 2) if max_bytes else None,
        high_availability=facts.prop("zoneRedundant"),
        state=_state(facts.prop("status")),
    )
    facts.depend(facts.prop("elasticPoolId"))
    server = facts.item["id"].rsplit("/databases/", 1)[0]
    facts.depend(server)
    _replica_of(facts)


def managed_instance(facts: Facts) -> None:
    facts.set(
        instance_type=facts.sku(),
        vcpu=number(facts.prop("vCores")),
        storage_gib=number(facts.prop("storageSizeInGB")),
        engine="sqlserver",
        state=_state(facts.prop("state")),
    )
    facts.depend(facts.prop("subnetId"))


def flexible_server(engine: str) -> Extractor:
    def extract(facts: Facts) -> None:
        facts.size(facts.sku())
        mode = (facts.prop("highAvailability.mode") or "").lower()
        facts.set(
            engine=engine,
            engine_version=str(facts.prop("version")) if facts.prop("version") else None,
            storage_gib=number(facts.prop("storage.storageSizeGB")),
            iops=int(facts.prop("storage.iops")) if facts.prop("storage.iops") else None,
            high_availability=bool(mode) and mode != "disabled",
            state=_state(facts.prop("state")),
        )
        facts.details["tier"] = facts.sku("tier")
        facts.depend(
            facts.prop("network.delegatedSubnetResourceId"),
            facts.prop("network.privateDnsZoneArmResourceId"),
        )
        _replica_of(facts)

    return extract


def single_server(engine: str) -> Extractor:
    def extract(facts: Facts) -> None:
        # B_Gen5_1, GP_Gen5_4, MO_Gen5_8: vCores and memory per vCore of the tier
        facts.size(facts.sku())
        storage_mb = number(facts.prop("storageProfile.storageMB"))
        facts.set(
            engine=engine,
            engine_version=str(facts.prop("version")) if facts.prop("version") else None,
            storage_gib=round(storage_mb / 1024, 2) if storage_mb else None,
            state=_state(facts.prop("userVisibleState")),
        )
        _replica_of(facts)

    return extract


_COSMOS_APIS = (
    ("enablecassandra", "cassandra", Kind.WIDE_COLUMN),
    ("enablegremlin", "gremlin", Kind.GRAPH),
    ("enabletable", "table", Kind.KEY_VALUE),
    ("enablemongo", "mongodb", Kind.DOCUMENT),
)


def cosmos_account(facts: Facts) -> None:
    capabilities = {
        str(c.get("name", "")).lower()
        for c in facts.prop("capabilities", [])
        if isinstance(c, dict)
    }
    engine, kind = (
        ("mongodb", Kind.DOCUMENT)
        if (facts.item.get("kind") or "").lower() == "mongodb"
        else ("cosmosdb-nosql", Kind.DOCUMENT)
    )
    for capability, api, api_kind in _COSMOS_APIS:
        if capability in capabilities:
            engine, kind = api, api_kind
            break
    facts.kind = kind
    locations = [
        loc.get("locationName") for loc in facts.prop("locations", []) if isinstance(loc, dict)
    ]
    facts.set(
        engine=engine,
        billing_mode="serverless" if "enableserverless" in capabilities else "provisioned",
        high_availability=len(locations) > 1 or None,
    )
    facts.details.update(
        {
            "locations": sorted(filter(None, locations)),
            "consistency": facts.prop("consistencyPolicy.defaultConsistencyLevel"),
            "multiple_write_locations": facts.prop("enableMultipleWriteLocations"),
        }
    )
    for rule in facts.prop("virtualNetworkRules", []):
        facts.depend(rule)


def redis_cache(facts: Facts) -> None:
    sku = facts.prop("sku", {}) or facts.item.get("sku") or {}
    family, capacity = str(sku.get("family", "")).upper(), sku.get("capacity")
    shards = int(facts.prop("shardCount") or 1)
    sizes: dict[int, float] = _REDIS_GIB.get(family, {})
    memory = sizes.get(int(capacity)) if capacity is not None else None
    tier = str(sku.get("name", ""))
    facts.set(
        instance_type=f"{tier} {family}{capacity}".strip()
        if capacity is not None
        else tier or None,
        memory_gib=memory * shards if memory else None,
        engine="redis",
        engine_version=str(facts.prop("redisVersion")) if facts.prop("redisVersion") else None,
        high_availability=tier.lower() in {"standard", "premium"},
        node_count=shards if shards > 1 else None,
    )
    facts.depend(facts.prop("subnetId"))


def redis_enterprise(facts: Facts) -> None:
    name = facts.sku() or ""
    facts.set(
        instance_type=name or None,
        engine="redis",
        node_count=int(facts.sku("capacity") or 0) or None,
    )


TYPES = [
    declare("microsoft.sql/servers", "2023-08-01", sql_server),
    declare("microsoft.sql/servers/databases", "2023-08-01", sql_database),
    declare("microsoft.sql/managedinstances", "2023-08-01", managed_instance),
    declare(
        "microsoft.dbforpostgresql/flexibleservers", "2024-08-01", flexible_server("postgresql")
    ),
    declare("microsoft.dbformysql/flexibleservers", "2023-12-30", flexible_server("mysql")),
    declare("microsoft.dbforpostgresql/servers", "2017-12-01", single_server("postgresql")),
    declare("microsoft.dbformysql/servers", "2017-12-01", single_server("mysql")),
    declare("microsoft.dbformariadb/servers", "2018-06-01", single_server("mariadb")),
    declare("microsoft.documentdb/databaseaccounts", "2024-11-15", cosmos_account),
    declare("microsoft.cache/redis", "2024-03-01", redis_cache),
    declare("microsoft.cache/redisenterprise", "2024-02-01", redis_enterprise),
]
