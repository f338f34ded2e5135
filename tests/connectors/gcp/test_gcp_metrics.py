"""Utilisation from Cloud Monitoring: the real Monitoring client over gRPC against a loopback server."""

from __future__ import annotations

import datetime as dt
import json
import time

import grpc
import pytest
from google.auth.credentials import AnonymousCredentials

from cloudexit.cli.main import run
from cloudexit.connectors.gcp import GcpScan, collect
from cloudexit.errors import InputError
from cloudexit.model.io import dumps
from tests.connectors.gcp.fake_cai import google_error
from tests.connectors.gcp.fake_monitoring import END

ORG = "organizations/111222333"
ZONE = "//compute.googleapis.com/projects/shop-prod/zones/europe-west1-b"
APP, API, WORKER = (
    f"{ZONE}/instances/app-1",
    f"{ZONE}/instances/api-1",
    f"{ZONE}/instances/worker-1",
)
PG = "//cloudsql.googleapis.com/projects/shop-prod/instances/shop-pg"
REPLICA = "//cloudsql.googleapis.com/projects/shop-prod/instances/shop-pg-replica"
VM_CPU = "compute.googleapis.com/instance/cpu/utilization"
VM_MEMORY = "agent.googleapis.com/memory/percent_used"
SQL_CPU = "cloudsql.googleapis.com/database/cpu/utilization"
SQL_MEMORY = "cloudsql.googleapis.com/database/memory/utilization"


def scan(cai, catalog, scope=ORG, **options):
    options.setdefault("retries", 1)
    options.setdefault("monitoring_endpoint", cai.monitoring.url)
    options.setdefault("dns_endpoint", cai.dns.server.url)
    return collect(
        GcpScan(scope=scope, endpoint_url=cai.server.url, **options),
        credentials=AnonymousCredentials(),
        catalog=catalog,
        now=END,
    )


def vm(cai, instance_id, name, metric, values, **labels):
    cai.monitoring.add(
        "shop-prod",
        metric,
        "gce_instance",
        {"instance_id": instance_id, "zone": "europe-west1-b"},
        values,
        {"instance_name": name, **labels} if metric == VM_CPU else labels,
    )


def sql(cai, name, metric, values):
    cai.monitoring.add(
        "shop-prod",
        metric,
        "cloudsql_database",
        {"database_id": f"shop-prod:{name}", "region": "europe-west1"},
        values,
    )


@pytest.fixture()
def shop(cai):
    """Hourly points of the shop-prod machines and databases, split over pages of 7 points."""
    cai.monitoring.page_points = 7
    vm(cai, "63384", "app-1", VM_CPU, [i / 100 for i in range(1, 21)])  # 1 % .. 20 %
    cai.monitoring.add(
        "shop-prod",
        VM_CPU,
        "gce_instance",
        {"instance_id": "63384", "zone": "europe-west1-b"},
        [0.99],
        {"instance_name": "app-1"},
        end=END - dt.timedelta(days=20),
    )  # before the window
    vm(cai, "395892", "api-1", VM_CPU, [0.5] * 10 + [0.9] * 2)
    vm(cai, "395892", "api-1", VM_MEMORY, [40 + 2 * i for i in range(10)], state="used")
    vm(cai, "395892", "api-1", VM_MEMORY, [60] * 10, state="free")
    vm(cai, "259817", "worker-1", VM_CPU, [0.7] * 3)  # stopped now: not read
    sql(cai, "shop-pg", SQL_CPU, [0.2, 0.4, 0.6, 0.8])
    sql(cai, "shop-pg", SQL_MEMORY, [0.7, 0.75])
    sql(cai, "shop-pg-replica", SQL_CPU, [0.3, 1.2])  # a burst above 100 % counts as 100 %
    return cai


def figures(resource):
    u = resource.utilisation
    return None if u is None else (u.cpu_mean, u.cpu_p95, u.memory_p95, u.period_days, u.source)


def test_p95_and_mean_of_hourly_points(shop, connector_catalog):
    by_id = scan(shop, connector_catalog).by_id()
    assert figures(by_id[APP]) == (10.5, 19.0, None, 14, "gcp-cloud-monitoring")
    assert figures(by_id[API]) == (
        56.67,
        90.0,
        58.0,
        14,
        "gcp-cloud-monitoring",
    )  # Ops Agent memory, "used" only
    assert figures(by_id[PG]) == (50.0, 80.0, 75.0, 14, "gcp-cloud-monitoring")
    assert figures(by_id[REPLICA]) == (65.0, 100.0, None, 14, "gcp-cloud-monitoring")
    assert by_id[WORKER].utilisation is None
    assert (
        by_id[
            "//compute.googleapis.com/projects/project1/zones/us-central1-c/instances/iap_instance1"
        ].utilisation
        is None
    )


def test_one_list_call_per_project_and_metric_type_with_pages(shop, connector_catalog):
    scan(shop, connector_catalog)
    requests = shop.monitoring.requests
    first_pages = sorted((r.name, r.filter) for r in requests if not r.page_token)
    assert (
        len(first_pages) == len(set(first_pages)) == 12
    )  # shop-prod, project1, project2 x 4 metric types
    assert (
        "projects/shop-prod",
        (
            'metric.type = "agent.googleapis.com/memory/percent_used" AND '
            'resource.type = "gce_instance" AND metric.labels.state = "used"'
        ),
    ) in first_pages
    cpu_pages = [r for r in requests if r.name == "projects/shop-prod" and VM_CPU in r.filter]
    assert [r.page_token for r in cpu_pages] == [
        "",
        "7",
        "14",
        "21",
        "28",
    ]  # 35 points in the window, 7 a page
    one = cpu_pages[0]
    assert (one.interval.start_time, one.interval.end_time) == (END - dt.timedelta(days=14), END)
    assert one.aggregation.alignment_period.total_seconds() == 3600
    assert one.aggregation.per_series_aligner.name == "ALIGN_MEAN" and one.view.name == "FULL"


def test_the_window_follows_metrics_days(shop, connector_catalog):
    by_id = scan(shop, connector_catalog, metrics_days=1).by_id()
    assert figures(by_id[APP])[:2] == (10.5, 19.0) and by_id[APP].utilisation.period_days == 1
    shop.monitoring.requests.clear()
    shop.monitoring.add(
        "shop-prod",
        VM_CPU,
        "gce_instance",
        {"instance_id": "63384", "zone": "europe-west1-b"},
        [0.5],
        {"instance_name": "app-1"},
        end=END - dt.timedelta(days=2),
    )
    assert figures(scan(shop, connector_catalog, metrics_days=1).by_id()[APP])[:2] == (10.5, 19.0)
    assert figures(scan(shop, connector_catalog, metrics_days=3).by_id()[APP])[:2] == (12.38, 20.0)


def test_denied_metrics_are_one_issue_per_project_and_resources_stay(shop, connector_catalog):
    shop.monitoring.fail(
        "shop-prod",
        grpc.StatusCode.PERMISSION_DENIED,
        "Permission monitoring.timeSeries.list denied (or the resource may not exist).",
        times=None,
    )
    inventory = scan(shop, connector_catalog)
    issues = [i for i in inventory.issues if i.message.startswith("Cloud Monitoring")]
    assert len(issues) == 1
    assert (issues[0].code, issues[0].scope) == ("access_denied", "shop-prod")
    assert "4 metric type(s) not read" in issues[0].message
    assert "PERMISSION_DENIED Permission monitoring.timeSeries.list denied" in issues[0].message
    by_id = inventory.by_id()
    assert (
        by_id[APP].attributes.vcpu == 8
        and by_id[APP].utilisation is None
        and by_id[PG].utilisation is None
    )
    assert len(inventory.resources) == len(scan(shop, connector_catalog, metrics=False).resources)


def test_throttling_waits_as_asked_then_reads(shop, connector_catalog):
    shop.monitoring.fail(
        "shop-prod",
        grpc.StatusCode.RESOURCE_EXHAUSTED,
        "Quota exceeded",
        metric_type=SQL_CPU,
        retry_seconds=0.3,
    )
    started = time.monotonic()
    inventory = scan(shop, connector_catalog)
    assert time.monotonic() - started >= 0.3
    assert not [i for i in inventory.issues if i.message.startswith("Cloud Monitoring")]
    assert figures(inventory.by_id()[PG])[:3] == (50.0, 80.0, 75.0)
    assert (
        len(
            [
                r
                for r in shop.monitoring.requests
                if r.name == "projects/shop-prod" and SQL_CPU in r.filter
            ]
        )
        == 2
    )


def test_throttling_given_up_is_one_issue_and_the_rest_is_read(shop, connector_catalog):
    shop.monitoring.fail(
        "shop-prod",
        grpc.StatusCode.RESOURCE_EXHAUSTED,
        "Quota exceeded",
        metric_type=SQL_CPU,
        retry_seconds=0,
        times=None,
    )
    inventory = scan(shop, connector_catalog, retries=2)
    issues = [i for i in inventory.issues if i.message.startswith("Cloud Monitoring")]
    assert [(i.code, i.scope) for i in issues] == [("throttled", "shop-prod")]
    assert (
        f"1 metric type(s) not read ({SQL_CPU})" in issues[0].message
        and "gave up after retries" in issues[0].message
    )
    assert (
        len(
            [
                r
                for r in shop.monitoring.requests
                if SQL_CPU in r.filter and r.name == "projects/shop-prod"
            ]
        )
        == 3
    )
    by_id = inventory.by_id()
    assert figures(by_id[PG])[:3] == (None, None, 75.0) and figures(by_id[APP])[:2] == (10.5, 19.0)


def test_without_configuration_machines_match_by_zone_and_name(shop, connector_catalog):
    shop.server.fail("GET", "/assets$", google_error(403, "denied"), times=None)
    by_id = scan(shop, connector_catalog).by_id()
    assert figures(by_id[APP])[:2] == (10.5, 19.0)
    assert (
        by_id[API].utilisation.memory_p95 is None
    )  # the Ops Agent series carries no instance name


def test_same_inputs_give_identical_files(shop, connector_catalog):
    first = scan(shop, connector_catalog, workers=8).model_copy(
        update={"generated_at": "2026-11-02T00:00:00Z"}
    )
    second = scan(shop, connector_catalog, workers=2).model_copy(
        update={"generated_at": "2026-11-02T00:00:00Z"}
    )
    assert dumps(first) == dumps(second)
    assert first.by_id()[API].utilisation is not None


@pytest.mark.parametrize("options", [{"metrics": False}, {"metrics_days": 0}])
def test_no_metrics_sends_no_monitoring_request(shop, connector_catalog, options):
    inventory = scan(shop, connector_catalog, **options)
    assert shop.monitoring.calls == [] and all(r.utilisation is None for r in inventory.resources)


def test_negative_days_are_refused():
    with pytest.raises(InputError, match="--metrics-days: -1 is negative"):
        collect(GcpScan(scope="projects/p", metrics_days=-1))


def test_another_asset_endpoint_without_a_monitoring_one_reads_no_metrics(shop, connector_catalog):
    inventory = scan(shop, connector_catalog, monitoring_endpoint=None)
    assert shop.monitoring.calls == []
    assert any(
        i.code == "skipped" and "--monitoring-endpoint" in i.message for i in inventory.issues
    )


def test_command_options(shop, tmp_path, capsys, connector_catalog_dir):
    out = tmp_path / "inventory.json"
    shop.monitoring.add(
        "shop-prod",
        VM_CPU,
        "gce_instance",
        {"instance_id": "63384", "zone": "europe-west1-b"},
        [0.25],
        {"instance_name": "app-1"},
        end=dt.datetime.now(dt.UTC) - dt.timedelta(hours=2),
    )
    base = [
        "inventory",
        "gcp",
        "--scope",
        "projects/shop-prod",
        "--endpoint-url",
        shop.server.url,
        "--anonymous",
        "--no-progress",
        "--catalog",
        str(connector_catalog_dir),
        "--output",
        str(out),
    ]
    assert run([*base, "--monitoring-endpoint", shop.monitoring.url, "--metrics-days", "1"]) == 0, (
        capsys.readouterr()
    )
    app = next(r for r in json.loads(out.read_text())["resources"] if r["id"] == APP)
    assert app["utilisation"] == {
        "cpu_mean": 25.0,
        "cpu_p95": 25.0,
        "period_days": 1,
        "source": "gcp-cloud-monitoring",
    }
    shop.monitoring.calls.clear()
    assert run([*base, "--monitoring-endpoint", shop.monitoring.url, "--no-metrics"]) == 0
    assert shop.monitoring.calls == []
    assert run([*base, "--metrics-days", "-2"]) == 2
