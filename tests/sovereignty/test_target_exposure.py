from __future__ import annotations

import json

import pytest

import cloudexit
from cloudexit.catalog import load_catalog
from cloudexit.cli.main import run
from cloudexit.errors import InputError
from cloudexit.model import Inventory, Policy
from cloudexit.model.io import dumps
from cloudexit.risk.exposure import (
    assess_plan,
    known_sites,
    load_control_planes,
    parse_scenario,
    single_points,
)
from tests.helpers import fixture_catalog, inventory, resource


@pytest.fixture(scope="module")
def data():
    return load_control_planes()


def _plan():
    resources = [
        resource("db", kind="compute.vm"),
        resource("app", depends_on=["db"]),
        resource(
            "gcp-vm", provider="gcp", region="europe-west1", type="compute.googleapis.com/Instance"
        ),
    ]
    policy = Policy(targets=["scaleway"], risk_weights={"jurisdiction": 0}, allow_retain=True)
    inv = Inventory.model_validate(inventory(*resources))
    return cloudexit.plan(inv, policy, catalog=fixture_catalog())


def test_any_catalogued_provider_or_region_is_a_scenario_source_or_target(data):
    sites = known_sites(load_catalog())
    assert parse_scenario("scaleway", data, sites).region is None
    assert parse_scenario("scaleway/fr-par", data, sites).region == "fr-par"
    assert parse_scenario("ionos/de/fra", data, sites).region == "de/fra"
    assert parse_scenario("aws/dynamodb", data, sites).services
    with pytest.raises(InputError, match="unknown region 'fr-pa' of scaleway; closest: fr-par"):
        parse_scenario("scaleway/fr-pa", data, sites)
    with pytest.raises(InputError, match="unknown provider 'nowhere'"):
        parse_scenario("nowhere", data, sites)


def test_a_target_outage_hits_only_after_the_plan_and_lists_what_the_plan_puts_at_risk(data):
    plan = _plan()
    moved = {p.resource_id for p in plan.placements if not p.choice.retain}
    assert moved, "the fixture plan moves something to scaleway"
    sites = known_sites(fixture_catalog(), plan.inventory, plan)
    after = assess_plan(plan, parse_scenario("scaleway", data, sites), data)
    hit = {a.resource_id for a in after.affected}
    assert moved <= hit
    assert set(after.newly_hit) == hit
    assert after.newly_hit_spend_share == pytest.approx(after.spend_share)
    points = {p.site: p for p in after.single_points}
    assert points["scaleway"].new and points["scaleway"].resources_before == 0


def test_single_points_compare_today_with_after_the_plan():
    plan = _plan()
    points = {p.site: p for p in single_points(plan, threshold=0.3)}
    assert points["scaleway"].new and points["scaleway"].spend_share_before == 0
    assert points["scaleway"].spend_share_after >= 0.3
    assert all(p.level == ("provider" if "/" not in p.site else "region") for p in points.values())
    assert "aws" not in points
    assert single_points(plan, threshold=1.01) == []


def test_cli_reports_what_the_plan_puts_at_risk_from_the_plan_alone(tmp_path, capsys):
    plan = _plan()
    path = tmp_path / "plan.json"
    path.write_text(dumps(plan))
    assert run(["exposure", "--scenario", "scaleway", "--plan", str(path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    before, after = result
    assert before["stage"] == "before" and before["affected"] == []
    assert after["stage"] == "after" and after["newly_hit"]
    assert run(["exposure", "--plan", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Single points of failure after the plan" in out and "scaleway" in out
    assert run(["exposure"]) == 2
    assert "give an inventory, a plan (--plan), or both" in capsys.readouterr().err
