"""A loss a mapping names for one source cloud's service (Azure AI Search's API, DynamoDB
Streams) is listed for resources from that cloud only, not for every source of the kind."""

from __future__ import annotations

import cloudexit
from cloudexit.api import load_catalog
from cloudexit.emit.losses import losses
from cloudexit.model import Inventory, Policy
from tests.helpers import inventory, resource


def _search(rid: str, provider: str, native: str) -> dict:
    return resource(
        rid,
        kind="analytics.search",
        type=native,
        provider=provider,
        region="eu-west-1" if provider == "aws" else "westeurope",
        attributes={"vcpu": 2, "memory_gib": 8, "storage_gib": 20},
        monthly_cost={"amount": "100", "currency": "EUR", "source": "test"},
    )


def test_a_source_clouds_own_loss_is_listed_for_that_cloud_only() -> None:
    estate = Inventory.model_validate(
        inventory(
            _search("es", "aws", "aws_elasticsearch_domain"),
            _search("ai", "azure", "Microsoft.Search/searchServices"),
        )
    )
    catalog = load_catalog()
    plan = cloudexit.plan(
        estate, Policy.model_validate({"targets": ["scaleway"], "allow_retain": False}), catalog
    )
    rows = losses(plan, catalog, [])
    azure_only = [r for r in rows if "Azure AI Search" in str(r["lost"])]
    assert [r["names"] for r in azure_only] == ["ai"]
    shared = [r for r in rows if "managed snapshots" in str(r["lost"])]
    assert [r["names"] for r in shared] == ["ai, es"]
