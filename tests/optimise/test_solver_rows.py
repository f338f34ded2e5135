"""Solver rows keep a few numbers per option and build the full option only when a plan uses it:
the rows and the options they build are those of the full candidate path, number for number."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable

import pytest

from cloudexit.api import inventory as import_inventory
from cloudexit.api import load_policy
from cloudexit.catalog import load_catalog
from cloudexit.model import Inventory, Policy
from cloudexit.model.inventory import Resource
from cloudexit.model.plan import Option
from cloudexit.optimise import concentration
from cloudexit.optimise.candidates import FactsMemo, build_candidates
from cloudexit.optimise.objective import compared_monthly, option_score
from cloudexit.optimise.planner import _placeable
from cloudexit.optimise.stranded import monthly_by_resource
from cloudexit.optimise.switching import start_of
from cloudexit.optimise.units import Row, _rows, build_units, solver_key
from tests.helpers import CORPUS, EXAMPLE, fixture_catalog
from tests.helpers import resource as resource_item

EXPORTS = [
    "tfplan-aws-55res-checkov.json",
    "azure-arm-resources-list-c7n.json",
    "gcp-cai-export-forseti.jsonl",
    "tfstate-showjson-aws-infracost-v0.14.json",
]


def _policy(inventory: Inventory) -> Policy:
    policy = load_policy(EXAMPLE / "policy.yaml")
    return concentration.with_stake_reference(inventory, policy)


def _estates() -> list[tuple[str, Inventory]]:
    found = [("example", Inventory.model_validate_json((EXAMPLE / "inventory.json").read_text()))]
    for name in EXPORTS:
        path = CORPUS / name
        if path.is_file():
            found.append((name, import_inventory("import", path, planned=True)))
    return found


def _key(option: Option, policy: Policy) -> tuple[object, ...]:
    return (
        float(option_score(option, policy)),
        (option.provider, option.region),
        option.product or "",
    )


@pytest.mark.parametrize("name", [n for n, _ in _estates()])
def test_rows_build_the_options_of_the_full_candidate_path(name: str) -> None:
    inventory = dict(_estates())[name]
    catalog = fixture_catalog()
    policy = _policy(inventory)
    placeable, _ = _placeable(inventory, catalog, policy)
    commitments = monthly_by_resource(inventory, policy)
    start = start_of(policy, inventory)
    compared = 0
    for resource in placeable:
        held = commitments.get(resource.id)
        rows, excluded, _ = _rows(resource, catalog, policy, held, start)
        found = build_candidates(resource, catalog, policy, held, start)
        expected = sorted(found.options, key=lambda o: _key(o, policy))
        assert excluded == found.excluded
        assert [r.option for r in rows] == expected
        for row, option in zip(rows, expected, strict=True):
            assert row.score == float(option_score(option, policy))
            # what the choice compares: the option's cost and its unpriced parts' stand-ins
            assert row.monthly == float(compared_monthly(option))
            assert row.monthly_cost == compared_monthly(option)
            assert row.risk_total == option.risk.total
            assert row.jurisdiction == option.risk.jurisdiction
            assert (row.product, row.retain) == (option.product, option.retain)
            compared += 1
    assert compared > len(placeable)


def test_weighed_rows_score_and_build_as_weighed_options() -> None:
    """Concentration points change the score and the option's risk the same way for a row that
    builds its option later as for one holding it."""
    inventory = Inventory.model_validate_json((EXAMPLE / "inventory.json").read_text())
    catalog = fixture_catalog()
    policy = _policy(inventory)
    placeable, _ = _placeable(inventory, catalog, policy)
    units = build_units(inventory, catalog, policy, placeable)
    for unit in units.units:
        for row in unit.all_rows:
            held = Row.of(
                row.option,
                site=row.site,
                score=row.score,
                monthly=row.monthly,
                vcpu=row.vcpu,
                memory_gib=row.memory_gib,
                storage_gib=row.storage_gib,
                instances=row.instances,
                target=row.target,
            )
            lazy = Row(
                **{
                    f: getattr(row, f)
                    for f in (
                        "site",
                        "score",
                        "monthly",
                        "vcpu",
                        "memory_gib",
                        "storage_gib",
                        "instances",
                        "target",
                        "product",
                        "quantity",
                        "jurisdiction",
                        "certification",
                        "fidelity",
                        "stake",
                        "migration",
                        "source",
                    )
                }
            )
            for points in (0.0, 1.25, 7.5):
                a, b = lazy.weighed(points, policy), held.weighed(points, policy)
                assert a.score == b.score
                assert a.risk_total == b.risk_total
                assert a.option == b.option
                assert a.option.risk.concentration == points


def _varied_estate() -> list[Resource]:
    """Machines whose right-sized needs differ but fall between the same two sizes, disks and a
    database of many sizes, a confidential tag, and databases, caches, buckets and disks alike
    but for storage sizes (none, zero, under and above every storage ceiling) and egress sizes,
    node pools whose node disk only some flavours' local disks hold: resources the shared facts
    serve alike or apart."""
    items = []
    for i in range(48):
        vcpu = [1, 2, 4, 8][i % 4]
        item = resource_item(
            f"vm-{i}",
            attributes={"vcpu": vcpu, "memory_gib": vcpu * [2, 4, 8][i % 3]},
            utilisation={"cpu_p95": 10 + 7 * (i % 12), "memory_p95": 20 + 3 * (i % 17)},
            monthly_cost={"amount": f"{20 + i}.50", "currency": "USD", "source": "test"},
        )
        if i % 5 == 0:
            item["tags"] = {"classification": "confidential"}
        items.append(item)
    for i in range(24):
        items.append(
            resource_item(
                f"disk-{i}",
                "storage.block",
                type="AWS::EC2::Volume",
                attributes={"storage_gib": [8, 100, 100, 750][i % 4] + (i // 8)},
            )
        )
        items.append(
            resource_item(
                f"db-{i}",
                "database.postgresql",
                type="AWS::RDS::DBInstance",
                attributes={
                    "vcpu": 2,
                    "memory_gib": 8,
                    "engine": "postgresql",
                    "storage_gib": [20, 20, 500][i % 3],
                    "high_availability": i % 2 == 0,
                },
            )
        )
    for i in range(30):
        storage = [None, 0, 5, 20, 180, 500, 2_000, 9_000, 40_000, 90_000][i % 10]
        egress = [None, 0, 3, 250][i % 4]
        kind, type_ = [
            ("database.postgresql", "AWS::RDS::DBInstance"),
            ("database.mysql", "AWS::RDS::DBInstance"),
            ("storage.object", "AWS::S3::Bucket"),
            ("storage.block", "AWS::EC2::Volume"),
            ("cache.redis", "AWS::ElastiCache::CacheCluster"),
        ][i % 5]
        items.append(
            resource_item(
                f"sized-{i}",
                kind,
                type=type_,
                attributes={"storage_gib": storage, "monthly_egress_gib": egress}
                | ({"vcpu": 2, "memory_gib": 4} if kind.startswith(("database", "cache")) else {}),
            )
        )
    for i in range(8):
        items.append(
            resource_item(
                f"pool-{i}",
                "kubernetes.node_pool",
                type="AWS::EKS::Nodegroup",
                attributes={
                    "vcpu": 4,
                    "memory_gib": 16,
                    "node_count": 3,
                    "storage_gib": [20, 100, 400, 1_000][i % 4],
                },
            )
        )
    return [Resource.model_validate(item) for item in items]


@pytest.mark.parametrize("limit", [200_000, 20])
@pytest.mark.parametrize("name", ["varied", *(n for n, _ in _estates())])
def test_facts_shared_over_an_estate_are_each_resources_own(name: str, limit: int) -> None:
    """Prices, certifications and sites kept for one resource and served to the next with equal
    inputs (needs bucketed by the sizes sold) give every resource the options, reasons and digest
    it gets alone, also when the memo is full and lets its oldest entries go."""
    catalog = fixture_catalog() if name != "varied" else load_catalog()
    if name == "varied":
        resources = _varied_estate()
        policy = Policy(
            targets=["ionos", "opennebula", "ovhcloud", "scaleway"],
            certifications=[
                {
                    "match": {"tags": {"classification": "confidential"}},
                    "certifications": ["ISO 27001"],
                }
            ],
        )
        inventory = Inventory(resources=resources)
    else:
        inventory = dict(_estates())[name]
        policy = _policy(inventory)
    placeable, _ = _placeable(inventory, catalog, policy)
    commitments = monthly_by_resource(inventory, policy)
    start = start_of(policy, inventory)
    memo = FactsMemo(limit=limit)
    for one in placeable:
        held = commitments.get(one.id)
        shared, shared_excluded, shared_digest = _rows(one, catalog, policy, held, start, memo)
        assert len(memo.priced) <= limit
        assert len(memo.sites) <= max(1, limit // 10)
        alone, excluded, digest = _rows(one, catalog, policy, held, start)
        assert shared_excluded == excluded
        assert solver_key(shared) == solver_key(alone)
        assert [r.option for r in shared] == [r.option for r in alone]
        assert shared_digest() == digest()
    assert len(memo.sites) < len(placeable)


@pytest.mark.parametrize(
    "copy_of",
    [copy.copy, copy.deepcopy, lambda row: pickle.loads(pickle.dumps(row))],
    ids=["copy", "deepcopy", "pickle"],
)
def test_a_row_survives_copy_and_pickle_with_its_figures(copy_of: Callable[[Row], Row]) -> None:
    row = Row(
        ("ovhcloud", "gra"),
        score=12.5,
        monthly=40.0,
        vcpu=2.0,
        memory_gib=8.0,
        storage_gib=50.0,
        instances=1,
        target=True,
        product="b3-8",
        quantity=2.0,
        jurisdiction=0.1,
        stake=3.0,
        migration=7.0,
        concentration=0.25,
    )
    copied = copy_of(row)
    assert copied.shape == row.shape
    assert (copied.score, copied.monthly, copied.stake, copied.migration) == (12.5, 40.0, 3.0, 7.0)
    assert copied.concentration == 0.25
    assert (copied.source, copied.held) == (None, None)


def test_an_inspecting_firewall_s_mapping_is_one_object_per_provider_over_an_estate() -> None:
    """Prices are kept under the mapping's identity: every Premium firewall gets the same graded
    mapping per provider, so no kept price is keyed by a copy freed after its resource."""
    from cloudexit.optimise.candidates import option_facts

    catalog = load_catalog()
    policy = Policy(targets=["scaleway", "ovhcloud"])
    firewalls = [
        Resource.model_validate(
            {
                "id": f"fw{i}",
                "provider": "azure",
                "account": "s",
                "region": "westeurope",
                "type": "Microsoft.Network/azureFirewalls",
                "kind": "network.firewall",
                "name": f"fw{i}",
                "attributes": {"details": {"sku_tier": "Premium"}, "monthly_egress_gib": i + 1},
            }
        )
        for i in range(3)
    ]
    memo = FactsMemo()
    facts = [option_facts(one, catalog, policy, None, None, memo) for one in firewalls]
    graded = [{s.provider.id: id(s.target) for s in f.sites} for f in facts]
    assert graded[0] and all(g == graded[0] for g in graded)
    assert all(s.target.fidelity == "self_managed" for f in facts for s in f.sites)
    assert {k[2] for k in memo.priced} <= {id(s.target) for f in facts for s in f.sites}


def _alike(index: int, kind: str, **extra: object) -> Resource:
    """Resources alike but for one part of what a site walk reads of them."""
    if kind == "vm":
        item: dict[str, object] = {
            "provider": "aws",
            "account": "1",
            "region": "eu-west-1",
            "type": "AWS::EC2::Instance",
            "kind": "compute.vm",
            "attributes": {"vcpu": 2, "memory_gib": 8},
        }
    else:
        item = {
            "provider": "azure",
            "account": "s",
            "region": "westeurope",
            "type": "Microsoft.Network/azureFirewalls",
            "kind": "network.firewall",
        }
    return Resource.model_validate({"id": f"r{index}", "name": f"r{index}", **item, **extra})


@pytest.mark.parametrize(("limit", "walks_kept"), [(200_000, 20_000), (200_000, 1), (10, 20_000)])
def test_a_shared_walk_serves_only_resources_alike_in_every_part_it_reads(
    limit: int, walks_kept: int
) -> None:
    """A sovereignty gate, a pinned region and a firewall's inspecting tier each change the sites
    a resource has: rows built through one shared memo and shared walk shapes equal the rows each
    resource gets alone, also when the shapes kept per walk let their oldest go."""
    from cloudexit.optimise.units import Repeats

    firewall = {"attributes": {"details": {"sku_tier": "Standard"}}}
    premium = {"attributes": {"details": {"sku_tier": "Premium"}}}
    resources = [
        _alike(0, "vm"),
        _alike(1, "vm", tags={"class": "secret"}),
        _alike(2, "vm", tags={"only": "scw"}),
        _alike(3, "vm", tags={"only": "scw", "pin": "yes"}),
        _alike(4, "fw", **firewall),
        _alike(5, "fw", **premium),
        _alike(6, "vm"),
        _alike(7, "vm", tags={"only": "scw", "pin": "yes"}),
        _alike(8, "fw", **premium),
        _alike(9, "vm", tags={"class": "secret"}),
    ]
    inventory = Inventory(resources=resources)
    policy = Policy.model_validate(
        {
            "targets": ["ionos", "opennebula", "ovhcloud", "scaleway"],
            "sovereignty": {
                "classification_tag": "class",
                "gates": [{"name": "secret", "classifications": ["secret"], "min_score": 60}],
            },
            "providers": [
                {"match": {"tags": {"only": "scw"}}, "forbid": ["ionos", "opennebula", "ovhcloud"]},
                {"match": {"tags": {"pin": "yes"}}, "pin": "scaleway/fr-par"},
            ],
        }
    )
    catalog = load_catalog()
    start = start_of(policy, inventory)
    memo, later, repeats = FactsMemo(limit=limit), FactsMemo(limit=limit), Repeats(walks_kept)

    def flat(rows: list[Row]) -> list[tuple[object, ...]]:
        return [(r.shape, r.score, r.monthly, r.stake, r.migration) for r in rows]

    for one in resources:
        alone, excluded, _ = _rows(one, catalog, policy, None, start)
        shared, shared_excluded, _ = _rows(
            one, catalog, policy, None, start, memo, None, later, repeats
        )
        assert alone, one.id
        assert flat(shared) == flat(alone), one.id
        assert shared_excluded == excluded, one.id
    assert len(repeats._walks) <= walks_kept
    assert repeats._walks or limit <= len(resources)
