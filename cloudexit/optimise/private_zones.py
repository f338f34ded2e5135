"""A private DNS zone, which no target sells: its records are served by a resolver in the network.

An Azure private DNS zone, a Route 53 private hosted zone and a Cloud DNS zone of private
visibility answer only inside the networks linked to them. The targets' DNS zones (Scaleway
Domains and DNS, OVHcloud and IONOS Cloud DNS zones) are public and authoritative on the internet,
and none of their Terraform providers has a private zone or a custom record of a private network:
writing such a zone there would publish its records. The nearest equivalent is a DNS resolver run
on a VM of the target in its private network, priced from its VM prices and operations hours like
any self-managed service.
"""

from __future__ import annotations

from cloudexit.catalog.schema import TargetMapping
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind

PRIVATE_TYPES = frozenset({"microsoft.network/privatednszones", "azurerm_private_dns_zone"})
"""Native types (lower case) that are private zones whatever their details say."""

LOST = (
    (
        "a managed private zone answered only inside the networks linked to it: no target sells "
        "one (their DNS zones are public, so its records are not written there, which would "
        "publish them on the internet)"
    ),
    "the managed service's built-in high availability: a second resolver is set up by hand",
)
REBUILT = (
    "the zone is rebuilt as a DNS resolver (Unbound, CoreDNS or similar) on one VM of the target "
    "in its private network, priced with its running hours; its records are loaded and the "
    "machines pointed at it by hand"
)


def is_private(resource: Resource) -> bool:
    """A DNS zone that answers only inside its networks: an Azure private DNS zone, a Route 53
    private hosted zone (``private``), a Cloud DNS zone of private visibility."""
    if resource.kind is not Kind.DNS_ZONE:
        return False
    native = resource.type.lower()
    if native in PRIVATE_TYPES or native.startswith("azurerm_private_dns_"):
        return True
    details = resource.attributes.details
    said = [details.get("zone_type"), details.get("visibility")]
    if any(isinstance(v, str) and v.lower() == "private" for v in said):
        return True
    private = details.get("private")
    return private is True or (isinstance(private, str) and private.lower() == "true")


def graded_for(target: TargetMapping | None, compute: TargetMapping | None) -> TargetMapping | None:
    """The mapping as it holds for a private zone: a resolver on the target's VMs (``compute``,
    the provider's VM mapping), self-managed, never the public zone product; without a VM
    mapping nothing takes it."""
    lost = [*LOST, REBUILT]
    if compute is None:
        return (
            target.model_copy(update={"fidelity": "none", "loses": lost})
            if target is not None
            else None
        )
    return compute.model_copy(
        update={
            "service": f"DNS resolver on a {compute.service}",
            "fidelity": "self_managed",
            "strategy": "refactor",
            "effort_days": target.effort_days if target is not None else compute.effort_days,
            "loses": lost,
            "notes": "the zone's records are served by a resolver in the private network; "
            "the target's public DNS zones are not used",
        }
    )
