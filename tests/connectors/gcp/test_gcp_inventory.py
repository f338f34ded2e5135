"""The GCP connector end to end: the real Cloud Asset client over REST against a loopback server."""

from __future__ import annotations

import json
import time

import pytest
from google.auth.credentials import AnonymousCredentials

from cloudexit.connectors.gcp import GcpScan, collect
from cloudexit.errors import RuntimeFailure
from cloudexit.model.io import dumps
from cloudexit.model.kinds import Kind
from tests.connectors.gcp.fake_cai import DATA, google_error
from tests.connectors.gcp.fake_monitoring import END

ORG = "organizations/111222333"
C = "//compute.googleapis.com/projects/shop-prod"
ZONE = f"{C}/zones/europe-west1-b"


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


def test_organization_scan_reads_sizes_links_and_kinds(cai, connector_catalog):
    inventory = scan(cai, connector_catalog)
    by_id = inventory.by_id()

    app = by_id[f"{ZONE}/instances/app-1"]
    assert (app.kind, app.account, app.region, app.attributes.details["zone"]) == (
        Kind.VM,
        "shop-prod",
        "europe-west1",
        "europe-west1-b",
    )
    assert (app.attributes.instance_type, app.attributes.vcpu, app.attributes.memory_gib) == (
        "n2-custom-8-32768",
        8,
        32,
    )
    assert app.depends_on == sorted(
        [
            f"{C}/regions/europe-west1/subnetworks/app",
            f"{ZONE}/disks/app-1",
            f"{ZONE}/disks/app-1-data",
        ]
    )
    assert app.tags == {"app": "shop", "env": "prod"} and app.attributes.os == "linux"
    worker = by_id[f"{ZONE}/instances/worker-1"].attributes
    assert (worker.vcpu, worker.memory_gib, worker.state, worker.gpu_count, worker.gpu_model) == (
        4,
        16,
        "stopped",
        1,
        "nvidia-tesla-t4",
    )
    api = by_id[f"{ZONE}/instances/api-1"].attributes
    assert (api.vcpu, api.memory_gib, api.architecture) == (4, 16, "x86_64")  # from the catalogue
    corpus_vm = by_id[
        "//compute.googleapis.com/projects/project1/zones/us-central1-c/instances/iap_instance1"
    ]
    assert (corpus_vm.attributes.instance_type, corpus_vm.account, corpus_vm.region) == (
        "f1-micro",
        "project1",
        "us-central1",
    )
    assert (
        by_id[
            "//compute.googleapis.com/projects/project2/zones/us-west1-a/instances/instance3"
        ].attributes.details["size_unresolved"]
        is True
    )

    orphan = by_id[f"{ZONE}/disks/orphan"].attributes
    assert (orphan.storage_gib, orphan.storage_class, orphan.state) == (
        200,
        "pd-standard",
        "unattached",
    )

    pg = by_id["//cloudsql.googleapis.com/projects/shop-prod/instances/shop-pg"]
    assert (pg.kind, pg.attributes.engine, pg.attributes.engine_version) == (
        Kind.POSTGRESQL,
        "postgresql",
        "15",
    )
    assert (pg.attributes.vcpu, pg.attributes.memory_gib, pg.attributes.high_availability) == (
        2,
        7.5,
        True,
    )
    assert pg.depends_on == [f"{C}/global/networks/shop-vpc"]
    replica = by_id["//cloudsql.googleapis.com/projects/shop-prod/instances/shop-pg-replica"]
    assert replica.depends_on == [pg.id] and (
        replica.attributes.vcpu,
        replica.attributes.memory_gib,
    ) == (1, 3.75)
    mssql = by_id["//cloudsql.googleapis.com/projects/shop-prod/instances/shop-mssql"]
    assert (mssql.kind, mssql.attributes.engine_version, mssql.attributes.state) == (
        Kind.SQLSERVER,
        "2019",
        "stopped",
    )
    corpus_sql = by_id["//cloudsql.googleapis.com/projects/project2/instances/forseti"]
    assert (corpus_sql.kind, corpus_sql.attributes.engine_version) == (Kind.MYSQL, "5.7")

    bucket = by_id["//storage.googleapis.com/shop-assets"]
    assert (bucket.kind, bucket.region, bucket.account, bucket.attributes.storage_class) == (
        Kind.OBJECT_BUCKET,
        "eu",
        "shop-prod",
        "standard",
    )

    gke = by_id[
        "//container.googleapis.com/projects/shop-prod/locations/europe-west1/clusters/shop-gke"
    ]
    assert (gke.attributes.node_count, gke.attributes.engine_version) == (6, "1.29.4-gke.1043002")
    assert f"{C}/regions/europe-west1/subnetworks/app" in gke.depends_on
    pool = by_id[f"{gke.id}/nodePools/highmem"]
    assert (
        pool.kind,
        pool.region,
        pool.attributes.vcpu,
        pool.attributes.memory_gib,
        pool.depends_on,
    ) == (Kind.KUBERNETES_NODE_POOL, "europe-west1", 8, 32, [gke.id])
    assert pool.attributes.details["spot"] is True

    v2 = by_id[
        "//cloudfunctions.googleapis.com/projects/shop-prod/locations/europe-west1/functions/resize-image"
    ]
    assert (v2.kind, v2.region, v2.attributes.engine, v2.attributes.memory_gib) == (
        Kind.FUNCTION,
        "europe-west1",
        "python312",
        0.477,
    )
    run = by_id["//run.googleapis.com/projects/shop-prod/locations/europe-west1/services/shop-api"]
    assert (
        run.attributes.vcpu,
        run.attributes.memory_gib,
        run.attributes.details["max_instances"],
    ) == (1, 0.5, "10")

    # a subscription is part of the topic it reads: one unit on the target
    sub = "//pubsub.googleapis.com/projects/shop-prod/subscriptions/orders-worker"
    assert sub not in by_id
    assert by_id["//pubsub.googleapis.com/projects/shop-prod/topics/orders"].members == [sub]
    redis = by_id[
        "//redis.googleapis.com/projects/shop-prod/locations/europe-west1/instances/shop-cache"
    ]
    assert (
        redis.attributes.memory_gib,
        redis.attributes.engine_version,
        redis.attributes.high_availability,
    ) == (5, "7.0", True)
    assert (
        by_id["//firestore.googleapis.com/projects/shop-prod/databases/(default)"].attributes.engine
        == "firestore"
    )
    # a Bigtable instance runs its clusters and holds its tables
    bigtable = by_id["//bigtable.googleapis.com/projects/project2/instances/test-bigtable"]
    assert [m.rsplit("/", 2)[-2] for m in bigtable.members] == ["clusters", "tables"]
    assert bigtable.attributes.node_count == 1

    # the load balancer chain: forwarding rule -> proxy -> URL map -> backend service is one
    # balancer, headed by the forwarding rule; the instance group behind it is its member
    head = by_id[f"{C}/global/forwardingRules/shop-https"]
    parts = [
        f"{C}/global/backendServices/shop-web",
        f"{C}/global/targetHttpsProxies/shop-proxy",
        f"{C}/global/urlMaps/shop-map",
    ]
    assert head.members == parts
    assert not set(parts) & set(by_id)
    assert head.attributes.details["address"] == "34.120.1.1"
    # typed: TCP 443 behind an HTTPS proxy is an HTTPS listener
    assert [(x.protocol, x.port) for x in head.topology.listeners] == [("HTTPS", 443)]
    group = by_id[f"{ZONE}/instanceGroups/web-ig"]
    assert group.id in head.depends_on
    assert [(x.relation, x.to) for x in group.topology.attachments] == [("lb_member", head.id)]
    https = by_id[f"{C}/global/firewalls/allow-https"]
    allowed = [r for r in https.topology.firewall_rules if r.name == "allow-https"]
    assert [
        (r.direction, r.action, r.protocol, [p.text for p in r.ports], [e.text for e in r.sources])
        for r in allowed
    ] == [("ingress", "allow", "tcp", ["443"], ["cidr:0.0.0.0/0"])]
    assert [e.text for e in allowed[0].destinations] == ["tag:web"]
    assert "direction" not in https.attributes.details  # the typed rules carry it
    deny = by_id[f"{C}/global/firewalls/deny-egress"].topology.firewall_rules
    assert [
        (r.direction, r.action, r.protocol, r.priority) for r in deny if r.action == "deny"
    ] == [("egress", "deny", "any", 65000)]
    # the firewall applies to the instance with its target tag; one naming no target, to all
    assert by_id[f"{ZONE}/instances/api-1"].topology.security_groups == sorted(
        [f"{C}/global/firewalls/allow-https", f"{C}/global/firewalls/deny-egress"]
    )
    assert by_id[f"{ZONE}/instances/app-1"].topology.security_groups == [
        f"{C}/global/firewalls/deny-egress"
    ]
    subnet = by_id[f"{C}/regions/europe-west1/subnetworks/app"]
    assert subnet.topology.cidrs == ["10.10.0.0/20"]
    assert len(subnet.attributes.details["secondary_ranges"]) == 2
    zone = by_id["//dns.googleapis.com/projects/shop-prod/managedZones/shop-zone"]
    assert (zone.region, zone.attributes.details["visibility"], zone.depends_on) == (
        "global",
        "private",
        [f"{C}/global/networks/shop-vpc"],
    )
    repo = by_id[
        "//artifactregistry.googleapis.com/projects/shop-prod/locations/europe-west1/repositories/containers"
    ]
    assert (repo.kind, repo.attributes.storage_gib, repo.attributes.engine) == (
        Kind.CONTAINER_REGISTRY,
        5,
        "docker",
    )

    codes = {(i.code, i.message) for i in inventory.issues}
    assert (
        "unsupported_type",
        "1 × workflows.googleapis.com/Workflow not in the mapping catalogue: kept as kind other",
    ) in codes
    assert any(c == "skipped" and "iam.googleapis.com/ServiceAccount" in m for c, m in codes)
    assert inventory.sources[0].location == ORG


def test_secrets_are_names_only_and_projects_resolve_from_numbers(cai, connector_catalog):
    secret = scan(cai, connector_catalog).by_id()[
        "//secretmanager.googleapis.com/projects/2001/secrets/db-password"
    ]
    assert (secret.kind, secret.account, secret.name) == (
        Kind.SECRET_STORE,
        "shop-prod",
        "db-password",
    )
    text = secret.model_dump_json()
    assert "replication" not in text and "platform-team" not in text


def test_every_asset_is_read_or_accounted_for(cai, connector_catalog):
    inventory = scan(cai, connector_catalog)
    exported = {
        json.loads(line)["name"] for line in (DATA / "assets.jsonl").read_text().splitlines()
    }
    # "N × type skipped: why" per type; a machine folded into its group is one issue of its own
    skipped = sum(
        int(i.message.split(" ")[0]) if i.resource_id is None else 1
        for i in inventory.issues
        if i.code == "skipped"
    )
    # node pools and an App Engine application's default firewall rule are read from a parent
    children = [
        r
        for r in inventory.resources
        if r.type == "container.googleapis.com/NodePool" or "known_from" in r.attributes.details
    ]
    assert len(inventory.resources) + skipped == len(cai.exported) + len(children)
    parts = {i.resource_id for i in inventory.issues if "part of" in i.message}
    assert exported - set(inventory.by_id()) - parts == {
        "//cloudresourcemanager.googleapis.com/projects/2001"
    }


def test_paging_and_request_shapes(cai, connector_catalog):
    scan(cai, connector_catalog)
    searches = cai.server.seen("GET", ":searchAllResources$")
    lists = cai.server.seen("GET", "/assets$")
    total = len(cai.exported)
    assert len(searches) == -(-total // 20)
    assert [r.param("pageToken") for r in searches[:3]] == [None, "20", "40"]
    assert lists[0].param("contentType") == "1"  # enums travel as integers over REST
    assert "compute.googleapis.com/Instance" in lists[0].query["assetTypes"]
    assert "cloudresourcemanager.googleapis.com/Project" in lists[0].query["assetTypes"]


def test_project_and_folder_scopes(cai, connector_catalog):
    project = scan(cai, connector_catalog, scope="projects/shop-prod")
    assert {r.account for r in project.resources} == {"shop-prod"}
    assert cai.server.seen("GET", "^/v1/projects/shop-prod:searchAllResources$")
    folder = scan(cai, connector_catalog, scope="folders/1031")
    assert {"shop-prod", "project3"} <= {r.account for r in folder.resources}
    assert "project1" not in {r.account for r in folder.resources}


def test_list_denied_keeps_search_results_without_configuration(cai, connector_catalog):
    cai.server.fail(
        "GET", "/assets$", google_error(403, "The caller does not have permission"), times=None
    )
    inventory = scan(cai, connector_catalog)
    issue = next(i for i in inventory.issues if i.code == "access_denied")
    assert "Cloud Asset list failed (HTTP 403 The caller does not have permission)" in issue.message
    vm = inventory.by_id()[f"{ZONE}/instances/app-1"]
    assert vm.kind == Kind.VM and vm.region == "europe-west1" and vm.attributes.state == "running"
    assert vm.attributes.details["configuration_unavailable"] is True and vm.attributes.vcpu is None


def test_search_denied_keeps_listed_types(cai, connector_catalog):
    cai.server.fail("GET", ":searchAllResources$", google_error(403, "denied"), times=None)
    inventory = scan(cai, connector_catalog)
    assert any(i.code == "access_denied" and "search failed" in i.message for i in inventory.issues)
    assert inventory.by_id()[f"{ZONE}/instances/app-1"].attributes.vcpu == 8
    assert not any(r.type == "workflows.googleapis.com/Workflow" for r in inventory.resources)


def test_nothing_readable_is_a_runtime_failure(cai, connector_catalog):
    cai.server.fail(
        "GET",
        "^/v1/",
        google_error(403, "Cloud Asset API has not been used in project"),
        times=None,
    )
    with pytest.raises(RuntimeFailure, match="gave nothing for organizations/111222333.*HTTP 403"):
        scan(cai, connector_catalog)


def test_throttling_waits_for_retry_after_then_gives_up_as_an_issue(cai, connector_catalog):
    cai.server.fail(
        "GET", ":searchAllResources$", google_error(429, "Quota exceeded", {"Retry-After": "1"})
    )
    cai.server.fail(
        "GET", "/assets$", google_error(429, "Quota exceeded", {"Retry-After": "0"}), times=None
    )
    started = time.monotonic()
    inventory = scan(cai, connector_catalog, retries=2)
    assert time.monotonic() - started >= 1.0
    searches = cai.server.seen("GET", ":searchAllResources$")
    assert searches[0].param("pageToken") is None and searches[1].param("pageToken") is None
    throttled = [i for i in inventory.issues if i.code == "throttled"]
    assert len(throttled) == 1 and "gave up after retries" in throttled[0].message
    assert len(cai.server.seen("GET", "/assets$")) == 3


def test_same_inputs_give_identical_files(cai, connector_catalog):
    first = scan(cai, connector_catalog).model_copy(update={"generated_at": "2026-11-02T00:00:00Z"})
    second = scan(cai, connector_catalog).model_copy(
        update={"generated_at": "2026-11-02T00:00:00Z"}
    )
    assert dumps(first) == dumps(second)


def test_running_linux_machines_carry_their_catalogue_list_price(cai, connector_catalog):
    by_id = scan(cai, connector_catalog).by_id()
    expected = connector_catalog.list_price("gcp", "europe-west1", "e2-standard-4")
    cost = by_id[f"{ZONE}/instances/api-1"].monthly_cost
    assert cost is not None and (cost.amount, cost.source) == (
        expected.monthly_eur,
        expected.source,
    )
    assert by_id[f"{ZONE}/instances/worker-1"].monthly_cost is None  # stopped
    pool = by_id[
        "//container.googleapis.com/projects/shop-prod/locations/europe-west1/clusters/shop-gke/nodePools/highmem"
    ]
    node = connector_catalog.list_price("gcp", "europe-west1", "n2-standard-8")
    # one node a zone in each of the cluster's three zones
    assert pool.monthly_cost is not None and pool.monthly_cost.amount == 3 * node.monthly_eur
