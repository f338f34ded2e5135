from __future__ import annotations

import re
from pathlib import Path

import pytest

import cloudexit
from tests.emit.browser import CHROMIUM, dump_dom
from tests.emit.test_runbook import make_plan
from tests.helpers import fixture_catalog

needs_browser = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on this machine")


def render(page: Path, tmp_path: Path) -> tuple[str, list[str]]:
    """The DOM a headless Chromium built from the page, and every console message it logged."""
    return dump_dom(page, tmp_path / "profile", timeout=120)


@needs_browser
def test_harness_sees_console_errors(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text('<html><body><script>throw new Error("broken page")</script></body></html>')
    _, console = render(page, tmp_path)
    assert any("broken page" in line for line in console)


@needs_browser
def test_report_renders_without_errors(tmp_path):
    cloudexit.emit(make_plan(), tmp_path / "out", catalog=fixture_catalog())
    dom, console = render(tmp_path / "out" / "report.html", tmp_path)
    assert console == []
    assert "<h1>Cloud exit report</h1>" in dom
    assert dom.count("<svg") >= 5
    assert 'id="kpis"' in dom


def test_report_needs_no_network(tmp_path):
    cloudexit.emit(make_plan(), tmp_path, catalog=fixture_catalog())
    html = (tmp_path / "report.html").read_text()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<script" not in html and "@import" not in html
