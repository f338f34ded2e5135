"""A GKE pool's node count and autoscaling bounds are per zone: a regional pool runs them in
each of its zones, so the whole pool is priced and written at that many times the count. Shaped
on the real Cloud Asset export's cluster (Forseti's), made regional."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cloudexit import api
from cloudexit.importers import import_file
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind
from tests.emit.test_firewall_appliance import catalog
from tests.helpers import corpus_file, one_target_policy, tfstate, tfstate_resource

ZONES = ["us-central1-a", "us-central1-b", "us-central1-c"]


def recorded_cluster() -> dict[str, Any]:
    with corpus_file("gcp-cai-export-forseti.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            asset = json.loads(line)
            if asset["asset_type"] == "container.googleapis.com/Cluster":
                return asset
    raise AssertionError("the export holds a GKE cluster")


def regional(asset: dict[str, Any], pool_zones: bool, **autoscaling: Any) -> dict[str, Any]:
    """The recorded cluster as a regional one: its pool's instance group in each zone (one per
    zone, as GKE makes them), the zones named on the pool or only on the cluster."""
    asset = json.loads(json.dumps(asset))
    data = asset["resource"]["data"]
    asset["name"] = asset["name"].replace("/us-central1-a/", "/us-central1/")
    data.pop("zone", None)
    data["location"], data["locations"] = "us-central1", ZONES
    pool = data["nodePools"][0]
    url = pool["instanceGroupUrls"][0]
    pool["instanceGroupUrls"] = [url.replace("us-central1-a", z) for z in ZONES]
    if pool_zones:
        pool["locations"] = ZONES
    pool["autoscaling"] = autoscaling
    return asset


def pool_of(tmp_path: Path, *assets: dict[str, Any]) -> Resource:
    path = tmp_path / "assets.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in assets), encoding="utf-8")
    pools = [r for r in import_file(path).resources if r.kind == Kind.KUBERNETES_NODE_POOL]
    assert len(pools) == 1
    return pools[0]


def test_a_zonal_pool_keeps_its_count(tmp_path: Path) -> None:
    pool = pool_of(tmp_path, recorded_cluster())
    assert pool.attributes.node_count == 3
    assert (pool.attributes.min_nodes, pool.attributes.max_nodes) == (None, None)


def test_a_regional_pool_counts_its_nodes_in_every_zone(tmp_path: Path) -> None:
    for pool_zones in (True, False):  # named on the pool, or inherited from the cluster
        pool = pool_of(tmp_path, regional(recorded_cluster(), pool_zones))
        assert pool.attributes.node_count == 9
        assert pool.attributes.details["nodes_per_zone"] == 3
    per_zone = regional(recorded_cluster(), True, enabled=True, minNodeCount=1, maxNodeCount=4)
    scaled = pool_of(tmp_path, per_zone).attributes
    assert (scaled.node_count, scaled.min_nodes, scaled.max_nodes) == (9, 3, 12)
    # total bounds are the whole pool's already
    total = regional(
        recorded_cluster(), True, enabled=True, totalMinNodeCount=6, totalMaxNodeCount=12
    )
    scaled = pool_of(tmp_path, total).attributes
    assert (scaled.node_count, scaled.min_nodes, scaled.max_nodes) == (9, 6, 12)


def test_a_regional_pool_is_priced_for_all_its_nodes(tmp_path: Path) -> None:
    costs = {}
    for name, asset in (
        ("zonal", recorded_cluster()),
        ("regional", regional(recorded_cluster(), True)),
    ):
        folder = tmp_path / name
        folder.mkdir()
        path = folder / "assets.jsonl"
        path.write_text(json.dumps(asset) + "\n", encoding="utf-8")
        plan = api.plan(api.inventory("import", path), one_target_policy("scaleway"), catalog())
        (pool,) = [p for p in plan.placements if p.kind == Kind.KUBERNETES_NODE_POOL.value]
        costs[name] = pool.choice.monthly_cost
    assert costs["regional"] == 3 * costs["zonal"]


def test_terraform_node_locations_multiply_the_count(tmp_path: Path) -> None:
    values = {
        "id": "projects/p/locations/us-central1/clusters/c/nodePools/pool",
        "name": "pool",
        "location": "us-central1",
        "cluster": "c",
        "node_count": 2,
        "node_locations": ZONES,
        "node_config": [{"machine_type": "e2-standard-4", "disk_size_gb": 100}],
        "autoscaling": [{"min_node_count": 1, "max_node_count": 3}],
    }
    state = tfstate([tfstate_resource("google", "google_container_node_pool", "pool", values, [])])
    path = tmp_path / "terraform.tfstate"
    path.write_text(json.dumps(state), encoding="utf-8")
    (pool,) = [r for r in import_file(path).resources if r.kind == Kind.KUBERNETES_NODE_POOL]
    a = pool.attributes
    assert (a.node_count, a.min_nodes, a.max_nodes) == (6, 3, 9)
