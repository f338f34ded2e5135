"""Time loading the bundled catalogue and resolving sizes and list prices (run from the repo root).

``--cli`` also times CLI commands in fresh processes: once with an empty catalogue cache (the
first run compiles the data files) and then warm, the median of five runs each, wall and CPU:
catalogue look-ups, imports of small exports, and `explain` on the bundled example's plan.

``--compare OTHER`` times the same commands warm with the code of another checkout (its root,
put first on ``PYTHONPATH``) and with this one, runs alternating, and prints both medians of CPU
seconds and their ratio. ``--runs N`` sets the runs (default 7). Each tree keeps its compiled
bytecode apart (``PYTHONPYCACHEPREFIX``), as an installed package has it.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cloudexit.catalog import load_catalog
from cloudexit.datafiles import data_dir
from cloudexit.model.io import read_yaml


def main() -> None:
    for path in sorted(data_dir("providers").glob("*.yaml")):
        start = time.perf_counter()
        read_yaml(path)
        print(
            f"parse {path.name}: {time.perf_counter() - start:.2f} s ({Path(path).stat().st_size // 1024} KiB)"
        )
    start = time.perf_counter()
    catalog = load_catalog()
    print(
        f"load_catalog: {time.perf_counter() - start:.2f} s, "
        f"{sum(len(p.products) for p in catalog.providers.values())} products"
    )
    names = [(pid, p.id) for pid, prov in sorted(catalog.providers.items()) for p in prov.products]
    start = time.perf_counter()
    for pid, name in names:
        catalog.specs_for(pid, name)
    print(
        f"specs_for x{len(names)}: {time.perf_counter() - start:.2f} s (first call builds the index)"
    )
    start = time.perf_counter()
    for pid, name in names:
        region = catalog.providers[pid].regions[0].code
        catalog.list_price(pid, region, name)
    print(f"list_price x{len(names)}: {time.perf_counter() - start:.2f} s")


COMMANDS = [
    ["--version"],
    ["catalog", "show", "ovhcloud"],
    ["catalog", "show", "ovhcloud", "b3-8"],
    ["catalog", "list", "--provider", "ovhcloud"],
    ["catalog", "list", "--provider", "aws"],
    ["catalog", "list"],
    ["inventory", "import", "tests/data/imports/aws-config-snapshot.json", "-o", "{tmp}/inv.json"],
    ["inventory", "import", "tests/data/imports/state-showjson-gcp.json", "-o", "{tmp}/inv.json"],
    ["inventory", "import", "tests/data/imports/azure-graph-query.json", "-o", "{tmp}/inv.json"],
    ["explain", "{tmp}/out/plan.json", "{resource}"],
]


def _timed(command: list[str], env: dict[str, str], cwd: Path | None = None) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "cloudexit", *command],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        cwd=cwd,  # `python -m` reads the package from its working folder first
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _example_plan(folder: Path) -> str:
    """Plan the bundled example into ``folder``/out for `explain`; the id of its first placement."""
    subprocess.run(
        [sys.executable, "-m", "cloudexit", "plan", "examples/estate/inventory.json"]
        + ["--policy", "examples/estate/policy.yaml", "--out", str(folder / "out")],
        check=True,
        capture_output=True,
    )
    plan = json.loads((folder / "out" / "plan.json").read_text())
    return str(plan["placements"][0]["resource_id"])


def cli(runs: int = 5) -> None:
    print("| command | first run, empty cache: wall / CPU s | warm: median wall / CPU s |")
    print("|---|---:|---:|")
    with tempfile.TemporaryDirectory() as work:
        resource_id = _example_plan(Path(work))
        for template in COMMANDS:
            command = [a.format(tmp=work, resource=resource_id) for a in template]
            with tempfile.TemporaryDirectory() as cache:
                env = {**os.environ, "CLOUDEXIT_CACHE_DIR": cache}
                cold = _timed(command, env)
                warm = [_timed(command, env) for _ in range(runs)]
            shown = " ".join(template).replace("{tmp}/", "").replace("{resource}", "ID")
            print(
                f"| `cloudexit {shown}` | {cold[0]:.2f} / {cold[1]:.2f} | "
                f"{statistics.median(w for w, _ in warm):.2f} / "
                f"{statistics.median(c for _, c in warm):.2f} |"
            )


def compare(other: Path, runs: int) -> None:
    here = Path(__file__).resolve().parent.parent
    trees = {"other": other.resolve(), "this": here}
    print(f"| command | {other} CPU s | this checkout CPU s | ratio |")
    print("|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as work:
        resource_id = _example_plan(Path(work))
        envs = {
            name: {
                **os.environ,
                "PYTHONPATH": str(tree),
                "CLOUDEXIT_CACHE_DIR": str(Path(work) / f"cache-{name}"),
                "PYTHONPYCACHEPREFIX": str(Path(work) / f"pycache-{name}"),
                "PYTHONDONTWRITEBYTECODE": "",
            }
            for name, tree in trees.items()
        }
        for template in COMMANDS:
            command = [a.format(tmp=work, resource=resource_id) for a in template]
            cpu: dict[str, list[float]] = {name: [] for name in trees}
            for name, tree in trees.items():
                _timed(command, envs[name], tree)  # fills the catalogue cache and the bytecode
            for _ in range(runs):
                for name, tree in trees.items():
                    cpu[name].append(_timed(command, envs[name], tree)[1])
            before, after = (statistics.median(cpu[name]) for name in trees)
            shown = " ".join(template).replace("{tmp}/", "").replace("{resource}", "ID")
            print(f"| `cloudexit {shown}` | {before:.2f} | {after:.2f} | {after / before:.2f} |")


if __name__ == "__main__":
    if "--compare" in sys.argv:
        at = sys.argv.index("--compare")
        count = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 7
        compare(Path(sys.argv[at + 1]), count)
    elif "--cli" in sys.argv:
        cli()
    else:
        main()
