"""Read an organisation-shaped inventory.json as `cloudexit plan` does, in a fresh process per run.

    PYTHONPATH=. python benchmarks/inventory_read.py 10000 100000 1000000 [--runs 3]

The estate is `organisation.py`'s (written by its own process); each run reads and validates it
with ``load_inventory`` and reports CPU seconds, wall seconds and the process's peak resident
memory, and the memory per resource. Medians of ``--runs`` runs per size.
"""

from __future__ import annotations

import json
import resource as rlimit
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fresh import fresh_runs

ORGANISATION = str(Path(__file__).with_name("organisation.py"))


def run_one(path: Path) -> dict:
    from cloudexit.model.io import load_inventory

    start, cpu = time.perf_counter(), time.process_time()
    base = rlimit.getrusage(rlimit.RUSAGE_SELF).ru_maxrss // 1024
    inventory = load_inventory(path)
    peak = rlimit.getrusage(rlimit.RUSAGE_SELF).ru_maxrss // 1024
    return {
        "resources": len(inventory.resources),
        "file_mib": round(path.stat().st_size / 2**20, 1),
        "cpu_s": round(time.process_time() - cpu, 2),
        "wall_s": round(time.perf_counter() - start, 2),
        "peak_mib": peak,
        "start_mib": base,
        "kib_per_resource": round((peak - base) * 1024 / max(1, len(inventory.resources)), 2),
    }


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(run_one(Path(argv[1]))))
        return
    runs, sizes = 3, []
    args = iter(argv)
    for arg in args:
        if arg == "--runs":
            runs = int(next(args))
        else:
            sizes.append(int(arg))
    print(
        "| resources | inventory.json MiB | runs | read CPU s | wall s | peak MiB | KiB a resource |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes or [10000, 100000]:
            path = Path(folder) / f"inventory-{n}.json"
            subprocess.run([sys.executable, ORGANISATION, "--write", str(n), str(path)], check=True)
            rows = fresh_runs(__file__, [str(path)], runs, f"{n:,}")
            if not rows:
                continue
            med = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
            print(
                f"| {n:,} | {med['file_mib']} | {len(rows)} | {med['cpu_s']} | {med['wall_s']} "
                f"| {med['peak_mib']:.0f} | {med['kib_per_resource']} |"
            )
            path.unlink()


if __name__ == "__main__":
    main(sys.argv[1:])
