"""On the example estate: attached parts stay together, with and without priced dependencies,
and every HA source is HA on its target, in the price and in the Terraform."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.catalog import load_catalog
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.terraform import write_terraform
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.io import load_inventory
from cloudexit.model.policy import Policy
from cloudexit.optimise import plan
from cloudexit.optimise.attachments import attachments
from cloudexit.tfcheck.facts import load_facts
from cloudexit.tfcheck.schema_check import check_schema
from tests.helpers import EXAMPLE, KEPT_APART, resource, split_pairs


@pytest.mark.parametrize("from_dependencies", [False, True])
def test_the_example_splits_no_attached_pair(from_dependencies: bool) -> None:
    inventory = load_inventory(EXAMPLE / "inventory.json")
    policy = api.load_policy(EXAMPLE / "policy.yaml")
    policy = Policy.model_validate(
        {
            **policy.model_dump(),
            "colocation": {
                **policy.colocation.model_dump(),
                "from_dependencies": from_dependencies,
            },
        }
    )
    result = plan(inventory, load_catalog(), policy)
    assert result.solver.status.value in ("optimal", "feasible")
    assert len(result.placements) > 100
    placed = {p.resource_id for p in result.placements}
    pairs = attachments(inventory, policy)
    # Volumes to VMs, node pools to clusters, subnets to networks, target group to its load
    # balancer, web instances to their target group.
    assert len(pairs) >= 28
    both = [(a, b) for a, b in pairs if a in placed and b in placed]
    assert split_pairs(both, result.placements) == []
    # The ERP VMs are HA pairs the policy keeps in different regions: their balancer cannot
    # hold them all, and the plan says so instead of giving up or splitting silently.
    apart = set(attachments(inventory)) - set(pairs)
    assert {inventory.by_id()[a].name for a, _ in apart} == {f"vm-erp-{n}" for n in range(1, 5)}
    assert any(w.startswith("load balancer lb-erp: its targets vm-erp-1") for w in result.warnings)


def test_every_ha_source_of_the_example_is_ha_on_its_target_and_priced_so(tmp_path) -> None:
    inventory = load_inventory(EXAMPLE / "inventory.json")
    catalog = load_catalog()
    result = plan(inventory, catalog, api.load_policy(EXAMPLE / "policy.yaml"))
    resources = inventory.by_id()
    ha = [
        p
        for p in result.placements
        if not p.choice.retain
        and resources[p.resource_id].kind.category in ("database", "cache")
        and (
            resources[p.resource_id].attributes.high_availability
            or (resources[p.resource_id].attributes.node_count or 1) > 1
        )
    ]
    assert len(ha) >= 4
    for p in ha:
        nodes = catalog.product(p.choice.provider, p.choice.product or "").specs.nodes or 1
        assert p.choice.replicas >= 2, p.resource_id
        # Either the product itself runs the nodes or each extra node is paid for.
        assert nodes >= 2 or p.choice.costs["replicas"] > 0, p.resource_id
    write_terraform(result, tmp_path, make_environment(), catalog)
    written = "\n".join(f.read_text() for f in sorted(tmp_path.rglob("*.tf")))
    ha_marks = re.compile(r"(is_ha_cluster|instances|replicas|cluster_size)\s+=\s+(true|[2-9])\b")
    for p in ha:
        name = resources[p.resource_id].name
        after = written[written.index(f'"{name}"') :]
        block = after[: after.find('\nresource "') % (len(after) + 1)]
        assert ha_marks.search(block) or block.count("nodes {") >= 2, name


WITH_ATTACHMENTS = [
    "gcp-cai-export-forseti.jsonl",
    "tfplan-aws-55res-checkov.json",
    "tfplan-aws-infracost-v0.14.json",
    "tfplan-azure-firewall-infracost.json",
    "tfplan-azure-vms-tfcompliance.json",
    "tfstate-showjson-aws-infracost-v0.14.json",
    "tfstate-v4-openstack-lb-inframap.tfstate.json",
]


@pytest.mark.parametrize("name", WITH_ATTACHMENTS)
def test_real_exports_split_no_attached_pair(shared_dir: Path, name: str) -> None:
    inventory = import_files([shared_dir / "corpus" / name], planned=True)
    pairs = attachments(inventory)
    assert pairs
    for from_dependencies in (False, True):
        policy = Policy(colocation={"from_dependencies": from_dependencies})
        result = plan(inventory, load_catalog(), policy)
        assert result.solver.status.value == "optimal"
        # a balancer chain no forwarding rule heads is not built: its machine moves alone
        unbuilt = {u.resource_id for u in result.unplaced if "carries no traffic" in u.reason}
        kept = [(a, b) for a, b in pairs if not {a, b} & unbuilt]
        assert split_pairs(kept, result.placements) == []


@pytest.mark.parametrize(("target", "machine", "apart"), KEPT_APART)
def test_a_self_managed_ha_service_gets_its_replica_kept_apart(
    tmp_path: Path, target: str, machine: str, apart: str
) -> None:
    # A DynamoDB table has no managed equivalent: it runs on three VMs of the target, as many
    # as the copies DynamoDB keeps (mappings/usage-sizing.yaml).
    table = Resource.model_validate(
        {
            **resource("table", kind="database.keyvalue", type="AWS::DynamoDB::Table"),
            "attributes": {"engine": "dynamodb", "storage_gib": 40, "high_availability": True},
        }
    )
    inventory = Inventory(resources=[table])
    catalog = load_catalog()
    result = plan(inventory, catalog, Policy(targets=[target], allow_retain=False))
    (placed,) = result.placements
    assert placed.choice.fidelity == "self_managed" and placed.choice.replicas == 3
    write_terraform(result, tmp_path, make_environment(), catalog)
    written = "\n".join(f.read_text() for f in sorted(tmp_path.rglob("*.tf")))
    assert written.count(f'resource "{machine}"') == 3
    assert apart in written
    assert [f for f in check_schema(tmp_path, load_facts()) if f.severity == "error"] == []
