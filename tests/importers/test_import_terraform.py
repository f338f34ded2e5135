"""Terraform: raw state v4, show -json states and plans, written to cover modules, count, for_each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cloudexit.errors import InputError
from cloudexit.importers import import_file, import_files
from cloudexit.importers.terraform_refs import ConfigGraph, config_address
from cloudexit.model.io import dumps
from cloudexit.model.kinds import Kind


def by_address(ctx_resources: list) -> dict:
    return {r.attributes.details["terraform_address"]: r for r in ctx_resources}


def test_raw_state_maps_modules_for_each_and_count(imports_dir: Path) -> None:
    ctx = import_file(imports_dir / "state-v4-modules.tfstate")
    assert ctx.format == "tfstate"
    found = by_address(ctx.resources)
    assert set(found) == {
        "aws_vpc.main",
        "module.app.aws_instance.web[0]",
        "module.app.aws_security_group.web",
        'module.db["orders"].aws_db_instance.this["primary"]',
        "acme_widget.thing",
        "openstack_compute_instance_v2.worker",
    }
    web = found["module.app.aws_instance.web[0]"]
    assert (web.kind, web.region, web.account) == (Kind.VM, "eu-west-1", "111122223333")
    assert (web.attributes.vcpu, web.attributes.storage_gib, web.attributes.storage_class) == (
        4,
        130,
        "gp3",
    )
    vpc, sg = found["aws_vpc.main"], found["module.app.aws_security_group.web"]
    assert web.depends_on == sorted([vpc.id, sg.id])
    assert vpc.tags == {"Name": "main", "team": "platform"}
    ingress = [r for r in sg.topology.firewall_rules if r.direction == "ingress"]
    assert ingress[0].ports[0].low == 443
    db = found['module.db["orders"].aws_db_instance.this["primary"]']
    assert db.kind is Kind.POSTGRESQL and db.attributes.high_availability is True
    worker = found["openstack_compute_instance_v2.worker"]
    assert (worker.provider, worker.region, worker.account, worker.attributes.instance_type) == (
        "openstack",
        "GRA11",
        "proj-42",
        "b2-7",
    )


def test_raw_state_skips_and_flags_with_reasons(imports_dir: Path) -> None:
    ctx = import_file(imports_dir / "state-v4-modules.tfstate")
    skipped = sorted(i.message for i in ctx.issues if i.code == "skipped")
    assert len(skipped) == 4
    assert any("terminated" in m for m in skipped)
    assert any("deposed" in m for m in skipped)
    assert any(m.startswith("aws_iam_role skipped: IAM object") for m in skipped)
    assert any(m.startswith("random_password skipped: Terraform helper") for m in skipped)
    [unsupported] = [i for i in ctx.issues if i.code == "unsupported_type"]
    assert "acme_widget" in unsupported.message
    widget = next(r for r in ctx.resources if r.type == "acme_widget")
    assert widget.kind is Kind.OTHER and widget.provider == "other"


def test_state_secrets_are_dropped(imports_dir: Path) -> None:
    text = dumps(import_files([imports_dir / "state-v4-modules.tfstate"]))
    for secret in (
        "S3cretFakePassw0rd",
        "alsofake",
        "hunter2",
        "tok-should-not-appear",
        "fake-admin-pass",
        "Zz9-fake",
    ):
        assert secret not in text


def test_old_state_versions_are_refused_with_the_way_out(imports_dir: Path) -> None:
    with pytest.raises(InputError) as caught:
        import_file(imports_dir / "state-v3.tfstate")
    message = str(caught.value)
    assert (
        "state-v3.tfstate" in message
        and "version 3" in message
        and "terraform show -json" in message
    )


def test_plan_keeps_existing_and_planned_apart(imports_dir: Path) -> None:
    existing = import_file(imports_dir / "plan-modules.json")
    assert sorted(r.type for r in existing.resources) == [
        "aws_instance",
        "aws_s3_bucket",
        "aws_subnet",
    ]
    assert existing.skipped == 2
    assert all("--planned" in i.message for i in existing.issues if i.code == "skipped")
    legacy = next(r for r in existing.resources if r.type == "aws_instance")
    assert legacy.attributes.details["terraform_action"] == "delete"

    ctx = import_file(imports_dir / "plan-modules.json", planned=True)
    assert len(ctx.resources) == 5 and ctx.skipped == 0
    found = by_address(ctx.resources)
    app, db = found["aws_instance.app"], found["module.db.aws_db_instance.main[0]"]
    assert app.planned and db.planned and not found["aws_s3_bucket.assets"].planned
    assert app.id == "terraform:plan-modules.json:aws_instance.app"
    assert (db.kind, db.attributes.engine, db.attributes.storage_gib) == (Kind.MYSQL, "mysql", 100)
    # region of planned resources from the provider block's variable
    assert app.region == db.region == "eu-central-1"


def test_plan_dependencies_follow_module_outputs_and_inputs(imports_dir: Path) -> None:
    found = by_address(import_file(imports_dir / "plan-modules.json", planned=True).resources)
    subnet = found['module.network.aws_subnet.private["a"]'].id
    db = found["module.db.aws_db_instance.main[0]"]
    assert db.depends_on == [subnet]
    assert set(found["aws_instance.app"].depends_on) == {
        subnet,
        db.id,
        found["aws_s3_bucket.assets"].id,
    }
    assert found["aws_instance.legacy"].depends_on == [subnet]


def test_plan_secrets_are_dropped(imports_dir: Path) -> None:
    text = dumps(import_files([imports_dir / "plan-modules.json"], planned=True))
    for secret in ("PlanFakePassword2", "VarFakePassword1", "plan-fake-key"):
        assert secret not in text


def test_show_json_state_walks_nested_child_modules(imports_dir: Path) -> None:
    ctx = import_file(imports_dir / "state-showjson-gcp.json")
    found = by_address(ctx.resources)
    assert len(found) == 4 and ctx.skipped == 1
    vpc = found["google_compute_network.vpc"]
    assert vpc.id == "//compute.googleapis.com/projects/acme-prod/global/networks/vpc"
    assert vpc.region == "global" and vpc.account == "acme-prod"
    cluster = found["module.gke.google_container_cluster.main"]
    assert cluster.depends_on == [vpc.id] and cluster.region == "europe-west1"
    cpu = found['module.gke.module.pools.google_container_node_pool.pool["cpu"]']
    assert (cpu.attributes.vcpu, cpu.attributes.memory_gib, cpu.attributes.node_count) == (4, 16, 3)
    assert cpu.depends_on == [cluster.id]
    assert "LS0tFAKE" not in dumps(import_files([imports_dir / "state-showjson-gcp.json"]))


def test_config_graph_resolves_through_modules() -> None:
    graph = ConfigGraph()
    graph.add_resource(
        "",
        {
            "address": "aws_instance.a",
            "expressions": {"x": {"references": ["module.m.out", "module.m"]}},
        },
    )
    graph.add_module_call("", "m", {"input": {"references": ["aws_vpc.v"]}})
    graph.add_outputs(
        "module.m", {"out": {"expression": {"references": ["aws_lb.l.arn", "aws_lb.l"]}}}
    )
    graph.add_resource(
        "module.m", {"address": "aws_lb.l", "expressions": {"vpc": {"references": ["var.input"]}}}
    )
    graph.add_resource("", {"address": "aws_vpc.v", "expressions": {}})
    deps = graph.dependencies()
    assert deps["aws_instance.a"] == {"module.m.aws_lb.l"}
    assert deps["module.m.aws_lb.l"] == {"aws_vpc.v"}
    assert config_address('module.a["k"].module.b[0].aws_x.y["z"]') == "module.a.module.b.aws_x.y"


def test_plan_entries_with_nothing_to_import_are_reported(tmp_path: Path) -> None:
    plan = {
        "format_version": "1.2",
        "resource_changes": [
            {
                "address": "aws_instance.kept",
                "mode": "managed",
                "type": "aws_instance",
                "change": {"actions": ["no-op"], "before": {"id": "i-0kept"}, "after": {}},
            },
            {
                "address": "aws_instance.gone",
                "mode": "managed",
                "type": "aws_instance",
                "change": {"actions": ["no-op"], "before": None, "after": None},
            },
            {
                "address": "aws_s3_bucket.forgotten",
                "mode": "managed",
                "type": "aws_s3_bucket",
                "change": {"actions": ["forget"], "before": None, "after": None},
            },
        ],
    }
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    ctx = import_file(path)
    assert [r.name for r in ctx.resources] == ["aws_instance.kept"]
    skipped = sorted(i.scope for i in ctx.issues if i.code == "skipped")
    assert skipped == ["plan.json: aws_instance.gone", "plan.json: aws_s3_bucket.forgotten"]
    assert ctx.skipped == 2
