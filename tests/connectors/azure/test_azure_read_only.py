"""Read-only by construction: writes never leave the process, whatever client sends them."""

from __future__ import annotations

import pytest
from azure.mgmt.resource.resources import ResourceManagementClient
from azure.mgmt.resourcegraph import ResourceGraphClient

from cloudexit.connectors.azure.scan import TYPES
from cloudexit.connectors.azure.session import client_kwargs, is_allowed, resolve_endpoint
from cloudexit.connectors.common import ReadOnlyViolation
from tests.connectors.azure.fake_arm import StaticToken, arm_error

SUB = "5c1f6e38-2b7a-4f0e-9d41-7e0a3c9b8d21"


def clients(arm):
    kwargs = client_kwargs(
        resolve_endpoint(endpoint_url=arm.server.url), retries=1, types=frozenset(TYPES)
    )
    return ResourceManagementClient(StaticToken(), SUB, **kwargs), ResourceGraphClient(
        StaticToken(), **kwargs
    )


@pytest.mark.parametrize(
    ("method", "url", "allowed"),
    [
        ("GET", "https://management.azure.com/subscriptions/x/resources", True),
        ("GET", "https://management.azure.com/subscriptions", True),
        (
            "GET",
            "https://management.azure.com/providers/Microsoft.Management/managementGroups/corp/descendants",
            True,
        ),
        (
            "GET",
            "https://management.azure.com/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1",
            True,
        ),
        (
            "GET",
            "https://management.azure.com/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1/providers/microsoft.insights/metrics",
            True,
        ),
        # reads the connector does not make: other types, sub-paths, resource groups, RBAC
        (
            "GET",
            "https://management.azure.com/subscriptions/x/resourceGroups/rg/providers/Microsoft.Web/sites/app/config/appsettings",
            False,
        ),
        (
            "GET",
            "https://management.azure.com/subscriptions/x/resourceGroups/rg/providers/Microsoft.Automation/automationAccounts/a/variables/v",
            False,
        ),
        ("GET", "https://management.azure.com/subscriptions/x/resourcegroups/rg", False),
        (
            "GET",
            "https://management.azure.com/subscriptions/x/providers/Microsoft.Authorization/roleAssignments",
            False,
        ),
        (
            "POST",
            "https://management.azure.com/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/s/listKeys",
            False,
        ),
        (
            "POST",
            "https://management.azure.com/providers/Microsoft.ResourceGraph/resources?api-version=1",
            True,
        ),
        (
            "POST",
            "https://management.azure.com/subscriptions/x/providers/Microsoft.Compute/register",
            False,
        ),
        (
            "POST",
            "https://management.azure.com/providers/Microsoft.ResourceGraph/resources/extra",
            False,
        ),
        ("PUT", "https://management.azure.com/subscriptions/x/resourcegroups/rg", False),
        ("PATCH", "https://management.azure.com/subscriptions/x/resourcegroups/rg", False),
        ("DELETE", "https://management.azure.com/subscriptions/x/resourcegroups/rg", False),
        ("HEAD", "https://management.azure.com/subscriptions/x/resourcegroups/rg", False),
    ],
)
def test_only_the_listed_reads_and_the_graph_query_are_allowed(method, url, allowed):
    assert is_allowed(method, url, frozenset(TYPES)) is allowed


def test_a_read_the_connector_does_not_make_is_refused_before_it_is_sent(arm):
    rm, _ = clients(arm)
    with pytest.raises(ReadOnlyViolation, match="refused GET .*/resourcegroups/shop-prod"):
        rm.resource_groups.get("shop-prod")
    with pytest.raises(ReadOnlyViolation, match="refused GET .*/config/appsettings"):
        rm.resources.get_by_id(
            f"/subscriptions/{SUB}/resourceGroups/shop-prod/providers/Microsoft.Web/sites/shop/config/appsettings",
            api_version="2023-01-01",
        )
    assert arm.server.requests == []


def test_sdk_writes_are_refused_before_they_are_sent(arm):
    rm, graph = clients(arm)
    with pytest.raises(ReadOnlyViolation, match="refused PUT"):
        rm.resource_groups.create_or_update("shop-prod", {"location": "westeurope"})
    with pytest.raises(ReadOnlyViolation, match="refused DELETE"):
        rm.resources.begin_delete_by_id(
            f"/subscriptions/{SUB}/resourceGroups/shop-prod", api_version="2024-03-01"
        )
    with pytest.raises(ReadOnlyViolation, match="refused PUT"):
        graph.graph_query.create_or_update(
            SUB, "shop-prod", "q", {"location": "global", "properties": {"query": "Resources"}}
        )
    assert [r.method for r in arm.server.requests] == []


def test_provider_registration_from_inside_the_pipeline_is_refused(arm):
    """A 409 MissingSubscriptionRegistration makes the SDK POST a registration on its own."""
    arm.server.fail(
        "GET",
        "^/subscriptions/[^/]+/resources$",
        arm_error(
            409,
            "MissingSubscriptionRegistration",
            "The subscription is not registered to use namespace 'Microsoft.Compute'.",
        ),
    )
    rm, _ = clients(arm)
    with pytest.raises(ReadOnlyViolation, match="refused POST .*register"):
        list(rm.resources.list())
    assert {r.method for r in arm.server.requests} == {"GET"}
