"""Risk points per option. Points are multiplied by the policy's euro weights."""

from __future__ import annotations

from cloudexit.catalog.schema import ProviderFile
from cloudexit.risk.certifications import baseline, canonical

EXPOSURE_POINTS = {"none": 0.0, "low": 1.0, "medium": 2.0, "high": 4.0}
FIDELITY_POINTS = {"native": 0.0, "compatible": 1.0, "self_managed": 2.0, "none": 4.0}


def jurisdiction_points(provider: ProviderFile) -> float:
    return EXPOSURE_POINTS[provider.company.exposure]


def fidelity_points(fidelity: str) -> float:
    return FIDELITY_POINTS[fidelity]


def certifications_in(provider: ProviderFile, region: str, service: str | None) -> set[str]:
    """Canonical names of the certifications that hold there. An unverified claim never satisfies a
    requirement, nor does one held only by named products (those are named, see
    ``held_by_products``)."""
    found = set()
    for cert in provider.certifications:
        if not cert.verified or cert.products:
            continue
        if cert.regions and region not in cert.regions:
            continue
        if cert.services and service is not None and service not in cert.services:
            continue
        found.add(canonical(cert.name))
    return found


def held_by_products(provider: ProviderFile, region: str, names: set[str]) -> list[str]:
    """Ids of the provider's products there that alone hold one of these certifications."""
    return sorted(
        {
            pid
            for cert in provider.certifications
            if cert.verified
            and cert.products
            and canonical(cert.name) in names
            and (not cert.regions or region in cert.regions)
            for pid in cert.products
        }
    )


def certification_gap_points(held: set[str]) -> float:
    """One point per baseline certification (mappings/certifications.yaml) the site lacks."""
    return float(len(baseline() - held))


def concentration_points(provider_share: float, region_share: float) -> float:
    """Up to 4 points, like the other risks: half from the provider's share of target spend, half
    from the region's (the marginal growth of the Herfindahl index is twice the share)."""
    return round(2.0 * provider_share + 2.0 * region_share, 6)
