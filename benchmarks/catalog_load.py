"""Time loading the bundled catalogue and resolving sizes and list prices (run from the repo root)."""

from __future__ import annotations

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


if __name__ == "__main__":
    main()
