"""A foundation wave builds networks, groups and registries on the target and copies no data
store: Forseti's Cloud Asset export planned to Scaleway. Its runbook wave asked to back up and
freeze the source, bring replication lag to zero, compare row counts and replay writes."""

from __future__ import annotations

from pathlib import Path

import cloudexit
from cloudexit.emit.jinja import make_environment
from cloudexit.emit.waves import Wave, load_methods, plan_waves
from cloudexit.importers import import_files
from cloudexit.model import Inventory, Kind
from tests.emit.test_runbook import small_estate
from tests.helpers import resource

DATA_ITEMS = (
    "Freeze writes on the source",
    "Final sync or replication lag at zero",
    "Row counts, object counts and checksums match the source",
    "Replay writes made on the target since cut-over",
)


def test_the_foundation_wave_has_no_data_checklist_and_the_data_wave_keeps_it(
    shared_dir: Path, tmp_path: Path
) -> None:
    inventory = import_files([shared_dir / "corpus" / "gcp-cai-export-forseti.jsonl"])
    plan = cloudexit.plan(inventory, cloudexit.Policy(targets=["scaleway"], min_providers=1))
    cloudexit.emit(plan, tmp_path)
    runbook = (tmp_path / "runbook.md").read_text(encoding="utf-8")
    waves = {part.split("\n", 1)[0]: part for part in runbook.split("\n## Wave ")[1:]}
    foundation = waves["1: Foundations"].split("\n## ", 1)[0]
    data = waves["2: Data replication"].split("\n## ", 1)[0]
    assert not any(item in foundation for item in DATA_ITEMS)
    assert "- [ ] Target resources applied from the generated Terraform and reviewed." in foundation
    assert "destroy what the wave applied on the target" in foundation
    assert all(item in data for item in DATA_ITEMS)


def _foundation_wave(*extra: dict[str, object]) -> Wave:
    estate = small_estate()
    estate = Inventory.model_validate(
        {
            **estate.model_dump(mode="json"),
            "resources": [*estate.model_dump(mode="json")["resources"], *extra],
        }
    )
    plan = cloudexit.plan(estate, cloudexit.Policy(targets=["ovhcloud", "scaleway"]))
    waves = plan_waves(plan, load_methods(make_environment()))
    return next(w for w in waves if w.name == "Foundations")


def test_a_foundation_wave_only_built_gets_the_build_checklist() -> None:
    wave = _foundation_wave()
    assert {s.resource.kind for s in wave.steps} == {Kind.NETWORK}
    assert wave.foundation


def test_a_foundation_wave_copying_images_keeps_the_full_checklist() -> None:
    """A registry's tags are copied and its CI pushes switched: the wave freezes, syncs and
    switches like any other."""
    registry = resource(
        "registry",
        kind="container.registry",
        type="AWS::ECR::Repository",
        attributes={},
        monthly_cost=None,
    )
    wave = _foundation_wave(registry)
    assert {s.resource.id for s in wave.steps} == {"vpc", "registry"}
    assert not wave.foundation
