"""Resources that share a name are told apart in every artefact, the same way every run: the two
``test.1`` instances and the state's and the plan's ``demodb`` of infracost's AWS plan, the two
``forseti`` Cloud SQL instances (project1, project2) of Forseti's Cloud Asset export."""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path

import hcl2
import pytest

from cloudexit import api
from cloudexit.catalog.loader import Catalog, load_catalog
from cloudexit.emit.escape import md_text
from cloudexit.importers import import_files
from cloudexit.model.inventory import Inventory
from cloudexit.model.labels import readable_names


@functools.cache
def catalog() -> Catalog:
    return load_catalog()


def inventory(shared_dir: Path, export: str) -> Inventory:
    return import_files([shared_dir / "corpus" / export], planned=True)


def emitted(inv: Inventory, out: Path, tmp_path: Path) -> tuple[dict[str, str], str]:
    """Terraform address -> the source id in its trace comment, and the runbook."""
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        'schema_version: "1.0"\ntargets: [scaleway]\nmin_providers: 1\nmax_providers: 1\n'
        "allow_retain: false\n",
        encoding="utf-8",
    )
    plan = api.plan(inv, policy, catalog())
    api.emit(plan, out, catalog=catalog())
    addresses: dict[str, str] = {}
    for path in sorted((out / "terraform").glob("*/*/*.tf")):
        text = path.read_text(encoding="utf-8")
        hcl2.loads(text)  # parses: no address written twice in one file
        traced = re.findall(
            r"# cloudexit: from \S+ \S+ (\S+)\n(?:#[^\n]*\n)*resource \"(\w+)\" \"(\w+)\"", text
        )
        for source, rtype, local in traced:
            address = f"{path.parent}:{rtype}.{local}"
            assert address not in addresses
            addresses[address] = source
    return addresses, (out / "runbook.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("export", "shared"),
    [
        ("tfplan-aws-infracost-v0.14.json", {"test.1": 2, "test.2": 2, "demodb": 4}),
        ("gcp-cai-export-forseti.jsonl", {"forseti": 2, "instance-1": 4}),
    ],
)
def test_same_named_resources_get_names_that_tell_them_apart(shared_dir, tmp_path, export, shared):
    inv = inventory(shared_dir, export)
    names = readable_names(inv.resources)
    for name, count in shared.items():
        group = [r for r in inv.resources if r.name == name]
        assert len(group) == count
        labels = {names[r.id] for r in group}
        assert len(labels) == count and all(label.startswith(f"{name} (") for label in labels)

    addresses, runbook = emitted(inv, tmp_path / "out", tmp_path)
    # one Terraform address per source resource written
    assert len(set(addresses.values())) == len(addresses)
    wave_rows = Counter(
        line.split(" | ")[0].removeprefix("| ")
        for line in runbook.splitlines()
        if line.startswith("| ") and " | " in line
    )
    for name in shared:
        for r in [r for r in inv.resources if r.name == name]:
            label = md_text(names[r.id])
            assert wave_rows[label] >= 1, label
    # the labels never repeat a row of the wave tables for different resources
    assert not any(wave_rows[name] for name in shared)


def test_addresses_are_stable_when_unrelated_resources_come_and_go(shared_dir, tmp_path):
    inv = inventory(shared_dir, "tfplan-aws-infracost-v0.14.json")
    first, _ = emitted(inv, tmp_path / "a", tmp_path)
    again, _ = emitted(inv, tmp_path / "b", tmp_path)
    assert {a.split(":", 1)[1]: s for a, s in first.items()} == {
        a.split(":", 1)[1]: s for a, s in again.items()
    }
    # drop a resource that shares no name: the test.1 instances keep their addresses
    dropped = next(r for r in inv.resources if r.name == "aws_instance.instance_1")
    fewer = inv.model_copy(update={"resources": [r for r in inv.resources if r is not dropped]})
    after, _ = emitted(fewer, tmp_path / "c", tmp_path)
    twins = {r.id for r in fewer.resources if r.name == "test.1"}
    kept = {s: a.split(":", 1)[1] for a, s in first.items() if s in twins}
    assert len(kept) == 2 and len(set(kept.values())) == 2
    assert {s: a.split(":", 1)[1] for a, s in after.items() if s in kept} == kept
    # each twin's address names what tells it apart (its instance id), not its place in a sort
    assert all(rid.rsplit("/", 1)[-1].replace("-", "_") in kept[rid] for rid in twins)
