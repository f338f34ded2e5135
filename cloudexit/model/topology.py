"""Typed network topology of a resource: firewall rules, listeners, DNS records, address
ranges and attachments.

Every source shape has one mapper that writes these fields (``cloudexit/topology/``); the
emitters read only them. A rule a mapper does not understand is an inventory issue, never a
guess, so an empty list means "no rules", not "unknown".
"""

from __future__ import annotations

import ipaddress
from typing import Literal

from pydantic import ConfigDict, Field, field_validator, model_validator

from cloudexit.model.defaults import empty_list
from cloudexit.model.sharing import SharedFieldsSet


class _Strict(SharedFieldsSet):
    model_config = ConfigDict(defer_build=True, extra="forbid")


Protocol = Literal["tcp", "udp", "icmp", "icmpv6", "any", "esp", "ah", "gre"]

EndpointKind = Literal["any", "cidr", "tag", "group"]
"""``any``: every address. ``cidr``: an IPv4/IPv6 range. ``tag``: a cloud service tag
(VirtualNetwork, Internet, AzureLoadBalancer, a GCP network tag ...). ``group``: the members
of a security group or application security group, by resource id or native id."""


class PortRange(_Strict):
    low: int = Field(ge=0, le=65535)
    high: int = Field(ge=0, le=65535)

    @model_validator(mode="after")
    def _ordered(self) -> PortRange:
        if self.high < self.low:
            raise ValueError(f"port range {self.low}-{self.high} ends before it starts")
        return self

    @property
    def text(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"


class Endpoint(_Strict):
    kind: EndpointKind
    value: str = Field("", description="The range, tag name or group id; empty for any")

    @model_validator(mode="after")
    def _valid(self) -> Endpoint:
        if self.kind == "any":
            if self.value:
                raise ValueError("an 'any' endpoint has no value")
        elif not self.value:
            raise ValueError(f"a {self.kind!r} endpoint needs a value")
        if self.kind == "cidr":
            try:
                self.value = str(ipaddress.ip_network(self.value, strict=False))
            except ValueError:
                raise ValueError(f"{self.value!r} is not an address range") from None
        return self

    @property
    def text(self) -> str:
        return "any" if self.kind == "any" else f"{self.kind}:{self.value}"


ANY = Endpoint(kind="any")


class FirewallRule(_Strict):
    direction: Literal["ingress", "egress"]
    action: Literal["allow", "deny"] = "allow"
    priority: int | None = Field(
        None, description="Evaluation order where the source has one: lower is evaluated first"
    )
    protocol: Protocol
    ports: list[PortRange] = Field(
        default_factory=empty_list, description="Destination ports; empty means every port"
    )
    icmp_type: int | None = Field(None, ge=0, le=255)
    icmp_code: int | None = Field(None, ge=0, le=255)
    sources: list[Endpoint] = Field(min_length=1)
    destinations: list[Endpoint] = Field(min_length=1)
    name: str | None = None
    description: str | None = None

    @field_validator("ports")
    @classmethod
    def _sorted_ports(cls, ports: list[PortRange]) -> list[PortRange]:
        return sorted(ports, key=lambda p: (p.low, p.high))

    @field_validator("sources", "destinations")
    @classmethod
    def _sorted_ends(cls, ends: list[Endpoint]) -> list[Endpoint]:
        unique = {e.text: e for e in ends}
        return [unique[k] for k in sorted(unique)]

    @property
    def peers(self) -> list[Endpoint]:
        """The far end: sources of an ingress rule, destinations of an egress rule."""
        return self.sources if self.direction == "ingress" else self.destinations

    @property
    def local(self) -> list[Endpoint]:
        """The end inside the group the rule protects."""
        return self.destinations if self.direction == "ingress" else self.sources


class Listener(_Strict):
    protocol: str = Field(description="HTTP, HTTPS, TCP, UDP, TLS ...")
    port: int = Field(ge=1, le=65535)
    target_port: int | None = Field(None, ge=1, le=65535)


class HealthCheck(_Strict):
    protocol: str | None = None
    port: int | None = Field(None, ge=1, le=65535)
    path: str | None = None
    interval_s: int | None = Field(None, ge=1, description="Seconds between two probes")
    timeout_s: int | None = Field(None, ge=1, description="Seconds a probe waits for an answer")
    healthy_threshold: int | None = Field(
        None, ge=1, description="Probes in a row that must pass before a backend is healthy"
    )
    unhealthy_threshold: int | None = Field(
        None, ge=1, description="Probes in a row that must fail before a backend is unhealthy"
    )


class DnsRecord(_Strict):
    name: str = Field(description="Fully qualified or relative to the zone; '@' or '' for the apex")
    type: str
    ttl: int | None = Field(None, ge=0)
    values: list[str] = Field(default_factory=empty_list)


AttachmentRelation = Literal[
    "volume",
    "network_interface",
    "public_ip",
    "node_pool",
    "listener",
    "target_group",
    "subnet",
    "replica",
    "security_group",
    "cluster_member",
    "lb_member",
]


class Attachment(_Strict):
    """This resource belongs to ``to``: a volume to its instance, a node pool to its cluster,
    a subnet to its network, a replica to its primary, a cluster instance to its cluster, a
    load balancer's target to the balancer ... Placement keeps the two together."""

    relation: AttachmentRelation
    to: str = Field(min_length=1, description="Resource id of the resource this one is attached to")


class EdgeRule(_Strict):
    """One rule of a layer-7 edge policy a balancer applies to its clients (a Google Cloud Armor
    security policy): first match by ascending priority decides; the source's own action."""

    priority: int = Field(ge=0)
    action: str = Field(
        description="allow, deny(403), deny(404), deny(502), throttle, rate_based_ban, redirect"
    )
    preview: bool = Field(False, description="Logged only, not enforced by the source")
    sources: list[str] = Field(
        default_factory=empty_list,
        description="Client address ranges the rule matches, when it matches on them alone",
    )
    expression: str | None = Field(
        None, description="A match the rule makes on anything else (a CEL expression), as given"
    )
    description: str | None = None

    @field_validator("sources")
    @classmethod
    def _valid_sources(cls, sources: list[str]) -> list[str]:
        try:
            return [str(ipaddress.ip_network(s, strict=False)) for s in sources]
        except ValueError as exc:
            raise ValueError(f"edge rule source not an address range: {exc}") from None

    @property
    def denies(self) -> bool:
        return self.action.startswith("deny")

    @property
    def text(self) -> str:
        match = (
            f"expression {self.expression}"
            if self.expression
            else f"client ranges {', '.join(self.sources)}"
        )
        note = f" ({self.description})" if self.description else ""
        return f"priority {self.priority}: {self.action} when {match}{note}"


class Topology(_Strict):
    cidrs: list[str] = Field(
        default_factory=empty_list, description="Address ranges of a network or subnet"
    )
    firewall_rules: list[FirewallRule] = Field(default_factory=empty_list)
    edge_rules: list[EdgeRule] = Field(
        default_factory=empty_list,
        description="Rules of a layer-7 edge policy (Cloud Armor), by ascending priority",
    )
    listeners: list[Listener] = Field(default_factory=empty_list)
    health_check: HealthCheck | None = None
    target_port: int | None = Field(
        None, ge=1, le=65535, description="Backend port of a target group"
    )
    zone_name: str | None = None
    records: list[DnsRecord] = Field(default_factory=empty_list)
    attachments: list[Attachment] = Field(default_factory=empty_list)
    security_groups: list[str] = Field(
        default_factory=empty_list,
        description="Resource ids of the security groups applied to this resource",
    )
    subnet_security_groups: list[str] = Field(
        default_factory=empty_list,
        description=(
            "Resource ids of the security groups applied to the subnets this resource sits in "
            "(Azure subnet NSGs): traffic must pass these and security_groups alike"
        ),
    )

    @field_validator("cidrs")
    @classmethod
    def _valid_cidrs(cls, cidrs: list[str]) -> list[str]:
        out = []
        for value in cidrs:
            try:
                out.append(str(ipaddress.ip_network(value, strict=False)))
            except ValueError:
                raise ValueError(f"{value!r} is not an address range") from None
        return sorted(
            set(out), key=lambda c: (ipaddress.ip_network(c).version, ipaddress.ip_network(c))
        )

    @field_validator("attachments")
    @classmethod
    def _sorted_attachments(cls, attachments: list[Attachment]) -> list[Attachment]:
        unique = {(a.relation, a.to): a for a in attachments}
        return [unique[k] for k in sorted(unique)]

    @field_validator("security_groups", "subnet_security_groups")
    @classmethod
    def _sorted_groups(cls, groups: list[str]) -> list[str]:
        return sorted(set(groups))

    @property
    def empty(self) -> bool:
        return self == Topology()
