from __future__ import annotations

import pytest

from cloudexit.cli.main import run
from cloudexit.dependence.functions import resolve
from cloudexit.dependence.register import load_register
from cloudexit.errors import InputError
from tests.dependence.conftest import register, small_estate, write_yaml
from tests.helpers import EXAMPLE


def test_example_register_loads_and_resolves_against_the_example_inventory():
    from cloudexit.model.io import load_inventory

    reg = load_register(EXAMPLE / "suppliers.yaml")
    functions = {f.function.id: f for f in resolve(reg, load_inventory(EXAMPLE / "inventory.json"))}
    assert len(functions["online-sales"].resources) > 40
    assert [s.id for s in functions["process-monitoring"].suppliers] == ["sensorview"]


def test_function_resources_come_from_tags_and_ids():
    resolved = {f.function.id: f for f in resolve(register(), small_estate())}
    assert resolved["sales"].resources == ("orders-db", "web")
    assert resolved["monitoring"].resources == ()


def test_unknown_function_reference_is_refused():
    with pytest.raises(ValueError, match="unknown function 'nope'"):
        register(suppliers=[{"id": "x", "name": "X", "functions": ["nope"]}])


def test_resource_not_in_inventory_is_named():
    reg = register(
        functions=[{"id": "f", "name": "F", "resources": [{"ids": ["ghost"]}]}], suppliers=[]
    )
    with pytest.raises(InputError, match="resource 'ghost' is not in the inventory"):
        resolve(reg, small_estate())


def test_csv_register_groups_rows_per_supplier(tmp_path):
    path = tmp_path / "suppliers.csv"
    path.write_text(
        "supplier,name,functions,provider,region,evidence_kind,evidence_date,offline_hours,criticality\n"
        "mon,Monitor,monitoring,azure,westeurope,trust_page,2026-01-02,4,critical\n"
        "mon,Monitor,monitoring,aws,us-east-1,trust_page,2026-01-02,4,critical\n"
        "pay,Pay,sales,,,,,,high\n",
        encoding="utf-8",
    )
    reg = load_register(path)
    mon = next(s for s in reg.suppliers if s.id == "mon")
    assert [(h.provider, h.region) for h in mon.hosting] == [
        ("azure", "westeurope"),
        ("aws", "us-east-1"),
    ]
    assert mon.hosting[0].evidence.kind == "trust_page" and mon.offline_hours == 4
    assert {f.id: f.criticality for f in reg.functions} == {
        "monitoring": "critical",
        "sales": "high",
    }


def test_csv_with_an_unknown_column_is_refused(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("supplier,name,colour\nx,X,red\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown CSV column 'colour'"):
        load_register(path)


def test_bad_register_exits_2_with_one_line(tmp_path, capsys):
    bad = write_yaml(
        tmp_path / "s.yaml", {"suppliers": [{"id": "x", "name": "X", "offline_hours": -1}]}
    )
    code = run(
        [
            "drill",
            str(EXAMPLE / "drills.yaml"),
            str(EXAMPLE / "inventory.json"),
            "--suppliers",
            str(bad),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "offline_hours" in err and "Traceback" not in err


def test_schema_suppliers_prints_the_schema(capsys):
    import json

    assert run(["schema", "suppliers"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert {"functions", "suppliers"} <= set(schema["properties"])
