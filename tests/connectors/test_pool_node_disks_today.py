"""An EKS managed node group's and an AKS pool's nodes each have a disk billed beside the
machine (an EBS root volume; a managed OS disk, where ephemeral ones live in the VM's price).
Today's cost held the machines only, as if those disks were free."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cloudexit.importers import import_files
from cloudexit.model.inventory import MonthlyCost
from tests.helpers import tfstate, tfstate_resource

CLUSTER = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/k8s"


def _cost(tmp_path: Path, provider: str, tf_type: str, values: dict[str, Any]) -> MonthlyCost:
    path = tmp_path / "terraform.tfstate"
    state = tfstate([tfstate_resource(provider, tf_type, "pool", values, [])])
    path.write_text(json.dumps(state), encoding="utf-8")
    (pool,) = [r for r in import_files([path]).resources if r.kind.value == "kubernetes.node_pool"]
    assert pool.monthly_cost is not None
    return pool.monthly_cost


def _aks_pool(**disk: Any) -> dict[str, Any]:
    return {
        "id": f"{CLUSTER}/agentPools/user",
        "name": "user",
        "kubernetes_cluster_id": CLUSTER,
        "vm_size": "Standard_D2s_v3",
        "node_count": 3,
        "location": "westeurope",
        **disk,
    }


def test_an_aks_pools_managed_os_disks_are_priced_at_their_premium_tier(tmp_path: Path) -> None:
    machines_only = _cost(
        tmp_path,
        "azurerm",
        "azurerm_kubernetes_cluster_node_pool",
        _aks_pool(os_disk_type="Ephemeral", os_disk_size_gb=100),
    )
    managed = _cost(
        tmp_path,
        "azurerm",
        "azurerm_kubernetes_cluster_node_pool",
        _aks_pool(os_disk_type="Managed", os_disk_size_gb=100),
    )
    assert "3 node OS disks of 100 GiB as tier P10" in managed.source
    assert managed.amount > machines_only.amount
    assert "OS disk" not in machines_only.source


def test_an_aks_pools_os_disks_of_unknown_type_are_named_not_priced(tmp_path: Path) -> None:
    cost = _cost(
        tmp_path, "azurerm", "azurerm_kubernetes_cluster_node_pool", _aks_pool(os_disk_size_gb=100)
    )
    assert "3 node OS disks not included (managed or ephemeral unknown)" in cost.source


def test_a_managed_os_disk_of_no_set_size_takes_aks_default_by_vcpus(tmp_path: Path) -> None:
    cost = _cost(
        tmp_path,
        "azurerm",
        "azurerm_kubernetes_cluster_node_pool",
        _aks_pool(os_disk_type="Managed"),
    )
    assert "3 node OS disks of 128 GiB as tier P10" in cost.source


@pytest.mark.parametrize(
    ("values", "said"),
    [
        ({"disk_size": 80}, "3 node root disks of 80 GiB at the gp3 rate"),
        ({}, "3 node root disks of 20 GiB at the gp3 rate"),
        ({"ami_type": "WINDOWS_CORE_2022_x86_64"}, "node root disks of 50 GiB"),
        (
            {"launch_template": [{"id": "lt-1", "version": "1"}]},
            "set by the node group's launch template",
        ),
    ],
)
def test_an_eks_node_groups_root_disks_are_named_in_todays_cost(
    tmp_path: Path, values: dict[str, Any], said: str
) -> None:
    group = {
        "arn": "arn:aws:eks:eu-west-1:123456789012:nodegroup/k8s/workers/1",
        "cluster_name": "k8s",
        "node_group_name": "workers",
        "instance_types": ["m5.large"],
        "scaling_config": [{"desired_size": 3, "min_size": 1, "max_size": 5}],
        **values,
    }
    cost = _cost(tmp_path, "aws", "aws_eks_node_group", group)
    assert "x3 machines" in cost.source
    assert said in cost.source
