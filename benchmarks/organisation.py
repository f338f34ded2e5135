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

The estate is written to inventory.json by one process; each run is a fresh process (peak RSS is
that run's) that reads it, plans (candidates, solve) and writes every artefact (plan.json,
Terraform, runbook, report) as ``cloudexit plan`` does (with ``OPENBLAS_NUM_THREADS=1``, and from
5,000 placements plan.json and the Terraform in forked children), timing each stage (CPU of the
process and of its children) and noting the peak memory after it and the load average. The script prints the median of ``--runs`` runs per size, the spread of the end-to-end
time, and a second table of peak memory by stage and artefact sizes. A run that fails is
reported on stderr with its last line, and left out of the medians.
"""

from __future__ import annotations

import json
import math
import os
import random
import resource as rlimit
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from fresh import fresh_runs

# as `cloudexit plan` sets it before NumPy is imported: one thread, so the artefacts can fork
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

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
    return {"schema_version": "2.0", "generated_at": "2026-11-01T00:00:00Z", "resources": resources}


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


def write_estate(n: int, path: Path) -> None:
    """The estate as inventory.json, written by its own process so that the measured run's peak
    memory is the pipeline's, not the generator's."""
    path.write_text(json.dumps(estate(n)))


def run_one(path: Path, n: int, time_limit: float, budget: Decimal | None) -> dict:
    """Read, plan and write every artefact once, as ``cloudexit plan`` does (its inventory reader,
    planner and ``cloudexit.emit``, which from 5,000 placements writes plan.json and the Terraform
    in forked children); seconds, CPU seconds (the children's apart) and peak MiB after each
    stage."""
    from cloudexit import api
    from cloudexit.model import Policy
    from cloudexit.optimise import Worked, plan_timed

    catalog = api.load_catalog()
    chosen = Policy.model_validate(policy(n, time_limit, budget))
    load_before = os.getloadavg()[0]
    row: dict = {"resources": n}
    clock = time.perf_counter()
    cpu = time.process_time()
    children = _children_cpu()

    def lap(name: str) -> None:
        nonlocal clock, cpu, children
        now, now_cpu, now_children = time.perf_counter(), time.process_time(), _children_cpu()
        row[f"{name}_s"] = round(now - clock, 2)
        row[f"{name}_cpu_s"] = round(now_cpu - cpu, 2)
        row[f"{name}_children_cpu_s"] = round(now_children - children, 2)
        row[f"{name}_peak_mib"] = _peak_mib()
        clock, cpu, children = now, now_cpu, now_children
        # a long run that stops (out of memory, killed) still tells how far it got
        print(
            f"{name}: {row[f'{name}_s']} s, {row[f'{name}_cpu_s']} s CPU "
            f"(+{row[f'{name}_children_cpu_s']} s in children), "
            f"peak {row[f'{name}_peak_mib']} MiB",
            file=sys.stderr,
            flush=True,
        )

    inventory = api.load_inventory(path)
    lap("read")
    worked = Worked()
    result, solve_s = plan_timed(inventory, catalog, chosen, worked=worked)
    lap("plan")
    row["solve_s"] = round(solve_s, 2)
    row["candidates_s"] = round(row["plan_s"] - solve_s, 2)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out"
        api.emit(result, out, catalog=catalog, worked=worked)
        lap("artefacts")
        sizes = {p.name: p.stat().st_size for p in out.iterdir() if p.is_file()}
        tf_files = sum(1 for p in (out / "terraform").rglob("*") if p.is_file())
    s = result.solver
    row.update(
        {
            "classes": s.classes,
            "variables": s.variables,
            "constraints": s.constraints,
            "status": s.status.value,
            "gap": s.gap,
            "objective": str(s.objective),
            "total_s": round(sum(row[f"{k}_s"] for k in STAGES), 2),
            "total_cpu_s": round(
                sum(row[f"{k}_cpu_s"] + row[f"{k}_children_cpu_s"] for k in STAGES), 2
            ),
            "peak_mib": _peak_mib(),
            "children_peak_mib": rlimit.getrusage(rlimit.RUSAGE_CHILDREN).ru_maxrss // 1024,
            "placed": len(result.placements),
            "unplaced": len(result.unplaced),
            "target_monthly": str(result.totals.target_monthly),
            "plan_mib": round(sizes.get("plan.json", 0) / 2**20, 1),
            "runbook_mib": round(sizes.get("runbook.md", 0) / 2**20, 1),
            "report_mib": round(sizes.get("report.html", 0) / 2**20, 1),
            "terraform_files": tf_files,
            "load": f"{load_before:.1f}-{os.getloadavg()[0]:.1f}",
        }
    )
    return row


def _children_cpu() -> float:
    used = rlimit.getrusage(rlimit.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


STAGES = ("read", "plan", "artefacts")


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
    if argv[:1] == ["--write"]:
        write_estate(int(argv[1]), Path(argv[2]))
        return
    if argv[:1] == ["--one"]:
        budget = None if argv[4] == "none" else Decimal(argv[4])
        print(json.dumps(run_one(Path(argv[1]), int(argv[2]), float(argv[3]), budget)))
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
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes or [10000, 100000]:
            path = Path(folder) / f"inventory-{n}.json"
            subprocess.run([sys.executable, __file__, "--write", str(n), str(path)], check=True)
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
            results = fresh_runs(__file__, [str(path), str(n), str(limit), budget], runs, f"{n:,}")
            if results:
                rows.append(summarise(results))
    print_tables(rows)


def summarise(results: list[dict]) -> dict:
    """The median of each time and peak over the runs, the spread of the end-to-end time."""
    row = dict(results[0])
    for key, value in results[0].items():
        if key.endswith(("_s", "_mib")) and isinstance(value, (int, float)):
            row[key] = statistics.median(r[key] for r in results)
    totals = [r["total_s"] for r in results]
    row["total_s_range"] = f"{min(totals)}-{max(totals)}"
    row["gap"] = max((r["gap"] or 0) for r in results)
    row["status"] = "/".join(sorted({r["status"] for r in results}))
    row["load"] = ", ".join(r["load"] for r in results)
    row["runs"] = len(results)
    return row


def print_tables(rows: list[dict]) -> None:
    print(
        "| resources | runs | classes | variables | status | gap (worst) | read s | candidates s "
        "| solve s | artefacts s | end to end s (range) | CPU s (children included) | peak MiB "
        "| load (1 min, start-end) |"
    )
    print("|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        print(
            f"| {r['resources']:,} | {r['runs']} | {r['classes']:,} | {r['variables']:,} | "
            f"{r['status']} | {r['gap']} | {r['read_s']} | {r['candidates_s']} | {r['solve_s']} | "
            f"{r['artefacts_s']} | {r['total_s']} ({r['total_s_range']}) | {r['total_cpu_s']} | "
            f"{r['peak_mib']} | {r['load']} |"
        )
    print()
    print(
        "| resources | peak MiB after read | after plan | after artefacts | children's peak MiB "
        "| artefacts CPU s (children's) | plan.json MiB | runbook MiB | report MiB "
        "| Terraform files |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['resources']:,} | {r['read_peak_mib']} | {r['plan_peak_mib']} | "
            f"{r['artefacts_peak_mib']} | {r['children_peak_mib']} | {r['artefacts_cpu_s']} "
            f"({r['artefacts_children_cpu_s']}) | {r['plan_mib']} | {r['runbook_mib']} | "
            f"{r['report_mib']} | {r['terraform_files']:,} |"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
