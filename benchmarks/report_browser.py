"""Is report.html usable for a large plan: size, and how long a browser takes to show it and search.

    PYTHONPATH=. python benchmarks/report_browser.py PLAN.json [PLAN.json ...] [--runs 3]

Writes the report of each plan (as ``cloudexit plan`` does), then opens it in headless Chromium
twice per run: as written (time until the DOM is dumped) and with a probe that types the last
placement's resource name into the search box (time, and what the table then shows). Prints the
median of ``--runs`` runs. Plans of any size come from ``benchmarks/artefacts.py`` (its copies
of a solved organisation plan).
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests.emit.browser import CHROMIUM, dump_dom


def open_page(page: Path, profile: Path) -> tuple[float, str, list[str]]:
    """Seconds until headless Chromium dumped the DOM, the DOM, and the console lines."""
    if CHROMIUM is None:
        raise SystemExit("no chromium binary on this machine")
    start = time.perf_counter()
    dom, console = dump_dom(page, profile, timeout=900)
    return time.perf_counter() - start, dom, console


def write_report_of(plan_path: Path, out: Path) -> tuple[int, str]:
    from cloudexit import load_catalog
    from cloudexit.collector import existing_objects_frozen
    from cloudexit.emit.jinja import make_environment
    from cloudexit.emit.report import write_report
    from cloudexit.model.plan import Plan

    plan = Plan.model_validate_json(plan_path.read_bytes())
    with existing_objects_frozen():
        write_report(plan, out, make_environment(), load_catalog())
    last = plan.placements[-1].resource_id
    return len(plan.placements), next(r.name for r in plan.inventory.resources if r.id == last)


def measure(plan_path: Path, runs: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        placements, last = write_report_of(plan_path, out)
        page = out / "report.html"
        html = page.read_text()
        probe = out / "probe.html"
        probe.write_text(
            html.replace(
                "</body>",
                '<script>var i = document.getElementById("placement-search"); '
                f"i.value = {json.dumps(last)}; "
                'i.dispatchEvent(new Event("input"));</script></body>',
                1,
            )
        )
        opened, searched, found, console = [], [], "", []
        for run in range(runs):
            seconds, _, lines = open_page(page, out / f"profile-{run}")
            opened.append(seconds)
            console += lines
            seconds, dom, lines = open_page(probe, out / f"profile-probe-{run}")
            searched.append(seconds)
            console += lines
            shown = re.search(r'id="placement-found">([^<]*)<', dom)
            found = shown.group(1) if shown else "no search result shown"
        return {
            "placements": placements,
            "report_mib": round(page.stat().st_size / 2**20, 1),
            "open_s": round(statistics.median(opened), 2),
            "search_s": round(statistics.median(searched), 2),
            "search": f"{last}: {found}",
            "console": len(console),
        }


def main(argv: list[str]) -> None:
    runs, plans = 3, []
    args = iter(argv)
    for arg in args:
        if arg == "--runs":
            runs = int(next(args))
        else:
            plans.append(Path(arg))
    print(
        "| placements | report.html MiB | open s (median) | open + search s (median) | search | console messages |"
    )
    print("|---:|---:|---:|---:|---|---:|")
    for path in plans:
        r = measure(path, runs)
        print(
            f"| {r['placements']:,} | {r['report_mib']} | {r['open_s']} | {r['search_s']} | "
            f"{r['search']} | {r['console']} |",
            flush=True,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
