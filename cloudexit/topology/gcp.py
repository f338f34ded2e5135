"""GCP VPC firewall rules, forwarding rules and Cloud DNS record sets: the APIs' shapes (Cloud
Asset ``resource.data`` and Cloud DNS ``rrsets``, the connector) and Terraform's
``google_compute_firewall``, ``google_compute_forwarding_rule`` and ``google_dns_record_set``
attributes, read as one."""

from __future__ import annotations

from typing import Any

from cloudexit.model.topology import EdgeRule, HealthCheck, Listener, Topology
from cloudexit.topology import Mapped, openstack, rule_or_problem

_PROTOCOLS = {
    "tcp": "tcp",
    "udp": "udp",
    "icmp": "icmp",
    "all": "any",
    "esp": "esp",
    "ah": "ah",
    "6": "tcp",
    "17": "udp",
    "1": "icmp",
    "50": "esp",
    "51": "ah",
    "47": "gre",
    "gre": "gre",
}

# Every VPC network allows all egress at the lowest priority unless a rule says otherwise.
IMPLIED_EGRESS: dict[str, Any] = {
    "direction": "egress",
    "action": "allow",
    "priority": 65535,
    "protocol": "any",
    "sources": [{"kind": "any"}],
    "destinations": [{"kind": "cidr", "value": "0.0.0.0/0"}],
    "name": "implied-allow-egress",
}


def _terraform(v: dict[str, Any]) -> dict[str, Any]:
    """Terraform attributes in the API's names."""

    def blocks(key: str) -> list[dict[str, Any]]:
        return [
            {"IPProtocol": b.get("protocol"), "ports": b.get("ports") or []}
            for b in v.get(key) or []
            if isinstance(b, dict)
        ]

    return {
        "direction": v.get("direction"),
        "priority": v.get("priority"),
        "disabled": v.get("disabled"),
        "allowed": blocks("allow"),
        "denied": blocks("deny"),
        "sourceRanges": v.get("source_ranges"),
        "destinationRanges": v.get("destination_ranges"),
        "sourceTags": v.get("source_tags"),
        "targetTags": v.get("target_tags"),
        "sourceServiceAccounts": v.get("source_service_accounts"),
        "targetServiceAccounts": v.get("target_service_accounts"),
        "name": v.get("name"),
        "description": v.get("description"),
    }


def _ports(values: list[Any]) -> list[dict[str, int]] | None:
    out = []
    for value in values:
        low, _, high = str(value).partition("-")
        if not low.isdigit() or (high and not high.isdigit()):
            return None
        out.append({"low": int(low), "high": int(high or low)})
    return out


def firewall(data: dict[str, Any], *, terraform: bool = False) -> Mapped:
    d = _terraform(data) if terraform else data
    out = Mapped()
    label = f"firewall {d.get('name') or ''}".strip()
    if d.get("disabled"):
        out.topology = Topology(firewall_rules=[])
        return out
    direction = {"ingress": "ingress", "egress": "egress", "": "ingress"}.get(
        str(d.get("direction") or "").lower()
    )
    if direction is None:
        out.problems.append(f"{label}: direction {d.get('direction')!r} not understood")
        return out
    ranges = d.get("sourceRanges") if direction == "ingress" else d.get("destinationRanges")
    peers = [{"kind": "cidr", "value": str(c)} for c in ranges or []]
    if direction == "ingress":
        peers += [{"kind": "tag", "value": str(t)} for t in d.get("sourceTags") or []]
        peers += [{"kind": "group", "value": str(a)} for a in d.get("sourceServiceAccounts") or []]
    if not peers:
        peers = [
            {"kind": "cidr", "value": "0.0.0.0/0"}
        ]  # GCP's documented default source/destination
    local = [{"kind": "tag", "value": str(t)} for t in d.get("targetTags") or []]
    local += [{"kind": "group", "value": str(a)} for a in d.get("targetServiceAccounts") or []]
    local = local or [{"kind": "any"}]
    priority = d.get("priority")
    built: list[Any] = []
    for key, action in (("allowed", "allow"), ("denied", "deny")):
        for n, entry in enumerate(d.get(key) or []):
            entry_label = f"{label} {key} {n + 1}"
            protocol = _PROTOCOLS.get(str((entry or {}).get("IPProtocol", "")).lower())
            if protocol is None:
                out.problems.append(
                    f"{entry_label}: protocol {(entry or {}).get('IPProtocol')!r} not understood"
                )
                continue
            ports = _ports((entry or {}).get("ports") or [])
            if ports is None:
                out.problems.append(
                    f"{entry_label}: ports {(entry or {}).get('ports')!r} not understood"
                )
                continue
            rule_or_problem(
                {
                    "direction": direction,
                    "action": action,
                    "priority": int(priority) if priority is not None else 1000,
                    "protocol": protocol,
                    "ports": ports if protocol in ("tcp", "udp", "any") else [],
                    "sources": peers if direction == "ingress" else local,
                    "destinations": local if direction == "ingress" else peers,
                    "name": str(d["name"]) if d.get("name") else None,
                    "description": str(d["description"]) if d.get("description") else None,
                },
                entry_label,
                built,
                out.problems,
            )
    rule_or_problem(IMPLIED_EGRESS, f"{label} implied egress", built, out.problems)
    out.topology = Topology(firewall_rules=built)
    return out


def _listener_ports(data: dict[str, Any]) -> list[str]:
    if data.get("ports"):
        return [str(p) for p in data["ports"]]
    return [str(data["portRange"])] if data.get("portRange") else []


def forwarding_rule(data: dict[str, Any]) -> Mapped:
    """A forwarding rule (Compute API and Cloud Asset ``resource.data``; Terraform's
    ``ip_protocol``, ``port_range``, ``ports`` and ``target``, lifted or not, read alike): one listener per
    port. Behind an HTTP(S) proxy the listener speaks HTTP(S). A port range wider than one
    port, or every port, has no listener equivalent: a problem, not a guess."""
    out = Mapped()
    target = str(data.get("target") or "")
    spelled = data.get("IPProtocol") or data.get("ipProtocol") or data.get("ip_protocol")
    protocol = str(spelled or "TCP").upper()
    if "/targetHttpsProxies/" in target:
        protocol = "HTTPS"
    elif "/targetHttpProxies/" in target:
        protocol = "HTTP"
    found: list[Listener] = []
    if data.get("allPorts") or data.get("all_ports"):
        out.problems.append("forwarding every port: no single listener says that")
    ports = _listener_ports(data) or _listener_ports({"portRange": data.get("port_range")})
    for text in ports:
        low, _, high = text.partition("-")
        try:
            if high and high != low:
                out.problems.append(f"port range {text}: a listener takes one port")
                continue
            found.append(Listener(protocol=protocol, port=int(low)))
        except (TypeError, ValueError) as exc:
            out.problems.append(f"port {text!r}: {str(exc).splitlines()[-1].strip()}")
    out.topology = Topology(listeners=sorted(found, key=lambda x: (x.port, x.protocol)))
    return out


def health_check(data: dict[str, Any], legacy: str | None = None) -> Mapped:
    """A health check (``HealthCheck``: its type and that type's block; the legacy
    ``HttpHealthCheck`` and ``HttpsHealthCheck``, whose protocol is ``legacy``: port and path at
    the top) as the probe a target balancer runs: protocol, port, request path, interval, timeout
    and thresholds. A port taken from the serving port has no number here: the probe follows
    the backend port."""
    out = Mapped()
    protocol = legacy or str(data.get("type") or "").upper() or None
    block = data
    if protocol and not legacy:
        block = (
            data.get(f"{protocol.lower()}HealthCheck")
            or data.get(f"{protocol.lower()}_health_check")
            or {}
        )
        if isinstance(block, list):  # Terraform writes a nested block as a list of one
            block = block[0] if block and isinstance(block[0], dict) else {}
    port = block.get("port")
    path = block.get("requestPath") or block.get("request_path")

    def number(camel: str, snake: str) -> int | None:
        value = data.get(camel, data.get(snake))
        return int(value) if value not in (None, "") else None

    try:
        out.topology = Topology(
            health_check=HealthCheck(
                protocol=protocol,
                port=int(port) if port else None,
                path=path or None,
                interval_s=number("checkIntervalSec", "check_interval_sec"),
                timeout_s=number("timeoutSec", "timeout_sec"),
                healthy_threshold=number("healthyThreshold", "healthy_threshold"),
                unhealthy_threshold=number("unhealthyThreshold", "unhealthy_threshold"),
            )
        )
    except (TypeError, ValueError) as exc:
        out.problems.append(f"health check: {str(exc).splitlines()[-1].strip()}")
    return out


def records(zone_name: str, rrsets: list[dict[str, Any]]) -> Mapped:
    """Cloud DNS resource record sets (``name``, ``type``, ``ttl``, ``rrdatas``), as the
    ``rrsets`` list of the Cloud DNS API and ``google_dns_record_set`` give them, less the apex
    SOA and NS Google writes itself. A record set with a routing policy (weighted round robin,
    geolocation, failover) has no plain record equivalent: a problem, not a guess."""
    plain: list[dict[str, Any]] = []
    problems: list[str] = []
    for item in rrsets:
        if not isinstance(item, dict):
            problems.append("record: not an object")
            continue
        if item.get("routingPolicy"):
            policy = ", ".join(sorted(item["routingPolicy"])) or "routing policy"
            problems.append(
                f"record {item.get('name')} {item.get('type')}: a routing policy ({policy}) "
                "is not kept by a plain record"
            )
            continue
        plain.append(
            {
                "name": item.get("name"),
                "type": item.get("type"),
                "ttl": item.get("ttl"),
                "records": item.get("rrdatas"),
            }
        )
    out = openstack.records(zone_name, plain)
    out.problems[:0] = problems
    return out


_ANY_CLIENT = ("0.0.0.0/0", "::/0")
"""Cloud Armor's ``*`` in a source range list: every client."""


def _first(value: Any) -> dict[str, Any]:
    """A Terraform nested block (a list of one) or an API object, as the object."""
    if isinstance(value, list):
        value = value[0] if value else {}
    return value if isinstance(value, dict) else {}


def security_policy(data: dict[str, Any], *, terraform: bool = False) -> Mapped:
    """A Cloud Armor security policy's rules: the API's ``rules`` (a Cloud Asset export writes
    ``rule`` and ``srcIpRange``) or Terraform's ``rule`` blocks. A rule matching on client ranges
    alone keeps them; any other match (a CEL expression, a field not read) is kept as text, so
    it is listed, never taken for a range."""
    out = Mapped()
    rules = data.get("rule" if terraform else "rules") or data.get("rule") or []
    built = []
    for n, rule in enumerate(rules if isinstance(rules, list) else []):
        label = f"security policy {data.get('name') or ''} rule {n + 1}".replace("  ", " ")
        if not isinstance(rule, dict):
            out.problems.append(f"{label}: not an object")
            continue
        match = _first(rule.get("match"))
        config = _first(match.get("config"))
        if terraform:
            ranges = config.get("src_ip_ranges")
            versioned = match.get("versioned_expr")
            expression = _first(match.get("expr")).get("expression")
        else:
            ranges = config.get("srcIpRanges") or config.get("srcIpRange")
            versioned = match.get("versionedExpr")
            expression = _first(match.get("expr")).get("expression")
        sources: list[str] = []
        if isinstance(ranges, list) and ranges and not expression:
            for value in ranges:
                sources += list(_ANY_CLIENT) if str(value).strip() == "*" else [str(value)]
        elif not expression:
            expression = f"match not read ({versioned or 'no range, no expression'})"
        try:
            built.append(
                EdgeRule(
                    priority=int(rule.get("priority", 0)),
                    action=str(rule.get("action") or "allow"),
                    preview=bool(rule.get("preview")),
                    sources=sources,
                    expression=str(expression) if expression else None,
                    description=str(rule["description"]) if rule.get("description") else None,
                )
            )
        except (ValueError, TypeError) as exc:
            out.problems.append(f"{label}: {str(exc).splitlines()[-1].strip()}")
    out.topology = Topology(edge_rules=sorted(built, key=lambda r: r.priority))
    return out
