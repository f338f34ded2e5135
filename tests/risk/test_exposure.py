from __future__ import annotations

import json

import pytest

import cloudexit
from cloudexit.cli.main import run
from cloudexit.errors import InputError
from cloudexit.model import Inventory
from cloudexit.risk.exposure import assess, assess_plan, load_control_planes, parse_scenario
from tests.helpers import EXAMPLE, fixture_catalog, inventory, resource


@pytest.fixture(scope="module")
def data():
    return load_control_planes()


def estate() -> Inventory:
    return Inventory.model_validate(
        inventory(
            resource(
                "table",
                kind="database.keyvalue",
                type="AWS::DynamoDB::Table",
                attributes={},
                monthly_cost={"amount": "100", "currency": "EUR", "source": "t"},
            ),
            resource(
                "app",
                depends_on=["table"],
                monthly_cost={"amount": "100", "currency": "EUR", "source": "t"},
            ),
            resource(
                "web",
                depends_on=["app"],
                monthly_cost={"amount": "100", "currency": "EUR", "source": "t"},
            ),
            resource(
                "eu-vm",
                region="eu-west-1",
                monthly_cost={"amount": "100", "currency": "EUR", "source": "t"},
            ),
            resource(
                "zone",
                kind="network.dns_zone",
                type="AWS::Route53::HostedZone",
                region="global",
                attributes={},
                monthly_cost=None,
            ),
            resource(
                "gcp-vm",
                provider="gcp",
                region="europe-west1",
                type="compute.googleapis.com/Instance",
                monthly_cost={"amount": "100", "currency": "EUR", "source": "t"},
            ),
        )
    )


def impacts(exposure):
    return {a.resource_id: a.impact for a in exposure.affected}


def test_region_outage_takes_down_the_region_and_what_depends_on_it(data):
    result = assess(estate(), parse_scenario("aws/us-east-1", data), data)
    assert impacts(result) == {
        "table": "down",
        "app": "down",
        "web": "down",
        "zone": "control_plane",
    }
    assert result.spend_share == pytest.approx(0.6)


def test_service_outage_propagates_through_dependencies(data):
    result = assess(estate(), parse_scenario("aws/dynamodb", data), data)
    assert impacts(result) == {"table": "down", "app": "unreachable", "web": "unreachable"}
    web = next(a for a in result.affected if a.resource_id == "web")
    assert web.via == "depends on app"
    assert result.resource_share == pytest.approx(3 / 6)


def test_provider_outage(data):
    result = assess(estate(), parse_scenario("gcp", data), data)
    assert impacts(result) == {"gcp-vm": "down"}


def test_named_scenario_of_october_2025(data):
    scenario = parse_scenario("aws-2025-10-20", data)
    assert scenario.region == "us-east-1" and scenario.source.url.endswith("/message/101925/")
    result = assess(estate(), scenario, data)
    assert impacts(result) == {
        "table": "down",
        "app": "unreachable",
        "web": "unreachable",
        "zone": "control_plane",
    }


def test_unknown_scenario_names_what_is_known(data):
    with pytest.raises(InputError, match="unknown provider 'ibm'.*aws-2025-10-20"):
        parse_scenario("ibm/us-south", data)


def test_after_the_plan_moved_resources_leave_the_blast_radius_unless_they_depend_on_it(data):
    plan = cloudexit.plan(
        estate(), cloudexit.Policy(targets=["ovhcloud", "scaleway"]), catalog=fixture_catalog()
    )
    moved = {p.resource_id for p in plan.placements if not p.choice.retain}
    assert {"app", "web", "eu-vm"} <= moved and "table" not in moved
    after = assess_plan(plan, parse_scenario("aws/us-east-1", data), data)
    assert after.stage == "after"
    # the table has no European home in this catalogue: what moved still depends on it
    assert impacts(after) == {
        "table": "down",
        "app": "unreachable",
        "web": "unreachable",
        "zone": "control_plane",
    }
    before_eu = assess(estate(), parse_scenario("aws/eu-west-1", data), data)
    after_eu = assess_plan(plan, parse_scenario("aws/eu-west-1", data), data)
    assert impacts(before_eu) == {"eu-vm": "down"}
    assert impacts(after_eu) == {}
    assert after_eu.spend_share == 0


def test_cli_json_and_exit_codes(tmp_path, capsys):
    code = run(
        ["exposure", str(EXAMPLE / "inventory.json"), "--scenario", "aws-2025-10-20", "--json"]
    )
    out = capsys.readouterr().out
    assert code == 0
    result = json.loads(out)
    assert result[0]["scenario"] == "aws-2025-10-20"
    down = {a["name"] for a in result[0]["affected"] if a["impact"] == "down"}
    assert {"shop-sessions", "shop-carts"} <= down
    assert run(["exposure", str(EXAMPLE / "inventory.json"), "--scenario", "nowhere"]) == 2
    assert "unknown provider 'nowhere'" in capsys.readouterr().err
    assert run(["exposure", str(EXAMPLE / "inventory.json"), "--scenario", "aws/us-east-1"]) == 0
    assert "Outage exposure" in capsys.readouterr().out
