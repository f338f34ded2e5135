"""Routes, route tables, gateways and routers of real exports land on their network's site."""

from __future__ import annotations

import pytest

from cloudexit.api import plan as make_plan
from cloudexit.model.inventory import Inventory
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from cloudexit.optimise.attachments import attachments
from tests.helpers import CORPUS, corpus_inventory, inventory, resource

EU4 = ["ionos", "opennebula", "ovhcloud", "scaleway"]
EU = ["DE", "FR", "NL", "BE", "ES", "IT", "PL", "AT", "LU", "IE"]


def policy(targets: list[str], from_dependencies: bool) -> Policy:
    return Policy.model_validate(
        {
            "targets": targets,
            "residency": {"allowed_countries": EU},
            "colocation": {"from_dependencies": from_dependencies, "dependency_traffic_gib": 10},
            "allow_retain": False,
        }
    )


def sites(plan: Plan) -> dict[str, tuple[str, str]]:
    return {p.resource_id: (p.choice.provider, p.choice.region) for p in plan.placements}


@pytest.mark.parametrize("from_dependencies", [False, True])
def test_an_aws_route_lands_with_its_table_gateway_and_vpc(from_dependencies: bool) -> None:
    inventory = corpus_inventory("tfplan-aws-55res-checkov.json")
    where = sites(make_plan(inventory, policy(EU4, from_dependencies)))
    names = (
        "route.public_internet_gateway",
        "route_table.web_rtb",
        "gateway.web_igw",
        "vpc.web_vpc",
    )
    routing = {r.id: where[r.id] for r in inventory.resources if r.id.endswith(names)}
    assert len(routing) == 4
    assert len(set(routing.values())) == 1, routing


@pytest.mark.parametrize("from_dependencies", [False, True])
def test_an_azure_hub_firewall_lands_with_its_hub_and_wan(from_dependencies: bool) -> None:
    inventory = corpus_inventory("tfplan-azure-firewall-infracost.json")
    where = sites(make_plan(inventory, policy(EU4, from_dependencies)))
    hub = {
        r.id: where[r.id]
        for r in inventory.resources
        if r.kind == Kind.ROUTER or r.id.endswith("_virtual_hub")
    }
    assert len(hub) == 4
    assert len(set(hub.values())) == 1, hub


def test_a_router_joining_two_networks_glues_neither() -> None:
    parts = [
        resource("vpc-a", "network.vpc"),
        resource("vpc-b", "network.vpc"),
        resource("rt-a", "network.router", depends_on=["vpc-a"]),
        resource("igw-b", "network.router", depends_on=["vpc-b"]),
    ]
    hub = [
        resource("tgw", "network.router"),
        resource("att-a", "network.router", depends_on=["tgw", "vpc-a"]),
        resource("att-b", "network.router", depends_on=["tgw", "vpc-b"]),
    ]
    alone = Inventory.model_validate(inventory(*parts))
    assert attachments(alone) == [("igw-b", "vpc-b"), ("rt-a", "vpc-a")]
    # the transit gateway routes between both networks: gluing it would glue them
    joined = Inventory.model_validate(inventory(*parts, *hub))
    assert attachments(joined) == []


def test_every_export_keeps_its_attached_routing_parts_on_one_site() -> None:
    names = sorted(p.name for p in CORPUS.glob("*.json*")) if CORPUS.is_dir() else []
    if not names:
        pytest.skip(f"{CORPUS} not present")
    for name in names:
        estate = corpus_inventory(name)
        routing = {r.id for r in estate.resources if r.kind == Kind.ROUTER}
        for from_dependencies in (False, True):
            where = sites(make_plan(estate, policy(EU4, from_dependencies)))
            apart = [
                (a, b)
                for a, b in attachments(estate)
                if {a, b} & routing and a in where and b in where and where[a] != where[b]
            ]
            assert apart == [], (name, from_dependencies)
