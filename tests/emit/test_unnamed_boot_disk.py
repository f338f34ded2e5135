"""A running machine whose export names no boot disk still boots the image exported from it, as
the runbook's method for a machine says, and only a machine a Terraform plan would create boots a
fresh OS image."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cloudexit.api import emit as make_emit
from cloudexit.api import plan as make_plan
from cloudexit.model.policy import Policy
from tests.helpers import corpus_inventory

# The variable each target's servers read their imported image from.
IMAGES = {
    "ovhcloud": "migrated_image_ids",
    "ionos": "migrated_images",
    "scaleway": "migrated_images",
    "opennebula": "migrated_image_ids",
}


def _emitted(name: str, target: str, out: Path) -> tuple[str, str, str]:
    plan = make_plan(corpus_inventory(name), Policy.model_validate({"targets": [target]}))
    make_emit(plan, out)
    tf = [p for p in (out / "terraform").rglob("*.tf")]
    text = "\n".join(p.read_text() for p in tf if p.name != "variables.tf")
    variables = "\n".join(p.read_text() for p in tf if p.name == "variables.tf")
    return text, variables, (out / "runbook.md").read_text()


@pytest.mark.parametrize("target", sorted(IMAGES))
def test_a_server_whose_state_holds_only_its_id_boots_its_exported_image(
    target: str, tmp_path: Path
) -> None:
    # The OpenStack state's two servers hold nothing but their ids: no flavour, image or volume.
    # The runbook tells the reader to export each one's disk and name the image in the
    # Terraform's migrated-image variable; before, the Terraform booted a fresh OS image
    # (var.image_id on OpenNebula) and held no such variable, so the step could not be followed
    # and the servers' content was lost.
    text, variables, runbook = _emitted(
        "tfstate-v4-openstack-lb-inframap.tfstate.json", target, tmp_path / "out"
    )
    variable = IMAGES[target]
    for server in ("openstack-compute-instance-v2-aacfa", "openstack-compute-instance-v2-gzfyc"):
        assert f'var.{variable}["{server}"]' in text, (target, server)
    assert f'variable "{variable}"' in variables
    assert "its size not reported: set the root volume's to it" in text
    assert "name it for the machine in the Terraform's migrated_images" in runbook
    # the balancer's appliance is a machine the plan builds, not one that moves
    assert len(re.findall(rf"var\.{variable}\[", text)) == 2


def test_a_machine_a_terraform_plan_would_create_still_boots_a_fresh_image(
    tmp_path: Path,
) -> None:
    # Infracost's plan: six t3.nano run, six more would be created; only the running ones boot
    # an exported image.
    text, _, runbook = _emitted("tfplan-aws-infracost-v0.14.json", "scaleway", tmp_path / "out")
    assert len(re.findall(r"var\.migrated_images\[", text)) == 6
    assert len(re.findall(r"image += var\.image\n", text)) == 6
    assert "Build on the target, not the source (only a Terraform plan holds it)" in runbook
