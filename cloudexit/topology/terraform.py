"""Terraform resource attributes (state or plan values) to topology, per provider.

Rules written as their own resources (``azurerm_network_security_rule``,
``openstack_networking_secgroup_rule_v2``, ``aws_security_group_rule``) are mapped here and
folded into the group they belong to by the importer."""

from __future__ import annotations

from typing import Any

from cloudexit.model.topology import HealthCheck, Topology
from cloudexit.topology import Mapped, aws, azure, gcp, openstack

RULE_TYPES = frozenset(
    {
        "azurerm_network_security_rule",
        "openstack_networking_secgroup_rule_v2",
        "aws_security_group_rule",
    }
)
GROUP_OF_RULE = {
    "azurerm_network_security_rule": "azurerm_network_security_group",
    "openstack_networking_secgroup_rule_v2": "openstack_networking_secgroup_v2",
    "aws_security_group_rule": "aws_security_group",
}

_AZURE_RECORDS = ("a", "aaaa", "caa", "cname", "mx", "ns", "ptr", "srv", "txt")
_AZURE_PRIVATE_RECORDS = ("a", "aaaa", "cname", "mx", "ptr", "srv", "txt")

# Listeners, health checks and DNS records written as their own resources: the types they belong
# to. The importer folds each into its balancer or zone, as the scans read them.
PARENT_OF_PART = {
    "azurerm_lb_rule": frozenset({"azurerm_lb"}),
    "azurerm_lb_probe": frozenset({"azurerm_lb"}),
    **{f"azurerm_dns_{t}_record": frozenset({"azurerm_dns_zone"}) for t in _AZURE_RECORDS},
    **{
        f"azurerm_private_dns_{t}_record": frozenset({"azurerm_private_dns_zone"})
        for t in _AZURE_PRIVATE_RECORDS
    },
    "aws_lb_listener": frozenset({"aws_lb", "aws_alb"}),
    "aws_alb_listener": frozenset({"aws_lb", "aws_alb"}),
    "aws_route53_record": frozenset({"aws_route53_zone"}),
    "openstack_lb_listener_v2": frozenset({"openstack_lb_loadbalancer_v2"}),
    "openstack_dns_recordset_v2": frozenset({"openstack_dns_zone_v2"}),
    "google_dns_record_set": frozenset({"google_dns_managed_zone"}),
}


def part(tf_type: str, v: dict[str, Any], zone_name: str) -> Mapped:
    """The listener or records one part resource adds to its parent (``PARENT_OF_PART``)."""
    if tf_type in ("aws_lb_listener", "aws_alb_listener"):
        return aws.listeners([{"Port": v.get("port"), "Protocol": v.get("protocol")}])
    if tf_type == "aws_route53_record":
        return aws.records(
            zone_name,
            [
                {
                    "Name": v.get("fqdn") or v.get("name"),
                    "Type": v.get("type"),
                    "TTL": v.get("ttl"),
                    "ResourceRecords": [{"Value": r} for r in v.get("records") or []],
                    "AliasTarget": next(
                        (
                            {"DNSName": a.get("name"), "HostedZoneId": a.get("zone_id")}
                            for a in _list(v.get("alias"))
                        ),
                        None,
                    ),
                    "SetIdentifier": v.get("set_identifier") or None,
                }
            ],
        )
    if tf_type == "azurerm_lb_rule":
        return azure.load_balancer(
            {
                "properties": {
                    "loadBalancingRules": [
                        {
                            "name": v.get("name"),
                            "properties": {
                                "protocol": v.get("protocol"),
                                "frontendPort": v.get("frontend_port"),
                                "backendPort": v.get("backend_port"),
                            },
                        }
                    ]
                }
            }
        )
    if tf_type == "azurerm_lb_probe":
        return azure.load_balancer(
            {
                "properties": {
                    "probes": [
                        {
                            "name": v.get("name"),
                            "properties": {
                                "protocol": v.get("protocol"),
                                "port": v.get("port"),
                                "requestPath": v.get("request_path"),
                            },
                        }
                    ]
                }
            }
        )
    if tf_type.startswith(("azurerm_dns_", "azurerm_private_dns_")):
        return azure.record_sets(zone_name, [_azure_record_set(tf_type, v)])
    if tf_type == "openstack_lb_listener_v2":
        return openstack.listeners([v])
    if tf_type == "openstack_dns_recordset_v2":
        return openstack.records(zone_name, [v])
    if tf_type == "google_dns_record_set":
        return gcp.records(zone_name, [v])
    return Mapped()


def _azure_record_set(tf_type: str, v: dict[str, Any]) -> dict[str, Any]:
    """An ``azurerm_dns_*_record`` or ``azurerm_private_dns_*_record`` as the ARM record set the
    Azure scan reads (``properties`` with ``TTL``, ``ARecords`` ...)."""
    rtype = (
        tf_type.removeprefix("azurerm_private_dns_")
        .removeprefix("azurerm_dns_")
        .removesuffix("_record")
    ).upper()
    records = [r for r in v.get("records") or [] if r]
    blocks = _list(v.get("record"))
    cname = v.get("record") if isinstance(v.get("record"), str) else None
    props: dict[str, Any] = {
        "TTL": v.get("ttl"),
        "ARecords": [{"ipv4Address": r} for r in records] if rtype == "A" else None,
        "AAAARecords": [{"ipv6Address": r} for r in records] if rtype == "AAAA" else None,
        "NSRecords": [{"nsdname": r} for r in records] if rtype == "NS" else None,
        "PTRRecords": [{"ptrdname": r} for r in records] if rtype == "PTR" else None,
        "CNAMERecord": {"cname": cname} if cname else None,
        "MXRecords": blocks if rtype == "MX" else None,
        "SRVRecords": blocks if rtype == "SRV" else None,
        "caaRecords": blocks if rtype == "CAA" else None,
        "TXTRecords": [{"value": [b.get("value")]} for b in blocks] if rtype == "TXT" else None,
    }
    if v.get("target_resource_id"):
        props["targetResource"] = {"id": v["target_resource_id"]}
    return {
        "name": v.get("name") or "@",
        "type": f"Microsoft.Network/dnszones/{rtype}",
        "properties": {k: value for k, value in props.items() if value is not None},
    }


def _aws_permission(block: dict[str, Any]) -> dict[str, Any]:
    """An ``ingress``/``egress`` block or ``aws_security_group_rule`` in the API's shape."""
    groups = list(block.get("security_groups") or [])
    if block.get("source_security_group_id"):
        groups.append(block["source_security_group_id"])
    if block.get("self"):
        groups.append("self")
    return {
        "IpProtocol": str(block.get("protocol", "")),
        "FromPort": block.get("from_port"),
        "ToPort": block.get("to_port"),
        "IpRanges": [{"CidrIp": c} for c in block.get("cidr_blocks") or []],
        "Ipv6Ranges": [{"CidrIpv6": c} for c in block.get("ipv6_cidr_blocks") or []],
        "PrefixListIds": [{"PrefixListId": p} for p in block.get("prefix_list_ids") or []],
        "UserIdGroupPairs": [{"GroupId": g} for g in groups],
    }


def _list(value: Any) -> list[dict[str, Any]]:
    return [v for v in value or [] if isinstance(v, dict)] if isinstance(value, list) else []


def topology(tf_type: str, v: dict[str, Any]) -> Mapped | None:
    """The topology of one resource, or None when its type carries none."""
    if tf_type in ("aws_security_group", "aws_default_security_group"):
        return aws.security_group(
            {
                "IpPermissions": [_aws_permission(b) for b in _list(v.get("ingress"))],
                "IpPermissionsEgress": [_aws_permission(b) for b in _list(v.get("egress"))],
            }
        )
    if tf_type == "aws_security_group_rule":
        key = "IpPermissionsEgress" if v.get("type") == "egress" else "IpPermissions"
        return aws.security_group({key: [_aws_permission(v)]})
    if tf_type in ("aws_vpc", "aws_subnet", "aws_default_vpc", "aws_default_subnet"):
        return Mapped(
            Topology(cidrs=[c for c in [v.get("cidr_block"), v.get("ipv6_cidr_block")] if c])
        )
    if tf_type == "azurerm_network_security_group":
        return azure.rules(_list(v.get("security_rule")), defaults=True)
    if tf_type == "azurerm_network_security_rule":
        return azure.rules([v], defaults=False)
    if tf_type == "azurerm_virtual_network":
        return Mapped(Topology(cidrs=[str(c) for c in v.get("address_space") or [] if c]))
    if tf_type == "azurerm_subnet":
        found = list(v.get("address_prefixes") or []) + (
            [v["address_prefix"]] if v.get("address_prefix") else []
        )
        return Mapped(Topology(cidrs=[str(c) for c in found if c]))
    if tf_type == "google_compute_firewall":
        return gcp.firewall(v, terraform=True)
    if tf_type in ("google_compute_security_policy", "google_compute_region_security_policy"):
        return gcp.security_policy(v, terraform=True)
    if tf_type == "google_compute_subnetwork":
        return Mapped(Topology(cidrs=[v["ip_cidr_range"]] if v.get("ip_cidr_range") else []))
    if tf_type in ("google_compute_forwarding_rule", "google_compute_global_forwarding_rule"):
        return gcp.forwarding_rule(v)
    if tf_type == "aws_elb":
        checks = _list(v.get("health_check"))
        return aws.classic_load_balancer(
            [
                {
                    "Listener": {
                        "Protocol": b.get("lb_protocol"),
                        "LoadBalancerPort": b.get("lb_port"),
                        "InstancePort": b.get("instance_port"),
                    }
                }
                for b in _list(v.get("listener"))
            ],
            {
                "Target": checks[0].get("target"),
                "Interval": checks[0].get("interval"),
                "Timeout": checks[0].get("timeout"),
                "HealthyThreshold": checks[0].get("healthy_threshold"),
                "UnhealthyThreshold": checks[0].get("unhealthy_threshold"),
            }
            if checks
            else None,
        )
    if tf_type in ("google_compute_health_check", "google_compute_region_health_check"):
        return gcp.health_check(v)
    if tf_type == "google_compute_http_health_check":
        return gcp.health_check(v, "HTTP")
    if tf_type == "google_compute_https_health_check":
        return gcp.health_check(v, "HTTPS")
    if tf_type == "openstack_lb_monitor_v2":
        protocol = str(v.get("type") or "").upper() or None
        check = HealthCheck(protocol=protocol, path=v.get("url_path") or None)
        return Mapped(Topology(health_check=check))
    if tf_type == "openstack_lb_member_v2":
        port = v.get("protocol_port")
        return Mapped(Topology(target_port=int(port) if port else None))
    if tf_type == "openstack_networking_secgroup_v2":
        if v.get("delete_default_rules") is True:
            return Mapped()
        # Neutron gives a new group these two rules; the state holds them only as the default.
        return openstack.rules(openstack.DEFAULT_EGRESS)
    if tf_type == "openstack_networking_secgroup_rule_v2":
        return openstack.rules([v])
    if tf_type == "openstack_networking_subnet_v2":
        return Mapped(Topology(cidrs=[v["cidr"]] if v.get("cidr") else []))
    return None
