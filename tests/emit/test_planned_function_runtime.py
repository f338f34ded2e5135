"""A function only a Terraform plan holds runs no code yet: where its source's release line is
past its end of life when the plan starts, the target's closest supported runtime is written,
not the ended one it also offers, and the runbook says so."""

from __future__ import annotations

import re
from pathlib import Path

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from tests.helpers import one_target_policy

LAMBDA = "terraform:tfplan-aws-55res-checkov.json:aws_lambda_function.analysis_lambda"


def _checkov(shared_dir: Path, runtime: str, planned: bool) -> Inventory:
    """The recorded plan's Lambda at ``runtime``; with ``planned`` False, as if it ran already."""
    inventory = import_files(
        [shared_dir / "corpus" / "tfplan-aws-55res-checkov.json"], planned=True
    )
    resources = []
    for r in inventory.resources:
        if r.id == LAMBDA:
            details = {**r.attributes.details, "runtime": runtime}
            attributes = r.attributes.model_copy(update={"details": details})
            r = r.model_copy(update={"attributes": attributes, "planned": planned})
        resources.append(r)
    return inventory.model_copy(update={"resources": resources})


def test_a_planned_node_20_function_is_written_at_node_22_on_scaleway(
    shared_dir: Path, tmp_path: Path
) -> None:
    catalog = load_catalog()
    plan = api.plan(
        _checkov(shared_dir, "nodejs20.x", planned=True), one_target_policy("scaleway"), catalog
    )
    (placed,) = [p for p in plan.placements if p.resource_id == LAMBDA]
    choice = placed.engine_version
    assert choice is not None and (choice.status, choice.version) == ("upgrade", "node22")
    assert "only a Terraform plan holds the function" in choice.note
    assert "node22 (Node.js 22) is the closest supported runtime offered" in choice.note
    assert not [w for w in plan.warnings if w.startswith("end of life: nodejs 20 on scaleway")]

    api.emit(plan, tmp_path, catalog=catalog)
    text = "".join(p.read_text() for p in sorted((tmp_path / "terraform").rglob("*.tf")))
    assert re.findall(r'runtime\s+= "(node\d+)"', text) == ["node22"]
    runbook = (tmp_path / "runbook.md").read_text()
    prefix = "| 123456789123-acme-corp-analysis | nodejs 20 | node22 |"
    (row,) = [line for line in runbook.splitlines() if line.startswith(prefix)]
    assert "past its end of life when the plan starts" in row


def test_a_running_node_20_function_keeps_its_line_and_is_warned(
    shared_dir: Path, tmp_path: Path
) -> None:
    plan = api.plan(
        _checkov(shared_dir, "nodejs20.x", planned=False),
        one_target_policy("scaleway"),
        load_catalog(),
    )
    (placed,) = [p for p in plan.placements if p.resource_id == LAMBDA]
    assert placed.engine_version is not None and placed.engine_version.version == "node20"
