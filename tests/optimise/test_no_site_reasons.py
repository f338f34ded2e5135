"""Why a resource has no site at all: a residency rule, or a service the catalogue holds unpriced."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from cloudexit.api import inventory as import_inventory
from cloudexit.api import plan as make_plan
from cloudexit.cli.main import run
from cloudexit.model.inventory import Inventory
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from tests.helpers import CORPUS

AZURE_VMS = "tfplan-azure-vms-tfcompliance.json"
AWS_55 = "tfplan-aws-55res-checkov.json"


@cache
def imported(name: str) -> Inventory:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{path} not present (the shared corpus sits beside the repository)")
    return import_inventory("import", path, planned=name.startswith("tfplan"))


def planned(name: str, **policy: object) -> Plan:
    return make_plan(imported(name), Policy.model_validate({"allow_retain": False, **policy}))


def test_residency_that_leaves_no_region_is_named_and_the_policy_is_infeasible() -> None:
    plan = planned(AZURE_VMS, targets=["ionos"], residency={"allowed_countries": ["JP"]})
    assert not plan.placements
    assert len(plan.unplaced) == 9
    for u in plan.unplaced:
        assert u.reason == "ionos: residency.allowed_countries [JP] leaves no region", u
    assert plan.solver.status.value == "infeasible"
    assert (
        "infeasible: residency.allowed_countries [JP] leaves no region of ionos: "
        "no resource can be placed" in plan.warnings
    )
    assert not any("no target offers this kind" in w for w in plan.warnings)


def test_residency_naming_regions_of_another_provider_is_named_too() -> None:
    plan = planned(
        AZURE_VMS,
        targets=["ionos"],
        residency={"allowed_regions": ["scaleway/fr-par"]},
    )
    assert {u.reason for u in plan.unplaced} == {
        "ionos: residency.allowed_regions [scaleway/fr-par] leaves no region"
    }


def test_the_command_stops_with_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    inventory = tmp_path / "inventory.json"
    inventory.write_text(imported(AZURE_VMS).model_dump_json())
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        "targets: [ionos]\nresidency:\n  allowed_countries: [JP]\nallow_retain: false\n"
    )
    code = run(["plan", str(inventory), "--policy", str(policy), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 2, err
    last = err.strip().splitlines()[-1]
    assert last.startswith(
        f"cloudexit: error: {policy}: infeasible: residency.allowed_countries [JP] leaves no "
        "region of ionos: no resource can be placed"
    )
    plan = json.loads((tmp_path / "o" / "plan.json").read_text())
    assert len(plan["unplaced"]) == 9


def test_a_catalogue_service_without_a_price_is_reported_as_missing_its_price() -> None:
    plan = planned(AWS_55, targets=["ionos"])
    registry = [u for u in plan.unplaced if u.kind == "container.registry"]
    assert len(registry) == 1
    assert (
        registry[0].reason
        == "ionos: IONOS Container Registry exists but has no price in the catalogue"
    )
    assert any(
        w.startswith("1 resource of kind container.registry has no option: ionos: IONOS Container")
        for w in plan.warnings
    )
    # Others still place the kind: only a target without the price is said to lack it.
    both = planned(AWS_55, targets=["ionos", "scaleway"])
    assert any(p.kind == "container.registry" for p in both.placements)
