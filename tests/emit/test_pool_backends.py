"""Every machine a balancer or backend service names is written into its pool or listed in the
runbook to add by hand: none is lost between the export and the Terraform.

Forseti's Cloud Asset export: backend service ``bs-1`` serves the three machines of the managed
instance group ``bs-1-ig-1`` but no balancer of the export uses it; target instance ``test-ti``
sends to ``instance3`` but no forwarding rule sends traffic to it, so it is not built and its
machine moves on its own."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest

import cloudexit
from cloudexit.emit.terraform.site import backend_servers
from cloudexit.importers import import_files
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Plan
from tests.importers import test_tfplan_chain_links as chain_links

CAI = "gcp-cai-export-forseti.jsonl"


@functools.cache
def _plan(shared_dir: Path) -> Plan:
    inventory = import_files([shared_dir / "corpus" / CAI])
    return cloudexit.plan(inventory, cloudexit.Policy(targets=["scaleway"], min_providers=1))


def test_every_backend_machine_is_written_or_left_to_the_runbook(
    shared_dir: Path, tmp_path: Path
) -> None:
    plan = _plan(shared_dir)
    cloudexit.emit(plan, tmp_path)
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    written = "\n".join(p.read_text() for p in sorted((tmp_path / "terraform").rglob("*.tf")))
    pools = re.findall(r'resource "scaleway_lb_backend"[^}]*?server_ips = \[([^\]]*)\]', written)
    resources = plan.inventory.by_id()
    named = [
        (r, resources[sid])
        for r in plan.inventory.resources
        if r.kind in (Kind.LOAD_BALANCER, Kind.TARGET_GROUP)
        for sid in backend_servers(r, resources)
    ]
    assert {(b.name, m.name) for b, m in named} == {
        ("bs-1", "iap_instance1"),
        ("bs-1", "iap_instance2"),
        ("bs-1", "iap_instance3"),
        ("test-ti", "instance3"),
    }
    rows = [line for line in runbook.splitlines() if line.startswith("| ")]
    unbuilt = {u.resource_id for u in plan.unplaced if "carries no traffic" in u.reason}
    for balancer, machine in named:
        in_pool = any(f"scaleway_instance_server.{machine.name}." in pool for pool in pools)
        listed = any(
            f" {balancer.name} |" in row and re.search(rf"\b{machine.name}\b", row) for row in rows
        )
        assert in_pool or listed or balancer.id in unbuilt, (balancer.name, machine.name)


def test_a_balancer_without_a_listener_lists_its_backends_to_add(
    shared_dir: Path, tmp_path: Path
) -> None:
    cloudexit.emit(_plan(shared_dir), tmp_path)
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    # no forwarding rule in front: not built, so no pool to list its backend for by hand
    assert not [line for line in runbook.splitlines() if "| load balancer test-ti |" in line]
    (row,) = [line for line in runbook.splitlines() if line.startswith("| test-ti |")]
    assert "no forwarding rule in the inventory sends traffic to this target instance" in row


LB_1 = "//compute.googleapis.com/projects/project1/regions/us-central1/forwardingRules/lb-1"
IGM_1 = "//compute.googleapis.com/projects/project1/regions/us-central1/instanceGroupManagers/igm-1"


def _group_behind_lb_1(
    shared_dir: Path, pins: dict[str, str], *, allow_retain: bool = True
) -> Plan:
    """Forseti's export with one link added in memory: lb-1 (a forwarding rule listening HTTP
    80) is taken to serve igm-1 (a managed group of 3 f1-micro machines), as it would through
    the proxy, URL map and backend service the export lacks. ``pins``: resource id -> site."""
    inventory = import_files([shared_dir / "corpus" / CAI])
    resources = inventory.by_id()
    resources[LB_1].depends_on.append(IGM_1)
    for rid, site in pins.items():
        resources[rid].tags["site"] = site.replace("/", "-")
    policy = cloudexit.Policy(
        targets=[pins[LB_1].split("/")[0]],
        min_providers=1,
        allow_retain=allow_retain,
        providers=[
            {"match": {"tags": {"site": site.replace("/", "-")}}, "pin": site}
            for site in sorted(set(pins.values()))
        ],
    )
    return cloudexit.plan(inventory, policy)


def _lb_1_row(runbook: str) -> str:
    (row,) = [line for line in runbook.splitlines() if "| load balancer lb-1 |" in line]
    return row


def test_every_machine_of_a_group_is_written_into_the_ovhcloud_pool(
    shared_dir: Path, tmp_path: Path
) -> None:
    plan = _group_behind_lb_1(shared_dir, {LB_1: "ovhcloud/RBX-A", IGM_1: "ovhcloud/RBX-A"})
    cloudexit.emit(plan, tmp_path)
    written = (tmp_path / "terraform" / "ovhcloud" / "RBX-A" / "compute.tf").read_text()
    machines = re.findall(
        r'resource "ovh_cloud_instance" "igm_1[a-z_0-9]*" \{.*?ip\s+= "([0-9.]+)"',
        written,
        re.DOTALL,
    )
    assert len(machines) == 3 == len(set(machines))
    every_ip = re.findall(r'\bip\s+= "([0-9.]+)"', written)
    assert len(every_ip) == len(set(every_ip))  # no address taken twice at the site
    balancers = (tmp_path / "terraform" / "ovhcloud" / "RBX-A" / "load_balancers.tf").read_text()
    lb = balancers.split('resource "ovh_cloud_project_loadbalancer" "lb_1"', 1)[1].split(
        "\nresource ", 1
    )[0]
    assert sorted(re.findall(r'address\s+= "([0-9.]+)"', lb)) == sorted(machines)
    assert "igm-1" not in _lb_1_row((tmp_path / "runbook.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("site", "server", "member"),
    [
        (
            "scaleway/nl-ams",
            "scaleway_instance_server",
            r"scaleway_instance_server\.(igm_1\w*)\.private_ips",
        ),
        ("ionos/de/fra", "ionoscloud_server", r"ionoscloud_server\.(igm_1\w*)\.primary_ip"),
    ],
)
def test_every_machine_of_a_group_is_written_where_the_group_resource_is_not(
    shared_dir: Path, tmp_path: Path, site: str, server: str, member: str
) -> None:
    """A group priced at three machines was written as nothing on Scaleway and IONOS (their
    group resources have no template): now three servers, each a member of the pool, and the
    runbook says the autoscaling is lost."""
    plan = _group_behind_lb_1(shared_dir, {LB_1: site, IGM_1: site}, allow_retain=False)
    (group,) = [p for p in plan.placements if p.resource_id == IGM_1]
    assert (group.choice.provider, group.choice.quantity) == (site.split("/")[0], 3)
    cloudexit.emit(plan, tmp_path)
    folder = tmp_path / "terraform" / site.split("/")[0] / site.split("/", 1)[1].replace("/", "-")
    written = (folder / "compute.tf").read_text()
    machines = re.findall(rf'resource "{server}" "(igm_1\w*)"', written)
    assert machines == ["igm_1", "igm_1_node_1", "igm_1_node_2"]
    pool = re.findall(member, (folder / "load_balancers.tf").read_text())
    assert pool == machines
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    assert "igm-1" not in _lb_1_row(runbook)
    (lost,) = [
        line
        for line in runbook.splitlines()
        if line.startswith(f"| {site.split('/')[0]} | compute.vm_group |") and "autoscaling" in line
    ]
    assert f"written as 3 fixed {server}" in lost
    # the wave step says the same: no launch template or scaling rules are recreated
    steps = [line for line in runbook.splitlines() if "igm-1" in line and "Recreate" in line]
    assert steps and all("as a fixed server behind the pool" in line for line in steps)
    assert "Rebuild the group from its launch template" not in runbook


def test_a_group_on_opennebula_is_written_as_its_machines(shared_dir: Path, tmp_path: Path) -> None:
    inventory = import_files([shared_dir / "corpus" / CAI])
    policy = cloudexit.Policy(targets=["opennebula"], min_providers=1, allow_retain=False)
    plan = cloudexit.plan(inventory, policy)
    (group,) = [p for p in plan.placements if p.resource_id == IGM_1]
    assert group.choice.provider == "opennebula" and group.choice.quantity == 3
    cloudexit.emit(plan, tmp_path)
    written = (
        tmp_path / "terraform" / "opennebula" / group.choice.region / "compute.tf"
    ).read_text()
    assert re.findall(r'resource "opennebula_virtual_machine" "(igm_1\w*)"', written) == [
        "igm_1",
        "igm_1_node_1",
        "igm_1_node_2",
    ]


def test_a_group_placed_at_another_site_is_no_member_of_the_pool(
    shared_dir: Path, tmp_path: Path
) -> None:
    plan = _group_behind_lb_1(shared_dir, {LB_1: "ovhcloud/RBX-A", IGM_1: "ovhcloud/DE1"})
    cloudexit.emit(plan, tmp_path)
    balancers = (tmp_path / "terraform" / "ovhcloud" / "RBX-A" / "load_balancers.tf").read_text()
    assert "igm-1" not in balancers
    row = _lb_1_row((tmp_path / "runbook.md").read_text(encoding="utf-8"))
    assert "backend igm-1 (placed at ovhcloud/DE1, not here)" in row


def test_a_planned_group_behind_a_planned_balancer_fills_the_ovhcloud_pool(
    shared_dir: Path, tmp_path: Path
) -> None:
    """Checkov's real GCP plan with a planned chain added in memory: forwarding rule web-0 ->
    HTTP proxy -> URL map -> backend service -> managed instance group web-4 (target size 2),
    each link a reference the plan cannot resolve before apply."""
    source = json.loads((shared_dir / "corpus" / chain_links.EXPORT).read_text())
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(chain_links._with_chain(source, through_local=False)))
    inventory = import_files([path], planned=True)
    plan = cloudexit.plan(inventory, cloudexit.Policy(targets=["ovhcloud"], min_providers=1))
    cloudexit.emit(plan, tmp_path / "out")
    (balancers,) = (tmp_path / "out" / "terraform").rglob("load_balancers.tf")
    members = re.findall(
        r'name\s+= "(web-4[^"]*)"\s+address\s+= "([0-9.]+)"', balancers.read_text()
    )
    assert [name for name, _ in members] == ["web-4", "web-4-node-1"]
    assert len({address for _, address in members}) == 2
    assert 'protocol = "http"' in balancers.read_text()


@pytest.mark.parametrize(
    ("site", "server"),
    [
        ("scaleway/nl-ams", "scaleway_instance_server"),
        ("ovhcloud/RBX-A", "ovh_cloud_instance"),
        ("ionos/de/fra", "ionoscloud_server"),
    ],
)
def test_a_machine_named_like_a_group_machine_keeps_its_own_address(
    shared_dir: Path, tmp_path: Path, site: str, server: str
) -> None:
    """A VM called ``igm-1-node-1`` beside the group igm-1: the group's second machine took the
    same Terraform address as the VM, a folder Terraform refuses to load."""
    inventory = import_files([shared_dir / "corpus" / CAI])
    resources = inventory.by_id()
    resources[LB_1].depends_on.append(IGM_1)
    vm = next(r for r in inventory.resources if r.kind == Kind.VM)
    vm.name = "igm-1-node-1"
    tag = site.replace("/", "-")
    for rid in (LB_1, IGM_1, vm.id):
        resources[rid].tags["site"] = tag
    policy = cloudexit.Policy(
        targets=[site.split("/")[0]],
        min_providers=1,
        allow_retain=False,
        providers=[{"match": {"tags": {"site": tag}}, "pin": site}],
    )
    cloudexit.emit(cloudexit.plan(inventory, policy), tmp_path)
    folder = tmp_path / "terraform" / site.split("/")[0] / site.split("/", 1)[1].replace("/", "-")
    written = "\n".join(p.read_text() for p in sorted(folder.glob("*.tf")))
    addresses = re.findall(r'^resource "(\w+)" "(\w+)"', written, re.MULTILINE)
    assert len(addresses) == len(set(addresses))
    traced = re.findall(
        r'# cloudexit: from \S+ \S+ (\S+)[^\n]*\n(?:#[^\n]*\n)*resource "(\w+)" "(\w+)"', written
    )
    (own,) = [(rtype, local) for source, rtype, local in traced if source == vm.id]
    group = [(rtype, local) for source, rtype, local in traced if source == IGM_1]
    assert len(group) == 3 and own not in group and all(t == server for t, _ in group)
    pool = re.findall(rf"({server})\.(igm_1\w*)\.", (folder / "load_balancers.tf").read_text())
    assert pool == (group if server != "ovh_cloud_instance" else [])  # OVHcloud's pool holds ips
