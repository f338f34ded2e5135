"""Machines a group runs are folded into the group: not planned, built or paid for twice."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from cloudexit.importers import import_files
from cloudexit.importers.focus import apply_bill
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.io import load_inventory
from cloudexit.model.members import fold_issues
from tests.helpers import EXAMPLE, resource

FOCUS = Path(__file__).resolve().parents[1] / "data" / "focus" / "aws-focus-1.0.csv"
WEB = "arn:aws:ec2:us-east-1:123456789012:instance/i-0web01"


def _estate(*items: dict) -> dict[str, Resource]:
    return {r["id"]: Resource.model_validate(r) for r in items}


def _machines(inventory: Inventory) -> int:
    return sum(
        (r.attributes.node_count or 0) if r.kind.value != "compute.vm" else 1
        for r in inventory.resources
        if r.kind.value in ("compute.vm", "compute.vm_group", "kubernetes.node_pool")
    )


def test_a_gke_node_pool_takes_its_group_manager_and_instance_group_from_a_real_export(
    shared_dir: Path,
):
    inventory = import_files([shared_dir / "corpus" / "gcp-cai-export-forseti.jsonl"])
    by_id = inventory.by_id()
    pool = next(r for r in inventory.resources if r.kind.value == "kubernetes.node_pool")
    # the manager's instance template comes along with it
    assert [m.rsplit("/", 2)[-2] for m in pool.members] == [
        "instanceTemplates",
        "instanceGroups",
        "instanceGroupManagers",
    ]
    assert not set(pool.members) & set(by_id)
    # bs-1-ig-1 only lists three instances the export holds: the backend names them instead
    backend = next(r for r in inventory.resources if r.id.endswith("/backendServices/bs-1"))
    assert [d.rsplit("/", 1)[-1] for d in backend.depends_on if "/instances/" in d] == [
        "iap_instance1",
        "iap_instance2",
        "iap_instance3",
    ]
    assert not any(r.id.endswith("/instanceGroups/bs-1-ig-1") for r in inventory.resources)
    # 3 node-pool machines, 3 of igm-1 and 4 instances; 19 before (every list counted as machines)
    assert _machines(inventory) == 10
    skipped = [i for i in inventory.issues if i.resource_id and "instanceGroup" in i.resource_id]
    assert len(skipped) == 3 and all(i.code == "skipped" for i in skipped)


def test_eks_nodes_their_scaling_group_and_disks_fold_into_the_node_pool():
    pool_id = "arn:aws:eks:eu-west-1:123456789012:nodegroup/shop/general/1a2b"
    asg_id = "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:1:autoScalingGroupName/eks-general-1a2b"
    tags = {"eks:nodegroup-name": "general", "eks:cluster-name": "shop"}
    node = {**tags, "aws:autoscaling:groupName": "eks-general-1a2b"}
    resources = _estate(
        resource(pool_id, "kubernetes.node_pool", name="general", region="eu-west-1"),
        resource(
            asg_id, "compute.vm_group", name="eks-general-1a2b", region="eu-west-1", tags=tags
        ),
        resource("i-1", region="eu-west-1", tags=node, depends_on=["vol-1"]),
        resource("i-2", region="eu-west-1", tags=node),
        resource(
            "vol-1", "storage.block", type="AWS::EC2::Volume", region="eu-west-1", depends_on=[]
        ),
        resource("i-alone", region="eu-west-1", tags={"aws:autoscaling:groupName": "gone"}),
        resource(
            "tg", "network.target_group", region="eu-west-1", depends_on=["i-1", "i-2", "i-alone"]
        ),
    )
    issues = fold_issues(resources, "aws")
    assert sorted(resources) == [pool_id, "i-alone", "tg"]
    assert resources[pool_id].members == sorted([asg_id, "i-1", "i-2", "vol-1"])
    assert {i.resource_id for i in issues} == {asg_id, "i-1", "i-2", "vol-1"}
    assert all(i.scope == pool_id for i in issues)
    assert resources["tg"].depends_on == [pool_id, "i-alone"]


def test_an_aks_scale_set_folds_into_its_node_pool_by_the_node_resource_group():
    sub = "/subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups"
    pool = f"{sub}/rg-portal/providers/microsoft.containerservice/managedclusters/aks-portal/agentpools/default"
    other = f"{sub}/rg-other/providers/microsoft.containerservice/managedclusters/aks-x/agentpools/default"
    vmss = f"{sub}/mc_rg-portal_aks-portal_westeurope/providers/microsoft.compute/virtualmachinescalesets/aks-default-1"
    common = {"provider": "azure", "account": "7d1c2a9e", "region": "westeurope"}
    resources = _estate(
        resource(pool, "kubernetes.node_pool", name="default", **common),
        resource(other, "kubernetes.node_pool", name="default", **common),
        resource(
            vmss,
            "compute.vm_group",
            name="aks-default-1",
            tags={"aks-managed-poolName": "default"},
            **common,
        ),
    )
    fold_issues(resources, "azure")
    assert sorted(resources) == sorted([pool, other])
    assert resources[pool].members == [vmss] and resources[other].members == []


def test_a_bill_line_of_a_folded_machine_lands_on_its_group():
    example = load_inventory(EXAMPLE / "inventory.json")
    web = example.by_id()[WEB]
    group = Resource.model_validate(
        resource("asg-web", "compute.vm_group", members=[WEB], monthly_cost=None)
    )
    estate = example.model_copy(
        update={"resources": [r for r in example.resources if r.id != web.id] + [group]}
    )
    billed = apply_bill(estate, [FOCUS], {})
    assert billed.by_id()["asg-web"].monthly_cost.amount == Decimal("68.00")


def test_an_aurora_cluster_takes_its_instances_as_nodes_class_and_cost():
    def member(name: str, size: str, vcpu: int, memory: int, cost: str) -> dict:
        return resource(
            name,
            "database.postgresql",
            type="AWS::RDS::DBInstance",
            attributes={"instance_type": size, "vcpu": vcpu, "memory_gib": memory},
            monthly_cost={"amount": cost, "currency": "EUR", "source": "list price"},
            depends_on=["ledger"],
        )

    resources = _estate(
        resource(
            "ledger",
            "database.postgresql",
            type="AWS::RDS::DBCluster",
            attributes={"storage_gib": 50},
            monthly_cost=None,
        ),
        member("ledger-writer", "db.r6g.xlarge", 4, 32, "400.00"),
        member("ledger-reader", "db.r6g.large", 2, 16, "200.00"),
    )
    issues = fold_issues(resources, "aws")
    assert list(resources) == ["ledger"]
    cluster = resources["ledger"]
    assert cluster.members == ["ledger-reader", "ledger-writer"]
    a = cluster.attributes
    assert (a.node_count, a.high_availability, a.instance_type) == (2, True, "db.r6g.xlarge")
    assert cluster.monthly_cost is not None and cluster.monthly_cost.amount == Decimal("600.00")
    assert [i.resource_id for i in issues] == ["ledger-reader", "ledger-writer"]


def test_a_cluster_keeps_its_own_figure_and_an_unpriced_instance_leaves_it_unknown():
    resources = _estate(
        resource("c", "database.mysql", type="aws_rds_cluster", monthly_cost=None),
        resource("c-1", "database.mysql", type="aws_rds_cluster_instance", depends_on=["c"]),
        resource(
            "c-2",
            "database.mysql",
            type="aws_rds_cluster_instance",
            depends_on=["c"],
            monthly_cost=None,
        ),
    )
    fold_issues(resources, "import")
    # one of two instances has no price: a sum of the other would understate today's cost
    assert resources["c"].monthly_cost is None and resources["c"].attributes.node_count == 2
