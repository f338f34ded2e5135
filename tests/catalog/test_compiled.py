from __future__ import annotations

import json
import os
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


def _damage(entry, key, replacement):
    """The keyed file with ``key``'s entries replaced by the bytes ``replacement``."""
    import json

    header, body = entry.read_bytes().split(b"\n", 1)
    keys = json.loads(header)["keys"]
    start, end = keys[key]
    entry.write_bytes(header + b"\n" + body[:start] + replacement + body[end:])


@pytest.mark.parametrize(
    "replacement",
    [
        b'[{"id": 3, "specs": "eight cores"}]',  # refused by the model
        b'[{"id": "b-2-8", "spe',  # cut short
        b"{",  # the same length or not, nothing parses
    ],
)
def test_a_damaged_table_entry_reads_the_table_whole_again(tmp_path, ovh, replacement):
    built = dict(_size_table(Compiler(tmp_path / "cache"), ovh))
    (entry,) = (tmp_path / "cache").glob("SizeIndex-*.keyed")
    key = min(built)
    whole = entry.read_bytes()
    _damage(entry, key, replacement)
    again = _size_table(Compiler(tmp_path / "cache"), ovh)
    assert again[key] == built[key]
    assert dict(again) == built
    assert entry.read_bytes() == whole  # written again
    assert dict(_size_table(Compiler(tmp_path / "cache"), ovh)) == built


def test_a_keyed_file_with_a_damaged_header_is_built_again(tmp_path, ovh):
    built = dict(_size_table(Compiler(tmp_path / "cache"), ovh))
    (entry,) = (tmp_path / "cache").glob("SizeIndex-*.keyed")
    for damaged in (b'{"fields": {"provider": 3}, "keys": {}}\n', b"[]\n", b"", b'{"keys": '):
        entry.write_bytes(damaged)
        assert dict(_size_table(Compiler(tmp_path / "cache"), ovh)) == built


def test_a_stale_keyed_file_is_not_read_for_an_edited_provider(tmp_path, ovh):
    built = dict(_size_table(Compiler(tmp_path / "cache"), ovh))
    key = "b-2-8"
    assert built[key][0].specs.vcpu == 2
    ovh.write_text(ovh.read_text().replace("vcpu: 2", "vcpu: 3", 1))
    again = _size_table(Compiler(tmp_path / "cache"), ovh)
    assert again[key][0].specs.vcpu == 3
    assert len(list((tmp_path / "cache").glob("SizeIndex-*.keyed"))) == 2


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


@pytest.mark.parametrize("name", ["io.py", "money.py"])
def test_a_change_to_the_yaml_reader_or_amount_writer_keys_entries_anew(
    tmp_path, ovh, monkeypatch, name
):
    real = compiled._code_files()
    code = tmp_path / name
    shutil.copy(next(path for path in real if path.parts[-2:] == ("model", name)), code)
    monkeypatch.setattr(
        compiled,
        "_code_files",
        lambda: tuple(code if path.parts[-2:] == ("model", name) else path for path in real),
    )
    monkeypatch.setattr(compiled, "_code_version", compiled._code_version.__wrapped__)
    Compiler(tmp_path / "cache").load(ProviderFile, ovh)
    code.write_text(code.read_text() + "\n# edited\n")
    Compiler(tmp_path / "cache").load(ProviderFile, ovh)
    assert len(list((tmp_path / "cache").glob("ProviderFile-*.json"))) == 2


def test_a_same_size_rewrite_with_its_old_modification_time_is_compiled_again(tmp_path, ovh):
    # digests are remembered by size and times; the change time tells the rewrite
    Compiler(tmp_path / "cache").load(ProviderFile, ovh)
    before = ovh.stat()
    text = ovh.read_text()
    edited = text.replace("name: OVH (fixture)", "name: OVH (fixturE)", 1)
    assert edited != text and len(edited) == len(text)
    ovh.write_text(edited)
    os.utime(ovh, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert Compiler(tmp_path / "cache").load(ProviderFile, ovh).name == "OVH (fixturE)"


def test_a_damaged_digest_memo_is_read_past(tmp_path, ovh):
    expected = Compiler(tmp_path / "cache").load(ProviderFile, ovh)
    memo = tmp_path / "cache" / "digests.json"
    for damage in ('{"x": 3', "[1, 2]", json.dumps({str(ovh.resolve()): [1, 2, 3, 4, "zz"]})):
        memo.write_text(damage)
        assert Compiler(tmp_path / "cache").load(ProviderFile, ovh) == expected
