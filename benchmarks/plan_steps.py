"""The plan stage step by step: the process's CPU and wall time per step, when each forked child
runs and its CPU, the resident memory after each step, and the longest path on two cores worked out from CPU seconds.

    PYTHONPATH=. python benchmarks/plan_steps.py inventory.json N [--json out.json]

``inventory.json`` is an estate from ``organisation.py --write N``; the policy is
``organisation.policy(N, 60, None)``. The planner's steps (the names ``cloudexit.optimise.planner``
calls) are wrapped to note ``time.process_time`` and ``time.perf_counter`` at each end; what runs
between two wrapped steps (the placements' loop, for one) is listed as the gap after the first.
Each child started through ``cloudexit.optimise.apart`` notes its own CPU when its work is done;
the process notes its CPU when the child is started and when it first waits for its answer.

The longest path is the process's CPU with every wait for a child put back where the child,
given a core of its own from its start, would not yet be done: a load-free estimate of the plan
stage's wall time on two cores, read from CPU seconds, so that a busy machine still gives it.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal  # noqa: F401 - policy figures
from functools import partial, wraps
from pathlib import Path
from typing import Any

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

STEPS = [
    "check_policy",
    "check_currencies",
    "with_deployment_share",
    "_placeable",
    "build_units",
    "concentration.weigh",
    "drop_unread_rows",
    "unplaceable",
    "decide",
    "residency_everywhere",
    "link_monthly",
    "violations",
    "build_options",
    "copy_reasons",
    "_kept_with",
    "open_rules",
    "balancer_gaps",
    "start_of",
    "assignment_objective",
    "ranged_price_warning",
    "footing.planned_today_warning",
    "Plan",
    "price_read_replicas",
    "price_replication",
    "plan_waves_of",
    "oneoff.date_one_off",
    "footing.totals",
    "_priced",
    "load_sovereignty",
    "second_hand_warning",
    "footing.unpriced_today_warning",
    "footing.unverified_today_warning",
    "concentration.rise_warning",
    "assumption_warnings",
    "share_placement_values",
    "lowered_warning",
]


def resident() -> dict[str, int]:
    """The process's resident MiB now and at its peak so far (``VmRSS``, ``VmHWM``)."""
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            found["rss_mib" if name == "VmRSS" else "peak_mib"] = int(value.split()[0]) // 1024
    return found


class Timeline:
    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.children: list[dict[str, Any]] = []
        self.wall0 = time.perf_counter()
        self.cpu0 = time.process_time()
        self.depth = 0
        self.notes = Path(tempfile.mkdtemp()) / "children"
        self.parent = os.getpid()

    def now(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall0, time.process_time() - self.cpu0

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            if os.getpid() != self.parent:
                return fn(*args, **kwargs)
            wall, cpu = self.now()
            self.depth += 1
            try:
                return fn(*args, **kwargs)
            finally:
                self.depth -= 1
                end_wall, end_cpu = self.now()
                self.events.append(
                    {
                        "step": name,
                        "depth": self.depth,
                        "start_wall": wall,
                        "start_cpu": cpu,
                        "wall": end_wall - wall,
                        "cpu": end_cpu - cpu,
                        **resident(),
                    }
                )

        return timed


def _patch(timeline: Timeline) -> None:
    from cloudexit.optimise import apart, planner

    if hasattr(planner, "_build_models"):
        # the models are built now: ``Plan`` wrapped below is no longer a model to build
        planner._build_models()
        planner._build_models = lambda: None  # type: ignore[attr-defined]
    for name in STEPS:
        owner: Any = planner
        parts = name.split(".")
        for part in parts[:-1]:
            owner = getattr(owner, part)
        if hasattr(owner, parts[-1]):  # a step another revision does not have
            setattr(owner, parts[-1], timeline.wrap(name, getattr(owner, parts[-1])))

    original_init = apart.Apart.__init__
    original_result = apart.Apart.result
    original_each = apart.Apart.each

    def init(self: Any, work: Callable[[], Any], fork: bool, parts: int = 0) -> None:
        func = work.func if isinstance(work, partial) else work
        name = getattr(func, "__qualname__", None) or type(func).__name__
        note = timeline.notes.with_name(f"child-{len(timeline.children)}")

        def noted() -> Any:
            found = work()
            if os.getpid() != timeline.parent:
                note.write_text(json.dumps([time.process_time(), time.perf_counter()]))
            return found

        wall, cpu = timeline.now()
        self._noted = {"work": name, "fork_wall": wall, "fork_cpu": cpu, "note": str(note)}
        timeline.children.append(self._noted)
        original_init(self, noted, fork, parts)
        self._noted["started"] = self.started

    def waited(self: Any) -> None:
        if "wait_cpu" not in self._noted:
            self._noted["wait_wall"], self._noted["wait_cpu"] = timeline.now()

    def result(self: Any) -> Any:
        waited(self)
        found = original_result(self)
        self._noted["joined_wall"], self._noted["joined_cpu"] = timeline.now()
        return found

    def each(self: Any) -> Any:
        waited(self)
        yield from original_each(self)
        self._noted["joined_wall"], self._noted["joined_cpu"] = timeline.now()

    apart.Apart.__init__ = init  # type: ignore[method-assign]
    apart.Apart.result = result  # type: ignore[method-assign]
    apart.Apart.each = each  # type: ignore[method-assign]


def longest_path(timeline: Timeline, total_cpu: float) -> float:
    """The process's CPU, each wait put back where the child (from its start, on a core of its
    own) would still run: children's own CPU when their work is done."""
    delay = 0.0
    for child in sorted(timeline.children, key=lambda c: c.get("wait_cpu", 1e9)):
        if not child.get("started") or "child_cpu" not in child or "wait_cpu" not in child:
            continue
        done = child["fork_cpu"] + delay + child["child_cpu"]
        here = child["wait_cpu"] + delay
        if done > here:
            delay += done - here
    return total_cpu + delay


def run(path: Path, n: int) -> dict[str, Any]:
    sys.path.insert(0, str(Path(__file__).parent))
    from organisation import policy

    from cloudexit import api
    from cloudexit.model import Policy
    from cloudexit.optimise import Worked, plan_timed

    catalog = api.load_catalog()
    chosen = Policy.model_validate(policy(n, 60, None))
    inventory = api.load_inventory(path)
    timeline = Timeline()
    _patch(timeline)
    timeline.wall0, timeline.cpu0 = time.perf_counter(), time.process_time()
    result, _ = plan_timed(inventory, catalog, chosen, worked=Worked())
    wall, cpu = timeline.now()
    for child in timeline.children:
        note = Path(child.pop("note"))
        if note.exists():
            child["child_cpu"], _ = json.loads(note.read_text())
    return {
        "resources": n,
        "plan_wall": wall,
        "plan_cpu": cpu,
        "longest_path": longest_path(timeline, cpu),
        "objective": str(result.solver.objective),
        "status": result.solver.status.value,
        "classes": result.solver.classes,
        "load": os.getloadavg()[0],
        **resident(),
        "events": sorted(timeline.events, key=lambda e: e["start_cpu"]),
        "children": timeline.children,
    }


def show(found: dict[str, Any]) -> None:
    print(
        f"{found['resources']} resources: plan {found['plan_wall']:.2f} s wall, "
        f"{found['plan_cpu']:.2f} s CPU of the process, longest path {found['longest_path']:.2f} s"
        f" (load {found['load']:.1f}; {found['status']}, {found['classes']} classes, objective "
        f"{found['objective']})"
    )
    print(
        f"plan's peak {found.get('peak_mib', -1)} MiB, resident at its end {found.get('rss_mib', -1)}"
    )
    print(f"{'step':36} {'start cpu':>9} {'cpu':>7} {'wall':>7}  then, unwrapped  resident (peak)")
    events = [e for e in found["events"] if e["depth"] == 0]
    for event, after in zip(events, [*events[1:], None], strict=True):
        end = event["start_cpu"] + event["cpu"]
        gap = (after["start_cpu"] if after else found["plan_cpu"]) - end
        print(
            f"{event['step']:36} {event['start_cpu']:9.2f} {event['cpu']:7.2f} "
            f"{event['wall']:7.2f}  {gap:6.2f}          "
            f"{event.get('rss_mib', -1):6} ({event.get('peak_mib', -1)})"
        )
    print(f"{'child':36} {'fork cpu':>9} {'its cpu':>7} {'wait at':>7} {'joined':>7} {'waited':>7}")
    for child in found["children"]:
        if not child.get("started"):
            print(f"{child['work']:36} (not started)")
            continue
        print(
            f"{child['work']:36} {child['fork_cpu']:9.2f} {child.get('child_cpu', -1):7.2f} "
            f"{child.get('wait_cpu', -1):7.2f} {child.get('joined_cpu', -1):7.2f} "
            f"{child.get('wait_wall', 0) - child['fork_wall']:7.2f}"
        )


def main(argv: list[str]) -> None:
    found = run(Path(argv[0]), int(argv[1]))
    show(found)
    if "--json" in argv:
        Path(argv[argv.index("--json") + 1]).write_text(json.dumps(found, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
