"""Time loading the bundled catalogue and resolving sizes and list prices (run from the repo root).

``--cli`` also times CLI commands in fresh processes: once with an empty catalogue cache (the
first run compiles the data files) and then warm, the median of five runs each, wall and CPU:
catalogue look-ups, imports of small exports, and `explain` on the bundled example's plan.

The commands and how each is timed are `cli_latency.py`'s, which also times them side by side
with an earlier commit.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from cli_latency import COMMANDS, HERE, example_plan, timed

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


def cli(runs: int = 5) -> None:
    print("| command | first run, empty cache: wall / CPU s | warm: median wall / CPU s |")
    print("|---|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        resource_id = example_plan(work)
        for template in COMMANDS:
            command = [a.format(work=work, resource=resource_id) for a in template]
            with tempfile.TemporaryDirectory() as cache:
                env = {**os.environ, "CLOUDEXIT_CACHE_DIR": cache}
                cold = timed(command, env, HERE)
                warm = [timed(command, env, HERE) for _ in range(runs)]
            shown = " ".join(template).replace("{work}/", "").replace("{resource}", "ID")
            print(
                f"| `cloudexit {shown}` | {cold[0]:.2f} / {cold[1]:.2f} | "
                f"{statistics.median(w[0] for w in warm):.2f} / "
                f"{statistics.median(w[1] for w in warm):.2f} |"
            )


if __name__ == "__main__":
    if "--cli" in sys.argv:
        cli()
    else:
        main()
