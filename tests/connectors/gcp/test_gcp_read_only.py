"""Read-only by construction: only the RPCs the connector makes leave the Cloud Asset transport
(search_all_resources, list_assets), the Cloud DNS session (resourceRecordSets.list) and the Cloud
Monitoring channel (ListTimeSeries)."""

from __future__ import annotations

import pytest
from google.api_core import exceptions as gexc
from google.auth.credentials import AnonymousCredentials

from cloudexit.connectors.common import ReadOnlyViolation
from cloudexit.connectors.gcp import dns, monitoring
from cloudexit.connectors.gcp.assets import is_allowed, make_client
from cloudexit.connectors.gcp.monitoring import is_read


@pytest.mark.parametrize(
    ("rpc", "allowed"),
    [
        ("search_all_resources", True),
        ("list_assets", True),
        ("get_feed", False),
        ("list_feeds", False),
        ("query_assets", False),
        ("get_saved_query", False),
        ("create_feed", False),
        ("update_feed", False),
        ("delete_feed", False),
        ("export_assets", False),
        ("analyze_iam_policy_longrunning", False),
        ("create_saved_query", False),
        ("batch_get_assets_history", False),
    ],
)
def test_rpc_names(rpc, allowed):
    assert is_allowed(rpc) is allowed


def test_writes_are_refused_before_they_are_sent(own_cai):
    cai = own_cai
    client = make_client(AnonymousCredentials(), cai.server.url)
    with pytest.raises(ReadOnlyViolation, match="create_feed"):
        client.create_feed(
            request={"parent": "projects/shop-prod", "feed_id": "f", "feed": {"name": "x"}}
        )
    with pytest.raises(ReadOnlyViolation, match="delete_feed"):
        client.delete_feed(name="projects/shop-prod/feeds/f")
    with pytest.raises(ReadOnlyViolation, match="export_assets"):
        client.export_assets(
            request={
                "parent": "projects/shop-prod",
                "output_config": {"gcs_destination": {"uri": "gs://b/o"}},
            }
        )
    with pytest.raises(ReadOnlyViolation, match="query_assets"):
        client.query_assets(
            request={
                "parent": "projects/shop-prod",
                "statement": "SELECT 1",
                "output_config": {"bigquery_destination": {"dataset": "d", "table": "t"}},
            }
        )
    assert cai.server.requests == []


def test_reads_the_connector_does_not_make_are_refused_and_its_own_go_out(own_cai):
    cai = own_cai
    client = make_client(AnonymousCredentials(), cai.server.url)
    with pytest.raises(ReadOnlyViolation, match="query_assets"):
        client.query_assets(request={"parent": "projects/shop-prod", "statement": "SELECT 1"})
    with pytest.raises(ReadOnlyViolation, match="get_feed"):
        client.get_feed(name="projects/shop-prod/feeds/f")
    assert cai.server.requests == []
    with pytest.raises(gexc.BadRequest):  # the fake asks for content_type: but it was sent
        list(client.list_assets(request={"parent": "projects/shop-prod", "asset_types": ["x"]}))
    assert [r.method for r in cai.server.requests] == ["GET"]


@pytest.mark.parametrize(
    ("method", "allowed"),
    [
        ("/google.monitoring.v3.MetricService/ListTimeSeries", True),
        (b"/google.monitoring.v3.MetricService/ListTimeSeries", True),
        ("/google.monitoring.v3.MetricService/GetMetricDescriptor", False),
        (b"/google.monitoring.v3.MetricService/ListMonitoredResourceDescriptors", False),
        ("/google.monitoring.v3.UptimeCheckService/ListUptimeCheckConfigs", False),
        ("/google.monitoring.v3.MetricService/CreateTimeSeries", False),
        ("/google.monitoring.v3.MetricService/CreateServiceTimeSeries", False),
        ("/google.monitoring.v3.MetricService/CreateMetricDescriptor", False),
        ("/google.monitoring.v3.MetricService/DeleteMetricDescriptor", False),
    ],
)
def test_monitoring_method_names(method, allowed):
    assert is_read(method) is allowed


def test_monitoring_writes_are_refused_before_they_are_sent(own_cai):
    cai = own_cai
    client = monitoring.make_client(AnonymousCredentials(), cai.monitoring.url)
    with pytest.raises(ReadOnlyViolation, match="CreateTimeSeries"):
        client.create_time_series(
            name="projects/shop-prod", time_series=[{"metric": {"type": "custom.googleapis.com/x"}}]
        )
    with pytest.raises(ReadOnlyViolation, match="CreateMetricDescriptor"):
        client.create_metric_descriptor(
            name="projects/shop-prod", metric_descriptor={"type": "custom.googleapis.com/x"}
        )
    with pytest.raises(ReadOnlyViolation, match="DeleteMetricDescriptor"):
        client.delete_metric_descriptor(
            name="projects/shop-prod/metricDescriptors/custom.googleapis.com/x"
        )
    assert cai.monitoring.calls == []


def test_a_monitoring_read_not_made_is_refused(own_cai):
    client = monitoring.make_client(AnonymousCredentials(), own_cai.monitoring.url)
    with pytest.raises(ReadOnlyViolation, match="ListMetricDescriptors"):
        list(client.list_metric_descriptors(name="projects/shop-prod"))
    assert own_cai.monitoring.calls == []


def test_monitoring_list_is_let_through(own_cai):
    cai = own_cai
    client = monitoring.make_client(AnonymousCredentials(), cai.monitoring.url)
    series = client.list_time_series(
        name="projects/shop-prod", filter='metric.type = "x"', interval={"end_time": {"seconds": 1}}
    )
    assert list(series) == []
    assert cai.monitoring.calls == ["/google.monitoring.v3.MetricService/ListTimeSeries"]


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("GET", "/dns/v1/projects/p/managedZones/z/rrsets", True),
        ("get", "/dns/v1/projects/p/managedZones/z/rrsets", True),
        ("POST", "/dns/v1/projects/p/managedZones/z/rrsets", False),
        ("PATCH", "/dns/v1/projects/p/managedZones/z/rrsets/www.z./A", False),
        ("DELETE", "/dns/v1/projects/p/managedZones/z/rrsets/www.z./A", False),
        ("POST", "/dns/v1/projects/p/managedZones/z/changes", False),
        ("POST", "/dns/v1/projects/p/managedZones", False),
        ("DELETE", "/dns/v1/projects/p/managedZones/z", False),
        ("GET", "/dns/v1/projects/p/managedZones", False),
        ("GET", "/dns/v1/projects/p/managedZones/z/rrsets/www.z./A", False),
        ("GET", "/dns/v1/projects/p/policies", False),
    ],
)
def test_only_the_record_set_list_is_a_read_the_connector_makes(method, path, allowed):
    assert dns.is_read(method, f"https://dns.googleapis.com{path}") is allowed


def test_writes_and_other_reads_are_refused_before_they_are_sent(own_cai):
    session = dns.make_session(AnonymousCredentials())
    base = f"{own_cai.dns.server.url}/dns/v1/projects/shop-prod/managedZones"
    with session:
        with pytest.raises(ReadOnlyViolation, match="POST .*/changes"):
            session.post(f"{base}/shop-zone/changes", json={"additions": []})
        with pytest.raises(ReadOnlyViolation, match="DELETE"):
            session.delete(f"{base}/shop-zone")
        with pytest.raises(ReadOnlyViolation, match="PATCH"):
            session.patch(f"{base}/shop-zone/rrsets/www.shop.example.com./A", json={})
        with pytest.raises(ReadOnlyViolation, match="GET .*/managedZones"):
            session.get(base)
        assert own_cai.dns.server.requests == []
        found = dns.record_sets(
            session, "shop-prod", "shop-zone", retries=0, endpoint=own_cai.dns.server.url
        )
    assert len(found) == 7
    assert {r.method for r in own_cai.dns.server.requests} == {"GET"}
