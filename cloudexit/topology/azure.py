"""Azure topology from ARM bodies (as the ARM API, Resource Graph and the connector give
them): network security groups (``properties.securityRules`` and ``defaultSecurityRules``,
Terraform's ``azurerm`` rule attributes read through the same rule reader), load balancer
rules and probes, application gateway listeners and DNS record sets."""

from __future__ import annotations

import ipaddress
from typing import Any

from cloudexit.model.topology import DnsRecord, HealthCheck, Listener, Topology
from cloudexit.topology import Mapped, rule_or_problem

_PROTOCOLS = {"tcp": "tcp", "udp": "udp", "icmp": "icmp", "*": "any", "esp": "esp", "ah": "ah"}

# Every NSG has these, whether or not a source lists them (Azure documents them as fixed).
_DEFAULTS: list[dict[str, Any]] = [
    {
        "name": "AllowVnetInBound",
        "direction": "Inbound",
        "access": "Allow",
        "priority": 65000,
        "sourceAddressPrefix": "VirtualNetwork",
        "destinationAddressPrefix": "VirtualNetwork",
    },
    {
        "name": "AllowAzureLoadBalancerInBound",
        "direction": "Inbound",
        "access": "Allow",
        "priority": 65001,
        "sourceAddressPrefix": "AzureLoadBalancer",
        "destinationAddressPrefix": "*",
    },
    {
        "name": "DenyAllInBound",
        "direction": "Inbound",
        "access": "Deny",
        "priority": 65500,
        "sourceAddressPrefix": "*",
        "destinationAddressPrefix": "*",
    },
    {
        "name": "AllowVnetOutBound",
        "direction": "Outbound",
        "access": "Allow",
        "priority": 65000,
        "sourceAddressPrefix": "VirtualNetwork",
        "destinationAddressPrefix": "VirtualNetwork",
    },
    {
        "name": "AllowInternetOutBound",
        "direction": "Outbound",
        "access": "Allow",
        "priority": 65001,
        "sourceAddressPrefix": "*",
        "destinationAddressPrefix": "Internet",
    },
    {
        "name": "DenyAllOutBound",
        "direction": "Outbound",
        "access": "Deny",
        "priority": 65500,
        "sourceAddressPrefix": "*",
        "destinationAddressPrefix": "*",
    },
]
for _d in _DEFAULTS:
    _d.update({"protocol": "*", "sourcePortRange": "*", "destinationPortRange": "*"})

_SNAKE = {
    "source_address_prefix": "sourceAddressPrefix",
    "source_address_prefixes": "sourceAddressPrefixes",
    "destination_address_prefix": "destinationAddressPrefix",
    "destination_address_prefixes": "destinationAddressPrefixes",
    "source_port_range": "sourcePortRange",
    "source_port_ranges": "sourcePortRanges",
    "destination_port_range": "destinationPortRange",
    "destination_port_ranges": "destinationPortRanges",
    "source_application_security_group_ids": "sourceApplicationSecurityGroups",
    "destination_application_security_group_ids": "destinationApplicationSecurityGroups",
}


def _camel(rule: dict[str, Any]) -> dict[str, Any]:
    """An ARM rule's properties, whether given as ARM (nested or flat) or Terraform attributes."""
    props: dict[str, Any] = rule["properties"] if isinstance(rule.get("properties"), dict) else rule
    out = {_SNAKE.get(k, k): v for k, v in props.items()}
    out.setdefault("name", rule.get("name"))
    for key in ("sourceApplicationSecurityGroups", "destinationApplicationSecurityGroups"):
        groups = out.get(key) or []
        out[key] = [g.get("id") if isinstance(g, dict) else g for g in groups if g]
    return out


def _list(single: Any, many: Any) -> list[str]:
    values = [v for v in (many or []) if v not in (None, "")]
    if single not in (None, ""):
        values.append(single)
    return [str(v) for v in values]


def _endpoint(value: str) -> dict[str, str]:
    if value == "*":
        return {"kind": "any"}
    try:
        return {"kind": "cidr", "value": str(ipaddress.ip_network(value, strict=False))}
    except ValueError:
        return {"kind": "tag", "value": value}


def _ports(values: list[str]) -> list[dict[str, int]] | None:
    """Port ranges; [] for every port; None when a value is not a port or range."""
    ports = []
    for value in values:
        if value == "*":
            return []
        low, _, high = value.partition("-")
        if not low.strip().isdigit() or (high and not high.strip().isdigit()):
            return None
        ports.append({"low": int(low), "high": int(high or low)})
    return ports


def rules(items: list[Any], *, defaults: bool) -> Mapped:
    """``defaults``: add Azure's default rules when the source does not list them."""
    out = Mapped()
    built: list[Any] = []
    for n, raw in enumerate(items):
        label = f"rule {n + 1}"
        if not isinstance(raw, dict):
            out.problems.append(f"{label}: not an object")
            continue
        r = _camel(raw)
        label = f"rule {r.get('name') or n + 1}"
        direction = {"inbound": "ingress", "outbound": "egress"}.get(
            str(r.get("direction", "")).lower()
        )
        action = {"allow": "allow", "deny": "deny"}.get(str(r.get("access", "")).lower())
        protocol = _PROTOCOLS.get(str(r.get("protocol", "")).lower())
        if direction is None or action is None or protocol is None:
            out.problems.append(
                f"{label}: direction {r.get('direction')!r}, access {r.get('access')!r} or "
                f"protocol {r.get('protocol')!r} not understood"
            )
            continue
        source_ports = _list(r.get("sourcePortRange"), r.get("sourcePortRanges"))
        if source_ports and source_ports != ["*"]:
            out.problems.append(
                f"{label}: limits source ports ({', '.join(source_ports)}), which target rules cannot"
            )
            continue
        ports = _ports(
            _list(r.get("destinationPortRange"), r.get("destinationPortRanges")) or ["*"]
        )
        if ports is None:
            out.problems.append(f"{label}: destination ports not understood")
            continue
        sources = [
            _endpoint(v)
            for v in _list(r.get("sourceAddressPrefix"), r.get("sourceAddressPrefixes"))
        ]
        sources += [
            {"kind": "group", "value": str(g)} for g in r["sourceApplicationSecurityGroups"]
        ]
        dests = [
            _endpoint(v)
            for v in _list(r.get("destinationAddressPrefix"), r.get("destinationAddressPrefixes"))
        ]
        dests += [
            {"kind": "group", "value": str(g)} for g in r["destinationApplicationSecurityGroups"]
        ]
        if not sources or not dests:
            out.problems.append(f"{label}: no source or destination")
            continue
        rule_or_problem(
            {
                "direction": direction,
                "action": action,
                "priority": int(r["priority"]) if str(r.get("priority", "")).isdigit() else None,
                "protocol": protocol,
                "ports": ports if protocol in ("tcp", "udp", "any") else [],
                "sources": sources,
                "destinations": dests,
                "name": str(r["name"]) if r.get("name") else None,
                "description": str(r["description"]) if r.get("description") else None,
            },
            label,
            built,
            out.problems,
        )
    if defaults and not any(r.priority is not None and r.priority >= 65000 for r in built):
        out2 = rules(_DEFAULTS, defaults=False)
        built += out2.topology.firewall_rules
    built.sort(
        key=lambda r: (r.direction, r.priority if r.priority is not None else 0, r.name or "")
    )
    out.topology = Topology(firewall_rules=built)
    return out


def network_security_group(body: dict[str, Any]) -> Mapped:
    """An NSG's ARM body (``properties`` with ``securityRules`` and ``defaultSecurityRules``)."""
    props: dict[str, Any] = body["properties"] if isinstance(body.get("properties"), dict) else body
    items = list(props.get("securityRules") or []) + list(props.get("defaultSecurityRules") or [])
    out = rules(items, defaults=True)
    if "securityRules" not in props:
        out.problems.append(
            "rules: the export does not carry the group's own rules (only Azure's defaults are known)"
        )
    return out


def address_space(body: dict[str, Any]) -> Topology:
    """A virtual network's or subnet's prefixes."""
    props: dict[str, Any] = body["properties"] if isinstance(body.get("properties"), dict) else body
    found = list((props.get("addressSpace") or {}).get("addressPrefixes") or [])
    found += list(props.get("addressPrefixes") or [])
    if props.get("addressPrefix"):
        found.append(props["addressPrefix"])
    return Topology(cidrs=[str(c) for c in found if c])


def _dig(item: Any, *path: str) -> Any:
    for key in path:
        item = item.get(key) if isinstance(item, dict) else None
    return item


def load_balancer(body: dict[str, Any]) -> Mapped:
    """A load balancer's ARM body: each load-balancing rule a listener (frontend port to
    backend port), its first probe the health check. An HA-ports rule (protocol All, port 0)
    has no listener equivalent: a problem, not a guess."""
    out = Mapped()
    props = body.get("properties") or {}
    found: list[Listener] = []
    for n, rule in enumerate(props.get("loadBalancingRules") or []):
        label = f"load-balancing rule {_dig(rule, 'name') or n + 1}"
        protocol = str(_dig(rule, "properties", "protocol") or "Tcp").upper()
        front = _dig(rule, "properties", "frontendPort")
        back = _dig(rule, "properties", "backendPort")
        if protocol == "ALL" or front in (0, "0"):
            out.problems.append(f"{label}: HA ports (every port, every protocol)")
            continue
        try:
            found.append(
                Listener(
                    protocol=protocol,
                    port=int(front),
                    target_port=int(back) if back not in (None, "", 0) else None,
                )
            )
        except (TypeError, ValueError) as exc:
            out.problems.append(f"{label}: {str(exc).splitlines()[-1].strip()}")
    check = None
    probes = sorted(props.get("probes") or [], key=lambda p: str(_dig(p, "name") or ""))
    if probes:
        probe = probes[0].get("properties") or {}
        try:
            check = HealthCheck(
                protocol=str(probe.get("protocol") or "") or None,
                port=int(probe["port"]) if probe.get("port") else None,
                path=probe.get("requestPath"),
                interval_s=probe.get("intervalInSeconds"),
                unhealthy_threshold=probe.get("numberOfProbes"),
            )
        except (TypeError, ValueError) as exc:
            out.problems.append(f"probe: {str(exc).splitlines()[-1].strip()}")
    out.topology = Topology(
        listeners=sorted(found, key=lambda x: (x.port, x.protocol)), health_check=check
    )
    return out


def application_gateway(body: dict[str, Any]) -> Mapped:
    """An application gateway's ARM body: each HTTP listener on its frontend port."""
    out = Mapped()
    props = body.get("properties") or {}
    ports = {
        str(p.get("id") or "").lower(): _dig(p, "properties", "port")
        for p in props.get("frontendPorts") or []
        if isinstance(p, dict)
    }
    found: list[Listener] = []
    for n, listener in enumerate(props.get("httpListeners") or []):
        label = f"listener {_dig(listener, 'name') or n + 1}"
        port = ports.get(str(_dig(listener, "properties", "frontendPort", "id") or "").lower())
        try:
            found.append(
                Listener(
                    protocol=str(_dig(listener, "properties", "protocol") or "Http").upper(),
                    port=int(port),  # type: ignore[arg-type]
                )
            )
        except (TypeError, ValueError) as exc:
            out.problems.append(f"{label}: {str(exc).splitlines()[-1].strip()}")
    out.topology = Topology(listeners=sorted(found, key=lambda x: (x.port, x.protocol)))
    return out


def record_sets(zone_name: str, items: list[dict[str, Any]]) -> Mapped:
    """A DNS zone's record sets (ARM ``properties``: ``TTL``, ``ARecords`` ...), less the apex
    SOA and NS Azure writes itself. An alias record set (``targetResource``) has no plain
    record equivalent: a problem, not a guess."""
    out = Mapped()
    found: list[DnsRecord] = []
    zone = zone_name.rstrip(".").lower()
    for item in items:
        props = _public_spelling(item.get("properties") or {})
        rtype = str(item.get("type") or "").rsplit("/", 1)[-1].upper()
        name = str(item.get("name") or "@")
        label = f"record {name} {rtype}"
        if name in ("@", "") and rtype in ("SOA", "NS"):
            continue
        if _dig(props, "targetResource", "id"):
            out.problems.append(f"{label}: an alias to an Azure resource has no plain record")
            continue
        values = _record_values(rtype, props)
        if values is None:
            out.problems.append(f"{label}: record type not read")
            continue
        try:
            found.append(
                DnsRecord(
                    name=name if name != "@" else "",
                    type=rtype,
                    ttl=props.get("TTL"),
                    values=sorted(values),
                )
            )
        except (TypeError, ValueError) as exc:
            out.problems.append(f"{label}: {str(exc).splitlines()[-1].strip()}")
    out.topology = Topology(
        zone_name=zone or None, records=sorted(found, key=lambda r: (r.name, r.type))
    )
    return out


# Private DNS zones spell the record set properties in lower camel case (ttl, aRecords ...).
_PRIVATE_SPELLING = {
    "ttl": "TTL",
    "aRecords": "ARecords",
    "aaaaRecords": "AAAARecords",
    "cnameRecord": "CNAMERecord",
    "mxRecords": "MXRecords",
    "ptrRecords": "PTRRecords",
    "srvRecords": "SRVRecords",
    "txtRecords": "TXTRecords",
    "soaRecord": "SOARecord",
}


def _public_spelling(props: dict[str, Any]) -> dict[str, Any]:
    return {_PRIVATE_SPELLING.get(k, k): v for k, v in props.items()}


def _record_values(rtype: str, props: dict[str, Any]) -> list[str] | None:
    """The values of one record set in the zone-file form the targets take."""
    if rtype == "A":
        return [str(r.get("ipv4Address")) for r in props.get("ARecords") or []]
    if rtype == "AAAA":
        return [str(r.get("ipv6Address")) for r in props.get("AAAARecords") or []]
    if rtype == "CNAME":
        cname = _dig(props, "CNAMERecord", "cname")
        return [str(cname)] if cname else []
    if rtype == "MX":
        return [f"{r.get('preference')} {r.get('exchange')}" for r in props.get("MXRecords") or []]
    if rtype == "TXT":
        return [
            " ".join(f'"{v}"' for v in r.get("value") or []) for r in props.get("TXTRecords") or []
        ]
    if rtype == "NS":
        return [str(r.get("nsdname")) for r in props.get("NSRecords") or []]
    if rtype == "PTR":
        return [str(r.get("ptrdname")) for r in props.get("PTRRecords") or []]
    if rtype == "SRV":
        return [
            f"{r.get('priority')} {r.get('weight')} {r.get('port')} {r.get('target')}"
            for r in props.get("SRVRecords") or []
        ]
    if rtype == "CAA":
        return [
            f'{r.get("flags")} {r.get("tag")} "{r.get("value")}"'
            for r in props.get("caaRecords") or []
        ]
    return None
