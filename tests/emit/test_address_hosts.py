"""An address is priced as it is written: the plan and the Terraform read one decision
(``optimise.address_hosts``) of whether a server keeps it or a load balancer takes it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.model.inventory import Resource
from cloudexit.model.kinds import Kind
from cloudexit.model.policy import Policy
from cloudexit.optimise.server_addresses import PART
from tests.helpers import corpus_inventory, one_target_policy, resource


def _policy() -> Policy:
    # the recorded server runs Windows, for which OVHcloud lists no licence price here
    return one_target_policy("ovhcloud").model_copy(update={"windows": "bring_own_licence"})


# the balancer's id sorts before the server's, then after it (site order is by id)
@pytest.mark.parametrize("module", ["", "module.windowsservers-pass.module.lb."])
def test_an_address_a_server_and_a_balancer_hold_is_the_balancers_priced_floating_ip(
    tmp_path: Path, module: str
) -> None:
    inv = corpus_inventory("tfplan-azure-vms-tfcompliance.json")
    (address,) = [r for r in inv.resources if r.kind == Kind.PUBLIC_IP]
    # the recorded Windows server's public IP, named also as a balancer's front end
    balancer = Resource.model_validate(
        resource(
            f"terraform:tfplan-azure-vms-tfcompliance.json:{module}azurerm_lb.front",
            "network.load_balancer",
            provider="azure",
            account=address.account,
            region=address.region,
            type="azurerm_lb",
            name="front",
            depends_on=[address.id],
            attributes={},
            monthly_cost=None,
        )
    )
    inv = inv.model_copy(update={"resources": [*inv.resources, balancer]})
    catalog = load_catalog()
    plan = api.plan(inv, _policy(), catalog)
    (ip,) = [p.choice for p in plan.placements if p.resource_id == address.id]
    assert ip.monthly_cost > 0 and PART not in ip.unpriced_parts
    assert not any("server's own public interface" in w for w in plan.warnings)

    api.emit(plan, tmp_path, catalog=catalog)
    text = "".join(p.read_text() for p in sorted((tmp_path / "terraform").rglob("*.tf")))
    (local,) = re.findall(r'resource "ovh_cloud_floating_ip" "(\w+)"', text)
    lb = text[text.index('resource "ovh_cloud_project_loadbalancer"') :]
    assert f"id = ovh_cloud_floating_ip.{local}.id" in lb[: lb.index("listeners")]
    assert "auto_assign_public_ip" not in text


def test_an_address_only_a_server_holds_is_its_unpriced_interface(tmp_path: Path) -> None:
    inv = corpus_inventory("tfplan-azure-vms-tfcompliance.json")
    catalog = load_catalog()
    plan = api.plan(inv, _policy(), catalog)
    (ip,) = [p.choice for p in plan.placements if p.kind == Kind.PUBLIC_IP.value]
    assert ip.monthly_cost == 0 and PART in ip.unpriced_parts
    api.emit(plan, tmp_path, catalog=catalog)
    text = "".join(p.read_text() for p in sorted((tmp_path / "terraform").rglob("*.tf")))
    assert 'resource "ovh_cloud_floating_ip"' not in text
    assert text.count("auto_assign_public_ip = true") == 1
