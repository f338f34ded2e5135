"""OpenStack topology in the API's shape: Neutron security group rules, Octavia listeners,
Designate recordsets (the connector; Terraform's ``openstack_networking_secgroup_rule_v2``,
``openstack_lb_listener_v2`` and ``openstack_dns_recordset_v2`` attributes use the same
names)."""

from __future__ import annotations

from typing import Any

from cloudexit.model.topology import DnsRecord, Listener, Topology
from cloudexit.topology import Mapped, rule_or_problem

_PROTOCOLS = {
    "": "any",
    "none": "any",
    "any": "any",
    "tcp": "tcp",
    "6": "tcp",
    "udp": "udp",
    "17": "udp",
    "icmp": "icmp",
    "1": "icmp",
    "ipv6-icmp": "icmpv6",
    "icmpv6": "icmpv6",
    "58": "icmpv6",
    "esp": "esp",
    "50": "esp",
    "ah": "ah",
    "51": "ah",
    "gre": "gre",
    "47": "gre",
}

# What Neutron adds to every new security group, unless told not to (Terraform's
# ``delete_default_rules``): all egress, IPv4 and IPv6.
DEFAULT_EGRESS: list[dict[str, Any]] = [
    {"direction": "egress", "ethertype": "IPv4", "description": "Neutron default egress (IPv4)"},
    {"direction": "egress", "ethertype": "IPv6", "description": "Neutron default egress (IPv6)"},
]


def rules(items: list[Any]) -> Mapped:
    out = Mapped()
    built: list[Any] = []
    for n, r in enumerate(items):
        label = f"rule {(r or {}).get('id') or n + 1}" if isinstance(r, dict) else f"rule {n + 1}"
        if not isinstance(r, dict):
            out.problems.append(f"{label}: not an object")
            continue
        direction = str(r.get("direction") or "").lower()
        protocol = _PROTOCOLS.get(str(r.get("protocol") or "").lower())
        if direction not in ("ingress", "egress") or protocol is None:
            out.problems.append(
                f"{label}: direction {r.get('direction')!r} or protocol {r.get('protocol')!r}"
            )
            continue
        if r.get("remote_ip_prefix"):
            peer = {"kind": "cidr", "value": str(r["remote_ip_prefix"])}
        elif r.get("remote_group_id"):
            peer = {"kind": "group", "value": str(r["remote_group_id"])}
        elif r.get("remote_address_group_id"):
            peer = {"kind": "group", "value": str(r["remote_address_group_id"])}
        else:
            # No remote: every address of the rule's ether type.
            v6 = str(r.get("ethertype") or "IPv4").lower() == "ipv6"
            peer = {"kind": "cidr", "value": "::/0" if v6 else "0.0.0.0/0"}
        low, high = r.get("port_range_min"), r.get("port_range_max")
        ports: list[dict[str, int]] = []
        icmp_type = icmp_code = None
        # Neutron refuses a port range without a protocol; one read anyway is kept, never widened.
        if protocol in ("tcp", "udp", "any") and low not in (None, "", 0):
            ports = [{"low": int(low), "high": int(high if high not in (None, "", 0) else low)}]
        elif protocol in ("icmp", "icmpv6") and low not in (None, ""):
            icmp_type = int(low)
            icmp_code = int(high) if high not in (None, "") else None
        local = [{"kind": "any"}]
        rule_or_problem(
            {
                "direction": direction,
                "protocol": protocol,
                "ports": ports,
                "icmp_type": icmp_type,
                "icmp_code": icmp_code,
                "sources": [peer] if direction == "ingress" else local,
                "destinations": local if direction == "ingress" else [peer],
                "description": str(r["description"]) if r.get("description") else None,
            },
            label,
            built,
            out.problems,
        )
    out.topology = Topology(firewall_rules=built)
    return out


def listeners(items: list[dict[str, Any]], backend_ports: dict[str, int] | None = None) -> Mapped:
    """Octavia listeners (the API's and Terraform's ``protocol``, ``protocol_port``);
    ``backend_ports``: listener id -> the port its pool's members take, where they agree."""
    out = Mapped()
    found: list[Listener] = []
    for n, item in enumerate(items):
        label = f"listener {item.get('name') or item.get('id') or n + 1}"
        if item.get("protocol_port") in (None, ""):
            out.problems.append(f"{label}: no port")
            continue
        try:
            found.append(
                Listener(
                    protocol=str(item.get("protocol") or "TCP").upper(),
                    port=int(item["protocol_port"]),
                    target_port=(backend_ports or {}).get(str(item.get("id"))),
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            out.problems.append(f"{label}: {str(exc).splitlines()[-1].strip()}")
    out.topology = Topology(listeners=sorted(found, key=lambda x: (x.port, x.protocol)))
    return out


def records(zone_name: str, items: list[dict[str, Any]]) -> Mapped:
    """Designate recordsets (``name``, ``type``, ``ttl``, ``records``), less the apex SOA and
    NS Designate writes itself."""
    out = Mapped()
    found: list[DnsRecord] = []
    zone = zone_name.rstrip(".").lower()
    for item in items:
        name, rtype = str(item.get("name") or ""), str(item.get("type") or "").upper()
        if name.rstrip(".").lower() == zone and rtype in ("SOA", "NS"):
            continue
        try:
            found.append(
                DnsRecord(
                    name=name,
                    type=rtype,
                    ttl=item.get("ttl"),
                    values=sorted(str(v) for v in item.get("records") or []),
                )
            )
        except (TypeError, ValueError) as exc:
            out.problems.append(f"record {name} {rtype}: {str(exc).splitlines()[-1].strip()}")
    out.topology = Topology(
        zone_name=zone or None, records=sorted(found, key=lambda r: (r.name, r.type))
    )
    return out
