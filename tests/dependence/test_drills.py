from __future__ import annotations

import json

import pytest

from cloudexit.cli.main import run
from cloudexit.dependence.drills import Drill, run_drill
from cloudexit.dependence.functions import resolve
from cloudexit.risk.exposure import load_control_planes
from tests.dependence.conftest import register, small_estate
from tests.helpers import EXAMPLE


@pytest.fixture(scope="module")
def data():
    return load_control_planes()


def drill(scenario=None, supplier=None, hours=24.0):
    return Drill(id="d", scenario=scenario, supplier=supplier, duration_hours=hours)


def run_on(d, catalog, data, reg=None):
    reg = reg or register()
    inv = small_estate()
    return run_drill(d, inv, reg, resolve(reg, inv), data, catalog)


def by_id(result):
    return {f.id: f for f in result.functions}


def test_region_outage_stops_functions_on_its_resources_and_suppliers(catalog, data):
    result = run_on(drill("aws/us-east-1"), catalog, data)
    assert [s.id for s in result.suppliers] == ["pay"]
    assert result.suppliers[0].status == "down" and result.suppliers[0].jurisdiction == "non-EU"
    sales = by_id(result)["sales"]
    assert sales.status == "stopped" and sales.stops_after_hours == 0
    assert sales.breached and sales.down_hours == 24
    assert "monitoring" not in by_id(result)


def test_supplier_offline_tolerance_delays_the_stop(catalog, data):
    result = run_on(drill("azure", hours=5), catalog, data)
    monitoring = by_id(result)["monitoring"]
    assert monitoring.stops_after_hours == 4
    assert monitoring.down_hours == 1 and not monitoring.breached
    assert by_id(run_on(drill("azure", hours=7), catalog, data))["monitoring"].breached


def test_service_outage_makes_a_supplier_on_that_region_only_possibly_down(catalog, data):
    result = run_on(drill("aws-2025-10-20"), catalog, data)
    assert result.suppliers[0].status == "possibly_down"
    assert "whether it uses" in result.suppliers[0].via


def test_supplier_in_another_region_is_not_hit(catalog, data):
    reg = register(
        suppliers=[
            {
                "id": "pay",
                "name": "Payments",
                "functions": ["sales"],
                "hosting": [{"provider": "aws", "region": "eu-central-1"}],
            }
        ]
    )
    assert run_on(drill("aws/us-east-1"), catalog, data, reg).suppliers == []


def test_losing_a_supplier(catalog, data):
    result = run_on(drill(supplier="sensors", hours=72), catalog, data)
    assert result.exposure is None
    assert by_id(result)["monitoring"].stops_after_hours == 4
    assert by_id(result)["monitoring"].down_hours == 68


def test_unknown_supplier_in_a_drill_is_named(catalog, data):
    with pytest.raises(Exception, match="unknown supplier 'nobody'"):
        run_on(drill(supplier="nobody"), catalog, data)


def test_drill_needs_exactly_one_cause():
    with pytest.raises(ValueError, match="exactly one"):
        Drill(id="x", scenario="aws", supplier="pay")


def test_example_drills_run_in_one_command(capsys):
    code = run(
        [
            "drill",
            str(EXAMPLE / "drills.yaml"),
            str(EXAMPLE / "inventory.json"),
            "--suppliers",
            str(EXAMPLE / "suppliers.yaml"),
            "--format",
            "json",
        ]
    )
    assert code == 0
    results = json.loads(capsys.readouterr().out)
    drills = {r["drill"] for r in results}
    assert {"aws-dns-2025", "azure-down", "lose-pickmaster"} <= drills
    azure = next(r for r in results if r["drill"] == "azure-down")
    monitoring = next(f for f in azure["functions"] if f["id"] == "process-monitoring")
    assert monitoring["stops_after_hours"] == 4


def test_exposure_with_suppliers_names_them_and_differs(capsys):
    args = ["exposure", str(EXAMPLE / "inventory.json"), "--scenario", "aws/us-east-1", "--json"]
    assert run(args) == 0
    without = json.loads(capsys.readouterr().out)
    assert run([*args, "--suppliers", str(EXAMPLE / "suppliers.yaml")]) == 0
    with_suppliers = json.loads(capsys.readouterr().out)
    assert with_suppliers["exposure"] == without
    suppliers = {s["name"] for d in with_suppliers["functions"] for s in d["suppliers"]}
    assert "PickMaster Warehouse Systems" in suppliers


def test_plan_with_drills_records_them_and_the_runbook_cites_them(tmp_path, catalog):
    import cloudexit.api
    from cloudexit.model.io import load_inventory
    from tests.emit.whole_plans import whole_plan

    plan = whole_plan(load_inventory(EXAMPLE / "inventory.json"), "scaleway", "fr-par")
    plan.drills = cloudexit.api.drill(
        plan, EXAMPLE / "drills.yaml", [EXAMPLE / "suppliers.yaml"], catalog
    )
    stages = {(d.drill, d.stage) for d in plan.drills}
    assert ("scaleway-fr-par", "before") in stages and ("scaleway-fr-par", "after") in stages
    paris_after = next(
        d for d in plan.drills if d.drill == "scaleway-fr-par" and d.stage == "after"
    )
    paris_before = next(
        d for d in plan.drills if d.drill == "scaleway-fr-par" and d.stage == "before"
    )
    assert paris_after.resources_hit == len(plan.inventory.resources) > paris_before.resources_hit
    cloudexit.emit(plan, tmp_path / "out", catalog=catalog)
    runbook = (tmp_path / "out" / "runbook.md").read_text(encoding="utf-8")
    assert "### Outage drills" in runbook and "Scaleway Paris region lost" in runbook
