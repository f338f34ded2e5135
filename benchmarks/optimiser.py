"""Plan generated estates of 1,000 to 100,000 resources against the bundled catalogue.

    PYTHONPATH=. python benchmarks/optimiser.py 1000 10000 100000 [--plain 1000 10000]

Each size runs in a fresh process so peak memory is that run's own. The policy holds every
linking constraint: residency (EU countries), co-location groups, anti-affinity pairs,
min/max providers, a spend-share cap, capacity on OpenNebula and a monthly budget.
"""

from __future__ import annotations

import json
import random
import resource as rlimit
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

SHAPES = [  # (kind, type, attributes, monthly USD)
    (
        "compute.vm",
        "AWS::EC2::Instance",
        {"vcpu": 2, "memory_gib": 8, "instance_type": "m5.large"},
        70,
    ),
    (
        "compute.vm",
        "AWS::EC2::Instance",
        {"vcpu": 4, "memory_gib": 16, "instance_type": "m5.xlarge"},
        140,
    ),
    (
        "compute.vm",
        "AWS::EC2::Instance",
        {"vcpu": 8, "memory_gib": 32, "instance_type": "m5.2xlarge"},
        280,
    ),
    (
        "compute.vm",
        "AWS::EC2::Instance",
        {"vcpu": 2, "memory_gib": 16, "instance_type": "r5.large"},
        92,
    ),
    (
        "compute.vm",
        "AWS::EC2::Instance",
        {"vcpu": 8, "memory_gib": 16, "instance_type": "c5.2xlarge"},
        248,
    ),
    ("storage.block", "AWS::EC2::Volume", {"storage_gib": 100}, 8),
    ("storage.block", "AWS::EC2::Volume", {"storage_gib": 500}, 40),
    ("storage.object", "AWS::S3::Bucket", {"storage_gib": 1000}, 23),
    (
        "database.postgresql",
        "AWS::RDS::DBInstance",
        {"vcpu": 2, "memory_gib": 8, "engine": "postgresql", "storage_gib": 100},
        150,
    ),
    (
        "database.mysql",
        "AWS::RDS::DBInstance",
        {"vcpu": 4, "memory_gib": 16, "engine": "mysql", "storage_gib": 200},
        300,
    ),
    (
        "cache.redis",
        "AWS::ElastiCache::ReplicationGroup",
        {"memory_gib": 6, "engine": "redis"},
        110,
    ),
    ("messaging.queue", "AWS::SQS::Queue", {}, 5),
    ("network.load_balancer", "AWS::ElasticLoadBalancingV2::LoadBalancer", {}, 25),
]


def estate(n: int, seed: int = 7) -> dict:
    rng = random.Random(seed)
    resources = []
    for i in range(n):
        kind, type_, attributes, cost = SHAPES[rng.randrange(len(SHAPES))]
        tags = {"env": rng.choice(["prod", "staging"])}
        if i < n // 50:
            tags["colocate"] = f"g{i // 10}"  # 2 % of resources in groups of ten
        elif i < n // 50 + n // 100 and kind == "compute.vm":
            tags["ha"] = f"p{i // 2}"  # pairs that must not share a region
        resources.append(
            {
                "id": f"r{i:06d}",
                "provider": "aws",
                "account": "123456789012",
                "region": rng.choice(["us-east-1", "eu-west-1", "eu-central-1"]),
                "type": type_,
                "kind": kind,
                "name": f"r{i:06d}",
                "tags": tags,
                "attributes": attributes,
                "monthly_cost": {"amount": str(cost), "currency": "USD", "source": "generated"},
            }
        )
    return {"schema_version": "2.0", "generated_at": "2026-11-01T00:00:00Z", "resources": resources}


POLICY = {
    "targets": ["ionos", "opennebula", "ovhcloud", "scaleway"],
    "residency": {"allowed_countries": ["DE", "FR", "NL", "PL", "ES", "IT", "BE", "AT"]},
    "colocation": {"tag_keys": ["colocate"]},
    "anti_affinity": [{"tag_key": "ha", "level": "region"}],
    "min_providers": 2,
    "max_providers": 3,
    "max_spend_share": 0.6,
    "capacity": [{"provider": "opennebula", "max_vcpu": 2000}],
    "allow_retain": False,
    "solver": {"name": "cbc", "time_limit_s": 120, "gap": 0.001},
}


def budget_for(n: int) -> Decimal:
    """A budget 0.2 % above the cost of the best plan without one, so that it binds."""
    from cloudexit import load_catalog
    from cloudexit.model import Inventory, Policy
    from cloudexit.optimise.planner import plan

    unbudgeted, _ = plan(
        Inventory.model_validate(estate(n)), load_catalog(), Policy.model_validate(POLICY)
    )
    return (unbudgeted.totals.target_monthly * Decimal("1.002")).quantize(Decimal(1))


def run_one(n: int, aggregate: bool, budget: Decimal) -> dict:
    from cloudexit import load_catalog
    from cloudexit.model import Inventory, Policy
    from cloudexit.model.io import save
    from cloudexit.optimise.planner import plan

    catalog = load_catalog()
    inventory = Inventory.model_validate(estate(n))
    policy = Policy.model_validate({**POLICY, "monthly_budget": str(budget)})
    started = time.perf_counter()
    result, solve_s = plan(inventory, catalog, policy, aggregate=aggregate)
    with tempfile.TemporaryDirectory() as folder:
        save(result, Path(folder) / "plan.json")
        size = (Path(folder) / "plan.json").stat().st_size
    total = time.perf_counter() - started
    s = result.solver
    return {
        "resources": n,
        "model": "aggregated" if aggregate else "one binary per option",
        "classes": s.classes,
        "variables": s.variables,
        "constraints": s.constraints,
        "status": s.status.value,
        "gap": s.gap,
        "solve_s": round(solve_s, 2),
        "total_s": round(total, 2),
        "peak_mib": rlimit.getrusage(rlimit.RUSAGE_SELF).ru_maxrss // 1024,
        "plan_mib": round(size / 2**20, 1),
        "placed": len(result.placements),
        "budget": str(budget),
    }


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--budget":
        print(budget_for(int(argv[1])))
        return
    if argv and argv[0] == "--one":
        print(json.dumps(run_one(int(argv[1]), argv[2] == "aggregated", Decimal(argv[3]))))
        return
    plain = set()
    sizes = []
    mode = sizes
    for arg in argv:
        if arg == "--plain":
            mode = plain  # type: ignore[assignment]
        else:
            (mode.add if mode is plain else mode.append)(int(arg))  # type: ignore[attr-defined]
    rows = []
    for n in sizes or [1000, 10000, 100000]:
        budget = (
            subprocess.run(
                [sys.executable, __file__, "--budget", str(n)],
                capture_output=True,
                text=True,
                check=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        for model in ["aggregated", *(["plain"] if n in plain else [])]:
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(n), model, budget],
                capture_output=True,
                text=True,
                check=True,
            )
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(rows[-1], file=sys.stderr)
    print(
        "| resources | model | classes | variables | constraints | status | gap | solve s | "
        "candidates + solve + plan.json s | peak MiB | plan.json MiB |"
    )
    print("|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['resources']:,} | {r['model']} | {r['classes']:,} | {r['variables']:,} | {r['constraints']:,} | "
            f"{r['status']} | {r['gap']} | {r['solve_s']} | {r['total_s']} | {r['peak_mib']} | {r['plan_mib']} |"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
