"""A self-managed cache that reports its size takes the smallest VM that holds it: its class or
memory sizes it, not the 2-core floor kept for caches whose source reports no size."""

from __future__ import annotations

from pathlib import Path

import cloudexit
from cloudexit.catalog import load_catalog
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from tests.helpers import inventory, resource

ONE = cloudexit.Policy(targets=["opennebula"], min_providers=1, allow_retain=False)


def _cache(rid: str, kind: str, **attributes: object) -> dict[str, object]:
    return resource(
        rid,
        kind=kind,
        type="AWS::ElastiCache::CacheCluster",
        region="eu-west-1",
        attributes=attributes,
    )


def test_small_caches_take_the_smallest_vm_that_holds_them() -> None:
    inv = Inventory.model_validate(
        inventory(
            _cache("redis-micro", "cache.redis", instance_type="cache.t3.micro", engine="redis"),
            _cache("redis-small", "cache.redis", instance_type="cache.t3.small", engine="redis"),
            _cache("redis-1g", "cache.redis", memory_gib=1, engine="redis"),
            _cache(
                "mc-micro", "cache.memcached", instance_type="cache.t3.micro", engine="memcached"
            ),
        )
    )
    plan = cloudexit.plan(inv, ONE)
    catalog = load_catalog()
    smallest = min(
        (p for p in catalog.provider("opennebula").products if p.service == "compute"),
        key=lambda p: (p.specs.vcpu or 0, p.specs.memory_gib or 0),
    )
    chosen = {
        p.resource_id: catalog.product("opennebula", p.choice.product or "")
        for p in plan.placements
    }
    assert set(chosen) == {"redis-micro", "redis-small", "redis-1g", "mc-micro"}
    for rid, product in chosen.items():
        assert product.specs.vcpu == 1, rid
        assert product.id == smallest.id, rid
    micro = next(p for p in plan.placements if p.resource_id == "redis-micro")
    assert micro.requirement == "0.2 vCPU sustained, 0.5 GiB"


def test_a_cache_that_reports_no_size_keeps_the_floor(shared_dir: Path) -> None:
    # The Azure resource list carries no properties: its Redis cache reports no size.
    inv = import_files([shared_dir / "corpus" / "azure-arm-resources-list-c7n.json"])
    redis = next(r for r in inv.resources if r.name == "cctestredis")
    only = Inventory.model_validate(
        {
            **inv.model_dump(mode="json", exclude={"resources"}),
            "resources": [redis.model_dump(mode="json")],
        }
    )
    (placed,) = cloudexit.plan(only, ONE).placements
    product = load_catalog().product("opennebula", placed.choice.product or "")
    assert (product.specs.vcpu, product.specs.memory_gib) == (2, 4)
