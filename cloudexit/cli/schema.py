"""`cloudexit schema {inventory,plan,policy}`: the JSON Schema of each file."""

from __future__ import annotations

import json
from importlib import import_module

import typer

app = typer.Typer(
    help="Print the JSON Schema of inventory.json, plan.json, policy.yaml, suppliers.yaml or a drills file.",
    no_args_is_help=True,
)

MODELS = {
    "inventory": ("cloudexit.model.inventory", "Inventory"),
    "plan": ("cloudexit.model.plan", "Plan"),
    "policy": ("cloudexit.model.policy", "Policy"),
    "suppliers": ("cloudexit.model.suppliers", "SupplierRegister"),
}
"""File name -> (module, model), imported when its schema is asked for (not for --help)."""


def schema_text(name: str) -> str:
    module, attribute = MODELS[name]
    model = getattr(import_module(module), attribute)
    return json.dumps(model.model_json_schema(mode="validation"), indent=2, sort_keys=True) + "\n"


@app.command("inventory")
def inventory() -> None:
    """JSON Schema of inventory.json."""
    typer.echo(schema_text("inventory"), nl=False)


@app.command("plan")
def plan() -> None:
    """JSON Schema of plan.json."""
    typer.echo(schema_text("plan"), nl=False)


@app.command("policy")
def policy() -> None:
    """JSON Schema of policy.yaml."""
    typer.echo(schema_text("policy"), nl=False)


@app.command("suppliers")
def suppliers() -> None:
    """JSON Schema of suppliers.yaml (business functions and the suppliers they rely on)."""
    typer.echo(schema_text("suppliers"), nl=False)


@app.command("drills")
def drills() -> None:
    """JSON Schema of a drills file (`cloudexit drill`)."""
    from cloudexit.dependence.drills import DrillFile

    typer.echo(
        json.dumps(DrillFile.model_json_schema(mode="validation"), indent=2, sort_keys=True) + "\n",
        nl=False,
    )
