"""Cost of the sovereignty roll-up on generated estates (the optimiser benchmark's estates).

    PYTHONPATH=.:benchmarks python benchmarks/sovereignty.py 1000 10000

Plans each estate once, then times the estate roll-up (SEAL distribution per objective before
and after, weakest criteria, stay options) five times and prints the median, beside the plan's
own time.
"""

from __future__ import annotations

import statistics
import sys
import time


def main(sizes: list[int]) -> None:
    import optimiser

    from cloudexit import load_catalog
    from cloudexit.model import Inventory, Policy
    from cloudexit.optimise.planner import plan
    from cloudexit.sovereignty.data import load_sovereignty
    from cloudexit.sovereignty.estate import estate

    catalog = load_catalog()
    print("| resources | plan s | roll-up s (median of 5) | roll-up / plan |")
    print("|---:|---:|---:|---:|")
    for n in sizes:
        inventory = Inventory.model_validate(optimiser.estate(n))
        policy = Policy.model_validate(optimiser.POLICY)
        started = time.perf_counter()
        result, _ = plan(inventory, catalog, policy)
        planned = time.perf_counter() - started
        times = []
        for _ in range(5):
            started = time.perf_counter()
            estate(result, load_sovereignty())
            times.append(time.perf_counter() - started)
        median = statistics.median(times)
        print(f"| {n:,} | {planned:.2f} | {median:.3f} | {median / planned:.2f} |")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
