"""Memory of a plan held in memory: a plan.json of N resources read back as a Plan.

    PYTHONPATH=. python benchmarks/plan_read.py BASE_PLAN.json 20000 [--runs 3]

Builds a plan of N resources from copies of BASE_PLAN (as ``artefacts.py`` does), then reads it
in a fresh process per run with ``Plan.model_validate_json`` and reports CPU seconds, the
process's peak resident memory, and the live Python memory after reading (tracemalloc, in a
run of its own since tracing slows the read): what a plan of that size holds per resource.
"""

from __future__ import annotations

import gc
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path


def read_once(path: Path, traced: bool) -> dict[str, float]:
    from cloudexit.model.plan import Plan

    raw = path.read_bytes()
    gc.collect()
    if traced:
        tracemalloc.start()
    start = time.process_time()
    plan = Plan.model_validate_json(raw)
    cpu = time.process_time() - start
    gc.collect()
    row = {
        "resources": len(plan.inventory.resources),
        "cpu_s": round(cpu, 2),
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }
    if traced:
        row["live_mib"] = round(tracemalloc.get_traced_memory()[0] / 2**20, 1)
    return row


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(read_once(Path(argv[1]), argv[2] == "traced")))
        return
    base, n = Path(argv[0]), int(argv[1])
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3
    sys.path.insert(0, str(Path(__file__).parent))
    from artefacts import replicate

    def fresh(path: Path, mode: str) -> dict[str, float]:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(path), mode],
            check=True,
            capture_output=True,
            text=True,
        )
        return json.loads(done.stdout)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"plan-{n}.json"
        replicate(base, n, path)
        rows = [fresh(path, "plain") for _ in range(runs)]
        traced = fresh(path, "traced")
        size = path.stat().st_size / 2**20
    cpu = statistics.median(r["cpu_s"] for r in rows)
    peak = statistics.median(r["peak_mib"] for r in rows)
    live = traced["live_mib"]
    print(
        "| resources | plan.json MiB | runs | read CPU s | peak MiB | live MiB | KiB a resource |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {n:,} | {size:.0f} | {runs} | {cpu:.2f} | {peak:.0f} | {live:.0f} | "
        f"{live * 1024 / n:.1f} |"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
