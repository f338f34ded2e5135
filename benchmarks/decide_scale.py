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
from typing import NoReturn

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

    try:
        with path.open("rb") as source:
            units, inventory, policy = pickle.load(source)
    except (OSError, pickle.UnpicklingError, AttributeError, TypeError, ValueError) as e:
        print(
            f"decide_scale.py: {path}: not classes this code can read ({e}); "
            "write them again with --write",
            file=sys.stderr,
        )
        raise SystemExit(2) from None
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
        check=False,
        env={**os.environ, "PYTHONPATH": str(tree)},
        cwd=tree,
    )
    if out.returncode != 0:
        lines = out.stderr.strip().splitlines()
        print(
            f"decide_scale.py: the run in {tree} failed: {lines[-1] if lines else ''}",
            file=sys.stderr,
        )
        raise SystemExit(1)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _gap(value: float | None) -> str:
    return "-" if value is None else f"{value:.2e}"


USAGE = """usage:
  decide_scale.py --write RESOURCES UNITS.pkl
  decide_scale.py UNITS.pkl [--limit SECONDS]... [--runs N] [--compare OTHER_CHECKOUT]
  decide_scale.py --one UNITS.pkl SECONDS"""


def _usage(problem: str) -> NoReturn:
    print(f"decide_scale.py: {problem}\n{USAGE}", file=sys.stderr)
    raise SystemExit(2)


def _number(text: str, kind: type[int | float], what: str) -> float:
    try:
        value = kind(text)
    except ValueError:
        _usage(f"{what} must be a number, not {text!r}")
    if value <= 0:
        _usage(f"{what} must be above 0, not {text}")
    return value


def _arguments(argv: list[str]) -> tuple[Path, list[float], int, Path | None]:
    """The pickle, the limits, the runs and the other checkout of a comparison run."""
    runs, limits, other, path = 3, [], None, None
    args = iter(argv)
    for arg in args:
        if arg in ("--runs", "--limit", "--compare"):
            value = next(args, None)
            if value is None:
                _usage(f"{arg} needs a value")
            if arg == "--runs":
                runs = int(_number(value, int, "--runs"))
            elif arg == "--limit":
                limits.append(_number(value, float, "--limit"))
            else:
                other = Path(value).resolve()
                if not (other / "cloudexit").is_dir():
                    _usage(f"--compare {value}: no cloudexit package there")
        elif arg.startswith("-"):
            _usage(f"unknown option {arg}")
        elif path is not None:
            _usage(f"one pickle only, got {path.name} and {arg}")
        else:
            path = Path(arg).resolve()
    if path is None:
        _usage("no UNITS.pkl given")
    if not path.is_file():
        _usage(f"{path}: no such file (make it with --write RESOURCES {path.name})")
    return path, limits, runs, other


def main(argv: list[str]) -> None:
    if argv[:1] in (["-h"], ["--help"]) or not argv:
        print(USAGE)
        return
    if argv[:1] == ["--write"]:
        if len(argv) != 3:
            _usage("--write takes RESOURCES and UNITS.pkl")
        write(int(_number(argv[1], int, "RESOURCES")), Path(argv[2]))
        return
    if argv[:1] == ["--one"]:
        if len(argv) != 3:
            _usage("--one takes UNITS.pkl and SECONDS")
        print(json.dumps(run_one(Path(argv[1]), _number(argv[2], float, "SECONDS"))))
        return
    path, limits, runs, other = _arguments(argv)
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
