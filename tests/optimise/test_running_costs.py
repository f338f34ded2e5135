"""Each option carries what it costs to run: replicas, storage as provisioned, operations of
self-managed services, their minimum sizes, recurring egress and serverless usage."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cloudexit.catalog import load_catalog
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Option
from cloudexit.model.policy import Policy
from cloudexit.optimise.candidates import build_candidates
from tests.helpers import fixture_catalog, resource


def options(item: dict[str, Any], catalog: Any = None, **policy: Any) -> list[Option]:
    found = build_candidates(
        Resource.model_validate(item),
        catalog or load_catalog(),
        Policy(allow_retain=False, **policy),
    )
    return found.options


def on(found: list[Option], provider: str) -> Option:
    return min((o for o in found if o.provider == provider), key=lambda o: o.monthly_cost)


def postgres(**attributes: Any) -> dict[str, Any]:
    return resource(
        "pg",
        kind="database.postgresql",
        type="AWS::RDS::DBInstance",
        attributes={"vcpu": 4, "memory_gib": 16, "engine": "postgresql", **attributes},
    )


def test_an_ha_database_is_priced_with_its_replica() -> None:
    # a reported size: each node keeps its copy of the data, priced twice too
    single = on(options(postgres(storage_gib=100), targets=["scaleway"]), "scaleway")
    ha = on(
        options(postgres(high_availability=True, storage_gib=100), targets=["scaleway"]), "scaleway"
    )
    assert (single.replicas, ha.replicas) == (1, 2)
    assert ha.product == single.product
    assert ha.costs["storage"] == 2 * single.costs["storage"]
    assert ha.monthly_cost == 2 * single.monthly_cost
    assert ha.costs["replicas"] == ha.costs["compute"] == single.costs["compute"]


def test_a_plan_with_a_fixed_node_count_is_never_doubled() -> None:
    # The fixture's OVHcloud PG plan has one node; OVHcloud plans cannot be bought twice, so an
    # HA source runs self-managed on two of OVHcloud's VMs instead.
    single = options(postgres(), fixture_catalog(), targets=["ovhcloud"])
    assert single and {o.fidelity for o in single} == {"native"}
    catalog = fixture_catalog()
    vm = catalog.kinds[Kind.VM].targets["ovhcloud"]
    ha = options(postgres(high_availability=True), catalog, targets=["ovhcloud"])
    assert ha
    for option in ha:
        assert option.fidelity == "self_managed" and option.terraform == vm.terraform
        assert option.replicas == 2 and option.costs["replicas"] > 0


def test_an_ha_offer_that_already_holds_two_nodes_is_not_doubled() -> None:
    ha = on(
        options(postgres(high_availability=True, storage_gib=100), targets=["ovhcloud"]), "ovhcloud"
    )
    product = load_catalog().product("ovhcloud", ha.product or "")
    assert ha.replicas >= 2
    assert (product.specs.nodes or 1) * ha.quantity == ha.replicas


def test_managed_database_storage_holds_the_data_as_provisioned() -> None:
    big = on(options(postgres(storage_gib=1000), targets=["ovhcloud"]), "ovhcloud")
    assert (load_catalog().product("ovhcloud", big.product or "").specs.storage_gib or 0) >= 1000


def test_a_database_on_a_target_with_separate_storage_pays_for_every_node_copy() -> None:
    one = on(options(postgres(storage_gib=500), targets=["scaleway"]), "scaleway")
    two = on(
        options(postgres(storage_gib=500, high_availability=True), targets=["scaleway"]), "scaleway"
    )
    assert two.costs["storage"] == 2 * one.costs["storage"]


def test_a_two_node_cache_keeps_two_nodes() -> None:
    cache = resource(
        "cache",
        kind="cache.redis",
        type="AWS::ElastiCache::ReplicationGroup",
        attributes={"vcpu": 2, "memory_gib": 6.38, "engine": "redis", "node_count": 2},
    )
    assert {o.replicas for o in options(cache, targets=["scaleway", "ionos"])} == {2}


def dynamodb() -> dict[str, Any]:
    return resource(
        "carts",
        kind="database.keyvalue",
        type="AWS::DynamoDB::Table",
        attributes={"engine": "dynamodb", "storage_gib": 120, "item_count": 230_000_000},
    )


def test_a_self_managed_table_is_sized_for_its_data_and_pays_for_operations() -> None:
    option = on(options(dynamodb(), targets=["scaleway"], day_rate=800), "scaleway")
    specs = load_catalog().product("scaleway", option.product or "").specs
    assert option.fidelity == "self_managed"
    assert (specs.vcpu or 0) >= 2 and (specs.memory_gib or 0) >= 12
    # 120 GiB of data on block storage, and 8 hours a month at 100 EUR an hour.
    assert option.costs["storage"] > Decimal(120) * Decimal("0.05")
    assert option.costs["operations"] == Decimal(800)
    cheaper = on(
        options(
            dynamodb(),
            targets=["scaleway"],
            day_rate=800,
            running_costs={"operations_hours_month": {"database.keyvalue": 2}},
        ),
        "scaleway",
    )
    assert cheaper.costs["operations"] == Decimal(200)
    assert option.monthly_cost - cheaper.monthly_cost == Decimal(600)


def test_a_queue_without_a_size_is_not_put_on_the_smallest_machine() -> None:
    queue = resource("q", kind="messaging.queue", type="AWS::SQS::Queue", attributes={})
    option = on(options(queue, targets=["ovhcloud"]), "ovhcloud")
    specs = load_catalog().product("ovhcloud", option.product or "").specs
    assert (specs.vcpu or 0) >= 2 and (specs.memory_gib or 0) >= 4
    assert option.costs["operations"] > 0


def test_a_function_costs_its_assumed_usage_not_zero() -> None:
    function = resource(
        "fn", kind="compute.function", type="AWS::Lambda::Function", attributes={"memory_gib": 1.0}
    )
    base = on(options(function, targets=["scaleway"]), "scaleway")
    busy = on(
        options(
            function, targets=["scaleway"], running_costs={"function_requests_month": 10_000_000}
        ),
        "scaleway",
    )
    assert base.costs["requests"] > 0 and base.costs["duration"] > 0
    assert busy.monthly_cost == 10 * base.monthly_cost


def test_recurring_egress_is_priced_at_the_target() -> None:
    quiet = on(options(resource("vm"), targets=["ionos"]), "ionos")
    chatty = on(
        options(
            resource("vm", attributes={"vcpu": 2, "memory_gib": 8, "monthly_egress_gib": 1000}),
            targets=["ionos"],
        ),
        "ionos",
    )
    assert "egress" not in quiet.costs
    assert chatty.costs["egress"] > 0
    assert chatty.monthly_cost - quiet.monthly_cost == chatty.costs["egress"]
