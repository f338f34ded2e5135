"""Which price list refreshes which provider."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cloudexit.catalog.refresh import aws, azure, gcp, ovhcloud, scaleway
from cloudexit.catalog.refresh.observed import Observed
from cloudexit.catalog.schema import ProviderFile


@dataclass(frozen=True)
class Fetcher:
    provider: str
    endpoint: str
    fetch: Callable[[str, list[str]], list[Observed]]
    description: str
    per_region: bool
    """True: the fetcher is given the catalogue's regions unless --region names others (one
    request per region, or a filter on a list too large to take whole); False: every region."""
    compose: Callable[[list[Observed], ProviderFile | None], list[Observed]] | None = None
    """Turns what the list states (component rates) into catalogue products, where it differs."""


FETCHERS: dict[str, Fetcher] = {
    f.provider: f
    for f in (
        Fetcher(
            "aws", aws.ENDPOINT, aws.fetch, "AWS Price List offer files (EC2 Linux on-demand)", True
        ),
        Fetcher(
            "azure",
            azure.ENDPOINT,
            azure.fetch,
            "Azure Retail Prices API (VM Linux pay-as-you-go)",
            True,
        ),
        Fetcher(
            "gcp",
            gcp.ENDPOINT,
            gcp.fetch,
            "Cloud Billing Catalog API (Compute Engine on-demand core, RAM and disk rates)",
            True,
            gcp.compose,
        ),
        Fetcher(
            "ovhcloud",
            ovhcloud.ENDPOINT,
            ovhcloud.fetch,
            "OVHcloud public order catalogue (Public Cloud)",
            False,
        ),
        Fetcher(
            "scaleway",
            scaleway.ENDPOINT,
            scaleway.fetch,
            "Scaleway public product catalogue",
            False,
        ),
    )
}
