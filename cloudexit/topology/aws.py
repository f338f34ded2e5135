"""AWS security groups in the API's shape (DescribeSecurityGroups, AWS CLI, AWS Config after
``pascal``): ``IpPermissions`` and ``IpPermissionsEgress``. Used by the connector and the
importers alike."""

from __future__ import annotations

from typing import Any

from cloudexit.model.topology import FirewallRule, Topology
from cloudexit.topology import Mapped, rule_or_problem

_PROTOCOLS = {
    "-1": "any",
    "tcp": "tcp",
    "6": "tcp",
    "udp": "udp",
    "17": "udp",
    "icmp": "icmp",
    "1": "icmp",
    "icmpv6": "icmpv6",
    "58": "icmpv6",
    "50": "esp",
    "51": "ah",
    "47": "gre",
}


def _peers(permission: dict[str, Any]) -> list[dict[str, str]]:
    peers: list[dict[str, str]] = []
    for r in permission.get("IpRanges") or []:
        if isinstance(r, dict) and r.get("CidrIp"):
            peers.append({"kind": "cidr", "value": str(r["CidrIp"])})
    for r in permission.get("Ipv6Ranges") or []:
        if isinstance(r, dict) and r.get("CidrIpv6"):
            peers.append({"kind": "cidr", "value": str(r["CidrIpv6"])})
    for r in permission.get("PrefixListIds") or []:
        if isinstance(r, dict) and r.get("PrefixListId"):
            peers.append({"kind": "tag", "value": str(r["PrefixListId"])})
    for r in permission.get("UserIdGroupPairs") or []:
        if isinstance(r, dict) and r.get("GroupId"):
            peers.append({"kind": "group", "value": str(r["GroupId"])})
    return peers


def _ports(
    protocol: str, permission: dict[str, Any]
) -> tuple[list[dict[str, int]], int | None, int | None]:
    low, high = permission.get("FromPort"), permission.get("ToPort")
    if protocol in ("tcp", "udp"):
        if low is None or int(low) < 0:
            return [], None, None
        top = int(high if high is not None else low)
        if int(low) <= 0 and top >= 65535:
            return [], None, None
        return [{"low": int(low), "high": top}], None, None
    if protocol in ("icmp", "icmpv6"):
        icmp_type = int(low) if low is not None and int(low) >= 0 else None
        icmp_code = (
            int(high) if icmp_type is not None and high is not None and int(high) >= 0 else None
        )
        return [], icmp_type, icmp_code
    return [], None, None


def security_group(group: dict[str, Any]) -> Mapped:
    out = Mapped()
    rules: list[FirewallRule] = []
    for key, direction in (("IpPermissions", "ingress"), ("IpPermissionsEgress", "egress")):
        for n, permission in enumerate(group.get(key) or []):
            label = f"{direction} rule {n + 1}"
            if not isinstance(permission, dict):
                out.problems.append(f"{label}: not an object")
                continue
            raw = str(permission.get("IpProtocol", "")).lower()
            protocol = _PROTOCOLS.get(raw)
            if protocol is None:
                out.problems.append(f"{label}: IP protocol {raw!r} is not one cloudexit translates")
                continue
            peers = _peers(permission)
            if not peers:
                out.problems.append(f"{label}: no address range, prefix list or group")
                continue
            try:
                ports, icmp_type, icmp_code = _ports(protocol, permission)
            except (TypeError, ValueError):
                out.problems.append(
                    f"{label}: ports {permission.get('FromPort')!r}-{permission.get('ToPort')!r}"
                )
                continue
            local = [{"kind": "any"}]
            rule_or_problem(
                {
                    "direction": direction,
                    "protocol": protocol,
                    "ports": ports,
                    "icmp_type": icmp_type,
                    "icmp_code": icmp_code,
                    "sources": peers if direction == "ingress" else local,
                    "destinations": local if direction == "ingress" else peers,
                },
                label,
                rules,
                out.problems,
            )
    out.topology = Topology(firewall_rules=rules)
    return out


def cidrs(item: dict[str, Any]) -> Topology:
    """A VPC's or subnet's ranges."""
    found = [
        c.get("CidrBlock") for c in item.get("CidrBlockAssociationSet") or [] if isinstance(c, dict)
    ]
    found += [
        c.get("Ipv6CidrBlock")
        for c in item.get("Ipv6CidrBlockAssociationSet") or []
        if isinstance(c, dict)
    ]
    found.append(item.get("CidrBlock"))
    return Topology(cidrs=sorted({str(c) for c in found if c}))
