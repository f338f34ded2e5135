from __future__ import annotations

import zipfile

import pytest

from tests.helpers import EXAMPLE

REPO = EXAMPLE.parents[1]


def test_wheel_ships_data_and_templates(tmp_path):
    build = pytest.importorskip("hatchling.builders.wheel", reason="hatchling is in the dev extra")
    builder = build.WheelBuilder(str(REPO))
    wheel = next(iter(builder.build(directory=str(tmp_path), versions=["standard"])))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "cloudexit/py.typed" in names
    assert "cloudexit/tfcheck/schema_facts.json" in names
    for folder in ("providers", "mappings", "templates"):
        shipped = {n for n in names if n.startswith(f"cloudexit/_data/{folder}/")}
        in_repo = {
            f"cloudexit/_data/{p.relative_to(REPO).as_posix()}"
            for p in (REPO / folder).rglob("*")
            if p.is_file()
        }
        assert in_repo <= shipped
        assert shipped or folder == "providers"
    assert not any(n.startswith("tests/") for n in names)
