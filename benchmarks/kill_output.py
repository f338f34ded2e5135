"""kill -9 at random moments while the artefacts of a 20,000-resource plan are written.

    PYTHONPATH=. python benchmarks/kill_output.py [--resources 20000] [--kills 50] [--seed 1]

A generated estate (benchmarks/optimiser.py) is planned once; a second plan differs from it
in the bandwidth (so plan.json and runbook.md differ). The output folder starts with one
complete set; each round starts a fresh process that writes the other plan into the same
folder and sends it SIGKILL after a random delay drawn uniformly from zero to 1.1 times the
length of a whole uninterrupted write (import, plan load, render, swap). After every kill
the folder must hold exactly the old set or exactly the new one (every file's bytes), and
beside it at most the staging folder of the run just killed (earlier ones are cleaned by
the next run). A last, uninterrupted run must leave nothing beside the folder but its lock.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from optimiser import estate

WRITE = (
    "import sys\n"
    "from pathlib import Path\n"
    "import cloudexit\n"
    "from cloudexit.model.plan import Plan\n"
    "plan = Plan.model_validate_json(Path(sys.argv[1]).read_text())\n"
    "cloudexit.emit(plan, sys.argv[2])\n"
)


def manifest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def beside(out: Path) -> list[str]:
    return sorted(
        p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.cloudexit-")
    )


def write(plan: Path, out: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    return subprocess.Popen([sys.executable, "-c", WRITE, str(plan), str(out)], env=env)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--resources", type=int, default=20_000)
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    from cloudexit import load_catalog
    from cloudexit.model import Inventory, Policy
    from cloudexit.model.io import save
    from cloudexit.optimise.planner import plan

    with tempfile.TemporaryDirectory(prefix="cloudexit-kill-") as scratch:
        work = Path(scratch)
        started = time.perf_counter()
        policy = Policy.model_validate({"targets": ["ionos", "opennebula", "ovhcloud", "scaleway"]})
        result, _ = plan(Inventory.model_validate(estate(args.resources)), load_catalog(), policy)
        plans = {"a": work / "plan-a.json", "b": work / "plan-b.json"}
        save(result, plans["a"])
        result.policy = result.policy.model_copy(
            update={"bandwidth_mbps": result.policy.bandwidth_mbps / 2}
        )
        save(result, plans["b"])
        print(
            f"planned {len(result.placements)} placements in {time.perf_counter() - started:.1f} s",
            flush=True,
        )

        sets: dict[str, dict[str, str]] = {}
        full_s = []
        for name in ("a", "b"):
            t0 = time.perf_counter()
            assert write(plans[name], work / f"ref-{name}").wait() == 0
            full_s.append(time.perf_counter() - t0)
            sets[name] = manifest(work / f"ref-{name}")
        size_mb = sum(p.stat().st_size for p in (work / "ref-a").rglob("*") if p.is_file()) / 1e6
        longest = max(full_s)
        print(
            f"one whole write: {', '.join(f'{s:.1f}' for s in full_s)} s; {len(sets['a'])} files, "
            f"{size_mb:.1f} MB",
            flush=True,
        )

        out = work / "out"
        assert write(plans["a"], out).wait() == 0
        current = "a"
        rows = []
        for k in range(args.kills):
            target = "b" if current == "a" else "a"
            delay = rng.uniform(0, longest * 1.1)
            proc = write(plans[target], out)
            try:
                proc.wait(timeout=delay)
                finished = True
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                finished = False
            found = manifest(out) if out.exists() else {}
            holds = next((n for n, m in sets.items() if m == found), None)
            left = [n for n in beside(out) if not n.endswith("-lock")]
            state = "old" if holds == current else "new" if holds == target else "mixed"
            rows.append(
                {
                    "round": k + 1,
                    "delay_s": round(delay, 2),
                    "finished": finished,
                    "state": state,
                    "leftovers": left,
                }
            )
            print(json.dumps(rows[-1]), flush=True)
            if holds is not None:
                current = holds

        assert write(plans["b" if current == "a" else "a"], out).wait() == 0
        final = beside(out)
        ok = all(r["state"] != "mixed" and len(r["leftovers"]) <= 1 for r in rows)
        ok = ok and final == [".out.cloudexit-lock"]
        killed = [r for r in rows if not r["finished"]]
        summary = {
            "resources": args.resources,
            "files": len(sets["a"]),
            "set_mb": round(size_mb, 1),
            "whole_write_s": [round(s, 1) for s in full_s],
            "rounds": len(rows),
            "killed": len(killed),
            "finished_before_the_kill": len(rows) - len(killed),
            "killed_old_set": sum(r["state"] == "old" for r in killed),
            "killed_new_set": sum(r["state"] == "new" for r in killed),
            "mixed_or_missing": sum(r["state"] == "mixed" for r in rows),
            "max_leftover_staging": max(len(r["leftovers"]) for r in rows),
            "beside_out_after_last_run": final,
            "invariant_holds": ok,
        }
        print(json.dumps(summary, indent=2))
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
