"""Per target provider: Terraform source, minimum release, usual resource type per kind."""

from __future__ import annotations

from cloudexit.model.kinds import Kind

# Local name, source, constraint: at or after the releases the schema reference describes.
PROVIDER_SOURCES = {
    "ovhcloud": ("ovh", "ovh/ovh", ">= 2.19.0"),
    "ionos": ("ionoscloud", "ionos-cloud/ionoscloud", ">= 6.7.34"),
    "scaleway": ("scaleway", "scaleway/scaleway", ">= 2.81.0"),
    "opennebula": ("opennebula", "OpenNebula/opennebula", ">= 1.5.0"),
}

RANDOM_SOURCE = ("random", "hashicorp/random", ">= 3.6.0")

DEFAULT_TYPES: dict[str, dict[Kind, str]] = {
    "scaleway": {
        Kind.VM: "scaleway_instance_server",
        Kind.VM_GROUP: "scaleway_instance_server",
        Kind.BLOCK_VOLUME: "scaleway_block_volume",
        Kind.OBJECT_BUCKET: "scaleway_object_bucket",
        Kind.STORAGE_ACCOUNT: "scaleway_object_bucket",
        Kind.POSTGRESQL: "scaleway_rdb_instance",
        Kind.MYSQL: "scaleway_rdb_instance",
        Kind.REDIS: "scaleway_redis_cluster",
        Kind.DOCUMENT: "scaleway_mongodb_instance",
        Kind.KUBERNETES_CLUSTER: "scaleway_k8s_cluster",
        Kind.KUBERNETES_NODE_POOL: "scaleway_k8s_pool",
        Kind.LOAD_BALANCER: "scaleway_lb",
        Kind.PUBLIC_IP: "scaleway_instance_ip",
        Kind.SECURITY_GROUP: "scaleway_instance_security_group",
        Kind.DNS_ZONE: "scaleway_domain_zone",
        Kind.CONTAINER_REGISTRY: "scaleway_registry_namespace",
        Kind.FUNCTION: "scaleway_function",
        Kind.QUEUE: "scaleway_mnq_sqs_queue",
        Kind.TOPIC: "scaleway_mnq_sns_topic",
        Kind.SECRET_STORE: "scaleway_secret",
    },
    "ovhcloud": {
        Kind.VM: "ovh_cloud_instance",
        Kind.BLOCK_VOLUME: "ovh_cloud_storage_block_volume",
        Kind.OBJECT_BUCKET: "ovh_cloud_project_storage",
        Kind.STORAGE_ACCOUNT: "ovh_cloud_project_storage",
        Kind.POSTGRESQL: "ovh_cloud_project_database",
        Kind.MYSQL: "ovh_cloud_project_database",
        Kind.REDIS: "ovh_cloud_project_database",
        Kind.DOCUMENT: "ovh_cloud_project_database",
        Kind.KUBERNETES_CLUSTER: "ovh_cloud_project_kube",
        Kind.KUBERNETES_NODE_POOL: "ovh_cloud_project_kube_nodepool",
        Kind.LOAD_BALANCER: "ovh_cloud_project_loadbalancer",
        Kind.PUBLIC_IP: "ovh_cloud_floating_ip",
        Kind.SECURITY_GROUP: "ovh_cloud_security_group",
        Kind.DNS_ZONE: "ovh_domain_zone",
        Kind.CONTAINER_REGISTRY: "ovh_cloud_project_containerregistry",
    },
    "ionos": {
        Kind.VM: "ionoscloud_server",
        Kind.VM_GROUP: "ionoscloud_server",
        Kind.BLOCK_VOLUME: "ionoscloud_volume",
        Kind.OBJECT_BUCKET: "ionoscloud_s3_bucket",
        Kind.STORAGE_ACCOUNT: "ionoscloud_s3_bucket",
        Kind.POSTGRESQL: "ionoscloud_pg_cluster",
        Kind.MYSQL: "ionoscloud_mariadb_cluster",
        Kind.MARIADB: "ionoscloud_mariadb_cluster",
        Kind.REDIS: "ionoscloud_inmemorydb_cluster_v2",
        Kind.DOCUMENT: "ionoscloud_mongo_cluster",
        Kind.KUBERNETES_CLUSTER: "ionoscloud_k8s_cluster",
        Kind.KUBERNETES_NODE_POOL: "ionoscloud_k8s_node_pool",
        Kind.LOAD_BALANCER: "ionoscloud_networkloadbalancer",
        Kind.PUBLIC_IP: "ionoscloud_ipblock",
        Kind.SECURITY_GROUP: "ionoscloud_nsg",
        Kind.DNS_ZONE: "ionoscloud_dns_zone",
        Kind.CONTAINER_REGISTRY: "ionoscloud_container_registry",
    },
    "opennebula": {
        Kind.VM: "opennebula_virtual_machine",
        Kind.VM_GROUP: "opennebula_virtual_machine",
        Kind.BLOCK_VOLUME: "opennebula_image",
        Kind.SECURITY_GROUP: "opennebula_security_group",
    },
}

FILES = {
    "compute": "compute.tf",
    "kubernetes": "kubernetes.tf",
    "storage": "storage.tf",
    "database": "databases.tf",
    "cache": "databases.tf",
    "analytics": "databases.tf",
    "messaging": "messaging.tf",
    "container": "registry.tf",
    "security": "secrets.tf",
}
NETWORK_FILES = {
    Kind.SECURITY_GROUP: "security_groups.tf",
    Kind.LOAD_BALANCER: "load_balancers.tf",
    Kind.DNS_ZONE: "dns.tf",
    Kind.PUBLIC_IP: "public_ips.tf",
}


def file_for(kind: Kind) -> str:
    if kind in NETWORK_FILES:
        return NETWORK_FILES[kind]
    return FILES.get(kind.category, "main.tf")


# A resource of these types cannot stand alone: it needs the linked item at the same site.
NEEDS_LINK: dict[str, tuple[str, str]] = {
    "scaleway_k8s_pool": ("cluster", "its Kubernetes cluster is not placed in this region"),
    "ovh_cloud_project_kube_nodepool": (
        "cluster",
        "its Kubernetes cluster is not placed in this region",
    ),
    "ionoscloud_k8s_node_pool": ("cluster", "its Kubernetes cluster is not placed in this region"),
    "ionoscloud_volume": (
        "attached_to",
        "IONOS volumes belong to a server; no server using it is placed here",
    ),
}

# Server types whose templates mount the block volumes of the server they write: a volume is
# attached to an item of one of these types, or to none.
VOLUME_HOSTS = frozenset(
    {
        "ionoscloud_server",
        "ionoscloud_cube_server",
        "ovh_cloud_instance",
        "scaleway_instance_server",
        "opennebula_virtual_machine",
    }
)

# Server types whose template writes each machine of a machine group as its own server, whose
# address a balancer's pool can name (OVHcloud has no group resource; the group resources of
# Scaleway, IONOS and OpenNebula have no template yet, so a group there is written as servers).
POOLED_GROUP_TYPES = frozenset(
    {
        "ovh_cloud_instance",
        "scaleway_instance_server",
        "ionoscloud_server",
        "opennebula_virtual_machine",
    }
)

# A database's resource type -> the type a read replica of it beside it is written as.
REPLICA_TYPES = {"scaleway_rdb_instance": "scaleway_rdb_read_replica"}

# Same kind, another resource type, depending on what the item is attached to.
ATTACHED_TYPES: dict[tuple[str, Kind, Kind], str] = {
    ("scaleway", Kind.PUBLIC_IP, Kind.LOAD_BALANCER): "scaleway_lb_ip",
}
