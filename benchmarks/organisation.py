"""Plan an estate shaped like a real organisation, end to end, at 10,000 to 1,000,000 resources.

    PYTHONPATH=. python benchmarks/organisation.py 10000 100000 [--runs 3] [--time-limit 60]

The estate grows as an organisation does: teams (about one per 500 resources), each running a
few applications over eight source regions on AWS, Azure and GCP. Every resource draws its own
size: vCPU from the mix seen in cloud fleets (mostly 2-8), memory 2, 4 or 8 GiB per vCPU, CPU
utilisation p95 from a beta distribution (so right-sizing moves most of them), disks and buckets
from log-normal sizes (median 100 GiB and 400 GiB), databases with their own storage, caches,
queues and load balancers; its bill is a list price for that size with noise. A fifth of the
resources share an application's co-location tag (groups of 3 to 12), 2 % of the machines form
high-availability pairs that must not share a region, and a quarter of the teams tag their data
confidential (ISO 27001 required). The policy is the example's: four target providers, EU
residency, 2-3 providers, at most 60 % of target spend on one, OpenNebula capacity and a budget
that binds, all scaled with the estate.

Each size runs in a fresh process (peak RSS is that run's); a run covers reading the inventory,
candidates, solve and every artefact (plan.json, Terraform, runbook, report). The script prints
the median of ``--runs`` runs per size and the spread.
"""

from __future__ import annotations

import json
import math
import random
import resource as rlimit
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

REGIONS = [  # eight source regions over three clouds
    ("aws", "us-east-1"),
    ("aws", "eu-west-1"),
    ("aws", "eu-central-1"),
    ("azure", "westeurope"),
    ("azure", "northeurope"),
    ("azure", "eastus"),
    ("gcp", "europe-west1"),
    ("gcp", "us-central1"),
]
TYPES = {
    "aws": {
        "compute.vm": "AWS::EC2::Instance",
        "storage.block": "AWS::EC2::Volume",
        "storage.object": "AWS::S3::Bucket",
        "database.postgresql": "AWS::RDS::DBInstance",
        "database.mysql": "AWS::RDS::DBInstance",
        "cache.redis": "AWS::ElastiCache::ReplicationGroup",
        "messaging.queue": "AWS::SQS::Queue",
        "network.load_balancer": "AWS::ElasticLoadBalancingV2::LoadBalancer",
    },
    "azure": {
        "compute.vm": "Microsoft.Compute/virtualMachines",
        "storage.block": "Microsoft.Compute/disks",
        "storage.object": "Microsoft.Storage/storageAccounts",
        "database.postgresql": "Microsoft.DBforPostgreSQL/flexibleServers",
        "database.mysql": "Microsoft.DBforMySQL/flexibleServers",
        "cache.redis": "Microsoft.Cache/Redis",
        "messaging.queue": "Microsoft.ServiceBus/namespaces",
        "network.load_balancer": "Microsoft.Network/loadBalancers",
    },
    "gcp": {
        "compute.vm": "compute.googleapis.com/Instance",
        "storage.block": "compute.googleapis.com/Disk",
        "storage.object": "storage.googleapis.com/Bucket",
        "database.postgresql": "sqladmin.googleapis.com/Instance",
        "database.mysql": "sqladmin.googleapis.com/Instance",
        "cache.redis": "redis.googleapis.com/Instance",
        "messaging.queue": "pubsub.googleapis.com/Topic",
        "network.load_balancer": "compute.googleapis.com/ForwardingRule",
    },
}
KINDS = [  # (kind, share of resources)
    ("compute.vm", 0.45),
    ("storage.block", 0.2),
    ("storage.object", 0.1),
    ("database.postgresql", 0.06),
    ("database.mysql", 0.04),
    ("cache.redis", 0.04),
    ("messaging.queue", 0.06),
    ("network.load_balancer", 0.05),
]
VCPU = [(1, 0.08), (2, 0.32), (4, 0.3), (8, 0.18), (16, 0.08), (32, 0.03), (64, 0.01)]


def _pick(rng: random.Random, weighted: list[tuple[object, float]]) -> object:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def _attributes(rng: random.Random, kind: str) -> tuple[dict, dict | None, float]:
    """Attributes, utilisation and a monthly bill in USD for one resource of ``kind``."""
    if kind in ("compute.vm", "database.postgresql", "database.mysql"):
        vcpu = int(_pick(rng, VCPU))  # type: ignore[call-overload]
        ratio = rng.choice([2, 4, 4, 8])
        attributes: dict = {"vcpu": vcpu, "memory_gib": vcpu * ratio}
        usage = {
            "cpu_p95": round(min(100.0, 100 * rng.betavariate(2, 5)), 1),
            "memory_p95": round(min(100.0, 100 * rng.betavariate(3, 4)), 1),
            "period_days": 30,
        }
        cost = vcpu * (0.0416 if ratio <= 4 else 0.0504) * 730 * rng.uniform(0.9, 1.25)
        if kind != "compute.vm":
            attributes["engine"] = kind.split(".")[1]
            attributes["storage_gib"] = round(math.exp(rng.gauss(math.log(100), 1.0)))
            cost = cost * 2 + attributes["storage_gib"] * 0.115
        return attributes, usage, cost
    if kind == "storage.block":
        gib = max(8, round(math.exp(rng.gauss(math.log(100), 1.1))))
        return (
            {"storage_gib": gib, "storage_class": rng.choice(["ssd", "ssd", "hdd"])},
            None,
            gib * 0.08,
        )
    if kind == "storage.object":
        gib = max(1, round(math.exp(rng.gauss(math.log(400), 1.6))))
        return {"storage_gib": gib}, None, gib * 0.023
    if kind == "cache.redis":
        memory = rng.choice([1, 3, 6, 13, 26])
        return {"memory_gib": memory, "engine": "redis"}, None, memory * 18 * rng.uniform(0.9, 1.2)
    return {}, None, rng.choice([5, 10, 25, 40])


def estate(n: int, seed: int = 11) -> dict:
    rng = random.Random(seed)
    teams = max(4, n // 500)
    confidential = {t for t in range(teams) if rng.random() < 0.25}
    resources = []
    group = 0
    left_in_group = 0
    pairs = 0
    for i in range(n):
        team = rng.randrange(teams)
        provider, region = REGIONS[(team * 3 + rng.randrange(3)) % len(REGIONS)]
        kind = str(_pick(rng, KINDS))  # type: ignore[arg-type]
        attributes, usage, cost = _attributes(rng, kind)
        tags = {
            "team": f"team-{team:04d}",
            "app": f"app-{team:04d}-{rng.randrange(6)}",
            "env": rng.choice(["prod", "prod", "staging", "dev"]),
            "cost-centre": f"cc-{team % 97:03d}",
        }
        if team in confidential:
            tags["classification"] = "confidential"
        if i % 5 == 0:  # a fifth of the estate in co-location groups of 3 to 12
            if left_in_group == 0:
                group += 1
                left_in_group = rng.randint(3, 12)
            tags["colocate"] = f"g{group:06d}"
            left_in_group -= 1
        elif kind == "compute.vm" and rng.random() < 0.045:
            tags["ha-pair"] = f"p{pairs // 2:06d}"
            pairs += 1
        item = {
            "id": f"r{i:07d}",
            "provider": provider,
            "account": f"acct-{team % 40:02d}",
            "region": region,
            "type": TYPES[provider][kind],
            "kind": kind,
            "name": f"{tags['app']}-{i}",
            "tags": tags,
            "attributes": attributes,
            "monthly_cost": {"amount": f"{cost:.2f}", "currency": "USD", "source": "generated"},
        }
        if usage:
            item["utilisation"] = usage
        resources.append(item)
    return {"schema_version": "1.0", "generated_at": "2026-11-01T00:00:00Z", "resources": resources}


def policy(n: int, time_limit: float, budget: Decimal | None) -> dict:
    data: dict = {
        "targets": ["ionos", "opennebula", "ovhcloud", "scaleway"],
        "residency": {
            "allowed_countries": ["DE", "FR", "NL", "BE", "ES", "IT", "PL", "AT", "LU", "IE"]
        },
        "certifications": [
            {"match": {"tags": {"classification": "confidential"}}, "certifications": ["ISO 27001"]}
        ],
        "colocation": {"tag_keys": ["colocate"]},
        "anti_affinity": [{"tag_key": "ha-pair", "level": "region"}],
        "min_providers": 2,
        "max_providers": 3,
        "max_spend_share": 0.6,
        "capacity": [
            {
                "provider": "opennebula",
                "max_vcpu": max(64, n // 10),
                "max_memory_gib": max(256, n // 3),
            }
        ],
        "allow_retain": True,
        "exchange_rates": {"USD": "0.86"},
        "solver": {"name": "highs", "time_limit_s": time_limit, "gap": 0.001},
    }
    if budget is not None:
        data["monthly_budget"] = str(budget)
    return data


def _peak_mib() -> int:
    return rlimit.getrusage(rlimit.RUSAGE_SELF).ru_maxrss // 1024


def run_one(n: int, time_limit: float, budget: Decimal | None) -> dict:
    from cloudexit import load_catalog
    from cloudexit.emit import emit
    from cloudexit.model import Inventory, Policy
    from cloudexit.optimise.planner import plan

    catalog = load_catalog()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "inventory.json"
        path.write_text(json.dumps(estate(n)))
        chosen = Policy.model_validate(policy(n, time_limit, budget))
        started = time.perf_counter()
        inventory = Inventory.model_validate_json(path.read_bytes())
        read_s = time.perf_counter() - started
        result, solve_s = plan(inventory, catalog, chosen)
        planned_s = time.perf_counter() - started
        emit(result, Path(folder) / "out", catalog=catalog)
        total_s = time.perf_counter() - started
        out = Path(folder) / "out"
        sizes = {p.name: p.stat().st_size for p in out.iterdir() if p.is_file()}
    s = result.solver
    return {
        "resources": n,
        "classes": s.classes,
        "variables": s.variables,
        "constraints": s.constraints,
        "status": s.status.value,
        "gap": s.gap,
        "objective": str(s.objective),
        "read_s": round(read_s, 2),
        "solve_s": round(solve_s, 2),
        "plan_s": round(planned_s, 2),
        "total_s": round(total_s, 2),
        "peak_mib": _peak_mib(),
        "placed": len(result.placements),
        "unplaced": len(result.unplaced),
        "target_monthly": str(result.totals.target_monthly),
        "report_mib": round(sizes.get("report.html", 0) / 2**20, 1),
        "plan_mib": round(sizes.get("plan.json", 0) / 2**20, 1),
    }


def budget_for(n: int) -> Decimal:
    """1 % above the target spend of the plan without a budget, so that the budget binds."""
    from cloudexit import load_catalog
    from cloudexit.model import Inventory, Policy
    from cloudexit.optimise.planner import plan

    result, _ = plan(
        Inventory.model_validate(estate(n)),
        load_catalog(),
        Policy.model_validate(policy(n, 600, None)),
    )
    spend = result.totals.target_monthly + result.totals.retained_monthly
    return (spend * Decimal("1.01")).quantize(Decimal(1))


def main(argv: list[str]) -> None:
    if argv[:1] == ["--budget"]:
        print(budget_for(int(argv[1])))
        return
    if argv[:1] == ["--one"]:
        budget = None if argv[3] == "none" else Decimal(argv[3])
        print(json.dumps(run_one(int(argv[1]), float(argv[2]), budget)))
        return
    runs, limit, sizes, fixed_budget = 3, 60.0, [], None
    args = iter(argv)
    for arg in args:
        if arg == "--runs":
            runs = int(next(args))
        elif arg == "--time-limit":
            limit = float(next(args))
        elif arg == "--no-budget":
            fixed_budget = "none"
        else:
            sizes.append(int(arg))
    rows = []
    for n in sizes or [10000, 100000]:
        budget = (
            fixed_budget
            or subprocess.run(
                [sys.executable, __file__, "--budget", str(n)],
                capture_output=True,
                text=True,
                check=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        results = []
        for _ in range(runs):
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(n), str(limit), budget],
                capture_output=True,
                text=True,
                check=True,
            )
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(results[-1], file=sys.stderr)
        row = dict(results[0])
        for key in ("read_s", "solve_s", "plan_s", "total_s", "peak_mib"):
            values = [r[key] for r in results]
            row[key] = statistics.median(values)
            row[key + "_range"] = f"{min(values)}-{max(values)}"
        row["gap"] = max((r["gap"] or 0) for r in results)
        row["status"] = "/".join(sorted({r["status"] for r in results}))
        rows.append(row)
    print(
        "| resources | classes | variables | constraints | status | gap (worst) | solve s | "
        "plan s | end to end s (range) | peak MiB | plan.json MiB | report.html MiB |"
    )
    print("|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['resources']:,} | {r['classes']:,} | {r['variables']:,} | {r['constraints']:,} | "
            f"{r['status']} | {r['gap']} | {r['solve_s']} | {r['plan_s']} | {r['total_s']} "
            f"({r['total_s_range']}) | {r['peak_mib']} | {r['plan_mib']} | {r['report_mib']} |"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
