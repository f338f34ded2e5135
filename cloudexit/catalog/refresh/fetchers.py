"""Which price list refreshes which provider."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cloudexit.catalog.refresh import aws, azure, ovhcloud, scaleway
from cloudexit.catalog.refresh.observed import Observed


@dataclass(frozen=True)
class Fetcher:
    provider: str
    endpoint: str
    fetch: Callable[[str, list[str]], list[Observed]]
    description: str
    per_region: bool
    """True: one request per catalogue region; False: the list holds every region at once."""


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
