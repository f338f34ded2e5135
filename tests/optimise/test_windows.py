"""Windows VMs keep their OS: priced with a licence where a target sells one, with the licence
brought from elsewhere and named, or left; never Windows at a Linux price silently."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from cloudexit.catalog import load_catalog
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import write_terraform
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.policy import Policy
from cloudexit.optimise import plan
from cloudexit.tfcheck.facts import load_facts
from cloudexit.tfcheck.schema_check import check_schema
from tests.helpers import resource


def _vm(rid: str, os: str | None) -> Resource:
    return Resource.model_validate(
        {
            **resource(rid),
            "attributes": {"vcpu": 4, "memory_gib": 16, "os": os},
            "monthly_cost": {"amount": "274.48", "currency": "USD", "source": "test"},
        }
    )


def _plan(*resources: Resource, **policy: Any) -> Any:
    settings = {"allow_retain": False, **policy}
    return plan(Inventory(resources=list(resources)), load_catalog(), Policy(**settings))


def _product(option: Any) -> Any:
    return load_catalog().product(option.provider, option.product)


def test_a_windows_vm_goes_where_the_licence_is_priced(tmp_path: Path) -> None:
    result = _plan(_vm("erp", "windows"), targets=["ovhcloud", "scaleway"])
    (placed,) = result.placements
    assert _product(placed.choice).specs.os == "windows"
    assert not [w for w in result.warnings if "Windows licence" in w]
    catalog = load_catalog()
    write_terraform(result, tmp_path, make_environment(), catalog)
    written = "\n".join(f.read_text() for f in sorted(tmp_path.rglob("*.tf")))
    # a running machine boots the image exported from it, Windows guests included (the
    # runbook's virt-v2v step); one a Terraform plan would create boots the target's Windows image
    assert re.search(r'image\s*=\s*var\.migrated_images\["erp"\]', written)
    planned = Resource.model_validate({**_vm("new", "windows").model_dump(), "planned": True})
    result = _plan(planned, targets=["ovhcloud", "scaleway"])
    write_terraform(result, tmp_path / "planned", make_environment(), catalog)
    written = "\n".join(f.read_text() for f in sorted((tmp_path / "planned").rglob("*.tf")))
    assert re.search(r"image\s*=\s*var\.windows_image", written)
    assert [f for f in check_schema(tmp_path, load_facts()) if f.severity == "error"] == []


def test_without_a_licence_price_a_windows_vm_is_not_placed_at_a_linux_price() -> None:
    result = _plan(_vm("erp", "windows"), targets=["ovhcloud"])
    assert result.placements == []
    (left,) = result.unplaced
    assert "no target price for a Windows Server licence" in left.reason


def test_a_brought_licence_is_named_in_a_warning() -> None:
    result = _plan(
        _vm("erp", "Windows Server 2019"), targets=["ovhcloud"], windows="bring_own_licence"
    )
    (placed,) = result.placements
    assert _product(placed.choice).specs.os is None
    assert [w for w in result.warnings if w.startswith("Windows licence for erp not priced")]


def test_leave_keeps_windows_vms_out_of_the_plan() -> None:
    result = _plan(_vm("erp", "windows"), _vm("web", "linux"), windows="leave")
    assert [(u.resource_id, u.code) for u in result.unplaced] == [("erp", "windows")]
    assert [p.resource_id for p in result.placements] == ["web"]


def test_a_linux_vm_never_takes_a_windows_product() -> None:
    result = _plan(_vm("web", "linux"), _vm("db", None), targets=["scaleway"])
    assert all(_product(p.choice).specs.os is None for p in result.placements)
