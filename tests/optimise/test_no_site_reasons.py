"""Why a resource has no site at all: a residency rule, or a service the catalogue holds unpriced."""

from __future__ import annotations

import json
from pathlib import Path

from cloudexit.api import load_catalog
from cloudexit.api import plan as make_plan
from cloudexit.cli.main import run
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from cloudexit.optimise.no_site import no_site_reasons
from tests.helpers import corpus_inventory

AZURE_VMS = "tfplan-azure-vms-tfcompliance.json"
AWS_55 = "tfplan-aws-55res-checkov.json"


def planned(name: str, **policy: object) -> Plan:
    return make_plan(
        corpus_inventory(name), Policy.model_validate({"allow_retain": False, **policy})
    )


def test_residency_that_leaves_no_region_is_named_and_the_policy_is_infeasible() -> None:
    plan = planned(AZURE_VMS, targets=["ionos"], residency={"allowed_countries": ["JP"]})
    assert not plan.placements
    assert len(plan.unplaced) == 9
    for u in plan.unplaced:
        assert u.reason == "ionos: residency.allowed_countries [JP] leaves no region", u
    assert plan.solver.status.value == "infeasible"
    assert (
        "infeasible: residency.allowed_countries [JP] leaves no region of ionos: "
        "no resource can be placed" in plan.warnings
    )
    assert not any("no target offers this kind" in w for w in plan.warnings)


def test_residency_naming_regions_of_another_provider_is_named_too() -> None:
    plan = planned(
        AZURE_VMS,
        targets=["ionos"],
        residency={"allowed_regions": ["scaleway/fr-par"]},
    )
    assert {u.reason for u in plan.unplaced} == {
        "ionos: residency.allowed_regions [scaleway/fr-par] leaves no region"
    }


def test_the_command_stops_with_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    inventory = tmp_path / "inventory.json"
    inventory.write_text(corpus_inventory(AZURE_VMS).model_dump_json())
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        "targets: [ionos]\nresidency:\n  allowed_countries: [JP]\nallow_retain: false\n"
    )
    code = run(["plan", str(inventory), "--policy", str(policy), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 2, err
    last = err.strip().splitlines()[-1]
    assert last.startswith(
        f"cloudexit: error: {policy}: infeasible: residency.allowed_countries [JP] leaves no "
        "region of ionos: no resource can be placed"
    )
    plan = json.loads((tmp_path / "o" / "plan.json").read_text())
    assert len(plan["unplaced"]) == 9


def test_a_catalogue_service_without_a_price_is_reported_as_missing_its_price() -> None:
    plan = planned(AWS_55, targets=["ionos"])
    registry = [u for u in plan.unplaced if u.kind == "container.registry"]
    assert len(registry) == 1
    assert (
        registry[0].reason
        == "ionos: IONOS Container Registry exists but has no price in the catalogue"
    )
    assert any(
        w.startswith("1 resource of kind container.registry has no option: ionos: IONOS Container")
        for w in plan.warnings
    )
    # Others still place the kind: only a target without the price is said to lack it.
    both = planned(AWS_55, targets=["ionos", "scaleway"])
    assert any(p.kind == "container.registry" for p in both.placements)


AWS_PRICED = "tfplan-aws-infracost-v0.14.json"
EU_TARGETS = ["ionos", "opennebula", "ovhcloud", "scaleway"]
JP_EVERYWHERE = "residency.allowed_countries [JP] leaves no region of " + ", ".join(EU_TARGETS)


def test_residency_that_empties_every_target_is_infeasible_when_some_stay_at_source() -> None:
    plan = planned(
        AWS_PRICED,
        allow_retain=True,
        targets=EU_TARGETS,
        residency={"allowed_countries": ["JP"]},
    )
    assert plan.placements
    assert plan.solver.status.value == "infeasible"
    assert f"infeasible: {JP_EVERYWHERE}: no resource can be placed" in plan.warnings
    for p in plan.placements:
        assert p.reason == f"kept at source: {JP_EVERYWHERE}", p


def test_the_command_exits_2_whether_or_not_the_source_has_a_price(tmp_path: Path, capsys) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        'schema_version: "1.0"\ntargets: [ionos, opennebula, ovhcloud, scaleway]\n'
        "residency:\n  allowed_countries: [JP]\n"
    )
    for name in (AWS_PRICED, "tfstate-v4-openstack-lb-inframap.tfstate.json"):
        inventory = tmp_path / f"{name}.inventory.json"
        inventory.write_text(corpus_inventory(name).model_dump_json())
        out = tmp_path / name
        code = run(["plan", str(inventory), "--policy", str(policy), "--out", str(out)])
        err = capsys.readouterr().err
        assert code == 2, (name, err)
        assert JP_EVERYWHERE in err.strip().splitlines()[-1], name


def test_a_provider_that_offers_the_kind_in_an_allowed_region_is_not_said_to_offer_nothing() -> (
    None
):
    catalog = load_catalog()
    policy = Policy.model_validate({"residency": {"allowed_countries": ["DE"]}})
    for r in corpus_inventory(AWS_PRICED).resources:
        for line in no_site_reasons(r, catalog, policy):
            assert not line.startswith("ionos:"), line
            assert "offers no" not in line, line


def test_a_single_option_is_said_in_the_singular() -> None:
    plan = planned(AWS_PRICED, targets=["ionos"], residency={"allowed_countries": ["DE"]})
    reasons = [p.reason for p in plan.placements]
    assert any(r.endswith("weighted risk of 1 option") for r in reasons), reasons
    assert not any("of 1 options" in r for r in reasons), reasons
