"""The report shows what an architect checks first: placements, concentration, a labelled frontier."""

from __future__ import annotations

import re

import cloudexit
from cloudexit import api
from cloudexit.model import Inventory
from tests.helpers import inventory, resource


def estate() -> Inventory:
    return Inventory.model_validate(
        inventory(
            resource(
                "web",
                attributes={"instance_type": "m5.large"},
                monthly_cost={"amount": "80", "currency": "EUR", "source": "test"},
            ),
            resource(
                "db",
                kind="database.postgresql",
                type="aws_db_instance",
                attributes={"instance_type": "db.m3.2xlarge", "storage_gib": 300},
                monthly_cost={"amount": "900", "currency": "EUR", "source": "test"},
            ),
            resource(
                "files",
                kind="storage.object",
                type="AWS::S3::Bucket",
                provider="azure",
                region="westeurope",
                attributes={"storage_gib": 200},
                monthly_cost={"amount": "30", "currency": "EUR", "source": "test"},
            ),
        )
    )


def test_report_has_placement_concentration_and_frontier(tmp_path):
    catalog = api.load_catalog()
    plan = cloudexit.plan(
        estate(), cloudexit.Policy(targets=["ovhcloud", "scaleway"]), catalog=catalog, frontier=3
    )
    cloudexit.emit(plan, tmp_path, catalog=catalog)
    html = (tmp_path / "report.html").read_text()
    table = html[html.index('<table id="placements">') :]
    table = table[: table.index("</table>")]
    rows = re.findall(r"<tr><td>(.*?)</td></tr>", table)
    assert len(rows) == len(plan.placements)
    db = next(r for r in rows if r.startswith("db<"))
    assert "8 vCPU, 30 GiB" in db and "900.00" in db  # size from its class, today's cost
    placed = next(p for p in plan.placements if p.resource_id == "db")
    assert f"{placed.choice.provider}/{placed.choice.region}" in db or "kept on the source" in db
    assert "HHI by provider (0-10,000)" in html and "HHI by region (0-10,000)" in html
    assert len(plan.frontier) >= 2
    assert "jurisdiction risk points (bounded)" in html
    assert "EUR over 36 months, cost plus weighted risk" in html
    assert re.search(r'class="value">[\d,.]+</text>', html)
