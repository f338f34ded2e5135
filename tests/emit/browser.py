"""Headless Chromium, for checks (and benchmarks) that a generated page works in a real browser."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

CHROMIUM = (
    shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
)


def dump_dom(page: Path, profile: Path, timeout: float) -> tuple[str, list[str]]:
    """The DOM Chromium built from the page, and every console message it logged."""
    assert CHROMIUM is not None
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return result.stdout, [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
