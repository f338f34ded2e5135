"""Services billed per use are sized from the throughput the inventory carries, or from a stated
assumption per service that the plan names; never from today's cost."""

from __future__ import annotations

from typing import Any

from cloudexit.catalog import load_catalog
from cloudexit.importers.aws_shapes import dynamodb_table
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.policy import Policy
from cloudexit.optimise import plan
from cloudexit.optimise.usage import usage_rules
from tests.helpers import resource


def _table(rid: str, **attributes: Any) -> Resource:
    return Resource.model_validate(
        {
            **resource(rid, kind="database.keyvalue", type="AWS::DynamoDB::Table"),
            "attributes": {"engine": "dynamodb", "storage_gib": 120, **attributes},
            "monthly_cost": {"amount": "420", "currency": "USD", "source": "test"},
        }
    )


def _placed(*resources: Resource, target: str = "scaleway") -> Any:
    policy = Policy(targets=[target], allow_retain=False)
    return plan(Inventory(resources=list(resources)), load_catalog(), policy)


def test_provisioned_capacity_sizes_the_table_and_no_assumption_is_warned() -> None:
    rule = next(r for r in usage_rules().rules if r.id == "dynamodb")
    reads, writes = 30_000, 10_000
    result = _placed(_table("carts", read_capacity_units=reads, write_capacity_units=writes))
    (placed,) = result.placements
    product = load_catalog().product(placed.choice.provider, placed.choice.product)
    assert placed.size_basis == "usage"
    assert product.specs.vcpu is not None
    assert product.specs.vcpu >= (reads + writes) / rule.ops_per_vcpu
    assert placed.choice.replicas == rule.nodes
    assert not [w for w in result.warnings if "carts" in w and "assumed" in w]


def test_a_table_without_throughput_is_sized_by_the_stated_assumption_and_named() -> None:
    result = _placed(_table("sessions"))
    (placed,) = result.placements
    assert placed.size_basis == "assumed"
    assert "mappings/usage-sizing.yaml: dynamodb" in (placed.size_source or "")
    assert [w for w in result.warnings if w.startswith("size of sessions assumed")]
    assert not [w for w in result.warnings if "derived from today's cost" in w]


def test_more_throughput_buys_a_larger_machine() -> None:
    small = _placed(_table("t", read_capacity_units=100, write_capacity_units=100))
    large = _placed(_table("t", read_capacity_units=40_000, write_capacity_units=20_000))
    catalog = load_catalog()
    vcpu = [
        catalog.product(r.placements[0].choice.provider, r.placements[0].choice.product).specs.vcpu
        or 0
        for r in (small, large)
    ]
    assert vcpu[1] > vcpu[0]


def test_request_units_size_a_managed_mongodb() -> None:
    cosmos = Resource.model_validate(
        {
            **resource(
                "cosmos", kind="database.document", type="microsoft.documentdb/databaseaccounts"
            ),
            "provider": "azure",
            "region": "westeurope",
            "attributes": {"engine": "mongodb", "storage_gib": 60, "request_units": 12_000},
        }
    )
    result = _placed(cosmos, target="ionos")
    (placed,) = result.placements
    rule = next(r for r in usage_rules().rules if r.id == "cosmosdb")
    product = load_catalog().product("ionos", placed.choice.product)
    assert placed.choice.fidelity != "self_managed" and placed.size_basis == "usage"
    assert (product.specs.vcpu or 0) >= 12_000 / rule.ops_per_vcpu


def test_every_rule_carries_its_source() -> None:
    for rule in usage_rules().rules:
        assert rule.source.url.startswith("https://") and rule.source.retrieved


def test_the_aws_import_keeps_provisioned_capacity_and_drops_on_demand_zeros() -> None:
    provisioned = dynamodb_table(
        {
            "BillingModeSummary": {"BillingMode": "PROVISIONED"},
            "ProvisionedThroughput": {"ReadCapacityUnits": 500, "WriteCapacityUnits": 100},
        }
    )
    on_demand = dynamodb_table(
        {
            "BillingModeSummary": {"BillingMode": "PAY_PER_REQUEST"},
            "ProvisionedThroughput": {"ReadCapacityUnits": 0, "WriteCapacityUnits": 0},
        }
    )
    assert (provisioned["read_capacity_units"], provisioned["write_capacity_units"]) == (500, 100)
    assert "read_capacity_units" not in on_demand


def _function(rid: str, **attributes: Any) -> Resource:
    return Resource.model_validate(
        {
            **resource(rid, kind="compute.function", type="AWS::Lambda::Function"),
            "attributes": {"memory_gib": 0.5, **attributes},
        }
    )


def test_functions_are_priced_from_measured_invocations_else_named_as_assumed() -> None:
    result = _placed(_function("busy", requests_month=50_000_000), _function("quiet"))
    by_id = {p.resource_id: p.choice for p in result.placements}
    assumed = [w for w in result.warnings if w.startswith("usage of ")]
    assert [w.split()[2] for w in assumed] == ["quiet"]
    assert by_id["busy"].costs["requests"] > by_id["quiet"].costs["requests"]
