"""Azure Resource Graph: every resource with its full properties, a page at a time."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

QUERY = (
    "Resources | project id, name, type, location, subscriptionId, resourceGroup, kind, sku, tags,"
    " properties, managedBy, zones"
)
MAX_SUBSCRIPTIONS_PER_QUERY = 1000


def rows(data: Any) -> list[dict[str, Any]]:
    """Rows of either result format: objectArray (a list) or table (columns and rows)."""
    if isinstance(data, list):
        return [row for row in data if isinstance(row, dict)]
    if isinstance(data, dict) and "columns" in data:
        names = [column.get("name") for column in data.get("columns") or []]
        return [dict(zip(names, row, strict=False)) for row in data.get("rows") or []]
    return []


def query(
    client: Any,
    subscriptions: Sequence[str],
    management_groups: Sequence[str],
    page_size: int = 1000,
) -> Iterator[list[dict[str, Any]]]:
    """Pages of resources; follows $skipToken until the result is complete."""
    from azure.mgmt.resourcegraph.models import QueryRequest, QueryRequestOptions

    scopes: list[tuple[list[str] | None, list[str] | None]]
    if management_groups:
        scopes = [(None, list(management_groups))]
    else:
        subs = list(subscriptions)
        scopes = [
            (subs[i : i + MAX_SUBSCRIPTIONS_PER_QUERY], None)
            for i in range(0, len(subs), MAX_SUBSCRIPTIONS_PER_QUERY)
        ]
    for subs_chunk, groups in scopes:
        skip_token: str | None = None
        while True:
            request = QueryRequest(
                query=QUERY,
                subscriptions=subs_chunk,
                management_groups=groups,
                options=QueryRequestOptions(
                    skip_token=skip_token, top=page_size, result_format="objectArray"
                ),
            )
            response = client.resources(request)
            yield rows(response.data)
            skip_token = response.skip_token
            if not skip_token:
                break
