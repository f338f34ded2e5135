"""An AKS pool's or EKS managed node group's node disk at exactly the source's default (AKS's
128 GB OS disk for a VM below 8 vCPUs, EKS's 20 GiB root volume) states no need of the workload,
as GKE's 100 GB does: the target's flavour is chosen by CPU and memory, with a warning to check
ephemeral storage; a size the pool sets is held. An EKS group's root disks are priced today at
the catalogue's gp3 rate, not left out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cloudexit.api import load_catalog
from cloudexit.api import plan as make_plan
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.policy import Policy
from tests.helpers import tfstate, tfstate_resource

CLUSTER = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/k8s"
OVH = Policy.model_validate({"targets": ["ovhcloud"], "allow_retain": False})


def _aks(gib: int) -> tuple[str, str, dict[str, Any]]:
    return (
        "azurerm",
        "azurerm_kubernetes_cluster_node_pool",
        {
            "id": f"{CLUSTER}/agentPools/user",
            "name": "user",
            "kubernetes_cluster_id": CLUSTER,
            "vm_size": "Standard_D2s_v3",
            "node_count": 3,
            "location": "westeurope",
            "os_disk_type": "Managed",
            "os_disk_size_gb": gib,
        },
    )


def _eks(gib: int) -> tuple[str, str, dict[str, Any]]:
    return (
        "aws",
        "aws_eks_node_group",
        {
            "arn": "arn:aws:eks:eu-west-1:123456789012:nodegroup/k8s/workers/1",
            "cluster_name": "k8s",
            "node_group_name": "workers",
            "instance_types": ["m5.large"],
            "scaling_config": [{"desired_size": 3, "min_size": 1, "max_size": 5}],
            "disk_size": gib,
        },
    )


def _pool(tmp_path: Path, made: tuple[str, str, dict[str, Any]]) -> tuple[Inventory, Resource]:
    provider, tf_type, values = made
    path = tmp_path / "terraform.tfstate"
    state = tfstate([tfstate_resource(provider, tf_type, "pool", values, [])])
    path.write_text(json.dumps(state), encoding="utf-8")
    inventory = import_files([path])
    (pool,) = [r for r in inventory.resources if r.kind.value == "kubernetes.node_pool"]
    return inventory, pool


@pytest.mark.parametrize(
    ("made", "whose"),
    [
        (_aks(128), "AKS's default OS disk"),
        (_eks(20), "the EKS managed node group's default root volume"),
    ],
)
def test_a_default_node_disk_does_not_choose_the_flavour(
    tmp_path: Path, made: tuple[str, str, dict[str, Any]], whose: str
) -> None:
    inventory, pool = _pool(tmp_path, made)
    gib = pool.attributes.storage_gib
    plan = make_plan(inventory, OVH)
    (placed,) = [p for p in plan.placements if p.resource_id == pool.id]
    assert "node disk" not in (placed.dearer_than_today or "")
    said = [w for w in plan.warnings if w.startswith("node pool ") and "node disk" in w]
    assert len(said) == 1 and f"the source's {gib:g} GB node disk is {whose}" in said[0], said
    assert "ephemeral storage" in said[0]


@pytest.mark.parametrize("made", [_aks(150), _eks(150)])
def test_a_node_disk_the_pool_sets_is_held(
    tmp_path: Path, made: tuple[str, str, dict[str, Any]]
) -> None:
    inventory, pool = _pool(tmp_path, made)
    plan = make_plan(inventory, OVH)
    (placed,) = [p for p in plan.placements if p.resource_id == pool.id]
    assert placed.choice.product is not None
    specs = load_catalog().product("ovhcloud", placed.choice.product).specs
    assert (specs.local_storage_gib or 0) >= 150
    assert not [w for w in plan.warnings if w.startswith("node pool ") and "node disk" in w]


def test_an_eks_groups_root_disks_are_priced_today_at_the_gp3_rate(tmp_path: Path) -> None:
    _, pool = _pool(tmp_path, _eks(20))
    cost = pool.monthly_cost
    assert cost is not None
    assert "3 node root disks of 20 GiB at the gp3 rate" in cost.source
    catalog = load_catalog()
    gp3 = catalog.list_price("aws", "eu-west-1", "ebs-gp3", 60)
    machines = catalog.list_price("aws", "eu-west-1", "m5.large", 3)
    assert gp3 is not None and machines is not None
    assert cost.amount == machines.monthly_eur + gp3.monthly_eur
