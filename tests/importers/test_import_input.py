"""The input layer: files as people have them import like the plain file, or are refused with
one line saying what to do."""

from __future__ import annotations

import codecs
import gzip
import json
import zipfile
from pathlib import Path

import pytest

from cloudexit.cli.main import run
from cloudexit.errors import InputError
from cloudexit.importers import import_file
from tests.importers.faults import fault_of

PLAIN = ["plan-modules.json", "gcp-asset-export.jsonl", "servers.csv", "azure-graph-query.json"]


def ids(path: Path, fmt: str | None = None) -> list[str]:
    return sorted(r.id for r in import_file(path, fmt).resources)


@pytest.mark.parametrize("name", PLAIN)
@pytest.mark.parametrize("wrap", ["gzip", "bom", "utf-16-le", "utf-16-be"])
def test_wrapped_files_import_like_the_plain_file(imports_dir, tmp_path, name, wrap):
    source = imports_dir / name
    text = source.read_text(encoding="utf-8")
    target = tmp_path / name
    if wrap == "gzip":
        target = tmp_path / f"{name}.gz"
        target.write_bytes(gzip.compress(text.encode("utf-8")))
    elif wrap == "bom":
        target.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    else:
        bom = codecs.BOM_UTF16_LE if wrap.endswith("le") else codecs.BOM_UTF16_BE
        target.write_bytes(bom + text.encode(wrap))
    expected = ids(source)
    assert expected
    assert ids(target) == expected


def test_setup_terraform_wrapper_output_imports(imports_dir, tmp_path):
    source = imports_dir / "plan-modules.json"
    one_line = json.dumps(json.loads(source.read_text(encoding="utf-8")))
    wrapped = tmp_path / "plan.txt"
    wrapped.write_text(
        "[command]/home/runner/work/_temp/0f1e/terraform-bin show -json tfplan\n"
        f"{one_line}\n::debug::Terraform exited with code 0.\n::debug::stdout: \n",
        encoding="utf-8",
    )
    assert ids(wrapped) == ids(source)


def test_a_plan_wrapped_in_one_key_imports(imports_dir, tmp_path):
    source = imports_dir / "plan-modules.json"
    wrapped = tmp_path / "input.json"
    wrapped.write_text(
        json.dumps({"tfplan": json.loads(source.read_text(encoding="utf-8"))}), encoding="utf-8"
    )
    assert import_file(wrapped).format == "terraform-json"
    assert ids(wrapped) == ids(source)


def test_binary_plan_is_refused_with_what_to_run(tmp_path, capsys):
    plan = tmp_path / "tfplan"
    with zipfile.ZipFile(plan, "w") as archive:
        archive.writestr("tfplan", b"\x00binary")
    assert run(["inventory", "import", str(plan), "--output", str(tmp_path / "o.json")]) == 2
    assert "terraform show -json" in capsys.readouterr().err


def test_a_forced_format_that_reads_nothing_is_refused(imports_dir, tmp_path, capsys):
    out = tmp_path / "o.json"
    code = run(
        [
            "inventory",
            "import",
            str(imports_dir / "plan-modules.json"),
            "--format",
            "resource-graph",
            "--output",
            str(out),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "looks like terraform-json" in err
    assert not out.exists()


def test_deep_nesting_is_refused_in_bounded_time(tmp_path):
    deep = tmp_path / "deep.tfstate"
    deep.write_text(
        '{"version": 4, "serial": 1, "lineage": "x", "resources": [{"type": "aws_instance", "name": "a", '
        '"mode": "managed", "instances": [{"attributes": ' + "[" * 10000 + "]" * 10000 + "}]}]}",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="nested more than"):
        import_file(deep)


def test_deep_json_lines_are_refused(tmp_path):
    deep = tmp_path / "deep.jsonl"
    line = (
        '{"name": "//x/y", "asset_type": "compute.googleapis.com/Instance", "resource": '
        + "[" * 5000
        + "]" * 5000
        + "}"
    )
    deep.write_text(line + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="nested too deep|nested more than"):
        import_file(deep)


def test_a_truncated_csv_is_refused(imports_dir, tmp_path):
    lines = (imports_dir / "servers.csv").read_text(encoding="utf-8").splitlines()
    cut = tmp_path / "servers.csv"
    cut.write_text("\n".join(lines[:-1] + [lines[-1].rsplit(",", 2)[0]]) + "\n", encoding="utf-8")
    assert "cut short" in fault_of(cut)


def test_a_list_without_resource_ids_is_refused_as_no_known_format(tmp_path, capsys):
    projected = tmp_path / "resources.json"
    projected.write_text(json.dumps([{"Name": "vm1", "RG": "rg", "Type": "x/y"}]), "utf-8")
    assert run(["inventory", "import", str(projected), "--output", str(tmp_path / "o.json")]) == 2
    err = capsys.readouterr().err
    assert "Name, RG, Type and no resource id" in err and "--format" not in err
