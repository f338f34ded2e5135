"""A region the catalogue marks closed to new deployments (IONOS de/fkb, which the provider's
datacenter resource does not list) is never planned onto, and the plan says why, with the source:
the EC2 instances of a real Cloud Custodian export, onto IONOS."""

from __future__ import annotations

from pathlib import Path

from cloudexit import api
from cloudexit.catalog import load_catalog
from cloudexit.model.policy import Policy
from tests.helpers import corpus_inventory

EXPORT = "aws-ec2-describe-instances-c7n-placebo.json"


def test_the_catalogue_says_de_fkb_takes_no_new_data_centre_and_where_it_read_so() -> None:
    (fkb,) = [r for r in load_catalog().providers["ionos"].regions if r.code == "de/fkb"]
    assert fkb.closed_to_new is not None
    assert fkb.closed_to_new.source.published is not None
    assert "datacenter.md" in fkb.closed_to_new.source.url
    (fra,) = [r for r in load_catalog().providers["ionos"].regions if r.code == "de/fra"]
    assert fra.closed_to_new is None


def test_nothing_is_planned_onto_a_closed_region_and_the_plan_says_why(tmp_path: Path) -> None:
    plan = api.plan(corpus_inventory(EXPORT), Policy.model_validate({"targets": ["ionos"]}))
    moved = [p for p in plan.placements if not p.choice.retain]
    assert len(moved) == 3
    sites = {p.choice.region for p in moved} | {
        p.runner_up.region for p in plan.placements if p.runner_up is not None
    }
    assert "de/fkb" not in sites
    said = [w for w in plan.warnings if w.startswith("ionos/de/fkb (Karlsruhe) not planned onto")]
    assert len(said) == 1 and "closed to new deployments" in said[0]
    assert "published 2026-05-15" in said[0]
    api.emit(plan, tmp_path / "out")
    assert not (tmp_path / "out" / "terraform" / "ionos" / "de-fkb").exists()
    assert said[0] in (tmp_path / "out" / "runbook.md").read_text(encoding="utf-8")


def test_a_residency_that_excludes_the_region_needs_no_word_about_it() -> None:
    policy = Policy.model_validate(
        {"targets": ["ionos"], "residency": {"allowed_countries": ["FR"]}}
    )
    plan = api.plan(corpus_inventory(EXPORT), policy)
    assert not [w for w in plan.warnings if "closed to new deployments" in w]
