"""Network objects follow the resources that name them: on the example and on real exports a
machine lands at a site that holds its subnet, network and security groups, with the subnet's
own range in the Terraform, and every copy is counted in the plan's figures."""

from __future__ import annotations

import ipaddress
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cloudexit import api
from cloudexit.catalog import load_catalog
from cloudexit.cli.main import app
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.plan_json import write_plan
from cloudexit.emit.runbook import write_runbook
from cloudexit.emit.terraform import build_sites, render_site
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from cloudexit.model.io import load_inventory
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from cloudexit.optimise import concentration, plan
from cloudexit.optimise.decide import decide
from cloudexit.optimise.follow import FOLLOWING_KINDS, named
from cloudexit.optimise.planner import _placeable
from cloudexit.optimise.units import build_units
from tests.helpers import EXAMPLE, inventory, resource

EXPORTS = [
    "gcp-cai-export-forseti.jsonl",
    "tfplan-aws-55res-checkov.json",
    "tfplan-azure-vms-tfcompliance.json",
    "tfstate-v4-openstack-lb-inframap.tfstate.json",
]
TARGETS = ["ovhcloud", "scaleway", "ionos", "opennebula"]


def apart(inventory: Inventory, result: Plan) -> tuple[list[tuple[str, str]], int]:
    """(resource, network object it names) placed on different sites, and how many references
    between placed ends there are."""
    sites = {
        p.resource_id: {(o.provider, o.region) for o in [p.choice, *(p.copies or [])]}
        for p in result.placements
        if not p.choice.retain
    }
    by_id = inventory.by_id()
    found, total = [], 0
    for r in inventory.resources:
        if r.kind in FOLLOWING_KINDS or r.id not in sites:
            continue
        for ref in named(r):
            if ref in sites and by_id[ref].kind in FOLLOWING_KINDS:
                total += 1
                (place,) = sites[r.id]
                if place not in sites[ref]:
                    found.append((r.id, ref))
    return found, total


@pytest.mark.parametrize("name", EXPORTS)
def test_real_exports_place_no_machine_away_from_the_network_objects_it_names(
    shared_dir: Path, name: str
) -> None:
    inventory = import_files([shared_dir / "corpus" / name], planned=True)
    result = plan(inventory, load_catalog(), Policy(targets=TARGETS))
    assert result.solver.status.value == "optimal"
    found, total = apart(inventory, result)
    assert total >= 5
    assert found == []


def test_the_example_places_no_machine_away_from_the_network_objects_it_names(
    tmp_path: Path,
) -> None:
    inventory = load_inventory(EXAMPLE / "inventory.json")
    catalog = load_catalog()
    result = plan(inventory, catalog, api.load_policy(EXAMPLE / "policy.yaml"))
    assert result.solver.status.value in ("optimal", "feasible")
    found, total = apart(inventory, result)
    assert total >= 50
    assert found == []
    # The policy spreads the estate over providers and regions: the AWS VPC is recreated at
    # more than one site, each copy with its own one-off cost, all in the plan's total.
    copied = [p for p in result.placements if p.copies]
    assert copied
    assert all("recreated wherever the resources naming it land" in p.reason for p in copied)
    counted = sum(
        (o.migration_cost for p in result.placements for o in [p.choice, *(p.copies or [])]),
        Decimal(0),
    )
    stranded = sum(
        (s.amount for s in result.stranded if s.counted and s.amount is not None), Decimal(0)
    )
    assert abs(result.totals.one_off_migration - counted) <= stranded + Decimal("0.01")
    # The runbook's foundations wave says every site a copied object goes to.
    write_runbook(result, tmp_path, make_environment(None), catalog)
    text = (tmp_path / "runbook.md").read_text()
    by_id = inventory.by_id()
    for p in copied:
        to = ", ".join(
            f"{o.provider}/{o.region}" for o in [p.choice, *(p.copies or [])] if not o.retain
        )
        assert f"| {by_id[p.resource_id].name} |" in text
        assert f"| {to} |" in text, p.resource_id
    # And `explain` names the other sites with each copy's one-off.
    write_plan(result, tmp_path)
    shown = CliRunner().invoke(app, ["explain", str(tmp_path / "plan.json"), copied[0].resource_id])
    assert shown.exit_code == 0, shown.output
    line = next(x for x in shown.output.splitlines() if x.startswith("  also recreated at: "))
    for o in copied[0].copies or []:
        assert (f"{o.provider}/{o.region} (one-off EUR {o.migration_cost})" in line) or o.retain


def test_a_machine_of_a_real_aws_plan_is_written_in_its_own_subnet_with_the_source_range(
    shared_dir: Path,
) -> None:
    inventory = import_files(
        [shared_dir / "corpus" / "tfplan-aws-55res-checkov.json"], planned=True
    )
    by_id = inventory.by_id()
    ranges = {
        r.id: r.topology.cidrs[0]
        for r in inventory.resources
        if r.kind == Kind.SUBNET and r.topology.cidrs
    }
    machines = [
        r
        for r in inventory.resources
        if r.kind == Kind.VM and any(d in ranges for d in r.depends_on)
    ]
    assert machines
    catalog = load_catalog()
    for target in ("scaleway", "ovhcloud"):
        result = plan(inventory, catalog, Policy(targets=[target]))
        env = make_environment(None)
        sites = build_sites(result, env, catalog)
        written = {item.resource.id: (site, item) for site in sites for item in site.items}
        for vm in machines:
            site, item = written[vm.id]
            subnet = next(d for d in vm.depends_on if d in ranges)
            assert item.subnet is not None and item.subnet.source is not None, vm.id
            assert item.subnet.source.id == subnet, vm.id
            if not site.moves:
                assert item.subnet.cidr == ranges[subnet], vm.id
            network_tf = render_site(site, env)["network.tf"]
            assert item.subnet.cidr in network_tf
            assert (
                ipaddress.ip_network(item.subnet.cidr).prefixlen
                == ipaddress.ip_network(ranges[subnet]).prefixlen
            )
        assert by_id  # the machines named above are the export's own


def _estate(*extra: dict[str, object]) -> Inventory:
    subnet = resource(
        "subnet-1",
        kind="network.subnet",
        type="AWS::EC2::Subnet",
        attributes={},
        monthly_cost=None,
    )
    vms = [resource(f"vm-{n}", depends_on=["subnet-1"], tags={"ha": "web"}) for n in (1, 2)]
    return Inventory.model_validate(inventory(subnet, *vms, *extra))


def test_machines_the_policy_spreads_get_a_copy_of_their_subnet_each() -> None:
    # Two machines of one subnet that anti-affinity keeps in different regions: the subnet is
    # recreated in both, never a reason to fail the plan.
    estate = _estate()
    policy = Policy(
        targets=["scaleway"],
        allow_retain=False,
        anti_affinity=[{"tag_key": "ha", "level": "region"}],
    )
    result = plan(estate, load_catalog(), policy)
    assert result.solver.status.value == "optimal"
    at = {p.resource_id: p for p in result.placements}
    machines = {(at[v].choice.provider, at[v].choice.region) for v in ("vm-1", "vm-2")}
    assert len(machines) == 2
    subnet = at["subnet-1"]
    assert {(o.provider, o.region) for o in [subnet.choice, *(subnet.copies or [])]} == machines
    assert "1 resource(s)" in subnet.reason
    assert result.totals.one_off_migration >= subnet.choice.migration_cost * 2


def test_a_network_object_nothing_names_is_placed_on_its_own() -> None:
    lonely = resource(
        "subnet-2", kind="network.subnet", type="AWS::EC2::Subnet", attributes={}, monthly_cost=None
    )
    result = plan(_estate(lonely), load_catalog(), Policy(targets=["scaleway"]))
    at = {p.resource_id: p for p in result.placements}
    assert at["subnet-2"].copies is None
    assert "recreated" not in at["subnet-2"].reason
    assert "recreated wherever the resources naming it land" in at["subnet-1"].reason


@pytest.mark.parametrize("solver", ["highs", "cbc"])
def test_the_objective_counts_each_copy_once(shared_dir: Path, solver: str) -> None:
    # The plan's objective is its resources' scores plus one score per copy, whichever path
    # solved it (a spend share makes the whole model one).
    estate = import_files([shared_dir / "corpus" / "tfplan-aws-55res-checkov.json"], planned=True)
    policy = Policy(targets=TARGETS, max_spend_share=0.6, solver={"name": solver})
    catalog = load_catalog()
    result = plan(estate, catalog, policy)
    # The steps plan() takes before its decision, to read the decision's own figures.
    policy = concentration.with_stake_reference(estate, policy)
    placeable, _ = _placeable(estate, catalog, policy)
    units = build_units(estate, catalog, policy, placeable)
    concentration.weigh(units, policy, True)
    decision = decide(units, estate, policy)
    copies = units.copies(decision.assignment)
    assert units.followers and copies
    resources = sum(r.score for r in decision.assignment.values())
    copied = sum(r.score for rows in copies.values() for _, r in rows)
    assert decision.solution.objective == pytest.approx(resources + copied, rel=1e-9)
    assert float(result.solver.objective or 0) == pytest.approx(resources + copied, abs=0.01)
