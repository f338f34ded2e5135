"""Benchmark runs each in a fresh process, so a run's peak memory is its own."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any


def fresh_runs(script: str, args: list[str], runs: int, label: str) -> list[dict[str, Any]]:
    """``script --one ARGS`` ``runs`` times; the JSON line each run prints last. A failed run is
    named on stderr with its last line and left out."""
    results: list[dict[str, Any]] = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, script, "--one", *args],
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode != 0:
            tail = (out.stderr.strip().splitlines() or ["no output"])[-1]
            print(f"{label}: run failed (exit {out.returncode}): {tail}", file=sys.stderr)
            continue
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), file=sys.stderr)
    return results
