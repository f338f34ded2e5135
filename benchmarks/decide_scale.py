"""The decision alone on the organisation estate's classes, built once and kept, side by side.

    PYTHONPATH=. python benchmarks/decide_scale.py --write 100000 units.pkl
    PYTHONPATH=. python benchmarks/decide_scale.py units.pkl --limit 60 --limit 10 --runs 3 \
        [--compare OTHER_CHECKOUT]

``--write`` builds the classes of ``organisation.py``'s estate and policy (no budget) as
``solve_scale.py`` does (candidates, concentration weights) and keeps the numbers the decision
reads (each option's solver row, without the details a plan writes) in a pickle, so that the
decision, a few seconds of CPU, can be measured again and again without the minutes of
candidate generation before it. Each run is a fresh process that reads the pickle and runs
``decide`` with the policy's solver time limit set; it reports status, objective, bound, gap,
CPU and wall seconds and the load average. With ``--compare`` the same pickle is decided by
another checkout's code too, alternating run by run, and the table gives both and their ratio.
"""

from __future__ import annotations

import json
import os
import pickle
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def write(n: int, path: Path) -> None:
    sys.path.insert(0, str(HERE))
    import organisation

    from cloudexit import load_catalog
    from cloudexit.model import Inventory, Policy
    from cloudexit.optimise import concentration
    from cloudexit.optimise.planner import _placeable
    from cloudexit.optimise.units import Row, build_units

    catalog = load_catalog()
    inventory = Inventory.model_validate(organisation.estate(n))
    policy = Policy.model_validate(organisation.policy(n, 60, None))
    policy = concentration.with_stake_reference(inventory, policy)
    placeable, _ = _placeable(inventory, catalog, policy)
    units = build_units(inventory, catalog, policy, placeable)
    concentration.weigh(units, policy)
    bare: dict[int, Row] = {}

    def strip(row: Row) -> Row:
        if id(row) not in bare:
            bare[id(row)] = Row.shaped(
                row.shape, row.score, row.monthly, row.stake, row.migration, row.concentration
            )
        return bare[id(row)]

    for u in units.units:
        u.rows = [strip(r) for r in u.rows]
        u.all_rows = []
    for f in units.followers.values():
        f.at = {place: strip(r) for place, r in f.at.items()}
    with path.open("wb") as out:
        pickle.dump((units, inventory, policy), out, protocol=5)


def run_one(path: Path, limit: float) -> dict:
    from cloudexit.optimise.decide import decide

    with path.open("rb") as source:
        units, inventory, policy = pickle.load(source)
    policy = policy.model_copy(
        update={"solver": policy.solver.model_copy(update={"time_limit_s": limit})}
    )
    cpu, wall = time.process_time(), time.perf_counter()
    decision = decide(units, inventory, policy)
    s = decision.solution
    gap = None
    if s.objective and s.bound is not None:
        gap = max(0.0, (s.objective - s.bound) / abs(s.objective))
    return {
        "classes": len(units.units),
        "status": s.status.value,
        "objective": s.objective,
        "bound": s.bound,
        "gap": gap,
        "cut": getattr(s, "time_limited", None),
        "cpu": round(time.process_time() - cpu, 2),
        "wall": round(time.perf_counter() - wall, 2),
        "load": round(os.getloadavg()[0], 1),
    }


def _run(tree: Path, path: Path, limit: float) -> dict:
    out = subprocess.run(
        [
            sys.executable,
            str(tree / "benchmarks" / "decide_scale.py"),
            "--one",
            str(path),
            str(limit),
        ]
        if (tree / "benchmarks" / "decide_scale.py").exists()
        else [sys.executable, __file__, "--one", str(path), str(limit)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(tree)},
        cwd=tree,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _gap(value: float | None) -> str:
    return "-" if value is None else f"{value:.2e}"


def main(argv: list[str]) -> None:
    if argv[:1] == ["--write"]:
        write(int(argv[1]), Path(argv[2]))
        return
    if argv[:1] == ["--one"]:
        print(json.dumps(run_one(Path(argv[1]), float(argv[2]))))
        return
    runs, limits, other, path = 3, [], None, None
    args = iter(argv)
    for arg in args:
        if arg == "--runs":
            runs = int(next(args))
        elif arg == "--limit":
            limits.append(float(next(args)))
        elif arg == "--compare":
            other = Path(next(args)).resolve()
        else:
            path = Path(arg).resolve()
    assert path is not None, "usage: decide_scale.py UNITS.pkl [--limit S] [--runs N]"
    trees = [("this change", HERE.parent)] + ([("other", other)] if other else [])
    print(
        "| limit s | code | status (runs) | objective (median) | bound (median) | gap (median, worst) "
        "| CPU s (median) | wall s (median) | wall past the limit s (median, worst) | load |"
    )
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for limit in limits or [60.0]:
        results: dict[str, list[dict]] = {name: [] for name, _ in trees}
        for run in range(runs):
            for name, tree in trees[::-1] if run % 2 else trees:
                results[name].append(_run(tree, path, limit))
                print(name, limit, results[name][-1], file=sys.stderr)
        for name, _ in trees:
            rs = results[name]
            gaps = [r["gap"] for r in rs if r["gap"] is not None]
            statuses = ", ".join(sorted({r["status"] for r in rs}))
            objectives = [r["objective"] for r in rs if r["objective"] is not None]
            bounds = [r["bound"] for r in rs if r["bound"] is not None]
            print(
                f"| {limit:g} | {name} | {statuses} ({len(rs)}) | "
                f"{statistics.median(objectives):,.0f} | "
                f"{statistics.median(bounds):,.0f} | "
                f"{_gap(statistics.median(gaps) if gaps else None)}, {_gap(max(gaps) if gaps else None)} | "
                f"{statistics.median(r['cpu'] for r in rs):.1f} | "
                f"{statistics.median(r['wall'] for r in rs):.1f} | "
                f"{statistics.median(max(0.0, r['wall'] - limit) for r in rs):.1f}, "
                f"{max(max(0.0, r['wall'] - limit) for r in rs):.1f} | "
                f"{min(r['load'] for r in rs)}-{max(r['load'] for r in rs)} |"
            )
        if other:
            mine, theirs = results[trees[0][0]], results["other"]
            ratios = [a["cpu"] / b["cpu"] for a, b in zip(mine, theirs, strict=True) if b["cpu"]]
            print(
                f"| {limit:g} | ratio of CPU s, run by run (median) | | | | | "
                f"{statistics.median(ratios):.2f} | | | |"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
