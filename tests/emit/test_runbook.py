from __future__ import annotations

import itertools
import json
import math
import re

import cloudexit
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.waves import load_methods, plan_waves, transfer_hours
from cloudexit.model import Inventory, Kind
from tests.helpers import fixture_catalog, inventory, resource


def small_estate() -> Inventory:
    return Inventory.model_validate(
        inventory(
            resource(
                "vpc", kind="network.vpc", type="AWS::EC2::VPC", attributes={}, monthly_cost=None
            ),
            resource(
                "db",
                kind="database.postgresql",
                type="AWS::RDS::DBInstance",
                attributes={"vcpu": 4, "memory_gib": 16, "storage_gib": 900},
                depends_on=["vpc"],
                monthly_cost={"amount": "600", "currency": "USD", "source": "test"},
            ),
            resource(
                "bucket",
                kind="storage.object",
                type="AWS::S3::Bucket",
                attributes={"storage_gib": 4500},
                monthly_cost={"amount": "100", "currency": "USD", "source": "test"},
            ),
            resource("app", depends_on=["db", "vpc"]),
            resource("web", depends_on=["app"]),
            resource(
                "iam",
                kind="security.identity",
                type="AWS::IAM::Role",
                attributes={},
                monthly_cost=None,
            ),
        )
    )


def make_plan(**policy):
    return cloudexit.plan(
        small_estate(),
        cloudexit.Policy(targets=["ovhcloud", "scaleway"], **policy),
        catalog=fixture_catalog(),
    )


def test_transfer_time_follows_size_and_bandwidth():
    assert transfer_hours(1000, 1000) == 1000 * 8 * 2**30 / 1e9 / 3600
    assert round(transfer_hours(4500, 100), 1) == 107.4


def test_waves_put_data_first_and_respect_dependencies():
    plan = make_plan()
    waves = plan_waves(plan, load_methods(make_environment()))
    number = {s.resource.id: w.number for w in waves for s in w.steps}
    assert [w.name for w in waves] == [
        "Foundations",
        "Data replication",
        "Services tier 1",
        "Services tier 2",
    ]
    assert number["vpc"] < number["db"] == number["bucket"] < number["app"] < number["web"]
    resources = plan.inventory.by_id()
    for rid, wave in number.items():
        for dep in resources[rid].depends_on:
            if dep in number:
                assert number[dep] <= wave
    data = waves[1]
    assert data.data_gib == 5400
    assert data.transfer_hours == transfer_hours(5400, plan.policy.bandwidth_mbps)
    assert data.longest_copy_hours == transfer_hours(4500, plan.policy.bandwidth_mbps)
    starts = [w.start_day for w in waves]
    assert starts == sorted(starts) and starts[0] == 0
    assert all(b.start_day == a.start_day + a.duration_days for a, b in itertools.pairwise(waves))


def test_slower_bandwidth_lengthens_the_data_wave():
    fast = plan_waves(make_plan(bandwidth_mbps=1000), load_methods(make_environment()))
    slow = plan_waves(make_plan(bandwidth_mbps=10), load_methods(make_environment()))
    assert slow[1].duration_days > fast[1].duration_days
    assert slow[1].duration_days >= round(transfer_hours(4500, 10) / 24)


def test_copies_in_one_wave_share_the_link(tmp_path):
    """900 GiB of database and 4,500 GiB of bucket over 10 Mbit/s: 1,288 h for both, not the
    bucket's 1,074 h alone, so the data wave takes at least 54 days and the services start
    after them."""
    plan = make_plan(bandwidth_mbps=10)
    waves = plan_waves(plan, load_methods(make_environment()))
    data = waves[1]
    together = transfer_hours(5400, 10)
    assert data.transfer_hours == together > data.longest_copy_hours
    assert data.duration_days >= math.ceil(together / 24) == 54
    assert waves[2].start_day >= waves[1].start_day + 54
    cloudexit.emit(plan, tmp_path, catalog=fixture_catalog())
    text = (tmp_path / "runbook.md").read_text()
    assert "| 2 | Data replication | 2 | 5400 GiB | 53.7 days | 44.7 days |" in text


def test_runbook_has_every_section(tmp_path):
    plan = make_plan()
    cloudexit.emit(plan, tmp_path, catalog=fixture_catalog())
    text = (tmp_path / "runbook.md").read_text()
    for heading in (
        "## Summary",
        "## Schedule",
        "## Dependencies",
        "## Wave 1: Foundations",
        "## Wave 2: Data replication",
        "## Not migrated",
        "## Exit strategy (DORA Article 28(8))",
        "### Triggers",
        "### Chosen alternatives",
        "### Timeline",
        "### Data portability",
    ):
        assert heading in text
    assert "PostgreSQL logical replication" in text and "rclone" in text
    assert "```mermaid\ngantt" in text and "```mermaid\nflowchart LR" in text
    assert "Payback:" in text and "Owner: ___" in text and "- [ ] Final sync" in text
    assert re.search(
        r"\| iam \| security.identity \| aws/us-east-1 \| identities are rebuilt", text
    )
    assert (
        "Spend under non-EU control | 100.0 % of known spend (1 of 6 resources with no known "
        "cost) | 0.0 % of known spend (1 of 1 resource with no known cost) |" in text
    )


def test_payback_and_jurisdiction_figures(tmp_path):
    plan = make_plan()
    from cloudexit.emit.summary import summarise

    s = summarise(plan, fixture_catalog())
    saving = plan.totals.monthly_saving
    assert s.monthly_saving == saving
    assert s.payback_months is not None
    assert abs(float(s.payback_months) - float(plan.totals.one_off_migration / saving)) < 0.06
    assert s.non_eu_before.resources == 6
    moved = sum(1 for p in plan.placements if not p.choice.retain)
    assert s.non_eu_after.resources == 6 - moved


def test_user_methods_override_the_bundled_ones(tmp_path):
    folder = tmp_path / "templates" / "runbook"
    folder.mkdir(parents=True)
    bundled = make_environment().loader.get_source(make_environment(), "runbook/methods.yaml")[0]
    (folder / "methods.yaml").write_text(
        bundled.replace(
            "PostgreSQL logical replication to the target", "Our own PostgreSQL procedure"
        )
    )
    plan = make_plan()
    cloudexit.emit(
        plan, tmp_path / "out", templates=tmp_path / "templates", catalog=fixture_catalog()
    )
    assert "Our own PostgreSQL procedure" in (tmp_path / "out" / "runbook.md").read_text()


def test_large_estates_collapse_the_graph_to_kinds():
    many = [resource(f"vm-{i:03d}") for i in range(200)]
    inv = Inventory.model_validate(inventory(*many))
    plan = cloudexit.plan(inv, cloudexit.Policy(targets=["scaleway"]), catalog=fixture_catalog())
    from cloudexit.emit.mermaid import dependency_graph

    graph = dependency_graph(plan, plan_waves(plan, load_methods(make_environment())))
    assert "200 x compute.vm" in graph
    assert graph.count("\n") < 10


def test_artefacts_are_deterministic(tmp_path):
    for name in ("a", "b"):
        cloudexit.emit(make_plan(), tmp_path / name, catalog=fixture_catalog())
    for artefact in ("runbook.md", "report.html", "plan.json"):
        assert (tmp_path / "a" / artefact).read_bytes() == (tmp_path / "b" / artefact).read_bytes()
    assert json.loads((tmp_path / "a" / "plan.json").read_text())["placements"]
    assert Kind.POSTGRESQL.value in (tmp_path / "a" / "report.html").read_text()


def test_exit_strategy_names_every_site_a_network_is_copied_to(tmp_path):
    plan = make_plan()
    placements = []
    for p in plan.placements:
        if p.resource_id == "vpc":
            other = "ovhcloud" if p.choice.provider == "scaleway" else "scaleway"
            copy = p.choice.model_copy(update={"provider": other, "region": "copy-site"})
            p = p.model_copy(update={"copies": [copy]})
        placements.append(p)
    plan = plan.model_copy(update={"placements": placements})
    cloudexit.emit(plan, tmp_path, catalog=fixture_catalog())
    text = (tmp_path / "runbook.md").read_text()
    table = text.split("### Chosen alternatives", 1)[1].split("###", 1)[0]
    row = next(line for line in table.splitlines() if line.startswith("| network.vpc |"))
    chosen = row.split("|")[2]
    assert "copy-site" in chosen
    vpc = next(p for p in plan.placements if p.resource_id == "vpc")
    assert f"{vpc.choice.provider}/{vpc.choice.region}" in chosen
