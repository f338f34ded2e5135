"""The bundled templates' compiled code is kept in the cache folder and read back by later runs."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from cloudexit.emit.jinja import make_environment

NAME = "runbook/runbook.md.j2"


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    compile_ = jinja2.Environment.compile

    def counted(self: jinja2.Environment, source: object, name: str | None = None, *a, **k):  # type: ignore[no-untyped-def]
        seen.append(name or "")
        return compile_(self, source, name, *a, **k)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    return seen


def _kept_files(cache: Path) -> list[Path]:
    return sorted((cache / "templates").rglob("*.cache"))


def test_a_later_environment_reads_the_code_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLOUDEXIT_CACHE_DIR", str(tmp_path))
    seen = _compiles(monkeypatch)
    first = make_environment().get_template(NAME)
    assert seen == [NAME]
    assert len(_kept_files(tmp_path)) == 1
    again = make_environment().get_template(NAME)
    assert seen == [NAME]  # not compiled a second time
    assert again.filename == first.filename


def test_a_damaged_file_is_compiled_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOUDEXIT_CACHE_DIR", str(tmp_path))
    make_environment().get_template("terraform/common/outputs.tf.j2")
    (kept,) = _kept_files(tmp_path)
    kept.write_bytes(kept.read_bytes()[:40] + b"\x00garbage")
    seen = _compiles(monkeypatch)
    template = make_environment().get_template("terraform/common/outputs.tf.j2")
    assert seen == ["terraform/common/outputs.tf.j2"]
    assert template.render is not None


def test_user_templates_are_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOUDEXIT_CACHE_DIR", str(tmp_path / "cache"))
    user = tmp_path / "mine"
    user.mkdir()
    (user / "note.md.j2").write_text("{{ 1 + 1 }}\n")
    assert make_environment(user).get_template("note.md.j2").render() == "2\n"
    assert _kept_files(tmp_path / "cache") == []


def test_no_cache_folder_compiles_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLOUDEXIT_CACHE_DIR", "")
    seen = _compiles(monkeypatch)
    make_environment().get_template(NAME)
    make_environment().get_template(NAME)
    assert seen == [NAME, NAME]
