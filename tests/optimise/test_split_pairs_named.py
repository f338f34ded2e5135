"""The dependent pairs a plan puts on different sites are named, not only counted: in plan.json
(the first ``NAMED`` by resource id, the rest counted), the warning, the runbook and the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cloudexit import api
from cloudexit.catalog.loader import load_catalog
from cloudexit.model.plan import Plan
from cloudexit.model.policy import Policy
from cloudexit.optimise import split
from tests.helpers import corpus_inventory


def _plan() -> Plan:
    # the recorded AWS plan's servers and database pinned away from the rest of it
    policy = Policy.model_validate(
        {
            "targets": ["ovhcloud", "scaleway"],
            "allow_retain": False,
            "providers": [
                {"match": {"kinds": ["compute.vm", "database.mysql"]}, "pin": "scaleway"},
                {"match": {"kinds": ["network.vpc", "network.subnet"]}, "pin": "ovhcloud"},
            ],
        }
    )
    return api.plan(corpus_inventory("tfplan-aws-55res-checkov.json"), policy, load_catalog())


def test_split_pairs_are_named_in_the_plan_runbook_and_report(tmp_path: Path) -> None:
    plan = _plan()
    apart = plan.split_pairs
    assert apart is not None and apart.split and len(apart.named) == apart.split
    sites = {
        p.resource_id: {f"{o.provider}/{o.region}" for o in (p.choice, *(p.copies or ()))}
        for p in plan.placements
    }
    keys = [(p.resource_id, p.depends_on) for p in apart.named]
    assert keys == sorted(keys)
    for pair in apart.named:
        assert set(pair.sites) == sites[pair.resource_id]
        assert set(pair.depends_on_sites) == sites[pair.depends_on]
        assert not sites[pair.resource_id] & sites[pair.depends_on]
        providers = [
            {s.split("/")[0] for s in side} for side in (pair.sites, pair.depends_on_sites)
        ]
        assert pair.across_providers == (not providers[0] & providers[1])
    (line,) = [w for w in plan.warnings if "dependent pairs (depends_on)" in w]
    first = apart.named[0]
    assert line.startswith(f"{apart.split} of {apart.pairs} dependent pairs")
    assert f"{first.name} on {first.sites[0]} -> {first.depends_on_name}" in line

    api.emit(plan, tmp_path, catalog=load_catalog())
    written = json.loads((tmp_path / "plan.json").read_text())
    assert written["split_pairs"]["split"] == apart.split
    assert len(written["split_pairs"]["named"]) == apart.split
    runbook = (tmp_path / "runbook.md").read_text()
    section = runbook[runbook.index("### Dependent resources placed apart") :]
    for pair in apart.named:
        assert (
            f"| {pair.name} | {', '.join(pair.sites)} | {pair.depends_on_name} | "
            f"{', '.join(pair.depends_on_sites)} |" in section
        )
    assert "counted, not named" not in section
    report = (tmp_path / "report.html").read_text()
    table = report[report.index('id="split-pairs"') :]
    assert table[: table.index("</table>")].count("<tr><td>") == apart.split


def test_a_long_list_of_split_pairs_names_the_first_and_counts_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(split, "NAMED", 1)
    plan = _plan()
    apart = plan.split_pairs
    assert apart is not None and apart.split > 1 and len(apart.named) == 1
    api.emit(plan, tmp_path, catalog=load_catalog())
    runbook = (tmp_path / "runbook.md").read_text()
    assert f"The first 1 by resource id; the other {apart.split - 1} are counted" in runbook
