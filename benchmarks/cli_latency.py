"""Time the quick commands (help, look-ups, `explain`, `check`, small imports) side by side with an earlier commit.

    python benchmarks/cli_latency.py [--against REV] [--runs N] [--only TEXT] [--import FILE]

Each command runs in a fresh process (``python -m cloudexit``), as a user runs it: once to fill
the catalogue cache and the compiled bytecode, then N times (default 7) with the code of REV
(default ``HEAD~1``, taken with ``git archive``) and with this checkout's, alternating, each
with its own cache folder and bytecode folder. Printed: the median CPU seconds (user + system)
and wall seconds of each, the median of the pairwise CPU ratios, and the peak resident memory.
CPU is the figure to read on a shared machine: the wall time there is mostly waiting for a core.
`explain` and `check` read the plan this checkout makes of the bundled example. ``--import FILE``
also times ``inventory import FILE`` (an export of your own, say).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
IMPORTS = "tests/data/imports"

COMMANDS = [
    ["--version"],
    ["--help"],
    ["catalog", "show", "ovhcloud"],
    ["catalog", "show", "ovhcloud", "b3-8"],
    ["catalog", "list", "--provider", "ovhcloud"],
    ["catalog", "list", "--provider", "aws"],
    ["catalog", "list"],
    ["explain", "{work}/out/plan.json", "{resource}"],
    ["check", "{work}/out/plan.json"],
    ["inventory", "import", f"{IMPORTS}/servers.csv", "-o", "{work}/inv.json"],
    ["inventory", "import", f"{IMPORTS}/state-v4-modules.tfstate", "-o", "{work}/inv.json"],
    ["inventory", "import", f"{IMPORTS}/aws-config-snapshot.json", "-o", "{work}/inv.json"],
    ["inventory", "import", f"{IMPORTS}/state-showjson-gcp.json", "-o", "{work}/inv.json"],
    ["inventory", "import", f"{IMPORTS}/azure-graph-query.json", "-o", "{work}/inv.json"],
]


def timed(command: list[str], env: dict[str, str], tree: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak resident KiB of ``cloudexit command`` run from ``tree``."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "cloudexit", *command],
        env=env,
        cwd=tree,  # `python -m` reads the package from its working folder first
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    stderr = child.stderr.read().decode() if child.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"cloudexit {' '.join(command)} failed in {tree}: {stderr}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def checkout(rev: str, into: Path) -> str:
    """The tree of ``rev`` written to ``into``; its short hash."""
    short = subprocess.run(
        ["git", "rev-parse", "--short", rev], cwd=HERE, capture_output=True, text=True, check=True
    ).stdout.strip()
    archive = subprocess.run(["git", "archive", rev], cwd=HERE, capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return short


def example_plan(work: Path) -> str:
    """Plan the bundled example into ``work``/out; the id of its first placement."""
    subprocess.run(
        [sys.executable, "-m", "cloudexit", "plan", "examples/estate/inventory.json"]
        + ["--policy", "examples/estate/policy.yaml", "--out", str(work / "out")],
        cwd=HERE,
        env={**os.environ, "PYTHONPATH": str(HERE)},
        check=True,
        capture_output=True,
    )
    plan = json.loads((work / "out" / "plan.json").read_text())
    return str(plan["placements"][0]["resource_id"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="HEAD~1", help="earlier commit (default HEAD~1)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--only", action="append", help="time only the commands holding this text; repeatable"
    )
    parser.add_argument(
        "--import",
        dest="imports",
        action="append",
        default=[],
        help="also time `inventory import FILE`; repeatable",
    )
    args = parser.parse_args()
    commands = COMMANDS + [
        ["inventory", "import", str(Path(f).resolve()), "-o", "{work}/inv.json"]
        for f in args.imports
    ]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        before = work / "before"
        before.mkdir()
        short = checkout(args.against, before)
        trees = {"before": before, "after": HERE}
        envs = {
            name: {
                **os.environ,
                "PYTHONPATH": str(tree),
                "CLOUDEXIT_CACHE_DIR": str(work / f"cache-{name}"),
                "PYTHONPYCACHEPREFIX": str(work / f"pycache-{name}"),
                "PYTHONDONTWRITEBYTECODE": "",
            }
            for name, tree in trees.items()
        }
        resource_id = example_plan(work)
        print(f"{short} (before) and this checkout (after); {args.runs} runs each, alternating;")
        print(f"load average at the start {os.getloadavg()[0]:.1f}\n")
        print(
            "| command | before CPU s | after CPU s | ratio | before wall s | after wall s | peak MiB before / after |"
        )
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for template in commands:
            if args.only and not any(text in " ".join(template) for text in args.only):
                continue
            command = [a.format(work=work, resource=resource_id) for a in template]
            runs: dict[str, list[tuple[float, float, int]]] = {name: [] for name in trees}
            for name, tree in trees.items():
                timed(command, envs[name], tree)  # fills the catalogue cache and the bytecode
            for _ in range(args.runs):
                for name, tree in trees.items():
                    runs[name].append(timed(command, envs[name], tree))
            cpu = {name: statistics.median(r[1] for r in rows) for name, rows in runs.items()}
            wall = {name: statistics.median(r[0] for r in rows) for name, rows in runs.items()}
            peak = {name: max(r[2] for r in rows) // 1024 for name, rows in runs.items()}
            ratio = statistics.median(
                a[1] / b[1] for a, b in zip(runs["after"], runs["before"], strict=True)
            )
            shown = " ".join(template).replace("{work}/", "").replace("{resource}", "ID")
            print(
                f"| `cloudexit {shown}` | {cpu['before']:.2f} | {cpu['after']:.2f} | {ratio:.2f} "
                f"| {wall['before']:.2f} | {wall['after']:.2f} | {peak['before']} / {peak['after']} |"
            )
        print(f"\nload average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
