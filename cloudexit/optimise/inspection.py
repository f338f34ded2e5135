"""A managed firewall, which no target sells: its perimeter is rebuilt on a self-run appliance.

Azure Firewall and AWS Network Firewall are managed L3-L7 firewalls (FQDN and application rules,
threat intelligence; IDPS and TLS inspection on Azure Firewall Premium). The targets' security
groups filter by address and port only, so the mapping as it holds for such a firewall is a
firewall appliance run on a VM of the target, priced from its VM prices and operations hours like
any self-managed service, never a free security group that would claim the protection removed as
a saving.
"""

from __future__ import annotations

from cloudexit.catalog.loader import Catalog
from cloudexit.catalog.schema import TargetMapping
from cloudexit.model.boot_disks import boot_of
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind
from cloudexit.optimise import private_zones, spanner

MANAGED = frozenset(
    {
        "azurerm_firewall",
        "microsoft.network/azurefirewalls",
        "aws_networkfirewall_firewall",
        "aws::networkfirewall::firewall",
    }
)
"""Native types (lower case) of managed firewalls, as against rule sets and security groups."""

# What each tier does that a security group does not (Microsoft's SKU comparison: Premium adds
# TLS inspection, IDPS and full-URL filtering to Standard; Standard adds DNS proxy to Basic).
_BASIC = (
    "FQDN and application (layer-7) rules, threat-intelligence filtering and the managed "
    "service's built-in high availability and scaling"
)
LOST: dict[str, tuple[str, ...]] = {
    "basic": (_BASIC,),
    "standard": (_BASIC, "DNS proxy, FQDN tags and web categories"),
    "premium": (
        _BASIC,
        "DNS proxy, FQDN tags and web categories",
        "Azure Firewall Premium's IDPS, TLS inspection and full-URL filtering",
    ),
    "network_firewall": (
        (
            "stateful domain-list and Suricata-compatible (IPS) rule groups, and the managed "
            "service's built-in high availability and scaling"
        ),
    ),
}
REBUILT = (
    "the perimeter is rebuilt: a firewall appliance (OPNsense, pfSense or similar) on one VM of "
    "the target is priced with its running hours; its rules, and a second VM for high "
    "availability, are set up by hand"
)


def tier(resource: Resource) -> str | None:
    """The managed firewall's tier (basic, standard, premium, or network_firewall for AWS), or
    None for a firewall that is a rule set or security group."""
    if resource.kind is not Kind.FIREWALL or resource.type.lower() not in MANAGED:
        return None
    if resource.type.lower().startswith("aws"):
        return "network_firewall"
    found = resource.attributes.details.get("sku_tier")
    named = found.lower() if isinstance(found, str) else ""
    return named if named in LOST else "standard"


def inspects(resource: Resource) -> str | None:
    """What the placement of a managed firewall depends on beyond its kind: its tier; of a DNS
    zone, whether it is private (``private_zones``); of a disk, whether it is a machine's boot
    disk (``model.boot_disks``); of a Cloud Spanner instance, its databases' dialect."""
    if spanner.is_spanner(resource):
        return f"spanner:{spanner.dialect(resource)}:{spanner.dialect_said(resource)}"
    if resource.kind is Kind.DNS_ZONE:
        return "private_zone" if private_zones.is_private(resource) else None
    if resource.kind is Kind.BLOCK_VOLUME:
        return BOOT_DISK if boot_of(resource) else None
    return tier(resource)


BOOT_DISK = "boot_disk"
HELD_AS_ROOT = (
    "written as its server's root volume, at its size, and priced with the server (its boot "
    "volume, or the flavour's own disk); moved with the server's image"
)


def as_root_volume(target: TargetMapping) -> TargetMapping:
    """A machine's boot disk at a target: nothing bought or written of its own, no engineering of
    its own (its image is exported with the machine's)."""
    return target.model_copy(
        update={
            "service": "Root volume of its server",
            "select": None,
            "sizing": "none",
            "terraform": None,
            "effort_days": 0.0,
            "notes": HELD_AS_ROOT,
        }
    )


def graded_for(
    resource: Resource, target: TargetMapping | None, compute: TargetMapping | None = None
) -> TargetMapping | None:
    """The mapping as it holds for this resource: a managed firewall becomes a firewall appliance
    on the target's VMs (``compute``, the provider's VM mapping), self-managed, with what its tier
    did named as lost; without a VM mapping nothing takes it."""
    if resource.kind is Kind.DNS_ZONE and private_zones.is_private(resource):
        return private_zones.graded_for(target, compute)
    if target is not None and resource.kind is Kind.BLOCK_VOLUME and boot_of(resource):
        return as_root_volume(target)
    if target is not None and spanner.is_spanner(resource):
        return spanner.graded_for(resource, target)
    found = tier(resource)
    if target is None or found is None:
        return target
    lost = [*LOST[found], REBUILT]
    if compute is None:
        return target.model_copy(update={"fidelity": "none", "loses": lost})
    return target.model_copy(
        update={
            "service": f"Firewall appliance on a {compute.service}",
            "select": compute.select,
            "sizing": "instance",
            "fidelity": "self_managed",
            "strategy": "refactor",
            "loses": lost,
            "notes": "a security group holds the rules the export gives; the appliance VM that "
            "enforces them at the perimeter is priced, not written",
        }
    )


def vm_mapping(catalog: Catalog, provider: str) -> TargetMapping | None:
    """The provider's VM mapping, on which a self-run appliance is priced."""
    mapping = catalog.kinds.get(Kind.VM)
    return mapping.targets.get(provider) if mapping is not None else None
