"""A resource never joins a subnet copied from another cloud's network at its site.

Real exports: the recorded Resource Graph row (an Azure VM, cctestvm, naming its NIC, which the
export does not hold) and Checkov's AWS plan (two VPCs, four subnets) land on one site of each
target. The VM used to go into the first AWS subnet copy with a warning; it now goes into a
site network made for its cloud, and the choice is said."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import build_sites
from cloudexit.emit.terraform.subnet_choice import SUBNET_TYPES, cloud_of
from cloudexit.model.inventory import Inventory
from cloudexit.model.policy import Policy, Residency
from tests.helpers import corpus_inventory, inventory, one_target_policy, resource

AWS = "tfplan-aws-55res-checkov.json"
GRAPH = "azure-resourcegraph-table-response-c7n.json"
VM = (
    "/subscriptions/ea42f556-5106-4743-99b0-c129bfa71a47/resourcegroups/test_vm/providers/"
    "microsoft.compute/virtualmachines/cctestvm"
)
SITES = ["scaleway/fr-par", "ovhcloud/GRA11", "ionos/de/fra", "opennebula/default"]


@functools.cache
def catalog() -> Catalog:
    return load_catalog()


def both() -> Inventory:
    aws, azure = corpus_inventory(AWS), corpus_inventory(GRAPH)
    return aws.model_copy(update={"resources": [*aws.resources, *azure.resources]})


def one_site(site: str) -> Policy:
    target = site.split("/")[0]
    return one_target_policy(target).model_copy(
        update={"residency": Residency(allowed_regions=[site])}
    )


@pytest.mark.parametrize("site_name", SITES)
def test_an_azure_vm_beside_only_aws_networks_gets_a_network_of_its_own(site_name):
    plan = api.plan(both(), one_site(site_name), catalog())
    (site,) = build_sites(plan, make_environment(), catalog())
    attached = [i for i in site.items if i.rtype in SUBNET_TYPES and i.subnet is not None]
    assert {i.resource.provider for i in attached} == {"aws", "azure"}
    for item in attached:
        # the old code put cctestvm into an AWS subnet copy
        assert cloud_of(item.subnet) in (None, item.resource.provider), item.address
    (vm,) = [i for i in site.items if i.resource.id == VM]
    assert vm.subnet is not None and vm.subnet.network.cloud == "azure"
    assert vm.subnet_note is not None and "another cloud's (aws)" in vm.subnet_note
    # the AWS machines keep their own subnets' copies
    for item in attached:
        if item.resource.provider == "aws":
            assert vm.subnet.network is not item.subnet.network


def test_the_choice_is_said_in_plan_json_and_above_the_resource(tmp_path: Path):
    plan = api.plan(both(), one_site("scaleway/fr-par"), catalog())
    api.emit(plan, tmp_path, catalog=catalog())
    warnings = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))["warnings"]
    (line,) = [w for w in warnings if w.startswith("subnet chosen on") and "cctestvm" in w]
    assert "put in a network of its own, azure-main" in line
    site = tmp_path / "terraform" / "scaleway" / "fr-par"
    network = (site / "network.tf").read_text(encoding="utf-8")
    assert "# site network of the azure resources" in network
    compute = (site / "compute.tf").read_text(encoding="utf-8")
    block = compute[compute.index('resource "scaleway_instance_server" "cctestvm"') :]
    block = block[: block.index("\n}\n")]
    assert "scaleway_vpc_private_network.azure_main_default.id" in block


def _azure(rid: str, kind: str, rtype: str, **extra: object) -> dict[str, object]:
    fields: dict[str, object] = {
        "provider": "azure",
        "account": "sub-1",
        "type": rtype,
        "region": "westeurope",
        "monthly_cost": {"amount": "0", "currency": "USD", "source": "test"},
        "attributes": {},
    }
    return resource(rid, kind, **(fields | extra))


def test_a_vm_goes_into_the_subnet_its_nic_names():
    """Two subnets of one VNet in the VM's region and subscription: the VM names only its NIC,
    the NIC its subnet. The old code took the first subnet and warned."""
    vnet = "/subscriptions/sub-1/vnet/main"
    subnets = [f"{vnet}/subnets/{n}" for n in ("a-front", "b-back")]
    nic = "/subscriptions/sub-1/nic/vm1"
    vm = "/subscriptions/sub-1/vm/vm1"
    inv = Inventory.model_validate(
        inventory(
            _azure(
                vnet,
                "network.vpc",
                "microsoft.network/virtualnetworks",
                topology={"cidrs": ["10.1.0.0/16"]},
            ),
            *(
                _azure(
                    sid,
                    "network.subnet",
                    "microsoft.network/virtualnetworks/subnets",
                    depends_on=[vnet],
                    topology={"cidrs": [f"10.1.{n}.0/24"]},
                )
                for n, sid in enumerate(subnets)
            ),
            _azure(
                nic,
                "network.interface",
                "microsoft.network/networkinterfaces",
                depends_on=[subnets[1]],
            ),
            _azure(
                vm,
                "compute.vm",
                "microsoft.compute/virtualmachines",
                depends_on=[nic],
                attributes={"vcpu": 2, "memory_gib": 8, "instance_type": "Standard_D2s_v3"},
                monthly_cost={"amount": "70", "currency": "USD", "source": "test"},
            ),
        )
    )
    plan = api.plan(inv, one_target_policy("scaleway"), catalog())
    (site,) = build_sites(plan, make_environment(), catalog())
    (item,) = [i for i in site.items if i.resource.id == vm]
    assert item.subnet is not None and item.subnet.source is not None
    assert item.subnet.source.id == subnets[1]
    assert item.subnet_note is None
