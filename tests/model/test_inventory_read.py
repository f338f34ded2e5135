"""An inventory read resource by resource is the one the whole-file read gives, and a file it
cannot read that way gets the whole-file read's answer, error message included."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cloudexit.errors import InputError
from cloudexit.model import io
from cloudexit.model.io import load_inventory

EXAMPLE = Path(__file__).parents[2] / "examples" / "estate" / "inventory.json"


def _whole(path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    with monkeypatch.context() as patched:
        patched.setattr(io, "_read_resource_by_resource", lambda _: None)
        return _answer(path)


def _answer(path: Path) -> str:
    try:
        return load_inventory(path).model_dump_json()
    except InputError as exc:
        return f"error: {exc}"


def _text() -> str:
    return EXAMPLE.read_text()


def _variants() -> dict[str, str]:
    text = _text()
    data = json.loads(text)
    version_last = {k: v for k, v in data.items() if k != "schema_version"}
    version_last["schema_version"] = data["schema_version"]
    bad = json.loads(text)
    bad["resources"][3]["attributes"]["vcpu"] = -1
    bad["resources"][7]["kind"] = "compute.nope"
    compact = json.dumps(data, separators=(",", ":"))
    return {
        "indented": text,
        "compact": compact,
        "spaced": compact.replace('","', '" ,\n\r\t "').replace('{"', '{ \n"'),
        "version last": json.dumps(version_last),
        "no resources": json.dumps({**data, "resources": []}),
        "two bad resources": json.dumps(bad),
        "trailing comma in resources": compact[:-2] + ",]}",
        "leading comma in resources": compact.replace('"resources":[', '"resources":[,'),
        "trailing comma at top level": compact[:-1] + ",}",
        "extra data": compact + " x",
        "unknown top-level key": compact[:-1] + ',"more":1}',
        "a top-level key twice": compact[:-1] + ',"generated_at":"2026-01-01T00:00:00Z"}',
        "resources twice": compact[:-1] + ',"resources":[]}',
        "duplicate id": json.dumps({**data, "resources": data["resources"] * 2}),
        "NaN": re.sub(r'"vcpu":[0-9.]+', '"vcpu":NaN', compact, count=1),
        "1e400": re.sub(r'"vcpu":[0-9.]+', '"vcpu":1e400', compact, count=1),
        "exponent": re.sub(r'"vcpu":[0-9.]+', '"vcpu":2.5e0', compact, count=1),
        "version 1.0": json.dumps({**data, "schema_version": "1.0"}),
        "version 3.0": json.dumps({**data, "schema_version": "3.0"}),
        "a list": "[]",
        "an empty object": "{}",
        "truncated": compact[:5000],
        "byte-order mark": "\ufeff" + compact,
    }


@pytest.mark.parametrize("name", sorted(_variants()))
def test_same_answer_as_the_whole_file_read(name, tmp_path, monkeypatch):
    path = tmp_path / "inventory.json"
    path.write_text(_variants()[name], encoding="utf-8")
    assert _answer(path) == _whole(path, monkeypatch)


def test_well_formed_files_are_read_resource_by_resource(tmp_path):
    for name in ("indented", "compact", "spaced", "version last", "no resources", "exponent"):
        path = tmp_path / "inventory.json"
        path.write_text(_variants()[name], encoding="utf-8")
        assert io._read_resource_by_resource(path) is not None, name
    for name in ("two bad resources", "trailing comma in resources", "version 1.0", "NaN"):
        path.write_text(_variants()[name], encoding="utf-8")
        assert io._read_resource_by_resource(path) is None, name


def test_a_bad_resource_is_named_as_before(tmp_path):
    path = tmp_path / "inventory.json"
    path.write_text(_variants()["two bad resources"], encoding="utf-8")
    with pytest.raises(InputError, match=r"resources\[3\]\.attributes\.vcpu \(resource .*1 more"):
        load_inventory(path)
