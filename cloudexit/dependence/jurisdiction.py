"""Which law a provider's operator answers to, from the catalogue's company facts."""

from __future__ import annotations

from typing import Literal

from cloudexit.catalog.loader import Catalog
from cloudexit.model.suppliers import Hosting

Jurisdiction = Literal["EU", "non-EU", "unknown"]

# Source clouds a catalogue might lack: their parents are US companies.
_US_CLOUDS = frozenset({"aws", "azure", "gcp"})


def provider_jurisdiction(provider: str, catalog: Catalog) -> Jurisdiction:
    """EU when the operating company is controlled from the EU, whatever laws also reach a
    foreign subsidiary; non-EU when control sits outside the EU."""
    if provider not in catalog.providers:
        return "non-EU" if provider in _US_CLOUDS else "unknown"
    return "EU" if catalog.facts(provider).company.eu_controlled else "non-EU"


def hosting_jurisdiction(hosting: Hosting, catalog: Catalog) -> Jurisdiction:
    if hosting.jurisdiction is not None:
        return hosting.jurisdiction
    return provider_jurisdiction(hosting.provider, catalog)
