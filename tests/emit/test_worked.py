"""The artefacts read what planning worked out for their plan, and only for that plan: the same
bytes as when they work it out themselves."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from cloudexit.catalog.loader import load_catalog
from cloudexit.emit import write_artefacts
from cloudexit.emit.jinja import make_environment
from cloudexit.importers import import_files
from cloudexit.model import Inventory, Policy
from cloudexit.optimise import Worked, plan_timed
from tests.emit.test_alongside import snapshot
from tests.helpers import fixture_catalog, inventory, resource


def shared_names() -> Inventory:
    """Two machines called ``app`` in two regions: the artefacts name each with its account and region, so
    the waves the planner made are renamed for them."""
    return Inventory.model_validate(
        inventory(
            resource(
                "db",
                kind="database.postgresql",
                type="AWS::RDS::DBInstance",
                attributes={"vcpu": 4, "memory_gib": 16, "storage_gib": 900},
                monthly_cost={"amount": "600", "currency": "USD", "source": "test"},
            ),
            resource("app-1", name="app", depends_on=["db"]),
            resource("app-2", name="app", region="eu-west-1", depends_on=["db"]),
            resource("web", depends_on=["app-1", "app-2"]),
        )
    )


def test_worked_out_waves_give_the_same_bytes(tmp_path: Path) -> None:
    catalog, worked = fixture_catalog(), Worked()
    policy = Policy(targets=["ovhcloud", "scaleway"], allow_retain=False)
    plan, _ = plan_timed(shared_names(), catalog, policy, worked=worked)
    assert worked.of(plan) is worked and worked.waves
    for name, given in (("again", None), ("given", worked)):
        (tmp_path / name).mkdir()
        write_artefacts(plan, tmp_path / name, make_environment(), catalog, worked=given)
    again, given = snapshot(tmp_path / "again"), snapshot(tmp_path / "given")
    assert "app (123456789012/us-east-1)" in given["runbook.md"].decode()
    assert again == given


def test_another_plan_does_not_read_them() -> None:
    catalog, worked = fixture_catalog(), Worked()
    policy = Policy(targets=["ovhcloud", "scaleway"], allow_retain=False)
    plan, _ = plan_timed(shared_names(), catalog, policy, worked=worked)
    assert worked.of(plan.model_copy()) is None
    placements, plan.placements = plan.placements, plan.placements[:1]
    assert worked.of(plan) is None
    plan.placements = placements
    assert worked.of(plan) is worked
    plan.inventory = shared_names()
    assert worked.of(plan) is None


def test_open_rules_and_balancer_gaps_found_while_planning_give_the_same_bytes(
    shared_dir: Path, tmp_path: Path
) -> None:
    """Forseti's Cloud Asset export, its shared names made unique: the runbook reads the open
    rules and balancer gaps the plan's warnings found, under the same names."""
    read = import_files([shared_dir / "corpus" / "gcp-cai-export-forseti.jsonl"])
    seen = Counter(r.name for r in read.resources)
    unique = [
        r if seen[r.name] == 1 else r.model_copy(update={"name": f"{r.name}-{i}"})
        for i, r in enumerate(read.resources)
    ]
    catalog, worked = load_catalog(), Worked()
    policy = Policy(targets=["scaleway"], min_providers=1)
    plan, _ = plan_timed(
        read.model_copy(update={"resources": unique}), catalog, policy, worked=worked
    )
    assert worked.of(plan) is worked and worked.open_rules and worked.balancer_gaps
    for name, given in (("again", None), ("given", worked)):
        (tmp_path / name).mkdir()
        write_artefacts(plan, tmp_path / name, make_environment(), catalog, worked=given)
    again, given = snapshot(tmp_path / "again"), snapshot(tmp_path / "given")
    runbook = given["runbook.md"].decode()
    assert "default-allow-rdp" in runbook and "lb-1-target-proxy" in runbook
    assert again == given
