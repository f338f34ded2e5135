"""Risk points per option. Points are multiplied by the policy's euro weights."""

from __future__ import annotations

from functools import lru_cache

from cloudexit.catalog.schema import Certification, ProviderFile
from cloudexit.risk.certifications import baseline, canonical
from cloudexit.sovereignty.data import load_sovereignty

EXPOSURE_POINTS = {"none": 0.0, "low": 1.0, "medium": 2.0, "high": 4.0}
CONTROL_POINTS = {"customer": 0.0, "EU": 0.0, "unknown": 2.0, "non-EU": 4.0}
FIDELITY_POINTS = {"native": 0.0, "compatible": 1.0, "self_managed": 2.0, "none": 4.0}


def jurisdiction_points(provider: ProviderFile, region: str | None = None) -> float:
    """The provider's exposure; at a region whose operator the sovereignty data names (a partner
    running an 8ra site), no better than that operator's control: a control not established is
    not a known EU one, so it counts as medium, a non-EU one as high."""
    points = EXPOSURE_POINTS[provider.company.exposure]
    if region is None:
        return points
    return max(points, _control_points(provider.id, region))


@lru_cache(maxsize=4096)
def _control_points(provider: str, region: str) -> float:
    site = load_sovereignty().for_site(provider, region)
    return CONTROL_POINTS[site.operator.controlled_from] if site is not None else 0.0


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


def unverified_claims(
    provider: ProviderFile, region: str, service: str | None, names: set[str]
) -> dict[str, Certification]:
    """The provider's own unverified claims there to these certifications, by canonical name:
    a claim is not a lack, yet it meets no requirement until verified."""
    found: dict[str, Certification] = {}
    for cert in provider.certifications:
        if cert.verified or cert.products or canonical(cert.name) not in names:
            continue
        if cert.regions and region not in cert.regions:
            continue
        if cert.services and service is not None and service not in cert.services:
            continue
        found.setdefault(canonical(cert.name), cert)
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
