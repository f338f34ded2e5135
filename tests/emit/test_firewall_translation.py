"""Firewall translation: service tags, deny ordering, nothing wider than the source."""

from __future__ import annotations

import ipaddress

import pytest

from cloudexit.emit.terraform.addressing import Readdressing
from cloudexit.emit.terraform.firewall import translate
from cloudexit.model.topology import Endpoint, FirewallRule, PortRange


def rule(
    direction: str,
    protocol: str,
    ports: list[tuple[int, int]],
    peer: dict[str, str],
    **extra: object,
) -> FirewallRule:
    local = {"kind": "any"}
    return FirewallRule.model_validate(
        {
            "direction": direction,
            "protocol": protocol,
            "ports": [{"low": lo, "high": hi} for lo, hi in ports],
            "sources": [peer if direction == "ingress" else local],
            "destinations": [local if direction == "ingress" else peer],
            **extra,
        }
    )


def cidr(value: str) -> dict[str, str]:
    return {"kind": "cidr", "value": value}


def tag(value: str) -> dict[str, str]:
    return {"kind": "tag", "value": value}


@pytest.mark.parametrize("provider", ["scaleway", "ovhcloud", "ionos", "opennebula"])
def test_service_tags_are_mapped_or_reported(provider: str) -> None:
    rules = [
        rule("ingress", "tcp", [(443, 443)], tag("Internet"), priority=100),
        rule("ingress", "any", [], tag("VirtualNetwork"), priority=200),
        rule("ingress", "any", [], tag("AzureLoadBalancer"), priority=300),
        rule("ingress", "tcp", [(22, 22)], tag("Storage"), priority=400),
    ]
    out = translate(rules, ["10.1.0.0/24", "10.2.0.0/24"], provider)
    assert {(r.protocol, r.from_port, r.cidr) for r in out.rules} == {
        ("tcp", 443, "0.0.0.0/0"),
        ("any", None, "10.1.0.0/24"),
        ("any", None, "10.2.0.0/24"),
    }
    reported = " ".join(u.rule for u in out.untranslated)
    assert "AzureLoadBalancer" in reported and "Storage" in reported


def test_deny_before_an_allow_drops_the_allow_and_is_kept_by_the_policy() -> None:
    rules = [
        rule("ingress", "tcp", [(22, 22)], cidr("10.0.0.0/8"), priority=100, action="deny"),
        rule("ingress", "tcp", [(1, 65535)], cidr("0.0.0.0/0"), priority=200),
        rule("ingress", "tcp", [(443, 443)], cidr("0.0.0.0/0"), priority=300),
    ]
    out = translate(rules, [], "scaleway")
    # The all-ports rule would let port 22 from 10/8 through; the 443 rule does not overlap.
    assert [(r.from_port, r.cidr) for r in out.rules] == [(443, "0.0.0.0/0")]
    assert len(out.untranslated) == 1 and "deny rule evaluated first" in out.untranslated[0].reason
    assert out.kept_by_policy and "deny" in out.kept_by_policy[0]


def test_deny_after_the_allows_changes_nothing() -> None:
    rules = [
        rule("ingress", "tcp", [(443, 443)], cidr("0.0.0.0/0"), priority=100),
        rule("ingress", "any", [], {"kind": "any"}, priority=65500, action="deny"),
    ]
    out = translate(rules, [], "ovhcloud")
    assert [(r.protocol, r.from_port) for r in out.rules] == [("tcp", 443)]
    assert not out.untranslated


def test_group_references_and_local_addresses_are_reported_not_widened() -> None:
    by_group = rule("ingress", "tcp", [(5432, 5432)], {"kind": "group", "value": "sg-123"})
    to_one_host = FirewallRule.model_validate(
        {
            "direction": "ingress",
            "protocol": "tcp",
            "ports": [{"low": 80, "high": 80}],
            "sources": [{"kind": "any"}],
            "destinations": [cidr("10.0.0.5/32")],
        }
    )
    out = translate([by_group, to_one_host], [], "ionos")
    assert out.rules == []
    assert len(out.untranslated) == 2


def test_ipv6_and_icmp_types_where_the_target_cannot_say_them() -> None:
    v6 = rule("ingress", "tcp", [(80, 80)], cidr("::/0"))
    echo = rule("ingress", "icmp", [], cidr("0.0.0.0/0"), icmp_type=8)
    assert translate([v6, echo], [], "opennebula").rules == [
        r for r in translate([echo], [], "opennebula").rules
    ]
    scaleway = translate([v6, echo], [], "scaleway")
    assert [r.cidr for r in scaleway.rules] == ["::/0"]
    assert "ICMP types" in scaleway.untranslated[0].reason


def test_no_translated_rule_is_wider_than_its_source() -> None:
    rules = [
        rule("ingress", "tcp", [(80, 80), (8000, 8100)], cidr("192.0.2.0/24")),
        rule("egress", "udp", [(53, 53)], cidr("10.9.0.0/16")),
    ]
    out = translate(rules, [], "scaleway")
    sources = {
        (r.direction, r.protocol, p.low, p.high, r.peers[0].value) for r in rules for p in r.ports
    }
    assert {(r.direction, r.protocol, r.from_port, r.to_port, r.cidr) for r in out.rules} == sources


def test_rules_follow_a_moved_source_range() -> None:
    moved = Readdressing(
        [(ipaddress.IPv4Network("10.20.0.0/16"), ipaddress.IPv4Network("10.5.0.0/16"))]
    )
    out = translate(
        [rule("ingress", "tcp", [(8080, 8080)], cidr("10.20.16.0/20"))], [], "scaleway", moved
    )
    assert [r.cidr for r in out.rules] == ["10.5.16.0/20"]


@pytest.mark.parametrize("provider", ["scaleway", "ovhcloud", "ionos", "opennebula"])
def test_google_health_check_ranges_are_left_out_and_reported_never_carried(
    provider: str,
) -> None:
    """They were written as they were: a European target admitted Google's address ranges,
    from which nothing probes its balancers."""
    probes = FirewallRule.model_validate(
        {
            "direction": "ingress",
            "protocol": "tcp",
            "ports": [{"low": 80, "high": 80}],
            "sources": [cidr("35.191.0.0/16"), cidr("130.211.0.0/22")],
            "destinations": [{"kind": "any"}],
            "name": "allow-probes",
        }
    )
    mixed = probes.model_copy(
        update={
            "name": "mixed",
            "ports": [PortRange(low=443, high=443)],
            "sources": [Endpoint(kind="cidr", value=v) for v in ("10.0.0.0/8", "130.211.1.0/24")],
        }
    )
    out = translate([probes, mixed], [], provider, google_probes_stop=True)
    assert [(r.from_port, r.cidr) for r in out.rules] == [(443, "10.0.0.0/8")]
    gaps = {u.rule.split(":", 1)[0]: u.reason for u in out.untranslated}
    assert set(gaps) == {"allow-probes", "mixed"}
    assert "130.211.0.0/22, 35.191.0.0/16" in gaps["allow-probes"]
    assert "Google Cloud's load-balancer health-check" in gaps["mixed"]


def test_google_health_check_ranges_become_the_targets_own_where_it_publishes_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cloudexit.emit.terraform import firewall

    caps = firewall.CAPABILITIES["ionos"]
    monkeypatch.setitem(
        firewall.CAPABILITIES,
        "ionos",
        firewall.Capabilities(
            caps.protocols, icmp_type=True, health_check_ranges=("192.0.2.0/28",)
        ),
    )
    out = translate(
        [rule("ingress", "tcp", [(80, 80)], cidr("35.191.0.0/16"))],
        [],
        "ionos",
        google_probes_stop=True,
    )
    assert [r.cidr for r in out.rules] == ["192.0.2.0/28"] and out.untranslated == []


@pytest.mark.parametrize("provider", ["scaleway", "ovhcloud"])
def test_google_health_check_ranges_stay_where_a_google_balancer_still_probes(
    provider: str,
) -> None:
    """A backend behind a balancer that stays on Google Cloud (an AWS, Azure or OpenStack rule
    admitting the ranges, or a Google rule whose balancer is kept) is still probed from them."""
    out = translate([rule("ingress", "tcp", [(80, 80)], cidr("35.191.0.0/16"))], [], provider)
    assert [r.cidr for r in out.rules] == ["35.191.0.0/16"] and out.untranslated == []
