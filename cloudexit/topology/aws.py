"""AWS topology in the API's shape (AWS CLI and AWS Config after ``pascal`` alike): security
groups (``IpPermissions``, ``IpPermissionsEgress``), ranges, load balancer listeners, target
groups and Route 53 records. Used by the connector and the importers alike."""

from __future__ import annotations

from typing import Any

from cloudexit.model.topology import DnsRecord, FirewallRule, HealthCheck, Listener, Topology
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


def _listener(
    label: str, protocol: Any, port: Any, target_port: Any, out: list[Listener], problems: list[str]
) -> None:
    try:
        out.append(
            Listener(
                protocol=str(protocol or "").upper() or "TCP",
                port=int(port),
                target_port=int(target_port) if target_port not in (None, "") else None,
            )
        )
    except (TypeError, ValueError) as exc:
        problems.append(f"{label}: {str(exc).splitlines()[-1].strip()}")


def listeners(raw: list[dict[str, Any]]) -> Mapped:
    """ELBv2 DescribeListeners items (Port, Protocol) or classic ELB ListenerDescriptions
    (Listener.LoadBalancerPort, Protocol, InstancePort)."""
    out = Mapped()
    found: list[Listener] = []
    for n, item in enumerate(raw):
        label = f"listener {n + 1}"
        if not isinstance(item, dict):
            out.problems.append(f"{label}: not an object")
            continue
        classic = item.get("Listener") if isinstance(item.get("Listener"), dict) else None
        if classic is not None:
            _listener(
                label,
                classic.get("Protocol"),
                classic.get("LoadBalancerPort"),
                classic.get("InstancePort"),
                found,
                out.problems,
            )
        else:
            _listener(label, item.get("Protocol"), item.get("Port"), None, found, out.problems)
    out.topology = Topology(listeners=sorted(found, key=lambda x: (x.port, x.protocol)))
    return out


def _positive(value: Any) -> int | None:
    return int(value) if isinstance(value, int | float) and value >= 1 else None


def classic_health_check(check: dict[str, Any]) -> HealthCheck | None:
    """A classic ELB's HealthCheck: its target (``HTTP:8000/index.html``, ``TCP:22``, ``SSL:443``),
    interval, timeout and thresholds."""
    protocol, _, rest = str(check.get("Target") or "").partition(":")
    port, slash, path = rest.partition("/")
    if not protocol or not port.isdigit() or not 1 <= int(port) <= 65535:
        return None
    web = protocol.upper() in ("HTTP", "HTTPS")
    return HealthCheck(
        protocol=protocol.upper(),
        port=int(port),
        path=f"/{path}" if web and slash else None,
        interval_s=_positive(check.get("Interval")),
        timeout_s=_positive(check.get("Timeout")),
        healthy_threshold=_positive(check.get("HealthyThreshold")),
        unhealthy_threshold=_positive(check.get("UnhealthyThreshold")),
    )


def classic_load_balancer(
    listener_descriptions: list[dict[str, Any]], check: dict[str, Any] | None
) -> Mapped:
    """A classic ELB: its listeners and the health check it runs on its instances."""
    out = listeners(listener_descriptions)
    found = classic_health_check(check) if check else None
    out.topology = out.topology.model_copy(update={"health_check": found})
    return out


def target_group(item: dict[str, Any]) -> Mapped:
    """A DescribeTargetGroups item: the backend port and its health check."""
    out = Mapped()
    port = item.get("Port")
    check_port = str(item.get("HealthCheckPort") or "")  # "traffic-port": the target port
    try:
        out.topology = Topology(
            target_port=int(port) if port else None,
            health_check=HealthCheck(
                protocol=item.get("HealthCheckProtocol"),
                port=int(check_port) if check_port.isdigit() else None,
                path=item.get("HealthCheckPath"),
                interval_s=item.get("HealthCheckIntervalSeconds"),
                timeout_s=item.get("HealthCheckTimeoutSeconds"),
                healthy_threshold=item.get("HealthyThresholdCount"),
                unhealthy_threshold=item.get("UnhealthyThresholdCount"),
            )
            if item.get("HealthCheckProtocol") or item.get("HealthCheckPath")
            else None,
        )
    except (TypeError, ValueError) as exc:
        out.problems.append(f"target group: {str(exc).splitlines()[-1].strip()}")
    return out


def records(zone_name: str, raw: list[dict[str, Any]]) -> Mapped:
    """ListResourceRecordSets items, less the apex SOA and NS records the DNS host writes.
    Alias records and routing policies (weighted, latency,
    failover, geolocation) have no plain record equivalent: each is a problem, not a guess."""
    out = Mapped()
    found: list[DnsRecord] = []
    for item in raw:
        if not isinstance(item, dict):
            out.problems.append("record: not an object")
            continue
        label = f"record {item.get('Name')} {item.get('Type')}"
        apex = str(item.get("Name") or "").rstrip(".").lower() == zone_name.rstrip(".").lower()
        if apex and item.get("Type") in ("SOA", "NS"):
            continue  # the hosting provider's own: the target zone gets its own
        if item.get("AliasTarget"):
            target = (item.get("AliasTarget") or {}).get("DNSName")
            out.problems.append(f"{label}: an alias to {target} has no plain record equivalent")
            continue
        if item.get("SetIdentifier"):
            out.problems.append(
                f"{label}: a routing policy ({item['SetIdentifier']}) is not kept by a plain record"
            )
            continue
        try:
            found.append(
                DnsRecord(
                    name=str(item.get("Name") or ""),
                    type=str(item.get("Type") or "").upper(),
                    ttl=item.get("TTL"),
                    values=sorted(
                        str(v["Value"])
                        for v in item.get("ResourceRecords") or []
                        if isinstance(v, dict) and v.get("Value") is not None
                    ),
                )
            )
        except (TypeError, ValueError) as exc:
            out.problems.append(f"{label}: {str(exc).splitlines()[-1].strip()}")
    out.topology = Topology(
        zone_name=zone_name.rstrip(".") or None,
        records=sorted(found, key=lambda r: (r.name, r.type)),
    )
    return out
