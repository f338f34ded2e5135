"""A GCP balancer held in part by an export is one balancer per chain, built from what the
export holds; what it lacks (its proxy, URL map, backend service, forwarding rule) and backend
services no balancer uses are said in the plan and the runbook, never invented."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import cloudexit
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from cloudexit.model.kinds import Kind
from cloudexit.model.plan import Plan

CAI = "gcp-cai-export-forseti.jsonl"
C = "//compute.googleapis.com/projects/"
LB1 = f"{C}project1/regions/us-central1/forwardingRules/lb-1"
LB1_GLOBAL = f"{C}project1/regions/us-central1/global/forwardingRules/lb-1"
SSL = f"{C}project2/global/targetSslProxies/test-ssl-proxy"
TCP = f"{C}project2/global/targetTcpProxies/project2-target-tcp-proxy"
HTTP = f"{C}project2/global/targetHttpProxies/test-target-proxy"
BS1 = f"{C}project1/global/backendServices/bs-1"
IAP = [f"{C}project1/zones/us-central1-c/instances/iap_instance{n}" for n in (1, 2, 3)]


@functools.cache
def _inventory(shared_dir: Path) -> Inventory:
    return import_files([shared_dir / "corpus" / CAI])


def _plan(inv: Inventory, target: str = "scaleway") -> Plan:
    return cloudexit.plan(inv, cloudexit.Policy(targets=[target], min_providers=1))


def test_real_export_folds_parts_naming_one_target_into_one_balancer(shared_dir: Path) -> None:
    inv = _inventory(shared_dir)
    by_id = inv.by_id()
    balancers = sorted(r.id for r in inv.resources if r.kind is Kind.LOAD_BALANCER)
    # Before: both lb-1 rules, the SSL and the TCP proxy were balancers of their own (6 in all).
    assert len(balancers) == 4
    # Two forwarding rules name one target proxy the export lacks: one balancer, one listener.
    assert LB1_GLOBAL not in by_id and LB1_GLOBAL in by_id[LB1].members
    assert [(x.protocol, x.port) for x in by_id[LB1].topology.listeners] == [("HTTP", 80)]
    unheld = by_id[LB1].attributes.details["links_not_in_inventory"]
    assert unheld == [f"{C}project1/regions/us-central1/targetHttpProxies/lb-1-target-proxy"]
    # An SSL and a TCP proxy in front of one backend service (bs-2, not exported) are one.
    assert TCP not in by_id and TCP in by_id[SSL].members
    assert by_id[SSL].attributes.details["links_not_in_inventory"] == [
        f"{C}project2/global/backendServices/bs-2"
    ]
    assert by_id[HTTP].attributes.details["links_not_in_inventory"] == [
        f"{C}project2/global/backendServices/test-bs"
    ]


def test_real_export_says_what_each_balancer_lacks(shared_dir: Path, tmp_path: Path) -> None:
    plan = _plan(_inventory(shared_dir))
    lines = [w for w in plan.warnings if "is incomplete in the inventory" in w]
    said = {w.split(" (//", 1)[0] for w in lines}
    assert said == {
        "load balancer lb-1",
        "backend service bs-1",
        "backend service project2-target-tcp-proxy",
        "target pool test-tp",
    }
    (bs1,) = [w for w in lines if w.startswith("backend service bs-1")]
    assert (
        "nothing is written for it; its backends: iap_instance1, iap_instance2, iap_instance3"
        in bs1
    )
    (lb1,) = [w for w in lines if w.startswith("load balancer lb-1")]
    assert "targetHttpProxies/lb-1-target-proxy" in lb1

    cloudexit.emit(plan, tmp_path)
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    section = runbook.split("## Load balancers to complete by hand", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| scaleway/")]
    assert len(rows) == len(lines)
    # One balancer written per chain a forwarding rule heads: 1, where 6 were and then 4.
    written = [
        m
        for tf in (tmp_path / "terraform").rglob("load_balancers.tf")
        for m in re.findall(r'^resource "scaleway_lb" ', tf.read_text(), re.MULTILINE)
    ]
    assert len(written) == 1


def _with_front(shared_dir: Path, tmp_path: Path, *lines: dict[str, object]) -> Inventory:
    """The real export with the rest of a chain a fuller export would hold, in its own shape."""
    text = (shared_dir / "corpus" / CAI).read_text(encoding="utf-8")
    path = tmp_path / CAI
    path.write_text(text + "".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return import_files([path])


API = "https://www.googleapis.com/compute/v1/projects/"


def _asset(kind: str, name: str, data: dict[str, object]) -> dict[str, object]:
    api = API
    return {
        "name": f"{C}{name}",
        "asset_type": f"compute.googleapis.com/{kind}",
        "resource": {
            "version": "v1",
            "discovery_document_uri": "https://www.googleapis.com/discovery/v1/apis/compute/v1/rest",
            "discovery_name": kind,
            "parent": "//cloudresourcemanager.googleapis.com/projects/1041",
            "data": {
                "name": name.rsplit("/", 1)[-1],
                "selfLink": f"{api}{name}",
                **{
                    k: f"{api}{v}" if k in ("urlMap", "target", "defaultService", "group") else v
                    for k, v in data.items()
                },
            },
        },
    }


def test_instance_group_backends_are_written_or_listed(shared_dir: Path, tmp_path: Path) -> None:
    """bs-1's balancer added in front of it: its instance group's machines become the
    balancer's backends where they are placed with it, and a managed group behind a second
    backend service, fronted by a TCP proxy and its forwarding rule, has its machines written
    as that balancer's pool."""
    inv = _with_front(
        shared_dir,
        tmp_path,
        _asset(
            "UrlMap",
            "project1/global/urlMaps/um-1",
            {"defaultService": "project1/global/backendServices/bs-1"},
        ),
        _asset(
            "TargetHttpProxy",
            "project1/global/targetHttpProxies/web",
            {"urlMap": "project1/global/urlMaps/um-1"},
        ),
        _asset(
            "GlobalForwardingRule",
            "project1/global/forwardingRules/web",
            {
                "IPProtocol": "TCP",
                "portRange": "80-80",
                "target": "project1/global/targetHttpProxies/web",
            },
        ),
        _asset(
            "BackendService",
            "project1/global/backendServices/bs-igm",
            {"backends": [{"group": f"{API}project1/regions/us-central1/instanceGroups/igm-1"}]},
        ),
        _asset(
            "TargetTcpProxy",
            "project1/global/targetTcpProxies/tcp",
            {"service": f"{API}project1/global/backendServices/bs-igm"},
        ),
        _asset(
            "GlobalForwardingRule",
            "project1/global/forwardingRules/tcp",
            {
                "IPProtocol": "TCP",
                "portRange": "443-443",
                "target": "project1/global/targetTcpProxies/tcp",
            },
        ),
    )
    by_id = inv.by_id()
    web = by_id[f"{C}project1/global/forwardingRules/web"]
    assert BS1 in web.members and set(IAP) <= set(web.depends_on)
    assert "links_not_in_inventory" not in web.attributes.details
    plan = _plan(inv)
    assert not any(w.startswith("load balancer web ") for w in plan.warnings)
    cloudexit.emit(plan, tmp_path / "out")
    placed = {p.resource_id: f"{p.choice.provider}/{p.choice.region}" for p in plan.placements}
    site = placed[web.id]
    tf = (tmp_path / "out" / "terraform" / site / "load_balancers.tf").read_text()
    block = tf.split('resource "scaleway_lb_backend" "web-80"', 1)[1].split("\n}", 1)[0]
    runbook = (tmp_path / "out" / "runbook.md").read_text(encoding="utf-8")
    for n, vm in enumerate(IAP, 1):
        if placed[vm] == site:
            assert f"iap_instance{n}.private_ips[0].address" in block
        else:
            assert f"backend iap_instance{n} (placed at {placed[vm]}, not here)" in runbook
    # the managed group behind the TCP proxy's backend service: its machines are the pool
    tcp = f"{C}project1/global/forwardingRules/tcp"
    assert placed[tcp] == placed[f"{C}project1/regions/us-central1/instanceGroupManagers/igm-1"]
    tf = (tmp_path / "out" / "terraform" / placed[tcp] / "load_balancers.tf").read_text()
    for server in ("igm_1", "igm_1_node_1", "igm_1_node_2"):
        assert f"scaleway_instance_server.{server}.private_ips[0].address" in tf
    assert by_id[tcp].kind is Kind.LOAD_BALANCER


def test_real_export_builds_no_chain_without_a_forwarding_rule(shared_dir: Path) -> None:
    inv = _inventory(shared_dir)
    plan = _plan(inv)
    by_id = inv.by_id()
    ti = f"{C}project2/zones/us-west1-a/targetInstances/test-ti"
    # Before: each was priced as a Load Balancer LB-S of its own (EUR 16.79 a month each).
    assert not {p.resource_id for p in plan.placements} & {SSL, HTTP, ti}
    unbuilt = {u.resource_id: u for u in plan.unplaced if u.resource_id in {SSL, HTTP, ti}}
    assert sorted(unbuilt) == sorted([SSL, HTTP, ti])
    assert {u.code for u in unbuilt.values()} == {"retired"}
    assert unbuilt[ti].reason.startswith(
        "no forwarding rule in the inventory sends traffic to this target instance: "
    )
    assert "carries no traffic, so it is not built or charged" in unbuilt[SSL].reason
    # the chain that has a forwarding rule is still built and priced
    assert LB1 in {p.resource_id for p in plan.placements}
    # the target instance's machine moves: a chain not built holds none of its backends back
    (machine,) = by_id[ti].depends_on
    assert machine in {p.resource_id for p in plan.placements}
