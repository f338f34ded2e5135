"""The OpenStack connector end to end: openstack.connect() from clouds.yaml to a loopback cloud."""

from __future__ import annotations

import time

import pytest

from cloudexit.connectors.openstack import OpenStackScan, collect, scan_cloud
from cloudexit.errors import InputError, RuntimeFailure
from cloudexit.model.boot_disks import BOOT_GIB
from cloudexit.model.io import dumps
from cloudexit.model.kinds import Kind
from tests.connectors.openstack.conftest import clouds_yaml
from tests.connectors.openstack.fake_openstack import fault

PROJECT = "5d4f2e1a9b8c4d7e8f0a1b2c3d4e5f60"


def uid(n: int) -> str:
    return f"{n:08x}-0000-4000-8000-{n:012x}"


def rid(short: str, n: int, region: str = "GRA11") -> str:
    return f"ovh-prod/{region}/{short}/{uid(n)}"


def scan(catalog, **options):
    options.setdefault("cloud", "ovh-prod")
    options.setdefault("retries", 1)
    return scan_cloud(OpenStackScan(**options), catalog=catalog)


def test_every_region_with_sizes_links_and_kinds(cloud, connector_catalog):
    inventory = scan(connector_catalog).inventory
    by_id = inventory.by_id()

    web = by_id[rid("server", 1)]
    assert (web.kind, web.account, web.region, web.type) == (
        Kind.VM,
        PROJECT,
        "GRA11",
        "OS::Nova::Server",
    )
    assert (web.attributes.instance_type, web.attributes.vcpu, web.attributes.memory_gib) == (
        "b2-7",
        2,
        6.836,
    )
    assert (web.attributes.state, web.attributes.os, web.attributes.storage_gib) == (
        "running",
        "ubuntu",
        50,
    )
    assert web.depends_on == sorted(
        [
            rid("volume", 101),
            rid("subnet", 311),
            rid("security_group", 401),
            rid("security_group", 402),
            rid("floating_ip", 701),
        ]
    )
    assert web.tags == {"role": "web", "shop": ""}
    # started from an image, web-1 boots from its flavour's 50 GB disk; db-1 from its volume
    assert web.attributes.details[BOOT_GIB] == 50
    assert by_id[rid("server", 2)].attributes.details[BOOT_GIB] == 200
    assert by_id[rid("server", 2)].attributes.state == "stopped"
    gpu = by_id[rid("server", 3)].attributes
    assert (gpu.gpu_count, gpu.gpu_model, gpu.vcpu) == (1, "nvidia-tesla-v100", 8)
    assert by_id[rid("server", 11, "SBG5")].region == "SBG5"

    volume = by_id[rid("volume", 103)].attributes
    assert (volume.storage_gib, volume.storage_class, volume.details["bootable"]) == (
        200,
        "high-speed",
        True,
    )
    assert by_id[rid("volume", 102)].attributes.state == "available"
    assert by_id[rid("subnet", 311)].depends_on == [rid("network", 302)]
    assert rid("network", 301) not in by_id  # the provider's external network
    rules = by_id[rid("security_group", 402)].topology.firewall_rules
    assert sorted(
        (r.direction, r.protocol, [p.text for p in r.ports], r.sources[0].text) for r in rules
    ) == [
        ("ingress", "tcp", ["22"], "cidr:203.0.113.0/24"),
        ("ingress", "tcp", ["443"], "cidr:0.0.0.0/0"),
    ]
    assert "rules" not in by_id[rid("security_group", 402)].attributes.details
    default = by_id[rid("security_group", 401)].topology.firewall_rules
    # the remote group named by its resource id; the recorded allow-all egress kept as it is
    assert sorted((r.direction, r.protocol, r.peers[0].text) for r in default) == [
        ("egress", "any", "cidr:0.0.0.0/0"),
        ("ingress", "any", f"group:{rid('security_group', 401)}"),
    ]
    assert web.topology.security_groups == [rid("security_group", 401), rid("security_group", 402)]
    assert by_id[rid("subnet", 311)].topology.cidrs == ["10.0.0.0/24"]
    assert by_id[rid("router", 501)].depends_on == [rid("subnet", 311)]
    fip = by_id[rid("floating_ip", 701)]
    assert (fip.kind, fip.attributes.details["attached_to"]) == (Kind.PUBLIC_IP, rid("server", 1))
    assert by_id[rid("floating_ip", 702)].attributes.state == "unattached"

    lb = by_id[rid("load_balancer", 801)]
    assert lb.depends_on == sorted([rid("server", 1), rid("subnet", 311)])
    # typed: the HTTPS listener forwards to its pool's members on port 80
    assert [(x.protocol, x.port, x.target_port) for x in lb.topology.listeners] == [
        ("HTTPS", 443, 80)
    ]
    assert "listeners" not in lb.attributes.details
    assert lb.attributes.details["pools"][0]["members"] == ["10.0.0.11:80"]

    assets = by_id["ovh-prod/GRA11/container/shop-assets"]
    assert (assets.kind, assets.attributes.storage_gib, assets.attributes.object_count) == (
        Kind.OBJECT_BUCKET,
        1,
        1200,
    )
    k8s = by_id[rid("cluster", 901)]
    assert (
        k8s.kind,
        k8s.attributes.node_count,
        k8s.attributes.vcpu,
        k8s.attributes.engine_version,
    ) == (Kind.KUBERNETES_CLUSTER, 3, 4, "v1.27.4")
    zone = by_id[rid("zone", 1001)]
    assert zone.region == "global"
    # typed, less the apex SOA Designate writes itself
    assert zone.topology.zone_name == "shop.example.com"
    assert [(r.name, r.type, r.ttl, r.values) for r in zone.topology.records] == [
        ("shop.example.com.", "MX", 3600, ["10 mx.example.net."]),
        ("www.shop.example.com.", "A", 300, ["51.38.2.20"]),
    ]
    assert "records" not in zone.attributes.details
    assert [r.name for r in inventory.resources if r.type == "OS::Glance::Image"] == [
        "shop-golden-2026-10"
    ]

    issues = {(i.code, i.scope, i.message) for i in inventory.issues}
    assert (
        "skipped",
        "ovh-prod/SBG5",
        "OS::Octavia::LoadBalancer: no load-balancer service in the catalogue of SBG5",
    ) in issues
    assert any(code == "skipped" and "OS::Neutron::Net skipped" in m for code, _, m in issues)
    assert inventory.sources[0].location == "ovh-prod/GRA11, ovh-prod/SBG5"


def test_servers_page_through_links_and_flavours_resolve_by_id(cloud, connector_catalog):
    cloud.embed_flavors = False
    inventory = scan(connector_catalog, regions=("GRA11",)).inventory
    assert inventory.by_id()[rid("server", 2)].attributes.vcpu == 4
    pages = cloud.server.seen("GET", "^/GRA11/compute/v2.1/servers/detail$")
    assert [r.param("marker") for r in pages] == [None, uid(2)]
    assert not cloud.server.seen("GET", "^/SBG5/")


def test_capacity_is_quota_headroom_per_region(cloud, connector_catalog):
    result = scan(connector_catalog)
    gra, sbg = sorted(result.capacity, key=lambda c: c.region or "")
    assert (
        gra.provider,
        gra.region,
        gra.max_vcpu,
        gra.max_memory_gib,
        gra.max_instances,
        gra.max_storage_gib,
    ) == ("ovhcloud", "GRA11", 200 - 14, round((409600 - 67000) / 1024, 3), 50 - 3, 10000 - 350)
    assert (sbg.max_vcpu, sbg.max_memory_gib, sbg.max_storage_gib, sbg.max_instances) == (
        None,
        None,
        None,
        19,
    )
    t1 = next(f for f in result.flavors if f["name"] == "t1-45")
    assert (t1["region"], t1["vcpu"], t1["gpu_count"], t1["disk_gib"]) == ("GRA11", 8, 1, 400)


def test_forbidden_service_is_an_issue_and_the_rest_is_kept(cloud, connector_catalog):
    cloud.server.fail(
        "GET",
        "/volumes/detail$",
        fault(403, "forbidden", "Policy doesn't allow volume:get_all"),
        times=None,
    )
    inventory = scan(connector_catalog).inventory
    denied = [i for i in inventory.issues if i.code == "access_denied"]
    assert {i.scope for i in denied} == {"ovh-prod/GRA11", "ovh-prod/SBG5"}
    assert "HTTP 403" in denied[0].message and "OS::Cinder::Volume" in denied[0].message
    assert rid("server", 1) in inventory.by_id()


def test_throttling_waits_for_retry_after_then_gives_up_as_an_issue(cloud, connector_catalog):
    cloud.server.fail(
        "GET",
        "^/GRA11/compute/v2.1/servers/detail$",
        fault(429, "overLimit", "This request was rate-limited.", {"Retry-After": "1"}),
    )
    cloud.server.fail(
        "GET",
        "^/GRA11/network/v2.0/routers$",
        fault(429, "overLimit", "rate-limited", {"Retry-After": "0"}),
        times=None,
    )
    started = time.monotonic()
    inventory = scan(connector_catalog, regions=("GRA11",)).inventory
    assert time.monotonic() - started >= 1.0
    assert rid("server", 1) in inventory.by_id()
    throttled = [i for i in inventory.issues if i.code == "throttled"]
    assert len(throttled) == 1 and "OS::Neutron::Router" in throttled[0].message
    assert len(cloud.server.seen("GET", "^/GRA11/network/v2.0/routers$")) == 2


def test_regions_come_from_the_catalogue_when_none_is_configured(
    cloud, connector_catalog, tmp_path
):
    clouds_yaml(tmp_path / "clouds.yaml", f"{cloud.server.url}/identity/v3")
    inventory = scan(connector_catalog).inventory
    assert {r.region for r in inventory.resources} >= {"GRA11", "SBG5"}


def test_endpoint_url_replaces_the_configured_keystone(cloud, connector_catalog, tmp_path):
    clouds_yaml(tmp_path / "clouds.yaml", "http://127.0.0.1:9/identity/v3", ["GRA11"])
    inventory = collect(
        OpenStackScan(cloud="ovh-prod", endpoint_url=f"{cloud.server.url}/identity/v3"),
        catalog=connector_catalog,
    )
    assert rid("server", 1) in inventory.by_id()


def test_bad_password_and_unknown_cloud_fail_in_one_line(cloud, connector_catalog, tmp_path):
    with pytest.raises(InputError, match="no OpenStack cloud named 'nope'.*known: ovh-prod"):
        scan(connector_catalog, cloud="nope")
    clouds_yaml(
        tmp_path / "clouds.yaml", f"{cloud.server.url}/identity/v3", ["GRA11"], password="wrong"
    )
    with pytest.raises(RuntimeFailure, match="OpenStack sign-in to cloud 'ovh-prod' failed"):
        scan(connector_catalog)


def test_same_inputs_give_identical_files(cloud, connector_catalog):
    first = scan(connector_catalog).inventory.model_copy(
        update={"generated_at": "2026-11-02T00:00:00Z"}
    )
    second = scan(connector_catalog).inventory.model_copy(
        update={"generated_at": "2026-11-02T00:00:00Z"}
    )
    assert dumps(first) == dumps(second)
