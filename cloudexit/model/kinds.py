"""The canonical taxonomy of what an exit moves.

Kinds are dotted ``category.name`` strings so that inventories stay readable and a new kind
never renumbers the others.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    VM = "compute.vm"
    VM_GROUP = "compute.vm_group"
    APP_SERVICE = "compute.app_service"
    FUNCTION = "compute.function"
    CONTAINER_SERVICE = "compute.container_service"
    BATCH = "compute.batch"

    KUBERNETES_CLUSTER = "kubernetes.cluster"
    KUBERNETES_NODE_POOL = "kubernetes.node_pool"

    BLOCK_VOLUME = "storage.block"
    OBJECT_BUCKET = "storage.object"
    FILE_SHARE = "storage.file"
    SNAPSHOT = "storage.snapshot"
    IMAGE = "storage.image"
    STORAGE_ACCOUNT = "storage.account"

    POSTGRESQL = "database.postgresql"
    MYSQL = "database.mysql"
    MARIADB = "database.mariadb"
    SQLSERVER = "database.sqlserver"
    ORACLE = "database.oracle"
    KEY_VALUE = "database.keyvalue"
    DOCUMENT = "database.document"
    WIDE_COLUMN = "database.widecolumn"
    GRAPH = "database.graph"
    REDIS = "cache.redis"
    MEMCACHED = "cache.memcached"

    QUEUE = "messaging.queue"
    TOPIC = "messaging.topic"
    STREAM = "messaging.stream"

    NETWORK = "network.vpc"
    SUBNET = "network.subnet"
    SECURITY_GROUP = "network.security_group"
    NETWORK_INTERFACE = "network.interface"
    ROUTER = "network.router"
    PEERING = "network.peering"
    FIREWALL = "network.firewall"
    PUBLIC_IP = "network.public_ip"
    LOAD_BALANCER = "network.load_balancer"
    TARGET_GROUP = "network.target_group"
    API_GATEWAY = "network.api_gateway"
    DNS_ZONE = "network.dns_zone"
    CDN = "network.cdn"
    VPN = "network.vpn"
    INTERCONNECT = "network.interconnect"

    CONTAINER_REGISTRY = "container.registry"
    SECRET_STORE = "security.secrets"
    KEY_MANAGEMENT = "security.kms"
    IDENTITY = "security.identity"

    SEARCH = "analytics.search"
    WAREHOUSE = "analytics.warehouse"
    DATA_PROCESSING = "analytics.processing"

    OTHER = "other"

    @property
    def category(self) -> str:
        return self.value.split(".", 1)[0]


DATA_KINDS: frozenset[Kind] = frozenset(
    {
        Kind.BLOCK_VOLUME,
        Kind.OBJECT_BUCKET,
        Kind.FILE_SHARE,
        Kind.SNAPSHOT,
        Kind.IMAGE,
        Kind.STORAGE_ACCOUNT,
        Kind.POSTGRESQL,
        Kind.MYSQL,
        Kind.MARIADB,
        Kind.SQLSERVER,
        Kind.ORACLE,
        Kind.KEY_VALUE,
        Kind.DOCUMENT,
        Kind.WIDE_COLUMN,
        Kind.GRAPH,
        Kind.REDIS,
        Kind.MEMCACHED,
        Kind.SEARCH,
        Kind.WAREHOUSE,
    }
)
"""Kinds that hold state: they are replicated before the services that use them move."""
