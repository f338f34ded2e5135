"""Virtual networks and subnets, security groups, load balancers, application gateways,
public IPs, network interfaces, route tables and DNS zones."""

from __future__ import annotations

from typing import Any

from cloudexit.connectors.azure.registry import Facts, arm_id, declare, owner_of, parent_id
from cloudexit.jsonvalues import dig
from cloudexit.topology import Mapped
from cloudexit.topology import azure as azure_topology

SUBNET = "microsoft.network/virtualnetworks/subnets"


def _one_or_many(props: dict[str, Any], single: str, many: str) -> list[str]:
    values = list(props.get(many) or [])
    if props.get(single):
        values.insert(0, props[single])
    return [str(v) for v in values]


def virtual_network(facts: Facts) -> None:
    facts.topology = Mapped(azure_topology.address_space(facts.item))
    peerings = [
        arm_id(dig(p, "properties.remoteVirtualNetwork"))
        for p in facts.prop("virtualNetworkPeerings", [])
    ]
    if any(peerings):
        facts.details["peerings"] = sorted(p for p in peerings if p)
    for subnet in facts.prop("subnets", []):
        if isinstance(subnet, dict) and subnet.get("id"):
            facts.child(subnet, SUBNET)


def subnet(facts: Facts) -> None:
    facts.topology = Mapped(azure_topology.address_space(facts.item))
    delegations = [dig(d, "properties.serviceName") for d in facts.prop("delegations", [])]
    if any(delegations):
        facts.details["delegations"] = sorted(d for d in delegations if d)
    facts.depend(
        parent_id(facts.item["id"]),
        facts.prop("networkSecurityGroup"),
        facts.prop("routeTable"),
        facts.prop("natGateway"),
    )


def security_group(facts: Facts) -> None:
    facts.topology = azure_topology.network_security_group(facts.item)


def load_balancer(facts: Facts) -> None:
    facts.set(instance_type=facts.sku())
    facts.topology = azure_topology.load_balancer(facts.item)
    frontends = []
    for frontend in facts.prop("frontendIPConfigurations", []):
        props = frontend.get("properties") or {}
        facts.depend(props.get("publicIPAddress"), props.get("subnet"))
        frontends.append(
            {"name": frontend.get("name"), "private_ip": props.get("privateIPAddress")}
        )
    for pool in facts.prop("backendAddressPools", []):
        for config in dig(pool, "properties.backendIPConfigurations", []):
            ref = arm_id(config)
            if ref:
                facts.depends_on.add(owner_of(ref))
    facts.details["frontends"] = frontends


def application_gateway(facts: Facts) -> None:
    facts.set(
        instance_type=facts.prop("sku.name"),
        node_count=facts.prop("sku.capacity") or facts.prop("autoscaleConfiguration.minCapacity"),
        state=(facts.prop("operationalState") or "").lower() or None,
    )
    for config in facts.prop("gatewayIPConfigurations", []):
        facts.depend(dig(config, "properties.subnet"))
    for frontend in facts.prop("frontendIPConfigurations", []):
        facts.depend(
            dig(frontend, "properties.publicIPAddress"), dig(frontend, "properties.subnet")
        )
    facts.topology = azure_topology.application_gateway(facts.item)
    hosts = {
        h
        for lst in facts.prop("httpListeners", [])
        for h in _one_or_many(lst.get("properties") or {}, "hostName", "hostNames")
    }
    if hosts:
        facts.details["host_names"] = sorted(hosts)
    facts.details["backends"] = sorted(
        {
            str(address.get("fqdn") or address.get("ipAddress"))
            for pool in facts.prop("backendAddressPools", [])
            for address in dig(pool, "properties.backendAddresses", [])
        }
    )
    for pool in facts.prop("backendAddressPools", []):
        for config in dig(pool, "properties.backendIPConfigurations", []):
            ref = arm_id(config)
            if ref:
                facts.depends_on.add(owner_of(ref))
    if facts.prop("webApplicationFirewallConfiguration.enabled") or facts.prop("firewallPolicy"):
        facts.details["waf"] = True


def public_ip(facts: Facts) -> None:
    facts.set(instance_type=facts.sku())
    facts.details.update(
        {
            k: v
            for k, v in (
                ("address", facts.prop("ipAddress")),
                ("allocation", facts.prop("publicIPAllocationMethod")),
                ("version", facts.prop("publicIPAddressVersion")),
                ("fqdn", facts.prop("dnsSettings.fqdn")),
            )
            if v
        }
    )
    owner = arm_id(facts.prop("ipConfiguration"))
    if owner:
        facts.details["attached_to"] = owner_of(owner)


def network_interface(facts: Facts) -> None:
    for config in facts.prop("ipConfigurations", []):
        props = config.get("properties") or {}
        facts.depend(props.get("subnet"), props.get("publicIPAddress"))
    facts.depend(facts.prop("networkSecurityGroup"))
    facts.details["private_ips"] = sorted(
        str(dig(c, "properties.privateIPAddress"))
        for c in facts.prop("ipConfigurations", [])
        if dig(c, "properties.privateIPAddress")
    )
    static = sorted(
        str(dig(c, "properties.privateIPAddress"))
        for c in facts.prop("ipConfigurations", [])
        if dig(c, "properties.privateIPAddress")
        and str(dig(c, "properties.privateIPAllocationMethod") or "").lower() == "static"
    )
    if static:
        facts.details["static_private_ips"] = static
    vm = arm_id(facts.prop("virtualMachine"))
    if vm:
        facts.details["attached_to"] = vm


def route_table(facts: Facts) -> None:
    facts.details["routes"] = sorted(
        (
            {
                "name": r.get("name"),
                "prefix": dig(r, "properties.addressPrefix"),
                "next_hop": dig(r, "properties.nextHopType"),
                "next_hop_ip": dig(r, "properties.nextHopIpAddress"),
            }
            for r in facts.prop("routes", [])
        ),
        key=lambda r: str(r["name"]),
    )


def azure_firewall(facts: Facts) -> None:
    """Its private addresses: the next hop of the routes sent through it."""
    hops = [dig(c, "properties.privateIPAddress") for c in facts.prop("ipConfigurations", [])]
    hops.append(facts.prop("hubIPAddresses.privateIPAddress"))
    found = sorted({str(h) for h in hops if h})
    if found:
        facts.details["firewall_hops"] = found


def nat_gateway(facts: Facts) -> None:
    facts.depend(*facts.prop("publicIpAddresses", []))


def dns_zone(facts: Facts) -> None:
    facts.details.update(
        {
            k: v
            for k, v in (
                (
                    "zone_type",
                    facts.prop("zoneType")
                    or ("Private" if "privatedns" in facts.item["type"] else None),
                ),
                ("record_sets", facts.prop("numberOfRecordSets")),
                ("name_servers", sorted(facts.prop("nameServers") or [])),
            )
            if v not in (None, [])
        }
    )


TYPES = [
    declare("microsoft.network/virtualnetworks", "2024-05-01", virtual_network),
    declare(SUBNET, "2024-05-01", subnet),
    declare("microsoft.network/networksecuritygroups", "2024-05-01", security_group),
    declare("microsoft.network/loadbalancers", "2024-05-01", load_balancer),
    declare("microsoft.network/applicationgateways", "2024-05-01", application_gateway),
    declare("microsoft.network/publicipaddresses", "2024-05-01", public_ip),
    declare("microsoft.network/networkinterfaces", "2024-05-01", network_interface),
    declare("microsoft.network/routetables", "2024-05-01", route_table),
    declare("microsoft.network/natgateways", "2024-05-01", nat_gateway),
    declare("microsoft.network/azurefirewalls", "2024-05-01", azure_firewall),
    declare("microsoft.network/dnszones", "2018-05-01", dns_zone),
    declare("microsoft.network/privatednszones", "2024-06-01", dns_zone),
]
