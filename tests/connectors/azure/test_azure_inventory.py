"""The Azure connector end to end: real SDK clients against a loopback Resource Manager."""

from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path

from cloudexit.connectors.azure import AzureScan, collect
from cloudexit.connectors.azure.graph import rows
from cloudexit.model.io import dumps
from cloudexit.model.kinds import Kind
from tests.connectors.azure.conftest import NOW
from tests.connectors.azure.fake_arm import (
    CORPUS_SUBSCRIPTION,
    DISABLED_SUBSCRIPTION,
    StaticToken,
    arm_error,
)

SUB = "5c1f6e38-2b7a-4f0e-9d41-7e0a3c9b8d21"
BASE = f"/subscriptions/{SUB}/resourcegroups/shop-prod/providers"


def scan(arm, catalog, **options):
    options.setdefault("retries", 1)
    return collect(
        AzureScan(endpoint_url=arm.server.url, **options),
        credential=StaticToken(),
        catalog=catalog,
        now=NOW,
    )


def test_graph_scan_reads_every_subscription_with_sizes_and_links(arm, connector_catalog):
    inventory = scan(arm, connector_catalog)
    by_id = inventory.by_id()

    web = by_id[f"{BASE}/microsoft.compute/virtualmachines/web-1"]
    assert (web.kind, web.region, web.account) == (Kind.VM, "westeurope", SUB)
    assert (web.attributes.instance_type, web.attributes.vcpu, web.attributes.memory_gib) == (
        "Standard_D2s_v3",
        2,
        8,
    )
    assert (web.attributes.os, web.attributes.state, web.attributes.storage_gib) == (
        "linux",
        "running",
        158,
    )
    assert web.depends_on == sorted(
        [
            f"{BASE}/microsoft.compute/disks/web-1_data",
            f"{BASE}/microsoft.compute/disks/web-1_os",
            f"{BASE}/microsoft.network/networkinterfaces/web-1-nic",
        ]
    )
    assert by_id[f"{BASE}/microsoft.compute/virtualmachines/batch-1"].attributes.state == "stopped"
    unknown_size = by_id[f"{BASE}/microsoft.compute/virtualmachines/sap-1"].attributes
    assert unknown_size.vcpu is None and unknown_size.details["size_unresolved"] is True

    nic = by_id[f"{BASE}/microsoft.network/networkinterfaces/web-1-nic"]
    assert nic.depends_on == sorted(
        [
            f"{BASE}/microsoft.network/networksecuritygroups/web-nsg",
            f"{BASE}/microsoft.network/publicipaddresses/web-pip",
            f"{BASE}/microsoft.network/virtualnetworks/shop-vnet/subnets/app",
        ]
    )
    subnet = by_id[f"{BASE}/microsoft.network/virtualnetworks/shop-vnet/subnets/app"]
    assert subnet.kind == Kind.SUBNET and subnet.topology.cidrs == ["10.20.1.0/24"]
    assert f"{BASE}/microsoft.network/virtualnetworks/shop-vnet" in subnet.depends_on
    nsg = by_id[f"{BASE}/microsoft.network/networksecuritygroups/web-nsg"]
    own = [r for r in nsg.topology.firewall_rules if (r.priority or 0) < 65000]
    assert [(r.name, r.priority, [p.text for p in r.ports]) for r in own] == [
        ("allow-https", 100, ["443", "8443"]),
        ("allow-ssh-office", 110, ["22"]),
    ]
    assert "rules" not in nsg.attributes.details  # the typed rules carry them
    lb = by_id[f"{BASE}/microsoft.network/loadbalancers/shop-lb"]
    assert f"{BASE}/microsoft.network/networkinterfaces/web-1-nic" in lb.depends_on
    # typed: the load-balancing rule a listener, the probe its health check
    assert [(x.protocol, x.port, x.target_port) for x in lb.topology.listeners] == [
        ("TCP", 443, 443)
    ]
    assert lb.topology.health_check is not None
    assert (lb.topology.health_check.port, lb.topology.health_check.path) == (80, "/healthz")
    assert "rules" not in lb.attributes.details
    # the NIC in its backend pool is a member: the VM, its NIC and the balancer move as one
    nic = by_id[f"{BASE}/microsoft.network/networkinterfaces/web-1-nic"]
    assert ("lb_member", lb.id) in {(a.relation, a.to) for a in nic.topology.attachments}
    vmss = by_id[f"{BASE}/microsoft.compute/virtualmachinescalesets/workers"]
    assert (vmss.kind, vmss.attributes.node_count, vmss.attributes.vcpu) == (Kind.VM_GROUP, 3, 4)
    assert f"{BASE}/microsoft.network/loadbalancers/shop-lb" in vmss.depends_on
    agw = by_id[f"{BASE}/microsoft.network/applicationgateways/shop-agw"]
    assert [(x.protocol, x.port) for x in agw.topology.listeners] == [("HTTPS", 443)]
    assert agw.attributes.details["waf"] is True
    assert agw.attributes.details["host_names"] == ["shop.example.com"]

    # Azure bills the App Service plan: each app is a member of the plan it runs in
    for app, plan in (("shop-web", "shop-plan"), ("shop-func", "shop-func-plan")):
        assert f"{BASE}/microsoft.web/sites/{app}" not in by_id
        assert by_id[f"{BASE}/microsoft.web/serverfarms/{plan}"].members == [
            f"{BASE}/microsoft.web/sites/{app}"
        ]

    orders = by_id[f"{BASE}/microsoft.sql/servers/shop-sql/databases/orders"]
    assert (orders.attributes.vcpu, orders.attributes.storage_gib) == (2, 32)
    assert orders.depends_on == [f"{BASE}/microsoft.sql/servers/shop-sql"]
    assert (
        by_id[f"{BASE}/microsoft.sql/servers/shop-sql/databases/legacy"].attributes.details["dtu"]
        == 20
    )
    assert f"{BASE}/microsoft.sql/servers/shop-sql/databases/master" not in by_id
    pg = by_id[f"{BASE}/microsoft.dbforpostgresql/flexibleservers/shop-pg"]
    assert (
        pg.kind,
        pg.attributes.vcpu,
        pg.attributes.engine_version,
        pg.attributes.high_availability,
    ) == (Kind.POSTGRESQL, 2, "16", True)
    assert by_id[f"{BASE}/microsoft.dbformysql/flexibleservers/shop-mysql"].kind == Kind.MYSQL
    assert (
        by_id[f"{BASE}/microsoft.documentdb/databaseaccounts/shop-cosmos"].attributes.billing_mode
        == "serverless"
    )
    assert (
        by_id[f"{BASE}/microsoft.documentdb/databaseaccounts/shop-mongo"].attributes.engine
        == "mongodb"
    )
    redis = by_id[f"{BASE}/microsoft.cache/redis/shop-redis"]
    assert (redis.kind, redis.attributes.memory_gib, redis.attributes.high_availability) == (
        Kind.REDIS,
        1,
        True,
    )

    aks = by_id[f"{BASE}/microsoft.containerservice/managedclusters/shop-aks"]
    assert (aks.attributes.node_count, aks.attributes.engine_version) == (5, "1.29.4")
    pool = by_id[f"{BASE}/microsoft.containerservice/managedclusters/shop-aks/agentpools/user"]
    assert (
        pool.kind,
        pool.attributes.node_count,
        pool.attributes.vcpu,
        pool.attributes.details["max_count"],
    ) == (Kind.KUBERNETES_NODE_POOL, 2, 4, 5)
    assert aks.id in pool.depends_on

    assert by_id[f"{BASE}/microsoft.network/dnszones/example.com"].region == "global"
    assert (
        by_id[f"{BASE}/microsoft.eventhub/namespaces/shop-eh"].attributes.details["kafka"] is True
    )
    assert by_id[f"{BASE}/microsoft.servicebus/namespaces/shop-sb"].kind == Kind.QUEUE
    assert (
        by_id[f"{BASE}/microsoft.containerregistry/registries/shopacr"].kind
        == Kind.CONTAINER_REGISTRY
    )

    # the recorded Resource Graph row of the shared corpus (table format, other subscription)
    corpus_vm = by_id[
        f"/subscriptions/{CORPUS_SUBSCRIPTION}/resourcegroups/test_vm/providers/"
        "microsoft.compute/virtualmachines/cctestvm"
    ]
    assert (
        corpus_vm.region,
        corpus_vm.attributes.instance_type,
        corpus_vm.attributes.storage_gib,
    ) == ("southcentralus", "Basic_A0", 1053)
    assert corpus_vm.tags == {"schedule": "on=(M-U,8);off=(M-U,18);tz=pt", "testtag": "testvalue"}

    assert all(
        r.id == r.id.lower() and all(d == d.lower() for d in r.depends_on)
        for r in inventory.resources
    )
    issues = {(i.code, i.message) for i in inventory.issues}
    assert (
        "skipped",
        "1 × microsoft.sql/servers/databases skipped: system database of a logical server",
    ) in issues
    assert any(code == "skipped" and "userassignedidentities" in m for code, m in issues)
    assert any(code == "unsupported_type" and "maps/accounts" in m for code, m in issues)
    assert ("skipped", "subscription old-lab is Disabled") in issues
    assert DISABLED_SUBSCRIPTION not in inventory.sources[0].location


def test_key_vault_keeps_its_name_only(arm, connector_catalog):
    vault = scan(arm, connector_catalog, metrics=False).by_id()[
        f"{BASE}/microsoft.keyvault/vaults/shop-kv"
    ]
    assert vault.kind == Kind.SECRET_STORE and vault.name == "shop-kv"
    text = vault.model_dump_json()
    assert "vault.azure.net" not in text and "accessPolicies" not in text and "objectId" not in text


def test_paging_follows_next_link_and_skip_token(arm, connector_catalog):
    scan(arm, connector_catalog, metrics=False)
    assert len(arm.server.seen("GET", "^/subscriptions$")) == 3
    queries = [r.json() for r in arm.server.seen("POST", "resourcegraph")]
    tokens = [q["options"].get("$skipToken") for q in queries]
    assert len(queries) == 4 and tokens[0] is None and all(tokens[1:])
    assert all(q["options"]["resultFormat"] == "objectArray" for q in queries)
    assert sorted(queries[0]["subscriptions"]) == sorted([SUB, CORPUS_SUBSCRIPTION])


def test_table_result_format_gives_the_same_inventory(arm, connector_catalog):
    objects = scan(arm, connector_catalog, metrics=False)
    arm.table_format = True
    table = scan(arm, connector_catalog, metrics=False)
    assert [r.model_dump() for r in table.resources] == [r.model_dump() for r in objects.resources]


def test_rows_of_the_recorded_table_response(shared_dir):
    body = json.loads(
        (shared_dir / "corpus" / "azure-resourcegraph-table-response-c7n.json").read_text()
    )
    found = rows(body["data"])
    assert body["totalRecords"] == 2 and len(found) == 1
    assert found[0]["type"] == "microsoft.compute/virtualmachines"
    assert found[0]["properties"]["hardwareProfile"]["vmSize"] == "Basic_A0"
    assert rows([{"id": "a"}, "junk"]) == [{"id": "a"}] and rows(None) == []


def test_utilisation_and_blob_capacity_from_azure_monitor(arm, connector_catalog):
    by_id = scan(arm, connector_catalog).by_id()
    web = by_id[f"{BASE}/microsoft.compute/virtualmachines/web-1"].utilisation
    # hourly CPU 1..20 %: mean 10.5, nearest-rank p95 19; memory 6 of 8 GiB free in 18 hours, 2 in 2
    assert web is not None
    assert (web.cpu_mean, web.cpu_p95, web.memory_p95, web.period_days, web.source) == (
        10.5,
        19.0,
        75.0,
        14,
        "azure-monitor",
    )
    account = by_id[f"{BASE}/microsoft.storage/storageaccounts/shopassets"]
    assert account.attributes.storage_gib == 500.0
    stopped = f"{BASE}/microsoft.compute/virtualmachines/batch-1"
    asked = {
        r.path.lower() for r in arm.server.seen("GET", "/providers/microsoft.insights/metrics$")
    }
    assert f"{stopped}/providers/microsoft.insights/metrics" not in asked
    request = arm.server.seen(
        "GET", "shopassets/blobServices/default/providers/Microsoft.Insights/metrics$"
    )[0]
    assert request.param("metricnames") == "BlobCapacity"
    assert request.param("timespan") == "2026-10-31T00:00:00Z/2026-11-02T00:00:00Z"


def test_metrics_denied_are_one_issue_per_subscription_and_keep_resources(arm, connector_catalog):
    arm.server.fail(
        "GET",
        r"/providers/microsoft\.insights/metrics$",
        arm_error(
            403,
            "AuthorizationFailed",
            "does not have authorization to perform action 'Microsoft.Insights/metrics/read'",
        ),
        times=None,
    )
    inventory = scan(arm, connector_catalog)
    denied = [i for i in inventory.issues if i.code == "access_denied"]
    assert sorted(i.scope for i in denied) == sorted([SUB, CORPUS_SUBSCRIPTION])
    assert "HTTP 403 AuthorizationFailed" in denied[0].message
    assert f"{BASE}/microsoft.compute/virtualmachines/web-1" in inventory.by_id()


def test_throttling_waits_for_retry_after_then_gives_up_as_an_issue(arm, connector_catalog):
    arm.server.fail(
        "POST",
        "resourcegraph",
        arm_error(429, "RateLimiting", "Please retry after 1 second", {"Retry-After": "1"}),
    )
    arm.server.fail(
        "GET",
        "web-1/providers/microsoft.insights/metrics$",
        arm_error(429, "TooManyRequests", "throttled", {"Retry-After": "0"}),
        times=None,
    )
    started = time.monotonic()
    inventory = scan(arm, connector_catalog, retries=1)
    assert time.monotonic() - started >= 1.0
    assert len(arm.server.seen("POST", "resourcegraph")) == 5  # the throttled page was asked again
    assert not any("Resource Graph" in i.message for i in inventory.issues)
    throttled = [i for i in inventory.issues if i.code == "throttled"]
    assert (
        len(throttled) == 1
        and "web-1" in throttled[0].message
        and "gave up after retries" in throttled[0].message
    )
    assert len(arm.server.seen("GET", "web-1/providers/microsoft.insights/metrics$")) == 2


def test_falls_back_to_resource_manager_when_resource_graph_is_denied(arm, connector_catalog):
    arm.server.fail(
        "POST",
        "resourcegraph",
        arm_error(403, "AuthorizationFailed", "no Resource Graph access"),
        times=None,
    )
    inventory = scan(arm, connector_catalog, metrics=False)
    assert [(i.code, i.scope) for i in inventory.issues if "Resource Graph" in i.message] == [
        ("access_denied", "resourcegraph")
    ]
    by_id = inventory.by_id()
    # the recorded ARM list of the corpus subscription: 78 resources over 31 types, mixed-case types
    corpus = [r for r in inventory.resources if r.account == CORPUS_SUBSCRIPTION]
    skipped = sum(
        int(i.message.split(" ")[0])
        for i in inventory.issues
        if i.scope == CORPUS_SUBSCRIPTION and i.code == "skipped"
    )
    folded = {m for r in corpus for m in r.members}
    made = [r for r in corpus if "known_from" in r.attributes.details]
    assert len(corpus) - len(made) + len(folded) + skipped == 78
    assert {r.type for r in corpus} >= {
        "microsoft.compute/virtualmachines",
        "microsoft.web/serverfarms",
    }
    plan = next(
        r for r in corpus if r.type == "microsoft.web/serverfarms" and r.name == "functionshost"
    )
    assert (plan.attributes.instance_type, plan.attributes.os) == ("S1", "linux")
    # properties come from a GET by id with the type's API version
    web = by_id[f"{BASE}/microsoft.compute/virtualmachines/web-1"]
    assert (web.attributes.vcpu, web.attributes.memory_gib) == (2, 8)
    get = arm.server.seen("GET", "virtualMachines/web-1$")
    assert get and get[0].param("api-version") == "2024-07-01"
    assert f"{BASE}/microsoft.network/virtualnetworks/shop-vnet/subnets/data" in by_id
    assert (
        len(arm.server.seen("GET", f"^/subscriptions/{CORPUS_SUBSCRIPTION}/resources$")) == 8
    )  # 78 in pages of 10


def test_resource_manager_only_and_one_subscription(arm, connector_catalog):
    inventory = scan(
        arm, connector_catalog, resource_graph=False, metrics=False, subscriptions=(SUB.upper(),)
    )
    assert not arm.server.seen("POST") and not arm.server.seen("GET", "^/subscriptions$")
    assert {r.account for r in inventory.resources} == {SUB}
    assert inventory.sources[0].location == f"subscription {SUB}"


def test_management_group_scope(arm, connector_catalog):
    inventory = scan(arm, connector_catalog, metrics=False, management_groups=("shop-mg",))
    assert arm.server.seen("POST", "resourcegraph")[0].json()["managementGroups"] == ["shop-mg"]
    assert {r.account for r in inventory.resources} == {SUB}
    arm.server.fail(
        "POST", "resourcegraph", arm_error(400, "BadRequest", "query failed"), times=None
    )
    fallback = scan(arm, connector_catalog, metrics=False, management_groups=("shop-mg",))
    assert arm.server.seen("GET", "managementGroups/shop-mg/descendants$")
    assert {r.account for r in fallback.resources} == {SUB}


def test_same_inputs_give_identical_files(arm, connector_catalog):
    first = scan(arm, connector_catalog).model_copy(update={"generated_at": "2026-11-02T00:00:00Z"})
    second = scan(arm, connector_catalog).model_copy(
        update={"generated_at": "2026-11-02T00:00:00Z"}
    )
    assert dumps(first) == dumps(second)


def test_resources_in_the_fixture_are_all_read(arm, connector_catalog):
    fixture = json.loads(
        (Path(__file__).resolve().parents[2] / "data" / "azure" / "resources.json").read_text()
    )
    inventory = scan(arm, connector_catalog, metrics=False)
    ids = set(inventory.by_id()) | {m for r in inventory.resources for m in r.members}
    # the system database, a managed identity, and the logical server (its databases are read)
    skipped = {"master", "shop-id", "shop-sql"}
    missing = [
        row["id"]
        for row in fixture["rows"]
        if row["id"].lower() not in ids and row["name"] not in skipped
    ]
    assert missing == []


def test_running_linux_machines_carry_their_catalogue_list_price(arm, connector_catalog):
    by_id = scan(arm, connector_catalog, metrics=False).by_id()
    one = connector_catalog.list_price("azure", "westeurope", "Standard_D2s_v3")
    three = connector_catalog.list_price("azure", "westeurope", "Standard_D4s_v3", Decimal(3))
    web = by_id[f"{BASE}/microsoft.compute/virtualmachines/web-1"].monthly_cost
    assert web is not None and (web.amount, web.currency, web.source) == (
        one.monthly_eur,
        "EUR",
        one.source,
    )
    workers = by_id[f"{BASE}/microsoft.compute/virtualmachinescalesets/workers"].monthly_cost
    assert (
        workers is not None
        and workers.amount == three.monthly_eur
        and workers.source.endswith("x3 machines")
    )
    for unpriced in ("virtualmachines/batch-1", "virtualmachines/sap-1", "disks/web-1_os"):
        assert (
            by_id[f"{BASE}/microsoft.compute/{unpriced}"].monthly_cost is None
        )  # stopped, unknown, not compute


def test_dns_record_sets_are_read_typed_and_written_on_every_target(
    arm, connector_catalog, tmp_path
):
    from tests.topology.roundtrip import TARGETS, check_errors, render

    for resource_graph in (True, False):
        inventory = scan(arm, connector_catalog, resource_graph=resource_graph)
        zone = inventory.by_id()[f"{BASE}/microsoft.network/dnszones/example.com"]
        assert zone.topology.zone_name == "example.com"
        # the apex SOA and NS are Azure's own: the target zone gets its own
        assert [(r.name, r.type, r.ttl, r.values) for r in zone.topology.records] == [
            ("", "MX", 3600, ["10 mail.example.com."]),
            ("", "TXT", 3600, ['"v=spf1 include:spf.protection.outlook.com -all"']),
            ("shop", "CNAME", 3600, ["shop-web.azurewebsites.net"]),
            ("www", "A", 300, ["20.50.2.10", "20.50.2.11"]),
        ]
        alias = [i for i in inventory.issues if i.resource_id == zone.id]
        assert [i.code for i in alias] == ["unsupported_rule"]
        assert "record lb A: an alias" in alias[0].message
    for provider, region in TARGETS:
        out = tmp_path / provider
        written = render(inventory, provider, region, out)
        assert check_errors(out) == [], provider
        text = "\n".join(t for files in written.values() for t in files.values())
        if provider != "opennebula":  # no DNS resources there
            for value in (
                "20.50.2.10",
                "20.50.2.11",
                "mail.example.com.",
                "shop-web.azurewebsites.net",
            ):
                assert value in text, (provider, value)


def test_apps_are_planned_with_their_app_service_plan(arm, connector_catalog, tmp_path):
    from cloudexit.api import emit, plan
    from cloudexit.model.policy import Policy

    inventory = scan(arm, connector_catalog, metrics=False)
    result = plan(inventory, Policy(targets=["ionos", "opennebula", "ovhcloud", "scaleway"]))
    emit(result, tmp_path / "out")
    document = json.loads((tmp_path / "out" / "plan.json").read_text())
    planned = {p["resource_id"] for p in document["placements"]}
    unplaced = {u["resource_id"] for u in document["unplaced"]}
    assert len(planned) == len(inventory.resources) - len(unplaced)
    apps = {f"{BASE}/microsoft.web/sites/shop-web", f"{BASE}/microsoft.web/sites/shop-func"}
    assert not apps & (planned | unplaced)
    assert {
        f"{BASE}/microsoft.web/serverfarms/shop-plan",
        f"{BASE}/microsoft.web/serverfarms/shop-func-plan",
    } <= planned
