"""A report for a large plan: aggregates and the costliest placements in the page, search over the
rest from data the page carries (never a row per resource in the document)."""

from __future__ import annotations

import json
import re
from decimal import Decimal

from cloudexit.emit.jinja import make_environment
from cloudexit.emit.report import TOP_ROWS, write_report
from cloudexit.model import Inventory
from tests.emit.test_report_browser import needs_browser, render
from tests.emit.whole_plans import whole_plan
from tests.helpers import fixture_catalog, inventory, resource

HOSTILE = "</script><img src=x onerror=alert(1)>&amp;\u2028"
COUNT = TOP_ROWS + 50


def large_plan():
    resources = [resource(f"vm-{n:04d}") for n in range(COUNT - 1)]
    resources.append(resource("vm-hostile", name=HOSTILE))
    plan = whole_plan(Inventory.model_validate(inventory(*resources)), "scaleway", "fr-par")
    for n, placement in enumerate(plan.placements):  # distinct costs: vm-0000 cheapest
        placement.choice.monthly_cost = Decimal(n + 1)
    return plan


def write(tmp_path):
    write_report(large_plan(), tmp_path, make_environment(), fixture_catalog())
    return (tmp_path / "report.html").read_text()


def table(html, table_id):
    body = html[html.index(f'<table id="{table_id}">') :]
    return body[: body.index("</table>")]


def test_large_report_shows_the_costliest_rows_and_carries_every_row_for_search(tmp_path):
    html = write(tmp_path)
    rows = re.findall(r"<tr><td>(.*?)</td>", table(html, "placements"))
    assert len(rows) == TOP_ROWS
    assert rows[0] == "vm-hostile" or rows[0].startswith("&lt;/script&gt;")
    assert "vm-0000" not in rows and f"vm-{COUNT - 2:04d}" in rows  # cheapest left out
    data = html[html.index('<script type="application/json" id="placement-data">') :]
    data = data[data.index(">") + 1 : data.index("</script>")]
    cells = json.loads(data)
    assert len(cells) == COUNT
    assert HOSTILE in {row[0] for row in cells}
    # The data block cannot end its script element or open a tag: no raw < > & inside it.
    assert not re.search(r"[<>&\u2028]", data)
    sites = re.findall(r"<tr><td>(.*?)</td><td class=\"n\">(\d+)</td>", table(html, "sites"))
    assert sites == [("scaleway/fr-par", str(COUNT))]


def test_small_report_lists_every_placement_without_script(tmp_path):
    plan = large_plan()
    plan.placements = plan.placements[:10]
    write_report(plan, tmp_path, make_environment(), fixture_catalog())
    html = (tmp_path / "report.html").read_text()
    assert len(re.findall(r"<tr><td>", table(html, "placements"))) == 10
    assert "<script" not in html


@needs_browser
def test_search_finds_a_placement_outside_the_table(tmp_path):
    html = write(tmp_path)
    probe = (
        '<script>var i = document.getElementById("placement-search"); i.value = "VM-0003";'
        'i.dispatchEvent(new Event("input"));</script></body>'
    )
    page = tmp_path / "probe.html"
    page.write_text(html.replace("</body>", probe))
    dom, console = render(page, tmp_path)
    assert console == []
    shown = re.findall(r"<tr><td>(.*?)</td>", table(dom, "placements"))
    assert shown == ["vm-0003"]
    assert 'id="placement-found">1 match<' in dom


def test_search_data_written_in_batches_is_one_json_list(tmp_path, monkeypatch):
    """The rows are serialised a batch at a time as the page is written: every batch size
    gives the text of the whole list at once, and a user template printing the data whole
    gets it too."""
    from cloudexit.emit import report

    (tmp_path / "whole").mkdir()
    whole = write(tmp_path / "whole")  # one batch: the rows' JSON made at once
    for batch in (1, 7, 50, COUNT, COUNT + 1):
        monkeypatch.setattr(report, "SEARCH_BATCH", batch)
        (tmp_path / str(batch)).mkdir()
        assert write(tmp_path / str(batch)) == whole
    data = report.SearchData(lambda: report.placement_rows(large_plan()))
    assert json.loads(str(data)) == json.loads("".join(data))
    assert len(json.loads(str(data))) == COUNT
    assert str(report.SearchData(lambda: iter(()))) == "[]"
