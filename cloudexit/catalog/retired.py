"""Source SKUs their provider has retired (``mappings/retired-skus.yaml``).

A resource still recorded on a retired SKU cannot stay on its source at that SKU's price once
the plan starts after the retirement: staying means the successor SKU. Microsoft retired Azure's
Basic Load Balancer and Basic public IPs on 2025-09-30; the Basic balancer bore no charge while
it ran, so keeping it looked free."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from cloudexit.datafiles import data_dir
from cloudexit.model.defaults import empty_list
from cloudexit.model.io import read_yaml, validate

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from cloudexit.model.inventory import Resource
    from cloudexit.model.plan import Placement


class RetiredSource(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    url: str
    retrieved: dt.date
    published: dt.date | None = None
    note: str = Field(min_length=8)


class RetiredSku(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    provider: str
    type: str = Field(description="The resource type as the inventory records it, lower case")
    sku: str
    product: str = Field(description="The retired offer, named as its provider names it")
    retired: dt.date
    successor: str
    successor_priced: str = Field(min_length=8, description="What staying on the successor costs")
    source: RetiredSource


class RetiredSkus(BaseModel):
    model_config = ConfigDict(extra="forbid")

    retired: list[RetiredSku] = Field(default_factory=empty_list)

    def of(self, resource: Resource) -> RetiredSku | None:
        """The retired SKU the resource is recorded on, if any."""
        sku = (resource.attributes.instance_type or "").lower()
        native = resource.type.lower()
        return next(
            (
                r
                for r in self.retired
                if r.provider == resource.provider and r.type == native and r.sku.lower() == sku
            ),
            None,
        )


@lru_cache(maxsize=4)
def load_retired(path: Path | None = None) -> RetiredSkus:
    path = path or data_dir("mappings") / "retired-skus.yaml"
    return validate(RetiredSkus, read_yaml(path), path)


def retired_before(resource: Resource, start: dt.date) -> RetiredSku | None:
    """The retired SKU the resource is on, where it was retired before the plan starts."""
    found = load_retired().of(resource)
    return found if found is not None and found.retired <= start else None


def staying_blocked(found: RetiredSku, where: str) -> str:
    """Why staying on the source is not offered."""
    return (
        f"retain on {where}: the {found.product} SKU was retired on {found.retired.isoformat()} "
        f"({found.source.url}); staying needs an upgrade to {found.successor}, "
        f"{found.successor_priced}"
    )


def retired_warnings(
    resources: Iterable[Resource],
    placements: Iterable[Placement],
    names: Mapping[str, str],
    start: dt.date,
) -> list[str]:
    """One line per resource on a SKU retired before the plan starts: where it goes instead."""
    placed = {p.resource_id: p for p in placements}
    found = []
    for r in resources:
        retired = retired_before(r, start)
        if retired is None:
            continue
        p = placed.get(r.id)
        where = (
            f"it moves to {p.choice.provider} {p.choice.region}"
            if p is not None and not p.choice.retain
            else "it is not placed"
        )
        found.append(
            f"{names.get(r.id, r.name)} is a {retired.product}, a SKU {r.provider} retired on "
            f"{retired.retired.isoformat()} ({retired.source.url}): staying on the source is not "
            f"offered at the old price, so {where}; staying needs an upgrade to "
            f"{retired.successor}, {retired.successor_priced}"
        )
    return found
