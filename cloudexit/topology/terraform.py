"""Terraform resource attributes (state or plan values) to topology, per provider.

Rules written as their own resources (``azurerm_network_security_rule``,
``openstack_networking_secgroup_rule_v2``, ``aws_security_group_rule``) are mapped here and
folded into the group they belong to by the importer."""

from __future__ import annotations

from typing import Any

from cloudexit.model.topology import Topology
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
    if tf_type == "google_compute_subnetwork":
        return Mapped(Topology(cidrs=[v["ip_cidr_range"]] if v.get("ip_cidr_range") else []))
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
