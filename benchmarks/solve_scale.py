"""The solve alone on the organisation-shaped estate: classes, time per stage, peak memory, gap.

    PYTHONPATH=. python benchmarks/solve_scale.py 10000 100000 [--runs 3] [--time-limit 60]

Uses the estate and policy of ``organisation.py`` (no budget). Each run is a fresh process and
times three stages, wall and CPU seconds apiece (CPU time is what a busy machine leaves honest):
candidates and classes (``build_units``), the concentration weights, and the decision (the
relaxation, the first plan, the search). Classes are counted twice: as keyed before, by the raw
inputs of candidate generation, and as keyed now, by the options after right-sizing. The table
gives the median of the runs and, for wall time, the range; the load average is printed beside.
"""

from __future__ import annotations

import json
import os
import resource as rlimit
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(start: tuple[float, float]) -> tuple[float, float]:
    wall, cpu = _clock()
    return round(wall - start[0], 1), round(cpu - start[1], 1)


def run_one(n: int, time_limit: float) -> dict:
    import organisation

    from cloudexit import load_catalog
    from cloudexit.model import Inventory, Policy
    from cloudexit.optimise import concentration
    from cloudexit.optimise.decide import decide
    from cloudexit.optimise.planner import _placeable
    from cloudexit.optimise.units import _policy_ids, _policy_tag_keys, build_units
    from cloudexit.optimise.units import candidate_signature as signature

    catalog = load_catalog()
    inventory = Inventory.model_validate(organisation.estate(n))
    policy = Policy.model_validate(organisation.policy(n, time_limit, None))
    policy = concentration.with_stake_reference(inventory, policy)
    placeable, _ = _placeable(inventory, catalog, policy)
    start = _clock()
    units = build_units(inventory, catalog, policy, placeable)
    candidates = _since(start)
    start = _clock()
    concentration.weigh(units, policy)
    weigh = _since(start)
    start = _clock()
    decision = decide(units, inventory, policy)
    decided = _since(start)
    s = decision.solution
    tag_keys, ids = _policy_tag_keys(policy), _policy_ids(policy)
    anti_of = {rid: tuple(u.anti) for u in units.units for rid in u.members}
    group_of = {rid: u.group for u in units.units for rid in u.members}
    before = len(
        {
            (signature(r, tag_keys, ids), group_of[r.id], anti_of[r.id])
            for r in inventory.resources
            if r.id in group_of
        }
    )
    gap = None
    if s.objective is not None and s.bound is not None and s.objective:
        gap = max(0.0, (s.objective - s.bound) / abs(s.objective))
    return {
        "resources": n,
        "classes_before": before,
        "classes": len(units.units),
        "variables": s.variables,
        "constraints": s.constraints,
        "status": s.status.value,
        "gap": round(gap, 6) if gap is not None else None,
        "candidates_s": candidates,
        "weigh_s": weigh,
        "decide_s": decided,
        "peak_mib": rlimit.getrusage(rlimit.RUSAGE_SELF).ru_maxrss // 1024,
        "load": round(os.getloadavg()[0], 1),
    }


def _median(results: list[dict], key: str, at: int) -> float:
    return statistics.median(r[key][at] for r in results)


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(run_one(int(argv[1]), float(argv[2]))))
        return
    runs, limit, sizes = 3, 60.0, []
    args = iter(argv)
    for arg in args:
        if arg == "--runs":
            runs = int(next(args))
        elif arg == "--time-limit":
            limit = float(next(args))
        else:
            sizes.append(int(arg))
    print(
        "| resources | classes before / after | variables | status | gap (worst) | "
        "candidates wall / CPU s | weights wall / CPU s | decision wall (range) / CPU s | "
        "peak MiB | load |"
    )
    print("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    for n in sizes or [10000, 100000]:
        results = []
        for _ in range(runs):
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(n), str(limit)],
                capture_output=True,
                text=True,
                check=True,
            )
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(results[-1], file=sys.stderr)

        walls = [r["decide_s"][0] for r in results]
        r = results[0]
        print(
            f"| {n:,} | {r['classes_before']:,} / {r['classes']:,} | {r['variables']:,} | "
            f"{'/'.join(sorted({x['status'] for x in results}))} | "
            f"{max((x['gap'] or 0) for x in results):.2e} | "
            f"{_median(results, 'candidates_s', 0)} / {_median(results, 'candidates_s', 1)} | "
            f"{_median(results, 'weigh_s', 0)} / {_median(results, 'weigh_s', 1)} | "
            f"{statistics.median(walls)} ({min(walls)}-{max(walls)}) / {_median(results, 'decide_s', 1)} | "
            f"{statistics.median(x['peak_mib'] for x in results):.0f} | "
            f"{min(x['load'] for x in results)}-{max(x['load'] for x in results)} |"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
