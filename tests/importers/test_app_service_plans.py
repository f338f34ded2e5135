"""An Azure app runs on its App Service plan's machine: it is never priced as a second one."""

from __future__ import annotations

import json
from pathlib import Path

import cloudexit
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory

SUB = "/subscriptions/00000000-0000-0000-0000-000000000001"


def _arm_list(path: Path, items: list[dict[str, object]]) -> Path:
    """A resource list as ``GET /subscriptions/{id}/resources`` returns it: no properties."""
    path.write_text(json.dumps({"value": items}), encoding="utf-8")
    return path


def _plan_of(inventory: Inventory) -> cloudexit.Plan:
    return cloudexit.plan(inventory, cloudexit.Policy(targets=["ovhcloud"]))


def test_a_function_app_naming_no_plan_runs_on_the_plan_of_its_name(shared_dir: Path) -> None:
    inventory = import_files([shared_dir / "corpus" / "azure-arm-resources-list-c7n.json"])
    by_name = {(r.type, r.name): r for r in inventory.resources}
    plan_resource = by_name[("microsoft.web/serverfarms", "cloud-custodian-test")]
    assert ("microsoft.web/sites", "cloud-custodian-test") not in by_name
    assert plan_resource.members == [
        f"{plan_resource.id.rsplit('/serverfarms/', 1)[0]}/sites/cloud-custodian-test"
    ]
    plan = _plan_of(inventory)
    placed = {p.resource_id for p in plan.placements}
    assert not any("/microsoft.web/sites/cloud-custodian-test" in rid for rid in placed)
    assert plan_resource.id in placed
    said = [w for w in plan.warnings if w.startswith("App Service plan cloud-custodian-test")]
    assert len(said) == 1 and "no serverFarmId" in said[0]


def test_a_web_app_on_a_plan_the_export_lacks_is_said_to_be_so(shared_dir: Path) -> None:
    inventory = import_files([shared_dir / "corpus" / "azure-arm-resources-list-c7n.json"])
    plan = _plan_of(inventory)
    said = [w for w in plan.warnings if w.startswith("app cctestwebapp ")]
    assert len(said) == 1
    assert "serviceplane63a2834-992c" in said[0] and "does not hold" in said[0]


def test_apps_on_one_absent_plan_are_one_machine(tmp_path: Path) -> None:
    rg = f"{SUB}/resourceGroups/web"
    tag = f"hidden-related:{SUB}/resourceGroups/other/providers/Microsoft.Web/serverfarms/shared"
    apps = [
        {
            "id": f"{rg}/providers/Microsoft.Web/sites/{name}",
            "name": name,
            "type": "Microsoft.Web/sites",
            "kind": "app,linux",
            "location": "westeurope",
            "tags": {tag: "empty"},
        }
        for name in ("alpha", "beta", "gamma")
    ]
    inventory = import_files([_arm_list(tmp_path / "list.json", apps)])
    kept = [r for r in inventory.resources if r.type == "microsoft.web/sites"]
    assert [r.name for r in kept] == ["alpha"]
    assert len(kept[0].members) == 2
    plan = _plan_of(inventory)
    assert len(plan.placements) + len(plan.unplaced) == 1
    said = [w for w in plan.warnings if w.startswith("app alpha ")]
    assert len(said) == 1 and "3 apps on that plan" in said[0]


def test_an_app_naming_no_plan_and_matching_none_names_its_group_s_plans(tmp_path: Path) -> None:
    rg = f"{SUB}/resourceGroups/web"
    items = [
        {
            "id": f"{rg}/providers/Microsoft.Web/serverFarms/plan-a",
            "name": "plan-a",
            "type": "Microsoft.Web/serverFarms",
            "sku": {"name": "B1", "tier": "Basic", "capacity": 1},
            "kind": "linux",
            "location": "westeurope",
        },
        {
            "id": f"{rg}/providers/Microsoft.Web/sites/shop",
            "name": "shop",
            "type": "Microsoft.Web/sites",
            "kind": "app,linux",
            "location": "westeurope",
        },
    ]
    inventory = import_files([_arm_list(tmp_path / "list.json", items)])
    assert len(inventory.resources) == 2
    said = [w for w in _plan_of(inventory).warnings if w.startswith("app shop ")]
    assert len(said) == 1 and "plan-a" in said[0] and "counted twice" in said[0]


def test_the_warning_on_a_windows_app_says_what_the_plan_did(shared_dir: Path) -> None:
    """cctestwebapp is a Windows app (ARM kind ``web``) on a plan the export lacks: OVHcloud
    prices no Windows licence, so no target places it; Scaleway does."""
    inventory = import_files([shared_dir / "corpus" / "azure-arm-resources-list-c7n.json"])
    app = next(r for r in inventory.resources if r.id.endswith("/sites/cctestwebapp"))
    assert app.attributes.os == "windows"
    for target, placed in (("ovhcloud", False), ("scaleway", True)):
        plan = cloudexit.plan(inventory, cloudexit.Policy(targets=[target], min_providers=1))
        assert (app.id in {p.resource_id for p in plan.placements}) is placed
        (said,) = [w for w in plan.warnings if w.startswith("app cctestwebapp ")]
        assert ("planned as one machine" in said) is placed, target
        assert ("no target could place it" in said) is not placed, target
