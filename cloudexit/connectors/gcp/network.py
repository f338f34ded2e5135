"""VPC networks, subnets, firewall rules, load balancing, addresses, routers and Cloud DNS."""

from __future__ import annotations

from cloudexit.connectors.gcp.registry import Extractor, Facts, cai_ref, declare, last_segment
from cloudexit.model.topology import Topology
from cloudexit.topology import Mapped
from cloudexit.topology import gcp as gcp_topology


def network(facts: Facts) -> None:
    facts.note(
        auto_create_subnetworks=facts.get("autoCreateSubnetworks"),
        routing_mode=facts.get("routingConfig.routingMode"),
        mtu=facts.get("mtu"),
        peerings=sorted(
            filter(None, (cai_ref(p.get("network")) for p in facts.get("peerings", [])))
        ),
    )


def subnetwork(facts: Facts) -> None:
    facts.location = last_segment(facts.get("region"))
    facts.map(
        lambda d: Mapped(Topology(cidrs=[str(d["ipCidrRange"])] if d.get("ipCidrRange") else []))
    )
    facts.note(
        secondary_ranges=sorted(
            f"{r.get('rangeName')}={r.get('ipCidrRange')}"
            for r in facts.get("secondaryIpRanges", [])
        ),
        private_google_access=facts.get("privateIpGoogleAccess"),
        purpose=facts.get("purpose"),
    )
    facts.depend(facts.get("network"))


def firewall(facts: Facts) -> None:
    facts.map(gcp_topology.firewall)
    facts.note(disabled=facts.get("disabled") or None)
    facts.depend(facts.get("network"))


def forwarding_rule(facts: Facts) -> None:
    facts.location = last_segment(facts.get("region"))
    facts.map(gcp_topology.forwarding_rule)
    facts.note(
        address=facts.get("IPAddress"),
        scheme=facts.get("loadBalancingScheme"),
        target=cai_ref(facts.get("target")),
        backend_service=cai_ref(facts.get("backendService")),
    )
    facts.depend(facts.get("target"), facts.get("backendService"), facts.get("subnetwork"))


def backend_service(facts: Facts) -> None:
    facts.location = last_segment(facts.get("region"))
    facts.note(
        protocol=facts.get("protocol"),
        port=facts.get("port"),
        scheme=facts.get("loadBalancingScheme"),
        cdn=facts.get("enableCDN") or None,
        health_checks=sorted(filter(None, (cai_ref(h) for h in facts.get("healthChecks", [])))),
        backend_groups=sorted(
            filter(None, (cai_ref(b.get("group")) for b in facts.get("backends", [])))
        ),
        security_policy=cai_ref(facts.get("securityPolicy")),
        edge_security_policy=cai_ref(facts.get("edgeSecurityPolicy")),
    )
    for backend in facts.get("backends", []):
        facts.depend(backend.get("group"))
    facts.depend(facts.get("backendService"))


def security_policy(facts: Facts) -> None:
    facts.map(gcp_topology.security_policy)
    facts.note(policy_type=facts.get("type"))


def target_pool(facts: Facts) -> None:
    facts.location = last_segment(facts.get("region"))
    facts.note(
        health_checks=sorted(filter(None, (cai_ref(h) for h in facts.get("healthChecks", []))))
    )
    facts.depend(*facts.get("instances", []))


def target_proxy(facts: Facts) -> None:
    facts.note(
        ssl_certificates=sorted(
            filter(None, (cai_ref(c) for c in facts.get("sslCertificates", [])))
        ),
        url_map=cai_ref(facts.get("urlMap")),
        service=cai_ref(facts.get("service")),
    )
    facts.depend(facts.get("urlMap"), facts.get("service"))


def health_check(facts: Facts) -> None:
    facts.location = last_segment(facts.get("region"))
    facts.map(gcp_topology.health_check)
    _probe_timing(facts)


def legacy_health_check(protocol: str) -> Extractor:
    def extract(facts: Facts) -> None:
        facts.map(lambda data: gcp_topology.health_check(data, protocol))
        _probe_timing(facts)

    return extract


def _probe_timing(facts: Facts) -> None:
    facts.note(
        interval_seconds=facts.get("checkIntervalSec"),
        timeout_seconds=facts.get("timeoutSec"),
        healthy_threshold=facts.get("healthyThreshold"),
        unhealthy_threshold=facts.get("unhealthyThreshold"),
    )


def ssl_certificate(facts: Facts) -> None:
    """What a balancer needs to name its certificate again: never the certificate or its key."""
    facts.location = last_segment(facts.get("region"))
    facts.note(
        certificate_type=facts.get("type"),
        domains=sorted(
            set(facts.get("managed.domains", []) or facts.get("subjectAlternativeNames", []))
        ),
        expires=facts.get("expireTime"),
    )


def target_instance(facts: Facts) -> None:
    facts.location = last_segment(facts.get("zone"))
    facts.depend(facts.get("instance"))


def vpn_tunnel(facts: Facts) -> None:
    facts.location = last_segment(facts.get("region"))
    facts.note(peer_ip=facts.get("peerIp"), ike_version=facts.get("ikeVersion"))
    facts.depend(facts.get("targetVpnGateway"), facts.get("vpnGateway"), facts.get("router"))


def interconnect_attachment(facts: Facts) -> None:
    facts.location = last_segment(facts.get("region"))
    facts.note(bandwidth=facts.get("bandwidth"), attachment_type=facts.get("type"))
    facts.depend(facts.get("interconnect"), facts.get("router"))


def url_map(facts: Facts) -> None:
    services = [facts.get("defaultService")]
    for matcher in facts.get("pathMatchers", []):
        services.append(matcher.get("defaultService"))
        services += [rule.get("service") for rule in matcher.get("pathRules", [])]
    facts.depend(*services)
    facts.note(
        hosts=sorted({h for rule in facts.get("hostRules", []) for h in rule.get("hosts", [])}),
        services=sorted({ref for s in services if (ref := cai_ref(s))}),
    )


def address(facts: Facts) -> None:
    facts.location = last_segment(facts.get("region"))
    facts.note(
        address=facts.get("address"),
        address_type=facts.get("addressType"),
        status=facts.get("status"),
        users=sorted(filter(None, (cai_ref(u) for u in facts.get("users", [])))),
    )


def router(facts: Facts) -> None:
    facts.location = last_segment(facts.get("region"))
    facts.note(
        nat=sorted(n.get("name", "") for n in facts.get("nats", [])), asn=facts.get("bgp.asn")
    )
    facts.depend(facts.get("network"))


def managed_zone(facts: Facts) -> None:
    facts.location = "global"
    facts.note(
        dns_name=facts.get("dnsName"),
        visibility=facts.get("visibility") or "public",
        dnssec=facts.get("dnssecConfig.state"),
        name_servers=sorted(facts.get("nameServers", [])),
    )
    for entry in facts.get("privateVisibilityConfig.networks", []):
        facts.depend(entry.get("networkUrl"))


TYPES = [
    declare("compute.googleapis.com/Network", network),
    declare("compute.googleapis.com/Subnetwork", subnetwork),
    declare("compute.googleapis.com/Firewall", firewall),
    declare("compute.googleapis.com/ForwardingRule", forwarding_rule),
    declare("compute.googleapis.com/GlobalForwardingRule", forwarding_rule),
    declare("compute.googleapis.com/BackendService", backend_service),
    declare("compute.googleapis.com/RegionBackendService", backend_service),
    declare("compute.googleapis.com/SecurityPolicy", security_policy),
    declare("compute.googleapis.com/RegionSecurityPolicy", security_policy),
    declare("compute.googleapis.com/TargetPool", target_pool),
    declare("compute.googleapis.com/TargetHttpProxy", target_proxy),
    declare("compute.googleapis.com/TargetHttpsProxy", target_proxy),
    declare("compute.googleapis.com/TargetTcpProxy", target_proxy),
    declare("compute.googleapis.com/TargetSslProxy", target_proxy),
    declare("compute.googleapis.com/UrlMap", url_map),
    declare("compute.googleapis.com/HealthCheck", health_check),
    declare("compute.googleapis.com/HttpHealthCheck", legacy_health_check("HTTP")),
    declare("compute.googleapis.com/HttpsHealthCheck", legacy_health_check("HTTPS")),
    declare("compute.googleapis.com/SslCertificate", ssl_certificate),
    declare("compute.googleapis.com/TargetInstance", target_instance),
    declare("compute.googleapis.com/VpnTunnel", vpn_tunnel),
    declare("compute.googleapis.com/InterconnectAttachment", interconnect_attachment),
    declare("compute.googleapis.com/Address", address),
    declare("compute.googleapis.com/GlobalAddress", address),
    declare("compute.googleapis.com/Router", router),
    declare("dns.googleapis.com/ManagedZone", managed_zone),
]
