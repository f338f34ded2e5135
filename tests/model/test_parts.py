"""Child resources fold into their parent: one unit planned, built and paid for, not one a child."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cloudexit.api import emit, plan
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.members import fold_issues
from cloudexit.model.policy import Policy
from tests.helpers import resource, tfstate_resource

RESIDENCY = {
    "schema_version": "1.0",
    "targets": ["ionos", "opennebula", "ovhcloud", "scaleway"],
    "residency": {
        "allowed_countries": ["DE", "FR", "NL", "BE", "ES", "IT", "PL", "AT", "LU", "IE"]
    },
}
# child -> parent in the real Cloud Asset export: each child was planned as a unit of its own
CAI_PARTS = {
    # a table is part of its dataset, and a project's datasets (one location) of one warehouse
    # headed by its first dataset: project3 (number 1043) holds dataset1 and bq_test_ds1
    "bigquery.googleapis.com/projects/project3/datasets/bq_test_ds1/tables/bq_test_ds1_table": (
        "bigquery.googleapis.com/projects/1043/datasets/dataset1"
    ),
    "bigquery.googleapis.com/projects/project3/datasets/bq_test_ds1": (
        "bigquery.googleapis.com/projects/1043/datasets/dataset1"
    ),
    "bigtable.googleapis.com/projects/project2/instances/test-bigtable/clusters/test-bigtable-c1": (
        "bigtable.googleapis.com/projects/project2/instances/test-bigtable"
    ),
    "bigtable.googleapis.com/projects/project2/instances/test-bigtable/tables/my-table": (
        "bigtable.googleapis.com/projects/project2/instances/test-bigtable"
    ),
    "appengine.googleapis.com/apps/project4/services/default": "appengine.googleapis.com/apps/project4",
    "appengine.googleapis.com/apps/project4/services/default/versions/1": (
        "appengine.googleapis.com/apps/project4"
    ),
    "pubsub.googleapis.com/projects/project2/subscriptions/test-subscription": (
        "pubsub.googleapis.com/projects/project2/topics/test-topic"
    ),
    "compute.googleapis.com/projects/project2/regions/us-central1/vpnTunnels/9181": (
        "compute.googleapis.com/projects/project2/regions/us-central1/targetVpnGateways/9171"
    ),
    "compute.googleapis.com/projects/project2/regions/us-central1/interconnectAttachments/"
    "project2-primary-01": "compute.googleapis.com/projects/project2/global/interconnects/"
    "project2-primary-01",
    # two proxies share one URL map: one balancer, headed by the first of the chain
    "compute.googleapis.com/projects/project2/global/urlMaps/test-um": (
        "compute.googleapis.com/projects/project2/global/targetHttpProxies/test-target-proxy"
    ),
    "compute.googleapis.com/projects/project2/global/targetHttpsProxies/"
    "lb-www-frontend-target-proxy": "compute.googleapis.com/projects/project2/global/"
    "targetHttpProxies/test-target-proxy",
}


def _full(short: str, ids: set[str]) -> str:
    """The full id a short one starts (the Pub/Sub topic's name is 255 characters long); the
    short one itself where held (an App Engine application beside its firewall rule)."""
    if f"//{short}" in ids:
        return f"//{short}"
    (found,) = [i for i in ids if i.startswith(f"//{short}")]
    return found


def _cai(shared_dir: Path) -> Inventory:
    return import_files([shared_dir / "corpus" / "gcp-cai-export-forseti.jsonl"])


def test_cloud_asset_children_fold_into_their_parent(shared_dir: Path) -> None:
    inventory = _cai(shared_dir)
    by_id = inventory.by_id()
    skipped = {i.resource_id: i for i in inventory.issues if i.code == "skipped"}
    for child, parent in CAI_PARTS.items():
        child_id = f"//{child}"
        parent_id = _full(parent, set(by_id))
        assert child_id not in by_id, child
        assert child_id in by_id[parent_id].members, child
        issue = skipped[child_id]
        assert issue.scope == parent_id and "part of" in issue.message
    # the one Bigtable instance runs its cluster's node (a development instance states none)
    bigtable = by_id["//" + CAI_PARTS[next(c for c in CAI_PARTS if "/clusters/" in c)]]
    assert bigtable.attributes.node_count == 1
    # the balancer is one chain: the HTTPS proxy's URL map named nothing else
    head = by_id["//" + CAI_PARTS[next(c for c in CAI_PARTS if "/urlMaps/" in c)]]
    assert not any(d.endswith("/urlMaps/test-um") for r in by_id.values() for d in r.depends_on)
    assert head.kind.value == "network.load_balancer"


def test_cloud_asset_parts_are_not_planned_nor_written_as_their_own(
    shared_dir: Path, tmp_path: Path
) -> None:
    inventory = _cai(shared_dir)
    result = plan(inventory, Policy.model_validate(RESIDENCY))
    placed = {p.resource_id for p in result.placements}
    unplaced = {u.resource_id for u in result.unplaced}
    parts = {f"//{c}" for c in CAI_PARTS}
    assert not parts & (placed | unplaced)
    parents = {_full(p, set(inventory.by_id())) for p in CAI_PARTS.values()}
    assert parents <= placed | unplaced
    emit(result, tmp_path / "out")
    written = set()
    for tf in (tmp_path / "out" / "terraform").rglob("*.tf"):
        written |= set(
            re.findall(r"^# cloudexit: from \S+ \S+ (\S+)$", tf.read_text(), re.MULTILINE)
        )
    assert written and not parts & written
    assert {p for p in parents if p in placed} <= written | {
        p.resource_id for p in result.placements if p.choice.retain
    }
    document = json.loads((tmp_path / "out" / "plan.json").read_text())
    assert len(document["placements"]) == len(inventory.resources) - len(unplaced)


def test_a_project_s_datasets_are_priced_as_one_warehouse(shared_dir: Path) -> None:
    """Each dataset was a warehouse VM with its own operations hours: three for two projects.
    Project2's one dataset holds no table, so it runs nothing (``empty_warehouses``)."""
    result = plan(_cai(shared_dir), Policy.model_validate(RESIDENCY))
    by_id = result.inventory.by_id()
    warehouses = [p for p in result.placements if p.kind == "analytics.warehouse"]
    assert sorted(by_id[p.resource_id].account for p in warehouses) == ["project3"]
    empty = [u for u in result.unplaced if u.kind == "analytics.warehouse"]
    assert [(by_id[u.resource_id].account, u.code) for u in empty] == [("project2", "retired")]


def tfstate(*resources: dict[str, object]) -> dict[str, object]:
    return {
        "version": 4,
        "terraform_version": "1.9.0",
        "serial": 1,
        "lineage": "parts",
        "resources": list(resources),
    }


def test_terraform_google_children_fold_into_their_parent(tmp_path: Path) -> None:
    """The same parts written as google_* resources: what they reference is their parent, and a
    forwarding rule heads its proxy, URL map and backend service."""
    project = "shop"
    link = f"https://www.googleapis.com/compute/v1/projects/{project}"
    state = tfstate(
        tfstate_resource(
            "google",
            "google_bigquery_dataset",
            "sales",
            {
                "id": f"projects/{project}/datasets/sales",
                "dataset_id": "sales",
                "project": project,
                "location": "EU",
            },
            [],
        ),
        tfstate_resource(
            "google",
            "google_bigquery_table",
            "orders",
            {
                "id": f"projects/{project}/datasets/sales/tables/orders",
                "table_id": "orders",
                "dataset_id": "sales",
                "project": project,
                "num_bytes": 64 * 2**30,
            },
            ["google_bigquery_dataset.sales"],
        ),
        tfstate_resource(
            "google",
            "google_bigtable_instance",
            "events",
            {
                "id": f"projects/{project}/instances/events",
                "name": "events",
                "project": project,
                "cluster": [
                    {"cluster_id": "a", "num_nodes": 3, "zone": "europe-west1-b"},
                    {"cluster_id": "b", "num_nodes": 2, "zone": "europe-west1-c"},
                ],
            },
            [],
        ),
        tfstate_resource(
            "google",
            "google_bigtable_table",
            "clicks",
            {
                "id": f"projects/{project}/instances/events/tables/clicks",
                "name": "clicks",
                "instance_name": "events",
                "project": project,
            },
            ["google_bigtable_instance.events"],
        ),
        tfstate_resource(
            "google",
            "google_pubsub_topic",
            "orders",
            {"id": f"projects/{project}/topics/orders", "name": "orders", "project": project},
            [],
        ),
        tfstate_resource(
            "google",
            "google_pubsub_subscription",
            "billing",
            {
                "id": f"projects/{project}/subscriptions/billing",
                "name": "billing",
                "topic": f"projects/{project}/topics/orders",
                "project": project,
            },
            ["google_pubsub_topic.orders"],
        ),
        tfstate_resource(
            "google",
            "google_compute_backend_service",
            "web",
            {
                "id": f"projects/{project}/global/backendServices/web",
                "name": "web",
                "self_link": f"{link}/global/backendServices/web",
                "project": project,
            },
            [],
        ),
        tfstate_resource(
            "google",
            "google_compute_url_map",
            "web",
            {
                "id": f"projects/{project}/global/urlMaps/web",
                "name": "web",
                "self_link": f"{link}/global/urlMaps/web",
                "project": project,
                "default_service": f"{link}/global/backendServices/web",
            },
            ["google_compute_backend_service.web"],
        ),
        tfstate_resource(
            "google",
            "google_compute_target_http_proxy",
            "web",
            {
                "id": f"projects/{project}/global/targetHttpProxies/web",
                "name": "web",
                "self_link": f"{link}/global/targetHttpProxies/web",
                "project": project,
                "url_map": f"{link}/global/urlMaps/web",
            },
            ["google_compute_url_map.web"],
        ),
        tfstate_resource(
            "google",
            "google_compute_global_forwarding_rule",
            "web",
            {
                "id": f"projects/{project}/global/forwardingRules/web",
                "name": "web",
                "self_link": f"{link}/global/forwardingRules/web",
                "project": project,
                "port_range": "80",
                "ip_protocol": "TCP",
                "target": f"{link}/global/targetHttpProxies/web",
            },
            ["google_compute_target_http_proxy.web"],
        ),
        tfstate_resource(
            "google",
            "google_compute_vpn_gateway",
            "office",
            {
                "id": f"projects/{project}/regions/europe-west1/targetVpnGateways/office",
                "name": "office",
                "project": project,
                "region": "europe-west1",
                "self_link": f"{link}/regions/europe-west1/targetVpnGateways/office",
            },
            [],
        ),
        tfstate_resource(
            "google",
            "google_compute_vpn_tunnel",
            "office",
            {
                "id": f"projects/{project}/regions/europe-west1/vpnTunnels/office",
                "name": "office",
                "project": project,
                "region": "europe-west1",
                "self_link": f"{link}/regions/europe-west1/vpnTunnels/office",
                "target_vpn_gateway": f"{link}/regions/europe-west1/targetVpnGateways/office",
            },
            ["google_compute_vpn_gateway.office"],
        ),
    )
    path = tmp_path / "terraform.tfstate"
    path.write_text(json.dumps(state), encoding="utf-8")
    inventory = import_files([path])
    by_type = {r.type: r for r in inventory.resources}
    assert sorted(by_type) == [
        "google_bigquery_dataset",
        "google_bigtable_instance",
        "google_compute_global_forwarding_rule",
        "google_compute_vpn_gateway",
        "google_pubsub_topic",
    ]
    assert by_type["google_bigquery_dataset"].attributes.storage_gib == 64
    assert by_type["google_bigtable_instance"].attributes.node_count == 5
    balancer = by_type["google_compute_global_forwarding_rule"]
    assert len(balancer.members) == 3
    # the listener is the forwarding rule's port, speaking what its proxy speaks
    assert [(x.port, x.protocol) for x in balancer.topology.listeners] == [(80, "HTTP")]
    for r in inventory.resources:
        assert not set(r.depends_on) - set(inventory.by_id()), r.id
    folded = [i for i in inventory.issues if i.code == "skipped" and "part of" in i.message]
    assert len(folded) == 7


def test_sns_subscriptions_fold_into_their_topic(tmp_path: Path) -> None:
    topic = "arn:aws:sns:eu-west-1:123456789012:orders"
    state = tfstate(
        tfstate_resource("aws", "aws_sns_topic", "orders", {"arn": topic, "name": "orders"}, []),
        tfstate_resource(
            "aws",
            "aws_sns_topic_subscription",
            "mail",
            {"arn": f"{topic}:1111", "topic_arn": topic, "protocol": "email"},
            ["aws_sns_topic.orders"],
        ),
    )
    path = tmp_path / "terraform.tfstate"
    path.write_text(json.dumps(state), encoding="utf-8")
    inventory = import_files([path])
    assert [r.id for r in inventory.resources] == [topic]
    assert inventory.resources[0].members == [f"{topic}:1111"]


@pytest.mark.parametrize("child_first", [True, False])
def test_a_chain_without_its_forwarding_rule_is_one_balancer(child_first: bool) -> None:
    um = "//compute.googleapis.com/projects/p/global/urlMaps/um"
    http = "//compute.googleapis.com/projects/p/global/targetHttpProxies/web"
    https = "//compute.googleapis.com/projects/p/global/targetHttpsProxies/web"
    items = [
        resource(um, "network.load_balancer", type="compute.googleapis.com/UrlMap", depends_on=[]),
        resource(
            http,
            "network.load_balancer",
            type="compute.googleapis.com/TargetHttpProxy",
            depends_on=[um],
        ),
        resource(
            https,
            "network.load_balancer",
            type="compute.googleapis.com/TargetHttpsProxy",
            depends_on=[um],
        ),
    ]
    if not child_first:
        items.reverse()
    resources = {r["id"]: Resource.model_validate(r) for r in items}
    issues = fold_issues(resources, "test")
    assert list(resources) == [http]
    assert resources[http].members == sorted([um, https])
    assert {i.resource_id for i in issues} == {um, https}
