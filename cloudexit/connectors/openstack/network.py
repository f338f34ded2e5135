"""Neutron networks, subnets, security groups, routers and floating IPs; Octavia load
balancers; Designate zones."""

from __future__ import annotations

from typing import Any

from cloudexit.connectors.openstack.registry import Context, Facts, declare, tags_of
from cloudexit.model.topology import Topology
from cloudexit.topology import Mapped
from cloudexit.topology import openstack as openstack_topology


def network(facts: Facts) -> None:
    item = facts.item
    if item.project_id and item.project_id != facts.context.project_id:
        facts.skip = "network of the provider or another project: not part of the estate"
        return
    facts.tags = tags_of(item)
    facts.note(
        external=item.is_router_external or None,
        shared=item.is_shared or None,
        mtu=item.mtu,
        network_type=item.provider_network_type,
        segmentation_id=item.provider_segmentation_id,
    )


def subnet(facts: Facts) -> None:
    item = facts.item
    facts.tags = tags_of(item)
    facts.map(lambda: Mapped(Topology(cidrs=[str(item.cidr)] if item.cidr else [])))
    facts.note(
        gateway=item.gateway_ip,
        dhcp=item.is_dhcp_enabled,
        dns_nameservers=sorted(item.dns_nameservers or []),
        allocation_pools=[f"{p['start']}-{p['end']}" for p in item.allocation_pools or []],
    )
    facts.depend("network", item.network_id)


def _rule(rule: Any, context: Context) -> Any:
    """A Neutron rule as the shared mapper reads it, its remote group named by resource id."""
    if not isinstance(rule, dict) or not rule.get("remote_group_id"):
        return rule
    return {**rule, "remote_group_id": context.rid("security_group", rule["remote_group_id"])}


def security_group(facts: Facts) -> None:
    rules = [_rule(r, facts.context) for r in facts.item.security_group_rules or []]
    facts.tags = tags_of(facts.item)
    facts.map(lambda: openstack_topology.rules(rules))
    facts.note(description=facts.item.description)


def router(facts: Facts) -> None:
    item = facts.item
    gateway = item.external_gateway_info or {}
    facts.tags = tags_of(item)
    facts.note(
        external_network=facts.context.rid("network", gateway["network_id"])
        if gateway.get("network_id")
        else None,
        snat=gateway.get("enable_snat"),
        routes=sorted(f"{r.get('destination')} via {r.get('nexthop')}" for r in item.routes or []),
    )
    for port in facts.context.ports_of(item.id):
        facts.depend("subnet", *(ip.get("subnet_id") for ip in port.fixed_ips or []))


def floating_ip(facts: Facts) -> None:
    item = facts.item
    owner = next((p.device_id for p in facts.context.ports if p.id == item.port_id), None)
    facts.tags = tags_of(item)
    facts.set(state="attached" if item.port_id else "unattached")
    facts.note(
        address=item.floating_ip_address,
        fixed_address=item.fixed_ip_address,
        attached_to=facts.context.rid("server", owner) if owner else None,
    )
    facts.depend("router", item.router_id)


def load_balancer(facts: Facts) -> None:
    item, context = facts.item, facts.context
    conn = context.connection
    listeners = [
        l
        for l in conn.load_balancer.listeners()
        if any(lb.get("id") == item.id for lb in l.load_balancers or [])
    ]
    pools = [
        p
        for p in conn.load_balancer.pools()
        if any(lb.get("id") == item.id for lb in p.loadbalancers or [])
    ]
    members = {p.id: list(conn.load_balancer.members(p.id)) for p in pools}
    facts.set(instance_type=item.flavor_id, state=(item.operating_status or "").lower() or None)
    facts.tags = tags_of(item)
    backend_ports: dict[str, int] = {}
    for listener in listeners:
        ports = {m.protocol_port for m in members.get(listener.default_pool_id or "", [])}
        if len(ports) == 1 and None not in ports:
            backend_ports[str(listener.id)] = int(ports.pop())
    facts.map(
        lambda: openstack_topology.listeners(
            [
                {
                    "id": x.id,
                    "name": x.name,
                    "protocol": x.protocol,
                    "protocol_port": x.protocol_port,
                }
                for x in listeners
            ],
            backend_ports,
        )
    )
    facts.note(
        vip_address=item.vip_address,
        provider=item.provider,
        pools=sorted(
            (
                {
                    "name": p.name,
                    "protocol": p.protocol,
                    "algorithm": p.lb_algorithm,
                    "members": sorted(f"{m.address}:{m.protocol_port}" for m in members[p.id]),
                }
                for p in pools
            ),
            key=lambda p: str(p["name"]),
        ),
    )
    facts.depend("subnet", item.vip_subnet_id)
    for pool_members in members.values():
        for member in pool_members:
            facts.depend("server", *context.devices_at(member.address))


def zone(facts: Facts) -> None:
    item = facts.item
    conn = facts.context.connection
    records = [
        {"name": r.name, "type": r.type, "ttl": r.ttl, "records": list(r.records or [])}
        for r in conn.dns.recordsets(item.id)
    ]
    facts.region = "global"
    facts.map(lambda: openstack_topology.records(str(item.name or ""), records))
    facts.note(ttl=item.ttl, email=item.email, zone_type=item.type)


def _networks(conn: Any, context: Context) -> Any:
    return conn.network.networks()


def _subnets(conn: Any, context: Context) -> Any:
    return conn.network.subnets()


def _security_groups(conn: Any, context: Context) -> Any:
    return conn.network.security_groups()


def _routers(conn: Any, context: Context) -> Any:
    return conn.network.routers()


def _floating_ips(conn: Any, context: Context) -> Any:
    return context.floating_ips


def _load_balancers(conn: Any, context: Context) -> Any:
    return conn.load_balancer.load_balancers()


def _zones(conn: Any, context: Context) -> Any:
    return conn.dns.zones()


TYPES = [
    declare("OS::Neutron::Net", "network", "network", _networks, network),
    declare("OS::Neutron::Subnet", "subnet", "network", _subnets, subnet),
    declare(
        "OS::Neutron::SecurityGroup", "security_group", "network", _security_groups, security_group
    ),
    declare("OS::Neutron::Router", "router", "network", _routers, router),
    declare("OS::Neutron::FloatingIP", "floating_ip", "network", _floating_ips, floating_ip),
    declare(
        "OS::Octavia::LoadBalancer",
        "load_balancer",
        "load-balancer",
        _load_balancers,
        load_balancer,
    ),
    declare("OS::Designate::Zone", "zone", "dns", _zones, zone),
]
