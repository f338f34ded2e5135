"""Azure network security groups: ARM bodies (``properties.securityRules`` and
``defaultSecurityRules``, as the ARM API, Resource Graph and the connector give them) and
Terraform's ``azurerm`` rule attributes, both read through one rule reader."""

from __future__ import annotations

import ipaddress
from typing import Any

from cloudexit.model.topology import Topology
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
                "ports": ports if protocol in ("tcp", "udp") else [],
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
