"""The shape of ``mappings/sources/*.yaml``: the kind of each native type of a source cloud."""

from __future__ import annotations

from pydantic import Field, model_validator

from cloudexit.catalog.facts import CatalogData, SourceRef, needs_published
from cloudexit.model.kinds import Kind


class Billing(CatalogData):
    """How a source provider bills a type, and the page of its own that says so."""

    basis: str = Field(min_length=8, description="What the charge is per (hours, data, rules)")
    source: SourceRef

    @model_validator(mode="after")
    def _dated(self) -> Billing:
        needs_published(self.source, "a billing")
        return self


class SourceType(CatalogData):
    kind: Kind
    skip: str | None = Field(None, description="Reason the type is not an exit workload")
    not_migratable: str | None = Field(
        None, description="Why nothing can take this type, where its kind's reason does not fit"
    )
    billed: Billing | None = Field(
        None,
        description="How the source bills this type, with where the provider says so, for a type "
        "whose target buys nothing (a firewall becoming security group rules): with no cost "
        "known for it today, today's cost leaves it out and says so, never taking it as free",
    )


class SourceTypesFile(CatalogData):
    provider: str
    types: dict[str, SourceType]
