"""The decision under a short time limit: seconds past the limit, CPU, status and gap.

    PYTHONPATH=. python benchmarks/decide_limit.py INVENTORY N [--limits 10,5,2] [--runs 3]
        [--turn FILE --parity 0|1]

Builds the classes of ``INVENTORY`` (an estate written by ``organisation.py --write N``, with
its policy for ``N`` resources and no budget) once, then runs the decision alone with each time
limit, ``--runs`` times, in this process (the classes are not changed by a decision). Printed,
one JSON line a run: the decision's wall and CPU seconds, the seconds on its clock (what
plan.json reports) and how far past the limit each went, status, gap and objective.

To compare two checkouts side by side, start one process per checkout with the same
``--turn FILE`` and ``--parity`` 0 and 1: they take turns, one decision each.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import time
from pathlib import Path

from organisation import policy


def wait_turn(turn: Path, step: int) -> None:
    while True:
        try:
            if int(turn.read_text().strip() or 0) == step:
                return
        except (OSError, ValueError):
            pass
        time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inventory", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--limits", default="10,5,2")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--turn", type=Path)
    parser.add_argument("--parity", type=int, default=0)
    args = parser.parse_args()

    from cloudexit import load_catalog
    from cloudexit.collector import collection_paused
    from cloudexit.model import Policy
    from cloudexit.model.io import load_inventory
    from cloudexit.optimise import concentration, planner
    from cloudexit.optimise.decide import decide
    from cloudexit.optimise.units import build_units

    catalog = load_catalog()
    chosen = Policy.model_validate(policy(args.n, 60.0, None))
    inventory = load_inventory(args.inventory)
    with collection_paused():  # as `plan` builds the classes
        planner.check_policy(chosen, catalog, "policy")
        planner.check_currencies(inventory, catalog, chosen, "policy")
        chosen = concentration.with_stake_reference(inventory, chosen)
        candidates_for, _ = planner._placeable(inventory, catalog, chosen)
        units = build_units(inventory, catalog, chosen, candidates_for, True)
        concentration.weigh(units, chosen, True)
    gc.collect()
    gc.freeze()
    step = 0
    for _ in range(args.runs):
        for limit in (float(x) for x in args.limits.split(",")):
            if args.turn is not None:
                wait_turn(args.turn, 2 * step + args.parity)
            limited = chosen.model_copy(
                update={"solver": chosen.solver.model_copy(update={"time_limit_s": limit})}
            )
            wall, cpu = time.perf_counter(), time.process_time()
            with collection_paused():
                decision = decide(units, inventory, limited)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            s = decision.solution
            gap = None
            if s.objective and s.bound is not None:
                gap = round(max(0.0, (s.objective - s.bound) / abs(s.objective)), 6)
            row = {
                "limit": limit,
                "wall_s": round(wall, 2),
                "past_limit_s": round(wall - limit, 2),
                "clock_s": round(s.seconds, 2),
                "clock_past_limit_s": round(s.seconds - limit, 2),
                "cpu_s": round(cpu, 2),
                "status": s.status.value,
                "gap": gap,
                "objective": s.objective,
                "placed": len(decision.assignment),
                "load": round(os.getloadavg()[0], 1),
            }
            print(json.dumps(row), flush=True)
            if args.turn is not None:
                args.turn.write_text(str(2 * step + args.parity + 1))
            step += 1


if __name__ == "__main__":
    main()
