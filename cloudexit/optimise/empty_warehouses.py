"""A BigQuery project whose datasets hold no table and no data in the export runs nothing:
BigQuery bills stored bytes and queries, so it costs nothing today, and a warehouse cluster on
the target would run (and be paid for) with nothing to hold. It is carried over as nothing to run
until it holds data, and said so."""

from __future__ import annotations

from collections.abc import Iterable

from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind
from cloudexit.wording import counted, first_few

# a project's datasets in one location are one warehouse, headed by one of them
_DATASETS = frozenset({"bigquery.googleapis.com/dataset", "google_bigquery_dataset"})
_TABLES = "/tables/"


def empty_warehouse(resource: Resource) -> bool:
    """A BigQuery warehouse (a project's datasets in one location) with no table among its
    parts, no data size and no cost today."""
    cost = resource.monthly_cost
    return (
        resource.kind is Kind.WAREHOUSE
        and resource.type.lower() in _DATASETS
        and resource.attributes.storage_gib is None
        and (cost is None or not cost.amount)
        and not any(_TABLES in member for member in resource.members)
    )


def empty_reason(resource: Resource) -> str:
    datasets = 1 + sum(1 for m in resource.members if _TABLES not in m)
    return (
        "no table and no data in the export among the project's "
        f"{counted(datasets, 'BigQuery dataset')} in this location: nothing to run until it "
        "holds data (BigQuery bills stored data and queries, so it costs nothing today); create "
        "the target's warehouse database when data arrives"
    )


def empty_warning(resources: Iterable[Resource], names: dict[str, str]) -> list[str]:
    empty = sorted(names.get(r.id, r.id) for r in resources if empty_warehouse(r))
    if not empty:
        return []
    line = (
        f"{counted(len(empty), 'BigQuery warehouse')} with no table and no data in the export "
        "not carried over (nothing to run until it holds data; no warehouse cluster priced): "
        f"{first_few(empty)}; if the export leaves tables out, add them or their sizes to the "
        "inventory and plan again"
    )
    return [line]
