from __future__ import annotations

import shutil

import pytest

from cloudexit.catalog import compiled
from cloudexit.catalog.compiled import Compiler
from cloudexit.catalog.schema import ProviderFile
from cloudexit.errors import InputError
from tests.helpers import FIXTURE_CATALOG


@pytest.fixture
def ovh(tmp_path):
    path = tmp_path / "ovhcloud.yaml"
    shutil.copy(FIXTURE_CATALOG / "providers" / "ovhcloud.yaml", path)
    return path


def test_a_second_load_reads_the_compiled_copy_not_the_yaml(tmp_path, ovh, monkeypatch):
    first = Compiler(tmp_path / "cache").load(ProviderFile, ovh)
    assert len(list((tmp_path / "cache").glob("ProviderFile-*.json"))) == 1

    def no_yaml(path):
        raise AssertionError(f"{path} parsed again")

    monkeypatch.setattr(compiled, "read_yaml", no_yaml)
    assert Compiler(tmp_path / "cache").load(ProviderFile, ovh) == first


def test_an_edited_file_is_compiled_again(tmp_path, ovh):
    Compiler(tmp_path / "cache").load(ProviderFile, ovh)
    ovh.write_text(ovh.read_text().replace("name: OVH (fixture)", "name: OVHcloud SAS", 1))
    again = Compiler(tmp_path / "cache").load(ProviderFile, ovh)
    assert again.name == "OVHcloud SAS"
    assert len(list((tmp_path / "cache").glob("ProviderFile-*.json"))) == 2


def test_a_damaged_entry_is_rebuilt(tmp_path, ovh):
    expected = Compiler(tmp_path / "cache").load(ProviderFile, ovh)
    (entry,) = (tmp_path / "cache").glob("ProviderFile-*.json")
    entry.write_text('{"id": 3')
    assert Compiler(tmp_path / "cache").load(ProviderFile, ovh) == expected
    assert ProviderFile.model_validate_json(entry.read_bytes()) == expected


def test_an_unwritable_cache_only_costs_speed(tmp_path, ovh):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    loaded = Compiler(blocker / "cache").load(ProviderFile, ovh)
    assert loaded.id == "ovhcloud"


def test_bad_yaml_still_names_the_file(tmp_path, ovh):
    ovh.write_text("id: ovhcloud\nregions: 3\n")
    with pytest.raises(InputError, match="ovhcloud.yaml"):
        Compiler(tmp_path / "cache").load(ProviderFile, ovh)


def test_the_cache_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(compiled.CACHE_ENV, str(tmp_path / "here"))
    assert compiled.cache_dir() == tmp_path / "here"
    monkeypatch.setenv(compiled.CACHE_ENV, "")
    assert compiled.cache_dir() is None


def _size_table(compiler, ovh):
    from cloudexit.catalog.lookup import size_index
    from cloudexit.catalog.schema import SizeEntry, SizeIndex

    return compiler.table(
        SizeIndex, "sizes", SizeEntry, ovh, lambda: size_index(compiler.load(ProviderFile, ovh))
    )


def test_a_compiled_table_is_read_key_by_key_with_the_same_entries(tmp_path, ovh, monkeypatch):
    from cloudexit.catalog.schema import SizeEntry

    built = dict(_size_table(Compiler(tmp_path / "cache"), ovh))
    assert built
    validated: list[object] = []
    original = SizeEntry.model_validate.__func__

    def counted(cls, value, *args, **kwargs):
        validated.append(value)
        return original(cls, value, *args, **kwargs)

    monkeypatch.setattr(SizeEntry, "model_validate", classmethod(counted))
    again = _size_table(Compiler(tmp_path / "cache"), ovh)
    key = min(built)
    assert again[key] == built[key]
    assert len(validated) == len(built[key])  # one key asked, one key's entries read
    assert dict(again) == built
    assert "no such size" not in again and again.get("no such size") is None


def test_a_damaged_table_entry_reads_the_table_whole_again(tmp_path, ovh):
    import json

    built = dict(_size_table(Compiler(tmp_path / "cache"), ovh))
    (entry,) = (tmp_path / "cache").glob("SizeIndex-*.json")
    raw = json.loads(entry.read_text())
    key = min(raw["sizes"])
    raw["sizes"][key] = [{"id": 3, "specs": "eight cores"}]
    entry.write_text(json.dumps(raw))
    again = _size_table(Compiler(tmp_path / "cache"), ovh)
    assert again[key] == built[key]
    assert dict(again) == built
    assert json.loads(entry.read_text())["sizes"][key] != raw["sizes"][key]  # written again


def test_the_cross_check_marker_follows_a_rewritten_file_without_reading_any(
    tmp_path, ovh, monkeypatch
):
    import os
    from pathlib import Path

    compiler = Compiler(tmp_path / "cache")
    first = compiler.marker("references", [ovh])
    assert Compiler(tmp_path / "cache").marker("references", [ovh]) == first

    def no_reading(self):
        raise AssertionError(f"{self} read to name a marker")

    with monkeypatch.context() as patched:
        patched.setattr(Path, "read_bytes", no_reading)
        assert Compiler(tmp_path / "cache").marker("references", [ovh]) == first
    seen = ovh.stat()
    ovh.write_text(ovh.read_text().replace("OVH (fixture)", "OVH (fixturE)", 1))
    os.utime(ovh, ns=(seen.st_atime_ns, seen.st_mtime_ns))  # same size, same mtime
    assert ovh.stat().st_size == seen.st_size
    assert Compiler(tmp_path / "cache").marker("references", [ovh]) != first
