"""Source tags reach every target's Terraform whole: a value such as an office-hours schedule is
written as the source holds it where the target's argument takes it, and kept as a warned
comment (and a README cell) where the argument cannot hold it, never slugged to fit."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import hcl2
import pytest

from cloudexit.api import load_inventory
from cloudexit.catalog.loader import load_catalog
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import build_sites, render_site
from cloudexit.emit.terraform.tags import carry
from cloudexit.model.inventory import Inventory
from tests.emit.whole_plans import whole_plan

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "estate"
SCHEDULE = "Mon-Fri 08:00-18:00 Europe/Paris"
VM = "arn:aws:ec2:us-east-1:123456789012:instance/i-0web01"
SITES = {"scaleway": "fr-par", "ovhcloud": "GRA11", "ionos": "de/fra", "opennebula": "default"}


def tagged() -> Inventory:
    """The example, with an office-hours schedule and a team tag on every resource."""
    inventory = load_inventory(EXAMPLE / "inventory.json")
    for resource in inventory.resources:
        resource.tags["schedule"] = SCHEDULE
        resource.tags["Cost Centre"] = "R&D / 42"
    return inventory


@functools.cache
def files(provider: str) -> dict[str, str]:
    env = make_environment()
    plan = whole_plan(tagged(), provider, SITES[provider])
    (site,) = build_sites(plan, env, load_catalog())
    return render_site(site, env)


def resources(provider: str) -> dict[str, dict[str, Any]]:
    found = {}
    for name, text in files(provider).items():
        if name.endswith(".tf"):
            for entry in hcl2.loads(text).get("resource", []):
                for rtype, bodies in entry.items():
                    for local, body in bodies.items():
                        found[f"{rtype.strip(chr(34))}.{local.strip(chr(34))}"] = body
    return found


def unquote(value: str) -> str:
    return value[1:-1] if value.startswith('"') and value.endswith('"') else value


def test_scaleway_tags_hold_key_and_value_whole():
    found = resources("scaleway")
    server = found["scaleway_instance_server.shop_web_1"]
    tags = [unquote(t) for t in server["tags"]]
    assert f"schedule={SCHEDULE}" in tags
    assert "Cost Centre=R&D / 42" in tags
    assert any(t.startswith("cloudexit-source=") for t in tags)


def test_ionos_labels_hold_key_and_value_whole():
    found = resources("ionos")
    (server,) = [b for a, b in found.items() if a.startswith("ionoscloud_server.shop_web_1")]
    labels = {unquote(lab["key"]): unquote(lab["value"]) for lab in server["label"]}
    assert labels["schedule"] == SCHEDULE
    assert labels["Cost Centre"] == "R&D / 42"


def test_kubernetes_labels_keep_what_they_cannot_hold_as_a_warning():
    found = resources("ionos")
    pools = [b for a, b in found.items() if a.startswith("ionoscloud_k8s_node_pool.")]
    assert pools
    for pool in pools:
        labels = {unquote(k): unquote(v) for k, v in pool["labels"].items()}
        # Kubernetes label values take no spaces or '/': the tag is not written, not altered
        assert "schedule" not in labels and "Cost Centre" not in labels
        assert not any("mon-fri" in v for v in labels.values())
    text = "\n".join(files("ionos").values())
    assert f"# warning: source tag schedule={SCHEDULE} is not written" in text
    (row,) = [
        r for r in files("ionos")["README.md"].splitlines() if "ionoscloud_k8s_node_pool" in r
    ][:1]
    assert "warning: `schedule` = `Mon-Fri 08:00-18:00 Europe/Paris`" in row


@pytest.mark.parametrize(
    ("provider", "address"),
    [
        ("opennebula", "opennebula_virtual_machine.shop_web_1"),
        ("ovhcloud", "ovh_cloud_project_storage.retail_analytics_prod_lake"),
    ],
)
def test_tag_maps_hold_values_whole(provider, address):
    body = resources(provider)[address]
    (tags,) = body["tags"] if isinstance(body["tags"], list) else [body["tags"]]
    tags = {unquote(k): unquote(v) for k, v in tags.items()}
    assert tags["schedule"] == SCHEDULE


def test_a_key_opennebula_cannot_name_is_a_warned_comment():
    body = resources("opennebula")["opennebula_virtual_machine.shop_web_1"]
    assert "Cost Centre" not in {unquote(k) for k in body["tags"]}
    assert (
        "# warning: source tag Cost Centre=R&D / 42 is not written"
        in files("opennebula")["compute.tf"]
    )


@pytest.mark.parametrize("rtype", ["scaleway_k8s_pool", "scaleway_instance_server"])
def test_a_key_holding_equals_cannot_pass_as_a_taint_in_a_key_value_list(rtype: str) -> None:
    kept, left = carry(rtype, {"taint=dedicated": "true:NoSchedule", "team": "a=b"}, {})
    assert kept == {"team": "a=b"}
    assert [(t.key, "holding '='" in t.reason) for t in left] == [("taint=dedicated", True)]
