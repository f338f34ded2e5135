"""Sizing facts of Terraform resources, per resource type, from their (already redacted) values.

Each reader returns Attributes fields; ``details`` keeps the native facts emitters need
(rules, listeners, CIDRs). Values a plan does not know yet are simply absent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cloudexit.importers.refine import engine_name
from cloudexit.jsonvalues import number
from cloudexit.model.boot_disks import BOOT_DISK, BOOT_GIB
from cloudexit.model.bucket_access import default_encryption
from cloudexit.model.data_disks import DATA_DISKS
from cloudexit.model.function_settings import environment_details
from cloudexit.model.inventory import EBS_BLOCKS, ROOT_VOLUME
from cloudexit.model.scaling import scaling_bounds

Fields = dict[str, Any]
Reader = Callable[[dict[str, Any]], Fields]


def block(values: dict[str, Any], name: str) -> dict[str, Any]:
    """The first item of a nested block (Terraform writes single blocks as one-item lists)."""
    value = values.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, dict) else {}


def blocks(values: dict[str, Any], name: str) -> list[dict[str, Any]]:
    value = values.get(name)
    if isinstance(value, dict):
        return [value]
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def mapping(value: Any) -> dict[str, Any]:
    """``value`` when it is an object, else an empty one."""
    return value if isinstance(value, dict) else {}


def positive(value: Any) -> float | None:
    found = number(value)
    return found if found is not None and found > 0 else None


def count(value: Any) -> int | None:
    found = number(value)
    return int(found) if found is not None and found >= 0 else None


def text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def clean_fields(fields: Fields) -> Fields:
    """Sizing fields without empty values; an empty ``details`` is dropped."""
    out = {k: v for k, v in fields.items() if v is not None and k != "details"}
    details = {
        k: v for k, v in (fields.get("details") or {}).items() if v not in (None, "", [], {})
    }
    if details:
        out["details"] = details
    return out


def _total(*sizes: float | None) -> float | None:
    known = [s for s in sizes if s is not None]
    return sum(known) if known else None


def _rules(items: list[dict[str, Any]], keys: tuple[str, ...]) -> list[dict[str, Any]]:
    rules = []
    for item in items:
        rule = {k: item[k] for k in keys if item.get(k) not in (None, "", [])}
        if rule:
            rules.append(rule)
    return rules


# --- AWS -------------------------------------------------------------------------------------


def aws_instance(v: dict[str, Any]) -> Fields:
    cores, threads = number(v.get("cpu_core_count")), number(v.get("cpu_threads_per_core"))
    root = block(v, "root_block_device")
    ebs = [
        {"gib": size, "volume_type": b.get("volume_type"), "volume_id": b.get("volume_id")}
        for b in blocks(v, "ebs_block_device")
        if (size := positive(b.get("volume_size")))
    ]
    return {
        "instance_type": text(v.get("instance_type")),
        "vcpu": cores * threads if cores and threads else None,
        "storage_gib": _total(positive(root.get("volume_size")), *(b["gib"] for b in ebs)),
        "storage_class": text(root.get("volume_type")),
        "state": text(v.get("instance_state")),
        "details": {
            "ami": text(v.get("ami")),
            "subnet_id": text(v.get("subnet_id")),
            ROOT_VOLUME: text(root.get("volume_id")),
            BOOT_GIB: positive(root.get("volume_size")),
            EBS_BLOCKS: [{k: x for k, x in b.items() if text(x) or k == "gib"} for b in ebs],
        },
    }


def aws_db_instance(v: dict[str, Any]) -> Fields:
    storage, iops = positive(v.get("allocated_storage")), count(positive(v.get("iops")))
    declared = text(v.get("storage_type"))
    # A plan leaves storage_type unset where the configuration does: the AWS provider documents
    # io1 as the default when iops are set, else gp2 (aws_db_instance argument reference).
    assumed = None if declared or not storage else ("io1" if iops else "gp2")
    return {
        "instance_type": text(v.get("instance_class")),
        "engine": engine_name(text(v.get("engine"))),
        "engine_version": text(v.get("engine_version")),
        "storage_gib": storage,
        "storage_class": declared or assumed,
        "iops": iops,
        "high_availability": v.get("multi_az") if isinstance(v.get("multi_az"), bool) else None,
        "state": text(v.get("status")),
        "details": {
            "port": v.get("port"),
            "identifier": text(v.get("identifier")),
            "replicate_source_db": text(v.get("replicate_source_db")),
            "storage_type_assumed": assumed,
            # as written (sqlserver-se): a SQL Server's list rate is its edition's
            "engine": text(v.get("engine")),
        },
    }


def aws_rds_cluster(v: dict[str, Any]) -> Fields:
    zones = v.get("availability_zones")
    return {
        "engine": engine_name(text(v.get("engine")) or "aurora"),
        "engine_version": text(v.get("engine_version")),
        "storage_gib": positive(v.get("allocated_storage")),
        "instance_type": text(v.get("db_cluster_instance_class")),
        "high_availability": len(zones) > 1 if isinstance(zones, list) and zones else None,
        "details": {"engine_mode": text(v.get("engine_mode")), "port": v.get("port")},
    }


def aws_rds_cluster_instance(v: dict[str, Any]) -> Fields:
    return {
        "instance_type": text(v.get("instance_class")),
        "engine": engine_name(text(v.get("engine"))),
        "engine_version": text(v.get("engine_version")),
        "details": {"cluster_identifier": text(v.get("cluster_identifier"))},
    }


def aws_dynamodb_table(v: dict[str, Any]) -> Fields:
    return {
        "engine": "dynamodb",
        "billing_mode": text(v.get("billing_mode")),
        "details": {
            "read_capacity": v.get("read_capacity"),
            "write_capacity": v.get("write_capacity"),
            "hash_key": text(v.get("hash_key")),
            "range_key": text(v.get("range_key")),
        },
    }


def aws_lambda_function(v: dict[str, Any]) -> Fields:
    memory = positive(v.get("memory_size"))
    arch = v.get("architectures")
    return {
        "memory_gib": memory / 1024 if memory else None,
        "architecture": "arm64" if isinstance(arch, list) and "arm64" in arch else None,
        "details": {
            "runtime": text(v.get("runtime")),
            "timeout_s": v.get("timeout"),
            "handler": text(v.get("handler")),
            **environment_details(block(v, "environment").get("variables")),
        },
    }


def aws_eks_cluster(v: dict[str, Any]) -> Fields:
    return {"engine": "kubernetes", "engine_version": text(v.get("version"))}


def aws_eks_node_group(v: dict[str, Any]) -> Fields:
    types = v.get("instance_types")
    scaling = block(v, "scaling_config")
    return {
        "instance_type": text(types[0]) if isinstance(types, list) and types else None,
        "node_count": count(scaling.get("desired_size")),
        **scaling_bounds(
            scaling.get("desired_size"), scaling.get("min_size"), scaling.get("max_size")
        ),
        "storage_gib": positive(v.get("disk_size")),
        "details": {"min_size": scaling.get("min_size"), "max_size": scaling.get("max_size")}
        | {k: w for k, w in (("ami_type", text(v.get("ami_type"))),) if w}
        | ({"launch_template": True} if blocks(v, "launch_template") else {}),
    }


def aws_elasticache_cluster(v: dict[str, Any]) -> Fields:
    return {
        "instance_type": text(v.get("node_type")),
        "engine": engine_name(text(v.get("engine"))),
        "engine_version": text(v.get("engine_version")),
        "node_count": count(v.get("num_cache_nodes")),
    }


def aws_elasticache_replication_group(v: dict[str, Any]) -> Fields:
    nodes = v.get("num_cache_clusters", v.get("number_cache_clusters"))
    failover = v.get("automatic_failover_enabled")
    return {
        "instance_type": text(v.get("node_type")),
        "engine": engine_name(text(v.get("engine")) or "redis"),
        "engine_version": text(v.get("engine_version")),
        "node_count": count(nodes),
        "high_availability": failover if isinstance(failover, bool) else None,
    }


def aws_lb(v: dict[str, Any]) -> Fields:
    return {
        "details": {
            "load_balancer_type": text(v.get("load_balancer_type")) or "application",
            "internal": v.get("internal"),
        }
    }


def aws_elb(v: dict[str, Any]) -> Fields:
    keys = ("lb_port", "lb_protocol", "instance_port", "instance_protocol")
    return {
        "details": {
            "load_balancer_type": "classic",
            "internal": v.get("internal"),
            "listeners": _rules(blocks(v, "listener"), keys),
        }
    }


def aws_lb_listener(v: dict[str, Any]) -> Fields:
    return {"details": {"port": v.get("port"), "protocol": text(v.get("protocol"))}}


def aws_ebs_volume(v: dict[str, Any]) -> Fields:
    size, declared = positive(v.get("size")), text(v.get("type"))
    # A plan leaves type unset where the configuration does: the AWS provider documents gp2 as
    # the default (aws_ebs_volume argument reference).
    assumed = None if declared or not size else "gp2"
    return {
        "storage_gib": size,
        "storage_class": declared or assumed,
        "iops": count(positive(v.get("iops"))),
        "throughput_mibps": positive(v.get("throughput")),
        "details": {"storage_type_assumed": assumed},
    }


def aws_ebs_snapshot(v: dict[str, Any]) -> Fields:
    return {"storage_gib": positive(v.get("volume_size"))}


def aws_s3_bucket(v: dict[str, Any]) -> Fields:
    versioning = block(v, "versioning")
    return {
        "details": {
            "bucket": text(v.get("bucket")),
            "versioning": versioning.get("enabled"),
            # the bucket's canned ACL and default encryption, as AWS provider 3.x writes them inline
            "acl": text(v.get("acl")),
            "encryption": default_encryption(block(v, "server_side_encryption_configuration")),
        }
    }


def aws_elasticsearch_domain(v: dict[str, Any]) -> Fields:
    cluster = block(v, "cluster_config")
    ebs = block(v, "ebs_options")
    version = text(v.get("elasticsearch_version")) or text(v.get("engine_version"))
    return {
        "instance_type": text(cluster.get("instance_type")),
        "node_count": count(cluster.get("instance_count")),
        "storage_gib": positive(ebs.get("volume_size")),
        "engine": "opensearch"
        if version and version.lower().startswith("opensearch")
        else "elasticsearch",
        "engine_version": version,
    }


def aws_neptune_cluster(v: dict[str, Any]) -> Fields:
    return {"engine": "neptune", "engine_version": text(v.get("engine_version"))}


def aws_neptune_cluster_instance(v: dict[str, Any]) -> Fields:
    return {"instance_type": text(v.get("instance_class")), "engine": "neptune"}


def aws_docdb(v: dict[str, Any]) -> Fields:
    return {
        "instance_type": text(v.get("instance_class")),
        "engine": "mongodb",
        "engine_version": text(v.get("engine_version")),
    }


def aws_autoscaling_group(v: dict[str, Any]) -> Fields:
    return {
        "node_count": count(v.get("desired_capacity")),
        "details": {"min_size": v.get("min_size"), "max_size": v.get("max_size")},
    }


def google_instance_group_manager(v: dict[str, Any]) -> Fields:
    # its machine type is its instance template's, joined once every resource is read
    return {"node_count": count(v.get("target_size"))}


def google_instance_template(v: dict[str, Any]) -> Fields:
    return {"instance_type": text(v.get("machine_type"))}


def aws_security_group(v: dict[str, Any]) -> Fields:
    # its rules are typed (topology.firewall_rules)
    return {"details": {"vpc_id": text(v.get("vpc_id"))}}


def aws_cidr(v: dict[str, Any]) -> Fields:
    # its ranges are typed (topology.cidrs)
    return {"details": {"vpc_id": text(v.get("vpc_id"))}}


def aws_efs(v: dict[str, Any]) -> Fields:
    return {
        "details": {
            "performance_mode": text(v.get("performance_mode")),
            "throughput_mode": text(v.get("throughput_mode")),
        }
    }


def aws_redshift_cluster(v: dict[str, Any]) -> Fields:
    return {
        "instance_type": text(v.get("node_type")),
        "node_count": count(v.get("number_of_nodes")),
        "engine": "redshift",
    }


def aws_msk_cluster(v: dict[str, Any]) -> Fields:
    broker = block(v, "broker_node_group_info")
    storage = block(block(broker, "storage_info"), "ebs_storage_info")
    return {
        "instance_type": text(broker.get("instance_type")),
        "node_count": count(v.get("number_of_broker_nodes")),
        "storage_gib": positive(storage.get("volume_size")),
        "engine": "kafka",
        "engine_version": text(v.get("kafka_version")),
    }


def aws_kinesis_stream(v: dict[str, Any]) -> Fields:
    return {
        "node_count": count(v.get("shard_count")),
        "details": {"retention_hours": v.get("retention_period")},
    }


def aws_sqs_queue(v: dict[str, Any]) -> Fields:
    return {"details": {"fifo": v.get("fifo_queue")}}


def aws_route53_record(v: dict[str, Any]) -> Fields:
    return {
        "details": {
            # "records" is the details key of typed record objects; these are plain values
            "record_type": text(v.get("type")),
            "ttl": v.get("ttl"),
            "values": v.get("records"),
        }
    }


def aws_route53_zone(v: dict[str, Any]) -> Fields:
    # a zone associated with a VPC is a private hosted zone, answered only inside it
    return {"details": {"private": bool(blocks(v, "vpc"))}}


def _aws_route(b: dict[str, Any], prefix_key: str) -> dict[str, Any] | None:
    """A route to a VPC endpoint (a Network Firewall's endpoint is one); others are left out."""
    endpoint = text(b.get("vpc_endpoint_id"))
    prefix = text(b.get(prefix_key))
    if endpoint is None or prefix is None:
        return None
    return {"prefix": prefix, "next_hop": "VpcEndpoint", "next_hop_id": endpoint}


def aws_route_table(v: dict[str, Any]) -> Fields:
    rows = [_aws_route(b, "cidr_block") for b in blocks(v, "route")]
    return {"details": {"routes": [r for r in rows if r]}}


def aws_route(v: dict[str, Any]) -> Fields:
    row = _aws_route(v, "destination_cidr_block")
    return {"details": {"routes": [row] if row else []}}


def aws_networkfirewall_firewall(v: dict[str, Any]) -> Fields:
    """Its endpoints, one per zone, are what routes through it name as their next hop."""
    hops = {
        text(a.get("endpoint_id"))
        for status in blocks(v, "firewall_status")
        for state in blocks(status, "sync_states")
        for a in blocks(state, "attachment")
    }
    return {"details": {"firewall_hops": sorted(h for h in hops if h)}}


# --- Azure -----------------------------------------------------------------------------------


def azurerm_firewall(v: dict[str, Any]) -> Fields:
    """Its private addresses are what routes through it name as their next hop."""
    hops = [
        text(b.get("private_ip_address"))
        for name in ("ip_configuration", "virtual_hub")
        for b in blocks(v, name)
    ]
    return {
        "details": {
            "sku_name": text(v.get("sku_name")),
            "sku_tier": text(v.get("sku_tier")),
            "firewall_hops": sorted({h for h in hops if h}),
        }
    }


def _azure_route(b: dict[str, Any]) -> dict[str, Any]:
    row = {
        "name": text(b.get("name")),
        "prefix": text(b.get("address_prefix")),
        "next_hop": text(b.get("next_hop_type")),
        "next_hop_ip": text(b.get("next_hop_in_ip_address")),
    }
    return {k: v for k, v in row.items() if v is not None}


def azurerm_route_table(v: dict[str, Any]) -> Fields:
    return {"details": {"routes": [_azure_route(b) for b in blocks(v, "route")]}}


def azurerm_route(v: dict[str, Any]) -> Fields:
    return {"details": {"routes": [_azure_route(v)]}}


# --- OpenStack -------------------------------------------------------------------------------


def openstack_compute_instance_v2(v: dict[str, Any]) -> Fields:
    devices = blocks(v, "block_device")
    volumes = [positive(b.get("volume_size")) for b in devices]
    boot = next((b for b in devices if count(b.get("boot_index")) == 0), {})
    # the other sized devices are data disks, written as volumes beside the server; one made from
    # an existing volume (source_type volume) is dropped where the inventory holds that volume
    data = [
        {
            "name": f"block-device-{n}",
            "gib": size,
            **(
                {"id": uuid}
                if b.get("source_type") == "volume" and (uuid := text(b.get("uuid")))
                else {}
            ),
            **({"storage_class": kind} if (kind := text(b.get("volume_type"))) else {}),
        }
        for n, b in enumerate(devices)
        if b is not boot and (size := positive(b.get("volume_size")))
    ]
    return {
        "instance_type": text(v.get("flavor_name")) or text(v.get("flavor_id")),
        "storage_gib": _total(*volumes),
        "state": text(v.get("power_state")),
        "details": {
            "image_name": text(v.get("image_name")),
            BOOT_GIB: positive(boot.get("volume_size")),
            # a volume the server boots from (source_type volume) is a resource of its own
            BOOT_DISK: text(boot.get("uuid")) if boot.get("source_type") == "volume" else None,
            DATA_DISKS: data or None,
        },
    }


def openstack_volume(v: dict[str, Any]) -> Fields:
    return {"storage_gib": positive(v.get("size")), "storage_class": text(v.get("volume_type"))}


def openstack_db_instance_v1(v: dict[str, Any]) -> Fields:
    store = block(v, "datastore")
    return {
        "instance_type": text(v.get("flavor_id")),
        "storage_gib": positive(v.get("size")),
        "engine": engine_name(text(store.get("type"))),
        "engine_version": text(store.get("version")),
    }


def openstack_containerinfra_cluster_v1(v: dict[str, Any]) -> Fields:
    return {
        "instance_type": text(v.get("flavor")),
        "node_count": count(v.get("node_count")),
        "engine": "kubernetes",
    }


def google_bigtable_instance(v: dict[str, Any]) -> Fields:
    """Its clusters are inline blocks: their nodes are the instance's (a development instance
    states none and runs one)."""
    clusters = blocks(v, "cluster")
    return {
        "engine": "bigtable",
        "node_count": sum(count(c.get("num_nodes")) or 1 for c in clusters) or None,
        "storage_class": next(
            (str(c["storage_type"]).lower() for c in clusters if text(c.get("storage_type"))),
            None,
        ),
    }


def google_spanner_instance(v: dict[str, Any]) -> Fields:
    return {
        "engine": "spanner",
        "node_count": count(v.get("num_nodes")),
        "details": {"processing_units": v.get("processing_units")},
    }


def google_spanner_database(v: dict[str, Any]) -> Fields:
    """A part of its instance (``model.parts``), which carries its dialect."""
    return {"engine": "spanner", "details": {"database_dialect": text(v.get("database_dialect"))}}


def google_dns_managed_zone(v: dict[str, Any]) -> Fields:
    # "private" zones answer only inside the networks they name (public is the default)
    return {"details": {"visibility": text(v.get("visibility"))}}


def google_bigquery_table(v: dict[str, Any]) -> Fields:
    """A table's stored bytes: its dataset, which it is part of, carries the sum."""
    stored = positive(v.get("num_bytes"))
    return {"storage_gib": round(stored / 2**30, 3) if stored else None}


READERS: dict[str, Reader] = {
    "aws_instance": aws_instance,
    "aws_db_instance": aws_db_instance,
    "aws_rds_cluster": aws_rds_cluster,
    "aws_rds_cluster_instance": aws_rds_cluster_instance,
    "aws_dynamodb_table": aws_dynamodb_table,
    "aws_lambda_function": aws_lambda_function,
    "aws_eks_cluster": aws_eks_cluster,
    "aws_eks_node_group": aws_eks_node_group,
    "aws_elasticache_cluster": aws_elasticache_cluster,
    "aws_elasticache_replication_group": aws_elasticache_replication_group,
    "aws_lb": aws_lb,
    "aws_alb": aws_lb,
    "aws_elb": aws_elb,
    "aws_lb_listener": aws_lb_listener,
    "aws_alb_listener": aws_lb_listener,
    "aws_ebs_volume": aws_ebs_volume,
    "aws_ebs_snapshot": aws_ebs_snapshot,
    "aws_s3_bucket": aws_s3_bucket,
    "aws_elasticsearch_domain": aws_elasticsearch_domain,
    "aws_opensearch_domain": aws_elasticsearch_domain,
    "aws_neptune_cluster": aws_neptune_cluster,
    "aws_neptune_cluster_instance": aws_neptune_cluster_instance,
    "aws_docdb_cluster": aws_docdb,
    "aws_docdb_cluster_instance": aws_docdb,
    "aws_autoscaling_group": aws_autoscaling_group,
    "aws_security_group": aws_security_group,
    "aws_default_security_group": aws_security_group,
    "aws_vpc": aws_cidr,
    "aws_default_vpc": aws_cidr,
    "aws_subnet": aws_cidr,
    "aws_default_subnet": aws_cidr,
    "aws_efs_file_system": aws_efs,
    "aws_redshift_cluster": aws_redshift_cluster,
    "aws_msk_cluster": aws_msk_cluster,
    "aws_kinesis_stream": aws_kinesis_stream,
    "aws_sqs_queue": aws_sqs_queue,
    "aws_route53_record": aws_route53_record,
    "aws_route53_zone": aws_route53_zone,
    "google_dns_managed_zone": google_dns_managed_zone,
    "azurerm_firewall": azurerm_firewall,
    "azurerm_route_table": azurerm_route_table,
    "azurerm_route": azurerm_route,
    "aws_route_table": aws_route_table,
    "aws_route": aws_route,
    "aws_networkfirewall_firewall": aws_networkfirewall_firewall,
    "google_bigquery_table": google_bigquery_table,
    "google_bigtable_instance": google_bigtable_instance,
    "google_spanner_instance": google_spanner_instance,
    "google_spanner_database": google_spanner_database,
    "google_compute_instance_group_manager": google_instance_group_manager,
    "google_compute_region_instance_group_manager": google_instance_group_manager,
    "google_compute_instance_template": google_instance_template,
    "google_compute_region_instance_template": google_instance_template,
    "openstack_compute_instance_v2": openstack_compute_instance_v2,
    "openstack_blockstorage_volume_v2": openstack_volume,
    "openstack_blockstorage_volume_v3": openstack_volume,
    "openstack_db_instance_v1": openstack_db_instance_v1,
    "openstack_containerinfra_cluster_v1": openstack_containerinfra_cluster_v1,
}


def sizing(tf_type: str, values: dict[str, Any]) -> Fields:
    """Attributes fields for one resource; unknown types give no sizing, only the address."""
    reader = READERS.get(tf_type)
    return clean_fields(reader(values)) if reader else {}
