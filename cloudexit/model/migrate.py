"""Inventories written by older versions, brought to the current schema on load.

1.0 kept network facts in ``attributes.details``. The facts in the one shape 1.0's emitter
read (``rules`` with direction/protocol/from_port/to_port/cidr, ``listeners``, ``records``,
``zone_name``, ``cidr_block``, a target group's ``port`` and ``health_check_path``) move to
``topology``. Rules kept in a source's own shape (AWS ``ingress``/``egress``, GCP
``allow``/``deny``, Azure rules with access and priority) are not converted: the resource
gets an ``unsupported_rule`` issue asking for a new scan, since 1.0 readers dropped parts of
them and a conversion would have to guess.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import ValidationError

from cloudexit.model.details import problem as details_problem
from cloudexit.model.topology import DnsRecord, Endpoint, FirewallRule, Listener, PortRange

_RULE_KEYS = {"direction", "protocol", "from_port", "to_port", "cidr"}
_SOURCE_SHAPED = ("ingress", "egress", "allow", "allowed", "deny", "denied", "source_ranges")
_PROTOCOLS = {"-1": "any", "all": "any", "*": "any", "6": "tcp", "17": "udp", "1": "icmp"}


def migrate_1_0(data: dict[str, Any], in_place: bool = False) -> dict[str, Any]:
    """A 1.0 inventory as a 2.0 one; the input is left as it was unless ``in_place`` (a file's
    freshly read content, where a copy of every resource would only double the memory)."""
    out = data if in_place else copy.deepcopy(data)
    out["schema_version"] = "2.0"
    issues = out.setdefault("issues", [])
    for resource in out.get("resources") or []:
        if not isinstance(resource, dict):
            continue
        attributes = resource.get("attributes")
        details = attributes.get("details") if isinstance(attributes, dict) else None
        if not isinstance(details, dict) or details_problem(details):
            continue  # left for the details check, which names what is wrong
        topology, problems = _topology(details)
        resource["topology"] = topology
        for problem in problems:
            issues.append(
                {
                    "code": "unsupported_rule",
                    "message": problem,
                    "source": "migration:1.0",
                    "scope": "attributes.details",
                    "resource_id": resource.get("id"),
                }
            )
    return out


def _topology(details: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    topology: dict[str, Any] = {}
    problems: list[str] = []
    cidrs = [details.pop(k) for k in ("cidr_block",) if isinstance(details.get(k), str)]
    cidrs += [c for c in details.pop("cidr_blocks", None) or [] if isinstance(c, str)]
    if cidrs:
        topology["cidrs"] = cidrs
    rules = details.pop("rules", None)
    if isinstance(rules, list):
        converted = []
        for n, rule in enumerate(rules):
            try:
                converted.append(_rule(rule).model_dump(exclude_none=True))
            except (ValueError, TypeError, ValidationError) as exc:
                problems.append(
                    f"rule {n + 1} not migrated ({_reason(exc)}): re-run the inventory to read it"
                )
        topology["firewall_rules"] = converted
    shaped = [k for k in _SOURCE_SHAPED if details.get(k)]
    if shaped:
        problems.append(
            f"firewall rules kept in the source's shape ({', '.join(shaped)}) are not migrated from 1.0: "
            "re-run the inventory to read them"
        )
    # Listeners and records of a shape 1.0 could not read stay in details, where the
    # details check names them.
    listeners = details.get("listeners")
    if isinstance(listeners, list):
        try:
            topology["listeners"] = [
                Listener(
                    protocol=str(x.get("protocol") or "TCP").upper(), port=int(x["port"])
                ).model_dump(exclude_none=True)
                for x in listeners
                if isinstance(x, dict) and x.get("port")
            ]
            del details["listeners"]
        except (ValueError, TypeError, KeyError, ValidationError):
            topology.pop("listeners", None)
    if isinstance(details.get("zone_name"), str):
        topology["zone_name"] = details["zone_name"]
    records = details.get("records")
    if isinstance(records, list):
        try:
            topology["records"] = [_record(r) for r in records if isinstance(r, dict)]
            del details["records"]
            details.pop("zone_name", None)
        except (ValueError, TypeError, ValidationError):
            topology.pop("records", None)
    if "health_check_path" in details or ("port" in details and "protocol" in details):
        port = details.pop("port", None)
        path = details.pop("health_check_path", None)
        if isinstance(port, int) and 0 < port < 65536:
            topology["target_port"] = port
        topology["health_check"] = {"path": path} if path else None
        if topology["health_check"] is None:
            del topology["health_check"]
    return topology, problems


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return str(exc.errors()[0].get("msg", "invalid")).removeprefix("Value error, ")
    return str(exc)


def _rule(raw: Any) -> FirewallRule:
    if not isinstance(raw, dict):
        raise TypeError("not an object")
    unknown = sorted(set(raw) - _RULE_KEYS)
    if unknown:
        raise ValueError(f"unknown field {', '.join(unknown)}")
    if not raw.get("cidr"):
        raise ValueError("no address range")
    protocol = str(raw.get("protocol", "")).lower()
    protocol = _PROTOCOLS.get(protocol, protocol)
    low, high = raw.get("from_port"), raw.get("to_port")
    ports: list[PortRange] = []
    if protocol in ("tcp", "udp") and low is not None:
        low, high = int(low), int(high if high is not None else low)
        if not (low <= 1 and high >= 65535):
            ports = [PortRange(low=low, high=high)]
    peer = Endpoint(kind="cidr", value=str(raw["cidr"]))
    egress = str(raw.get("direction", "")).lower() in ("egress", "outbound")
    return FirewallRule.model_validate(
        {
            "direction": "egress" if egress else "ingress",
            "protocol": protocol,
            "ports": ports,
            "sources": [{"kind": "any"}] if egress else [peer],
            "destinations": [peer] if egress else [{"kind": "any"}],
        }
    )


def _record(raw: dict[str, Any]) -> dict[str, Any]:
    values = raw.get("values") or ([raw["value"]] if raw.get("value") else [])
    return DnsRecord(
        name=str(raw.get("name", "")),
        type=str(raw.get("type", "A")).upper(),
        ttl=int(raw["ttl"]) if raw.get("ttl") is not None else None,
        values=[str(v) for v in values],
    ).model_dump(exclude_none=True)
