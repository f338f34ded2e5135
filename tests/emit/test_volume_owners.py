"""A block volume is mounted by a server or stands alone: a snapshot, an image or a bucket made
from it never owns it. Checked on a real Terraform plan where a snapshot names the volume its
instance mounts, on every target."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import hcl2
import pytest

from cloudexit import api
from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.runbook import runbook_context
from cloudexit.emit.terraform import build_sites, render_site
from cloudexit.emit.terraform.site import Site, slug
from cloudexit.emit.terraform.targets import VOLUME_HOSTS
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy

PLAN = "tfplan-aws-55res-checkov.json"
VOLUME = "aws_ebs_volume.web_host_storage"
SERVER = "aws_instance.web_host"
SNAPSHOT = "aws_ebs_snapshot.example_snapshot"
SITES = [
    ("ionos", "de/fra"),
    ("ovhcloud", "GRA9"),
    ("scaleway", "fr-par"),
    ("opennebula", "default"),
]


@functools.cache
def catalog() -> Catalog:
    return load_catalog()


def corpus(shared_dir: Path, without: str | None = None) -> Inventory:
    inventory = import_files([shared_dir / "corpus" / PLAN], planned=True)
    if without is not None:
        inventory.resources = [r for r in inventory.resources if not r.id.endswith(without)]
    return inventory


def planned(inventory: Inventory, provider: str, region: str) -> Plan:
    """The optimiser's own plan on one site: the snapshot lands beside the volume as the
    object storage the catalogue maps it to."""
    policy = Policy(targets=[provider], residency={"allowed_regions": [f"{provider}/{region}"]})
    return api.plan(inventory, policy, catalog())


def address(inventory: Inventory, suffix: str) -> str:
    (found,) = [r.id for r in inventory.resources if r.id.endswith(suffix)]
    return found


def written(files: dict[str, str], rtype: str, site: Site | None = None) -> list[dict[str, Any]]:
    """Every resource of ``rtype`` written, less the data volumes of ``site``'s self-managed
    services (a server's own data, not a source volume)."""
    data = {f'"{i.data_local}"' for i in site.items if i.data_local} if site else set()
    return [
        body
        for name, text in files.items()
        if name.endswith(".tf")
        for entry in hcl2.loads(text).get("resource", [])
        for local, body in entry.get(rtype, {}).items()
        if local not in data
    ]


@pytest.mark.parametrize(("provider", "region"), SITES)
def test_the_instance_mounts_its_volume_and_the_snapshot_owns_nothing(provider, region, shared_dir):
    inventory = corpus(shared_dir)
    snapshot = next(r for r in inventory.resources if r.id.endswith(SNAPSHOT))
    assert address(inventory, VOLUME) in snapshot.depends_on  # the real plan's own link
    env = make_environment()
    (site,) = build_sites(planned(inventory, provider, region), env, catalog())
    owners = {
        v.resource.id: item
        for item in site.items
        for v in item.volumes
        if v.resource.kind == Kind.BLOCK_VOLUME
    }
    for owner in owners.values():
        assert owner.rtype in VOLUME_HOSTS
        assert owner.resource.kind in (Kind.VM, Kind.VM_GROUP)
    assert owners[address(inventory, VOLUME)].resource.id == address(inventory, SERVER)
    for item in site.items:
        if item.resource.kind == Kind.BLOCK_VOLUME and item.attached_to is not None:
            assert item.attached_to.rtype in VOLUME_HOSTS
    volumes = written(render_site(site, env), '"ionoscloud_volume"', site)
    for body in volumes:
        assert body["server_id"].split(".")[0].removeprefix("${") in VOLUME_HOSTS
    assert len(volumes) == (1 if provider == "ionos" else 0)
    assert not runbook_context(planned(inventory, provider, region), catalog(), env)[
        "loose_volumes"
    ]


@pytest.mark.parametrize(("provider", "region"), SITES)
def test_a_volume_whose_server_is_not_there_stands_alone_and_the_runbook_says_so(
    provider, region, shared_dir
):
    inventory = corpus(shared_dir, without=SERVER)
    env = make_environment()
    plan = planned(inventory, provider, region)
    (site,) = build_sites(plan, env, catalog())
    assert all(not item.volumes for item in site.items)
    files = render_site(site, env)
    (row,) = runbook_context(plan, catalog(), env)["loose_volumes"]
    volume = next(r for r in inventory.resources if r.id.endswith(VOLUME))
    assert row["volume"] == volume.name
    assert row["site"] == f"{provider}/{region}"
    if provider == "ionos":
        assert row["outcome"].startswith("not written: IONOS volumes belong to a server")
        assert written(files, '"ionoscloud_volume"', site) == []
    else:
        assert row["outcome"].startswith("written on its own as ")
        (body,) = written(files, f'"{row["outcome"].split()[-1]}"', site)
        assert body["name"].strip('"') == slug(volume.name)
    runbook = env.get_template("runbook/runbook.md.j2").render(
        **runbook_context(plan, catalog(), env)
    )
    assert "## Volumes without a server" in runbook
    assert f"| {provider}/{region} | {volume.name} |" in runbook
