"""Resource Manager listing: the fallback when Resource Graph cannot be used.

The list carries no properties, so each resource of a type with an extractor is read once
more by id with that type's API version.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def list_resources(client: Any) -> Iterator[dict[str, Any]]:
    for resource in client.resources.list():
        yield resource.as_dict()


def get_resource(client: Any, resource_id: str, api_version: str) -> dict[str, Any]:
    return dict(client.resources.get_by_id(resource_id, api_version=api_version).as_dict())


DNS_API = "2018-05-01"
PRIVATE_DNS_API = "2024-06-01"


def record_sets(client: Any, zone_id: str, private: bool = False) -> list[dict[str, Any]]:
    """Every record set of a public DNS zone (Record Sets - List By Dns Zone) or of a private
    one (Record Sets - List, ``/ALL``), page by page."""
    from azure.core.rest import HttpRequest

    url: str | None = (
        f"{zone_id}/ALL?api-version={PRIVATE_DNS_API}"
        if private
        else f"{zone_id}/recordsets?api-version={DNS_API}"
    )
    found: list[dict[str, Any]] = []
    while url:
        response = client.send_request(HttpRequest("GET", url))
        response.raise_for_status()
        body = response.json()
        found.extend(v for v in body.get("value") or [] if isinstance(v, dict))
        url = body.get("nextLink")
    return found


def management_group_subscriptions(client: Any, group: str) -> list[str]:
    """Subscription ids below a management group, through its descendants list."""
    from azure.core.rest import HttpRequest

    url: str | None = (
        f"/providers/Microsoft.Management/managementGroups/{group}/descendants?api-version=2020-05-01"
    )
    found: list[str] = []
    while url:
        response = client.send_request(HttpRequest("GET", url))
        response.raise_for_status()
        body = response.json()
        for entry in body.get("value") or []:
            if str(entry.get("type", "")).lower().endswith("/subscriptions"):
                found.append(str(entry.get("name")))
        url = body.get("nextLink")
    return sorted(set(found))
