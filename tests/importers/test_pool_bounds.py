"""A node pool's autoscaling bounds, where its source sets them, kept as min_nodes/max_nodes;
a fixed pool (autoscaling off, or one size allowed) has none."""

from __future__ import annotations

import json
from pathlib import Path

from cloudexit.importers import import_file
from cloudexit.importers.aws_shapes import eks_nodegroup
from cloudexit.model.kinds import Kind
from cloudexit.model.scaling import scaling_bounds
from tests.helpers import tfstate, tfstate_resource

DATA = Path(__file__).resolve().parents[1] / "data"
AKS = (
    "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-app/providers/"
    "Microsoft.ContainerService/managedClusters/k8s"
)


def _bounds(resource) -> tuple[int | None, int | None]:
    return resource.attributes.min_nodes, resource.attributes.max_nodes


def _pools(path: Path) -> dict[str, tuple[int | None, int | None]]:
    found = import_file(path).resources
    return {r.name: _bounds(r) for r in found if r.kind == Kind.KUBERNETES_NODE_POOL}


def test_rules():
    assert scaling_bounds(3, 2, 6) == {"min_nodes": 2, "max_nodes": 6}
    assert scaling_bounds(3, 2, 6, enabled=False) == {}
    assert scaling_bounds(3, 3, 3) == {}  # one size allowed: fixed
    assert scaling_bounds(3, 1, None) == {}
    assert scaling_bounds(8, 1, 5) == {"min_nodes": 1, "max_nodes": 8}  # holds the pool as it is


def test_cloud_asset_export_keeps_a_gke_pools_bounds():
    pools = _pools(DATA / "gcp" / "assets.jsonl")
    # the cluster runs in 3 zones and GKE's bounds are per zone: 1-5 in each
    assert pools == {"default-pool": (3, 15), "highmem": (None, None)}


def test_aks_pool_bounds_from_the_arm_export_and_the_state(tmp_path: Path):
    pool = {"name": "system", "vmSize": "Standard_D4s_v3", "count": 3}
    scaled = {**pool, "enableAutoScaling": True, "minCount": 2, "maxCount": 6}
    arm = {
        "value": [
            {
                "id": f"{AKS}{n}",
                "name": f"k8s{n}",
                "type": "Microsoft.ContainerService/managedClusters",
                "location": "westeurope",
                "properties": {"agentPoolProfiles": [profile]},
            }
            for n, profile in ((1, scaled), (2, pool))
        ]
    }
    (tmp_path / "arm.json").write_text(json.dumps(arm), encoding="utf-8")
    found = {
        r.id.split("/managedclusters/")[1]: _bounds(r)
        for r in import_file(tmp_path / "arm.json").resources
        if r.kind == Kind.KUBERNETES_NODE_POOL
    }
    assert found == {"k8s1/agentpools/system": (2, 6), "k8s2/agentpools/system": (None, None)}
    node_pool = {"name": "system", "vm_size": "Standard_D4s_v3", "node_count": 3}
    state = tfstate(
        [
            tfstate_resource(
                "azurerm",
                "azurerm_kubernetes_cluster",
                f"k8s{n}",
                {"id": f"{AKS}{n}", "name": f"k8s{n}", "location": "westeurope"}
                | {"default_node_pool": [pool_values]},
                [],
            )
            for n, pool_values in (
                (1, {**node_pool, "auto_scaling_enabled": True, "min_count": 2, "max_count": 6}),
                (2, {**node_pool, "auto_scaling_enabled": False}),
            )
        ]
    )
    (tmp_path / "aks.tfstate").write_text(json.dumps(state), encoding="utf-8")
    found = {
        r.id.split("/managedclusters/")[1]: _bounds(r)
        for r in import_file(tmp_path / "aks.tfstate").resources
        if r.kind == Kind.KUBERNETES_NODE_POOL
    }
    assert found == {"k8s1/agentpools/system": (2, 6), "k8s2/agentpools/system": (None, None)}


def test_eks_node_group_bounds_from_the_state_and_aws_config(tmp_path: Path):
    def group(name: str, low: int, high: int) -> dict:
        return tfstate_resource(
            "aws",
            "aws_eks_node_group",
            name,
            {
                "arn": f"arn:aws:eks:eu-west-1:123456789012:nodegroup/shop/{name}/1a",
                "cluster_name": "shop",
                "node_group_name": name,
                "instance_types": ["m5.xlarge"],
                "scaling_config": [{"desired_size": 2, "min_size": low, "max_size": high}],
            },
            [],
        )

    state = tfstate([group("scaled", 1, 4), group("fixed", 2, 2)])
    (tmp_path / "eks.tfstate").write_text(json.dumps(state), encoding="utf-8")
    found = {r.name: _bounds(r) for r in import_file(tmp_path / "eks.tfstate").resources}
    assert found == {"aws_eks_node_group.scaled": (1, 4), "aws_eks_node_group.fixed": (None, None)}
    config = {"ScalingConfig": {"DesiredSize": 2, "MinSize": 1, "MaxSize": 4}}
    fields = eks_nodegroup(config)
    assert (fields["node_count"], fields["min_nodes"], fields["max_nodes"]) == (2, 1, 4)
