from __future__ import annotations

import cloudexit
from cloudexit.model import Inventory, Policy
from tests.helpers import fixture_catalog, inventory, resource


def _plan(gates: list[dict], allow_retain: bool = False):
    resources = [resource(f"vm-{i}", tags={"classification": "restricted"}) for i in range(2)]
    resources.append(resource("vm-open", tags={"classification": "public"}))
    policy = Policy(
        targets=["ovhcloud", "scaleway"],
        risk_weights={"jurisdiction": 0},
        allow_retain=allow_retain,
        sovereignty={"classification_tag": "classification", "gates": gates},
    )
    return cloudexit.plan(
        Inventory.model_validate(inventory(*resources)), policy, catalog=fixture_catalog()
    )


def _providers(plan) -> dict[str, str]:
    return {p.resource_id: p.choice.provider for p in plan.placements}


def test_a_gate_moves_the_resources_it_matches_and_only_those():
    free = _plan([])
    assert set(_providers(free).values()) == {"scaleway"}
    gated = _plan(
        [{"name": "restricted", "classifications": ["restricted"], "min_levels": {"SOV-7": 3}}]
    )
    placed = _providers(gated)
    assert placed == {"vm-0": "ovhcloud", "vm-1": "ovhcloud", "vm-open": "scaleway"}
    for p in gated.placements:
        assert p.choice.sovereignty is not None
        if p.resource_id != "vm-open":
            assert p.choice.sovereignty.levels["SOV-7"] >= 3


def test_a_minimum_score_is_a_gate_too():
    gated = _plan([{"name": "score", "classifications": ["restricted"], "min_score": 64}])
    assert _providers(gated)["vm-0"] == "scaleway"
    blocked = _plan([{"name": "score", "classifications": ["restricted"], "min_score": 99}])
    assert "vm-0" not in _providers(blocked)


def test_an_infeasible_gate_is_named_with_the_resources_it_blocks():
    plan = _plan(
        [{"name": "supply-chain", "classifications": ["restricted"], "min_levels": {"SOV-5": 4}}],
        allow_retain=True,
    )
    unplaced = {u.resource_id: u for u in plan.unplaced}
    assert set(unplaced) == {"vm-0", "vm-1"}
    assert "sovereignty gate supply-chain: SOV-5 SEAL-1 < 4" in unplaced["vm-0"].reason
    assert any(
        w.startswith(
            "sovereignty gate supply-chain leaves no option for 2 resources of kind compute.vm: "
            "vm-0, vm-1"
        )
        for w in plan.warnings
    )


def test_plan_records_levels_per_placement_and_the_estate_before_and_after():
    plan = _plan(
        [{"name": "restricted", "classifications": ["restricted"], "min_levels": {"SOV-7": 3}}],
        allow_retain=True,
    )
    estate = plan.sovereignty
    assert estate is not None
    assert [o.objective for o in estate.after.objectives] == [f"SOV-{i}" for i in range(1, 9)]
    # Today everything runs on AWS: SOV-1 is SEAL-0 for the whole estate.
    assert estate.before.objectives[0].distribution["0"] == 1.0
    assert estate.after.score > estate.before.score
    # The gate's minimum applies to two of three equal resources: before, both are below it.
    assert abs(estate.before.objectives[6].below_minimum_share - 2 / 3) < 1e-3
    assert estate.after.objectives[6].below_minimum_share == 0
    assert estate.stay_options and estate.stay_options[0].assessment == "aws/eusc"
    assert "fails sovereignty gate restricted" in estate.stay_options[0].verdict


def test_criticality_weighs_the_estate_roll_up():
    resources = [
        resource("crit", tags={"criticality": "critical"}),
        resource("low", tags={"criticality": "low"}),
    ]
    policy = Policy(
        targets=["ovhcloud", "scaleway"],
        risk_weights={"jurisdiction": 0},
        allow_retain=False,
        providers=[{"match": {"ids": ["crit"]}, "pin": "ovhcloud"}],
    )
    plan = cloudexit.plan(
        Inventory.model_validate(inventory(*resources)), policy, catalog=fixture_catalog()
    )
    sov7 = plan.sovereignty.after.objectives[6]
    # Equal spend (within cents), weights 4 and 1: about four fifths of the estate at OVHcloud's SOV-7 SEAL-3.
    assert abs(sov7.distribution["3"] - 0.8) < 0.02 and abs(sov7.distribution["2"] - 0.2) < 0.02


def test_schema_policy_documents_the_gates(capsys):
    from cloudexit.cli.main import run

    assert run(["schema", "policy"]) == 0
    text = capsys.readouterr().out
    assert (
        "SovereigntyGate" in text and "Minimum SEAL level (0-4) per objective SOV-1..SOV-8" in text
    )


def test_explain_shows_the_levels_of_the_chosen_place(tmp_path, capsys):
    from cloudexit.cli.main import run
    from cloudexit.model.io import dumps

    path = tmp_path / "plan.json"
    path.write_text(dumps(_plan([])))
    assert run(["explain", str(path), "vm-0"]) == 0
    out = capsys.readouterr().out
    assert "sovereignty: SOV 1:4 2:4" in out and "(scaleway/scaleway); EU-controlled" in out
