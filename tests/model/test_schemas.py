from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cloudexit.cli.main import app
from cloudexit.model import Inventory, Plan, Policy


@pytest.mark.parametrize(
    "name,model", [("inventory", Inventory), ("plan", Plan), ("policy", Policy)]
)
def test_schema_command_prints_the_models_json_schema(name, model):
    result = CliRunner().invoke(app, ["schema", name])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema == json.loads(json.dumps(model.model_json_schema(mode="validation")))
    assert schema["title"] == model.__name__


def test_inventory_schema_names_the_contract_fields():
    schema = Inventory.model_json_schema()
    resource = schema["$defs"]["Resource"]
    assert set(resource["required"]) >= {
        "id",
        "provider",
        "account",
        "region",
        "type",
        "kind",
        "name",
    }
    assert {"tags", "attributes", "utilisation", "monthly_cost", "depends_on"} <= set(
        resource["properties"]
    )
    assert "compute.vm" in schema["$defs"]["Kind"]["enum"]
