"""The pipeline around the solve at scale: plan.json, Terraform, runbook and report for large plans.

    PYTHONPATH=. python benchmarks/artefacts.py 20000 100000 [--runs 3] [--base 1000]

Plans the organisation-shaped estate of ``--base`` resources once (benchmarks/organisation.py,
HiGHS, no budget), then builds each larger plan from copies of it, every resource id, name and
dependency suffixed per copy, so a 100,000-resource plan exists without solving one. Each run is
a fresh process that reads that plan.json and writes every artefact as ``cloudexit plan`` does,
timing each stage (seconds of wall time and of CPU) and noting the peak memory after it; the
script prints the median of ``--runs`` runs per size and the load average while they ran.

    PYTHONPATH=. python benchmarks/artefacts.py --whole 20000 100000 [--runs 3]

times the artefacts written together as ``cloudexit plan`` writes them, in one process and with
plan.json and the Terraform each in a forked second process (``cloudexit.emit.write_artefacts``),
the two alternating: wall seconds, CPU seconds of the process and of its children, peak memory
of each, and whether both wrote the same bytes.
"""

from __future__ import annotations

import json
import os
import resource as rlimit
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from fresh import fresh_runs

STAGES = ("read", "plan_json", "sites", "terraform", "runbook", "report")


def base_plan(n: int, path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    import organisation

    from cloudexit import load_catalog
    from cloudexit.model import Inventory, Policy
    from cloudexit.model.io import dumps
    from cloudexit.optimise.planner import plan

    result, _ = plan(
        Inventory.model_validate(organisation.estate(n)),
        load_catalog(),
        Policy.model_validate(organisation.policy(n, 120, None)),
    )
    if not result.placements:
        raise SystemExit(f"the {n:,}-resource base plan placed nothing ({result.solver.status})")
    path.write_text(dumps(result))


def _suffixed(value: Any, ids: set[str], copy: int) -> Any:
    if isinstance(value, str):
        return f"{value}~{copy}" if value in ids else value
    if isinstance(value, list):
        return [_suffixed(v, ids, copy) for v in value]
    if isinstance(value, dict):
        return {k: _suffixed(v, ids, copy) for k, v in value.items()}
    return value


def replicate(base: Path, n: int, path: Path) -> None:
    """``n`` resources from copies of the base plan (the last copy cut short)."""
    plan = json.loads(base.read_text())
    resources = plan["inventory"]["resources"]
    ids = {r["id"] for r in resources}
    out_resources: list[dict] = []
    placements: list[dict] = []
    unplaced: list[dict] = []
    copy = 0
    while len(out_resources) < n:
        keep = {r["id"] for r in resources[: n - len(out_resources)]}
        for r in resources:
            if r["id"] in keep:
                item = _suffixed(r, ids, copy)
                item["name"] = f"{r['name']}-{copy}"
                out_resources.append(item)
        placements += [
            _suffixed(p, ids, copy) for p in plan["placements"] if p["resource_id"] in keep
        ]
        unplaced += [_suffixed(u, ids, copy) for u in plan["unplaced"] if u["resource_id"] in keep]
        copy += 1
    plan["inventory"]["resources"] = sorted(out_resources, key=lambda r: r["id"])
    plan["placements"] = sorted(placements, key=lambda p: p["resource_id"])
    plan["unplaced"] = sorted(unplaced, key=lambda u: u["resource_id"])
    path.write_text(json.dumps(plan))


def run_one(path: Path) -> dict:
    from cloudexit import load_catalog
    from cloudexit.collector import existing_objects_frozen
    from cloudexit.emit.jinja import make_environment
    from cloudexit.emit.plan_json import write_plan
    from cloudexit.emit.report import write_report
    from cloudexit.emit.runbook import write_runbook
    from cloudexit.emit.summary import summarise
    from cloudexit.emit.terraform import build_sites, write_terraform
    from cloudexit.emit.waves import load_methods, plan_waves
    from cloudexit.model.plan import Plan

    catalog = load_catalog()
    env = make_environment()
    row: dict[str, Any] = {"load_start": round(os.getloadavg()[0], 1)}
    wall, cpu = time.perf_counter(), time.process_time()

    def lap(stage: str) -> None:
        nonlocal wall, cpu
        now, now_cpu = time.perf_counter(), time.process_time()
        row[f"{stage}_s"] = round(now - wall, 2)
        row[f"{stage}_cpu_s"] = round(now_cpu - cpu, 2)
        row[f"{stage}_peak_mib"] = rlimit.getrusage(rlimit.RUSAGE_SELF).ru_maxrss // 1024
        wall, cpu = now, now_cpu

    plan = Plan.model_validate_json(path.read_bytes())
    lap("read")
    with tempfile.TemporaryDirectory() as folder, existing_objects_frozen():
        out = Path(folder)
        write_plan(plan, out)
        lap("plan_json")
        built = build_sites(plan, env, catalog)
        lap("sites")
        write_terraform(plan, out, env, catalog, built)
        lap("terraform")
        methods = load_methods(env)
        summary, waves = summarise(plan, catalog), plan_waves(plan, methods)
        write_runbook(plan, out, env, catalog, built, summary, waves, methods)
        lap("runbook")
        write_report(plan, out, env, catalog, summary, waves)
        lap("report")
        row["mib"] = {
            p.name: round(p.stat().st_size / 2**20, 1) for p in sorted(out.iterdir()) if p.is_file()
        }
        row["mib"]["terraform"] = round(
            sum(p.stat().st_size for p in (out / "terraform").rglob("*") if p.is_file()) / 2**20, 1
        )
    row["resources"] = len(plan.inventory.resources)
    row["load_end"] = round(os.getloadavg()[0], 1)
    return row


def run_whole(path: Path, fork: bool) -> dict:
    import hashlib

    from cloudexit import load_catalog
    from cloudexit.collector import collection_paused, existing_objects_frozen
    from cloudexit.emit import write_artefacts
    from cloudexit.emit.jinja import make_environment
    from cloudexit.model.plan import Plan

    catalog, env = load_catalog(), make_environment()
    with collection_paused():
        plan = Plan.model_validate_json(path.read_bytes())
    row: dict[str, Any] = {"fork": fork, "load_start": round(os.getloadavg()[0], 1)}
    with tempfile.TemporaryDirectory() as folder, existing_objects_frozen():
        out = Path(folder)
        kids = rlimit.getrusage(rlimit.RUSAGE_CHILDREN)
        wall, cpu = time.perf_counter(), time.process_time()
        write_artefacts(plan, out, env, catalog, fork)
        row["wall_s"] = round(time.perf_counter() - wall, 2)
        row["cpu_s"] = round(time.process_time() - cpu, 2)
        after = rlimit.getrusage(rlimit.RUSAGE_CHILDREN)
        row["child_cpu_s"] = round(
            after.ru_utime + after.ru_stime - kids.ru_utime - kids.ru_stime, 2
        )
        row["peak_mib"] = rlimit.getrusage(rlimit.RUSAGE_SELF).ru_maxrss // 1024
        row["child_peak_mib"] = after.ru_maxrss // 1024
        digest = hashlib.sha256()
        for p in sorted(out.rglob("*")):
            if p.is_file():
                digest.update(p.relative_to(out).as_posix().encode() + b"\0" + p.read_bytes())
        row["digest"] = digest.hexdigest()[:16]
    row["load_end"] = round(os.getloadavg()[0], 1)
    return row


def whole(sizes: list[int], runs: int, base_n: int) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "base.json"
        subprocess.run(
            [sys.executable, __file__, "--base-plan", str(base_n), str(base)], check=True
        )
        for n in sizes:
            path = Path(folder) / f"plan-{n}.json"
            replicate(base, n, path)
            results: dict[str, list[dict]] = {"single": [], "fork": []}
            for _ in range(runs):
                for mode in results:
                    results[mode] += fresh_runs(__file__, ["--whole", str(path), mode], 1, mode)
            rows.append((n, results))
    print(
        "| resources | writer | runs | wall s | CPU s (process + children) | peak MiB "
        "(process / child) | digest | load |"
    )
    print("|---:|---|---:|---:|---:|---:|---|---|")
    for n, results in rows:
        for mode, rs in results.items():
            if not rs:
                continue
            med = {
                k: statistics.median(r[k] for r in rs) for k in rs[0] if k.endswith(("_s", "_mib"))
            }
            print(
                f"| {n:,} | {mode} | {len(rs)} | {med['wall_s']} | "
                f"{med['cpu_s'] + med['child_cpu_s']:.2f} ({med['cpu_s']} + {med['child_cpu_s']}) | "
                f"{med['peak_mib']} / {med['child_peak_mib']} | "
                f"{', '.join(sorted({r['digest'] for r in rs}))} | "
                f"{', '.join(str(r['load_start']) for r in rs)} |"
            )


def main(argv: list[str]) -> None:
    if argv[:2] == ["--one", "--whole"]:
        print(json.dumps(run_whole(Path(argv[2]), argv[3] == "fork")))
        return
    if argv[:1] == ["--whole"]:
        args = argv[1:]
        runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 3
        sizes = [
            int(a)
            for i, a in enumerate(args)
            if a != "--runs" and (i == 0 or args[i - 1] != "--runs")
        ]
        whole(sizes or [20000, 100000], runs, 1000)
        return
    if argv[:1] == ["--base-plan"]:
        base_plan(int(argv[1]), Path(argv[2]))
        return
    if argv[:1] == ["--one"]:
        print(json.dumps(run_one(Path(argv[1]))))
        return
    runs, base_n, sizes = 3, 1000, []
    args = iter(argv)
    for arg in args:
        if arg == "--runs":
            runs = int(next(args))
        elif arg == "--base":
            base_n = int(next(args))
        else:
            sizes.append(int(arg))
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "base.json"
        subprocess.run(
            [sys.executable, __file__, "--base-plan", str(base_n), str(base)], check=True
        )
        for n in sizes or [20000, 100000]:
            path = Path(folder) / f"plan-{n}.json"
            replicate(base, n, path)
            results = fresh_runs(__file__, [str(path)], runs, f"{n:,}")
            if results:
                row = {
                    k: statistics.median(r[k] for r in results)
                    for k in results[0]
                    if k.endswith(("_s", "_mib"))
                }
                row.update(resources=n, runs=len(results), mib=results[0]["mib"])
                row["load"] = ", ".join(f"{r['load_start']}-{r['load_end']}" for r in results)
                rows.append(row)
    print(
        "| resources | runs | read s | plan.json s | sites s | Terraform s | runbook s | report s "
        "| artefacts s (CPU s) | peak MiB | plan.json / runbook / report / Terraform MiB | load |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
    for r in rows:
        artefacts = sum(r[f"{s}_s"] for s in STAGES[1:])
        artefacts_cpu = sum(r[f"{s}_cpu_s"] for s in STAGES[1:])
        m = r["mib"]
        print(
            f"| {r['resources']:,} | {r['runs']} | {r['read_s']} | {r['plan_json_s']} | "
            f"{r['sites_s']} | {r['terraform_s']} | {r['runbook_s']} | {r['report_s']} | "
            f"{artefacts:.1f} ({artefacts_cpu:.1f}) | {r['report_peak_mib']} | "
            f"{m.get('plan.json')} / {m.get('runbook.md')} / {m.get('report.html')} / "
            f"{m.get('terraform')} | {r['load']} |"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
