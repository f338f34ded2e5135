"""Settings a balancer or group names (health checks, instance templates, TLS certificates,
autoscalers) are built with it, never planned alone nor reported as a service with no target."""

from __future__ import annotations

import json
from pathlib import Path

from cloudexit.api import emit, plan
from cloudexit.importers import import_files
from cloudexit.model.policy import Policy

GCP = "//compute.googleapis.com/projects"
POLICY = {"schema_version": "1.0", "targets": ["ionos", "opennebula", "ovhcloud", "scaleway"]}
SETTINGS = {
    "compute.googleapis.com/HealthCheck",
    "compute.googleapis.com/HttpHealthCheck",
    "compute.googleapis.com/HttpsHealthCheck",
    "compute.googleapis.com/Autoscaler",
    "compute.googleapis.com/InstanceTemplate",
    "compute.googleapis.com/SslCertificate",
}
# in the real export: each template is named by its group manager, the certificate by two proxies
# heading two balancers; no backend service names the three health checks; the autoscaler scales
# an App Engine pool the export does not hold
TAKEN = {
    f"{GCP}/project1/global/instanceTemplates/it-1": (
        f"{GCP}/project1/regions/us-central1/instanceGroupManagers/igm-1"
    ),
    f"{GCP}/project2/global/sslCertificates/iap-ssl": (
        f"{GCP}/project2/global/targetHttpProxies/test-target-proxy"
    ),
}
UNUSED = {
    f"{GCP}/project2/global/healthChecks/backend-service-health-check": "no backend service",
    f"{GCP}/project2/global/httpHealthChecks/lb-http-health-check": "no backend service",
    f"{GCP}/project2/global/httpsHealthChecks/webserver-hcs": "no backend service",
    f"{GCP}/project2/zones/us-central1-b/autoscalers/gae-default-20161128t212211": (
        "an autoscaler of 'gae-default-20161128t212211', which this inventory does not hold"
    ),
}


def _lines(shared_dir: Path) -> list[str]:
    return (shared_dir / "corpus" / "gcp-cai-export-forseti.jsonl").read_text().splitlines()


def test_cloud_asset_settings_fold_or_skip_through_plan_and_artefacts(
    shared_dir: Path, tmp_path: Path
) -> None:
    inventory = import_files([shared_dir / "corpus" / "gcp-cai-export-forseti.jsonl"])
    by_id = inventory.by_id()
    skipped = {i.resource_id: i for i in inventory.issues if i.code == "skipped"}
    settings = {
        json.loads(line)["name"]
        for line in _lines(shared_dir)
        if json.loads(line)["asset_type"] in SETTINGS
    }
    assert len(settings) == 7
    assert not settings & set(by_id)
    for part, parent in TAKEN.items():
        assert part in by_id[parent].members
        assert skipped[part].scope == parent and "a setting of" in skipped[part].message
    for part, why in UNUSED.items():
        assert why in skipped[part].message
    # the certificate is kept by name on both balancers that serve it; no key, no body
    for proxy in ("targetHttpProxies/test-target-proxy", "targetSslProxies/test-ssl-proxy"):
        (kept,) = by_id[f"{GCP}/project2/global/{proxy}"].attributes.details["certificates"]
        assert kept["name"] == "iap-ssl" and not {"certificate", "privateKey"} & set(kept)
    igm = by_id[f"{GCP}/project1/regions/us-central1/instanceGroupManagers/igm-1"]
    assert igm.attributes.details["instance_templates"][0]["machine_type"] == "f1-micro"

    result = plan(inventory, Policy.model_validate(POLICY))
    emit(result, tmp_path / "out")
    document = json.loads((tmp_path / "out" / "plan.json").read_text())
    planned = {p["resource_id"] for p in document["placements"]} | {
        u["resource_id"] for u in document["unplaced"]
    }
    assert len(document["placements"]) == len(inventory.resources) - len(document["unplaced"])
    assert not settings & planned
    placed_types = {by_id[p["resource_id"]].type for p in document["placements"]}
    assert not placed_types & SETTINGS
    assert not [u for u in document["unplaced"] if by_id[u["resource_id"]].type in SETTINGS]


def test_a_health_check_its_backend_names_gives_the_backend_its_probe(
    shared_dir: Path, tmp_path: Path
) -> None:
    """The export's backend service bs-1 names a health check the export lacks; pointed at the
    export's own legacy HTTP health check, that check folds into it with its port and path."""
    lines = [json.loads(line) for line in _lines(shared_dir)]
    check = next(a for a in lines if a["asset_type"] == "compute.googleapis.com/HttpHealthCheck")
    backend = next(a for a in lines if a["asset_type"] == "compute.googleapis.com/BackendService")
    backend["resource"]["data"]["healthChecks"] = [check["resource"]["data"]["selfLink"]]
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in (backend, check)) + "\n")
    inventory = import_files([path])
    (service,) = inventory.resources
    assert service.members == [check["name"]]
    probe = service.topology.health_check
    assert probe is not None and (probe.protocol, probe.port, probe.path) == ("HTTP", 80, "/")
    (kept,) = service.attributes.details["health_checks"]
    assert kept["name"] == "lb-http-health-check" and kept["interval_seconds"] == 10
    result = plan(inventory, Policy.model_validate(POLICY))
    assert [p.resource_id for p in result.placements] == [service.id]
    assert not result.unplaced


def _planned(inventory, tmp_path: Path) -> dict:  # type: ignore[no-untyped-def]
    result = plan(inventory, Policy.model_validate(POLICY))
    emit(result, tmp_path / "out")
    document: dict = json.loads((tmp_path / "out" / "plan.json").read_text())
    assert len(document["placements"]) == len(inventory.resources) - len(document["unplaced"])
    return document


def test_acs_machines_and_vm_extensions_fold_into_their_cluster_and_machine(
    shared_dir: Path, tmp_path: Path
) -> None:
    """The real ARM resource list: an ACS cluster's master and three agents, each with a
    custom-script extension, were five placements and four 'not migratable' extensions."""
    inventory = import_files([shared_dir / "corpus" / "azure-arm-resources-list-c7n.json"])
    by_id = inventory.by_id()
    group = (
        "/subscriptions/ea42f556-5106-4743-99b0-c129bfa71a47/resourcegroups/"
        "test_containerservice/providers"
    )
    cluster = by_id[f"{group}/microsoft.containerservice/containerservices/cctestacs"]
    pool = by_id[f"{cluster.id}/agentpools/agent"]
    machines = [
        f"{group}/microsoft.compute/virtualmachines/k8s-agent-c02b7042-{i}" for i in range(3)
    ]
    master = f"{group}/microsoft.compute/virtualmachines/k8s-master-c02b7042-0"
    assert pool.kind.value == "kubernetes.node_pool" and pool.attributes.node_count == 3
    assert set(machines) <= set(pool.members) and master in cluster.members
    extensions = [
        *(f"{m}/extensions/cse{i}" for i, m in enumerate(machines)),
        f"{master}/extensions/cse0",
    ]
    assert set(extensions) <= set(pool.members) | set(cluster.members)
    skipped = {i.resource_id: i.message for i in inventory.issues if i.code == "skipped"}
    assert "managed Kubernetes runs the control plane" in skipped[master]

    document = _planned(inventory, tmp_path)
    planned = {p["resource_id"]: p for p in document["placements"]}
    unplaced = {u["resource_id"] for u in document["unplaced"]}
    assert not {*machines, master, *extensions} & (set(planned) | unplaced)
    assert planned[pool.id]["choice"]["quantity"] == 3
    assert not [r for r in inventory.resources if r.type.endswith("/extensions")]


def test_octavia_pool_and_member_fold_into_their_balancer(shared_dir: Path, tmp_path: Path) -> None:
    """The real OpenStack state: listener, pool and member are one balancer, which reaches the
    member's server."""
    inventory = import_files(
        [shared_dir / "corpus" / "tfstate-v4-openstack-lb-inframap.tfstate.json"]
    )
    (balancer,) = [r for r in inventory.resources if r.kind.value == "network.load_balancer"]
    by_type = {r.type: r for r in inventory.resources}
    assert not {"openstack_lb_pool_v2", "openstack_lb_member_v2"} & set(by_type)
    assert {
        "4499ccb9-0ae5-4641-b013-37c8abaeee1d",
        "64023fc5-a981-4c9a-b22d-b416fae9f372",
    } == set(balancer.members)
    assert "c74857da-3565-404a-8983-be3e1ec6839b" in balancer.depends_on
    document = _planned(inventory, tmp_path)
    assert [p["resource_id"] for p in document["placements"]].count(balancer.id) == 1
    assert not set(balancer.members) & {p["resource_id"] for p in document["placements"]}
    # 8 resources: the security-group rule naming a second group joins the group that holds it.
    assert len(document["placements"]) == len(inventory.resources) == 8
    assert not document["unplaced"]


def test_availability_sets_and_network_watchers_are_skipped_with_what_they_are(
    shared_dir: Path,
) -> None:
    inventory = import_files([shared_dir / "corpus" / "azure-arm-resources-list-c7n.json"])
    kept = {r.type for r in inventory.resources}
    assert not {"microsoft.compute/availabilitysets", "microsoft.network/networkwatchers"} & kept
    reasons = [i.message for i in inventory.issues if i.code == "skipped"]
    assert sum("availability set: a free rule" in m for m in reasons) == 2
    assert sum("Network Watcher: the regional" in m for m in reasons) == 3
