"""Regions the catalogue marks closed to new deployments: never planned onto, and said once."""

from __future__ import annotations

from cloudexit.catalog.loader import Catalog
from cloudexit.model.policy import Policy

CLOSED = "closed to new deployments"


def closed_warnings(catalog: Catalog, policy: Policy) -> list[str]:
    """One line per closed region of a target the policy's residency would otherwise allow."""
    lines = []
    for provider_id in sorted(set(policy.targets) & set(catalog.providers)):
        for r in sorted(catalog.providers[provider_id].regions, key=lambda r: r.code):
            closed = r.closed_to_new
            if closed is None:
                continue
            residency = policy.residency
            if residency.allowed_countries and r.country not in residency.allowed_countries:
                continue
            if (
                residency.allowed_regions
                and f"{provider_id}/{r.code}" not in residency.allowed_regions
            ):
                continue
            source = closed.source
            lines.append(
                f"{provider_id}/{r.code} ({r.name}) not planned onto, {CLOSED}: {closed.reason} "
                f"({source.url}, published {source.published}, read {source.retrieved})"
            )
    return lines
