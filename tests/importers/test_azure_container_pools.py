"""Azure container clusters own their machines: an ACS cluster's agentPoolProfiles are its
pools, an AKS cluster's availability-set machines fold into their pool, and an ACS cluster
read without properties takes its version from its machines' orchestrator tag."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cloudexit.importers import import_files
from cloudexit.model.kinds import Kind

SUB = "/subscriptions/11111111-2222-3333-4444-555555555555"


def _vm(group: str, name: str, tags: dict[str, str]) -> dict[str, Any]:
    return {
        "id": f"{SUB}/resourceGroups/{group}/providers/Microsoft.Compute/virtualMachines/{name}",
        "name": name,
        "type": "Microsoft.Compute/virtualMachines",
        "location": "westeurope",
        "tags": tags,
        "properties": {"hardwareProfile": {"vmSize": "Standard_D2s_v3"}},
    }


def _import(tmp_path: Path, *items: dict[str, Any]) -> Any:
    path = tmp_path / "resources.json"
    path.write_text(json.dumps({"value": list(items)}), encoding="utf-8")
    return import_files([path])


def test_real_acs_cluster_takes_its_version_from_its_machines(shared_dir: Path) -> None:
    inventory = import_files([shared_dir / "corpus" / "azure-arm-resources-list-c7n.json"])
    (cluster,) = [r for r in inventory.resources if r.kind is Kind.KUBERNETES_CLUSTER]
    assert (cluster.attributes.engine, cluster.attributes.engine_version) == (
        "kubernetes",
        "1.7.7",
    )
    (pool,) = [r for r in inventory.resources if r.kind is Kind.KUBERNETES_NODE_POOL]
    assert pool.attributes.node_count == 3


def test_acs_agent_pool_profiles_are_read_as_pools(tmp_path: Path) -> None:
    acs = {
        "id": f"{SUB}/resourceGroups/acs-rg/providers/Microsoft.ContainerService/containerServices/acs1",
        "name": "acs1",
        "type": "Microsoft.ContainerService/containerServices",
        "location": "westeurope",
        "properties": {
            "orchestratorProfile": {
                "orchestratorType": "Kubernetes",
                "orchestratorVersion": "1.8.1",
            },
            "masterProfile": {"count": 1, "dnsPrefix": "acs1-mgmt", "vmSize": "Standard_D2_v2"},
            "agentPoolProfiles": [
                {"name": "agentpool1", "count": 3, "vmSize": "Standard_D4s_v3", "osType": "Linux"}
            ],
        },
    }
    tags = {"creationSource": "acs-k8s-agentpool1-1234-0", "poolName": "agentpool1"}
    inventory = _import(
        tmp_path,
        acs,
        _vm("acs-rg", "k8s-agentpool1-1234-0", tags),
        _vm(
            "acs-rg",
            "k8s-agentpool1-1234-1",
            {**tags, "creationSource": "acs-k8s-agentpool1-1234-1"},
        ),
    )
    (cluster,) = [r for r in inventory.resources if r.kind is Kind.KUBERNETES_CLUSTER]
    assert (cluster.attributes.engine, cluster.attributes.engine_version) == ("kubernetes", "1.8.1")
    (pool,) = [r for r in inventory.resources if r.kind is Kind.KUBERNETES_NODE_POOL]
    assert pool.name == "agentpool1"
    assert "known_from" not in pool.attributes.details  # read from the cluster, not guessed
    assert pool.attributes.instance_type == "Standard_D4s_v3"
    assert pool.attributes.node_count == 3
    assert not [r for r in inventory.resources if r.kind is Kind.VM]
    assert len(pool.members) == 2


def test_aks_availability_set_machines_fold_into_their_pool(tmp_path: Path) -> None:
    aks = {
        "id": f"{SUB}/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1",
        "name": "aks1",
        "type": "Microsoft.ContainerService/managedClusters",
        "location": "westeurope",
        "properties": {
            "kubernetesVersion": "1.29.4",
            "agentPoolProfiles": [
                {
                    "name": "nodepool1",
                    "count": 2,
                    "vmSize": "Standard_D2s_v3",
                    "type": "AvailabilitySet",
                }
            ],
        },
    }
    node = "MC_rg1_aks1_westeurope"
    made = {"poolName": "nodepool1", "orchestrator": "Kubernetes:1.29.4"}
    inventory = _import(
        tmp_path,
        aks,
        _vm(node, "aks-nodepool1-1234-0", {**made, "creationSource": "aks-aks-nodepool1-1234-0"}),
        _vm(node, "aks-nodepool1-1234-1", {**made, "creationSource": "aks-aks-nodepool1-1234-1"}),
        _vm("other-rg", "app-1", {"poolName": "nodepool1"}),  # not made by AKS: stays
    )
    vms = [r.name for r in inventory.resources if r.kind is Kind.VM]
    assert vms == ["app-1"]
    (pool,) = [r for r in inventory.resources if r.kind is Kind.KUBERNETES_NODE_POOL]
    assert len(pool.members) == 2
