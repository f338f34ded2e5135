"""The `inventory import` command, format detection, and bad input (exit 2, one line)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cloudexit.cli.main import run
from cloudexit.errors import InputError
from cloudexit.importers import detect, import_file
from cloudexit.model.io import load_inventory


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("state-v4-modules.tfstate", "tfstate"),
        ("plan-modules.json", "terraform-json"),
        ("state-showjson-gcp.json", "terraform-json"),
        ("aws-config-snapshot.json", "aws-config"),
        ("aws-config-history.json", "aws-config"),
        ("aws-config-item.json", "aws-config"),
        ("aws-rds-describe-db-instances.json", "aws-cli"),
        ("aws-sqs-list-queues.json", "aws-cli"),
        ("azure-graph-query.json", "resource-graph"),
        ("az-resource-list.json", "resource-graph"),
        ("gcp-search-all-resources.json", "cloud-asset"),
        ("gcp-search-api.json", "cloud-asset"),
        ("servers.csv", "migrate-csv"),
    ],
)
def test_detection(imports_dir: Path, name: str, expected: str) -> None:
    assert detect(imports_dir / name) == expected


def test_unknown_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"hello": [1, 2]}))
    with pytest.raises(InputError, match="cannot tell which export this is.*--format"):
        detect(path)


def test_cli_writes_an_inventory(
    imports_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "inventory.json"
    run(
        [
            "inventory",
            "import",
            str(imports_dir / "plan-modules.json"),
            str(imports_dir / "servers.csv"),
            "--planned",
            "-o",
            str(out),
        ]
    )
    inventory = load_inventory(out)
    assert len(inventory.resources) == 5 + 3
    assert {s.kind for s in inventory.sources} == {"import:terraform-json", "import:migrate-csv"}
    assert inventory.generated_at
    assert "imported 8 resources from 2 file(s), 1 skipped" in capsys.readouterr().err


def test_cli_format_option_skips_detection(imports_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "inventory.json"
    run(
        [
            "inventory",
            "import",
            str(imports_dir / "state-v4-modules.tfstate"),
            "--format",
            "tfstate",
            "-o",
            str(out),
        ]
    )
    assert len(load_inventory(out).resources) == 6


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        (
            "truncated-state.json",
            "truncated-state.json: invalid or truncated JSON in values.root_module.resources[], item 2",
        ),
        (
            "malformed-cli.json",
            "malformed-cli.json: invalid or truncated JSON in Reservations[], item 1",
        ),
        ("bad-number.csv", "bad-number.csv: line 3: column Cores"),
        ("state-v3.tfstate", "state-v3.tfstate: state format version 3"),
    ],
)
def test_bad_files_exit_2_naming_file_and_position(
    imports_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, fragment: str
) -> None:
    assert (
        run(["inventory", "import", str(imports_dir / name), "-o", str(tmp_path / "x.json")]) == 2
    )
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.json").exists()


def test_truncated_file_is_named_even_after_good_items(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl"
    good = json.dumps(
        {"asset_type": "storage.googleapis.com/Bucket", "name": "//storage.googleapis.com/b"}
    )
    path.write_text(good + "\n" + good[:40] + "\n")
    with pytest.raises(InputError, match=r"cut.jsonl: line 2: invalid JSON"):
        import_file(path)


def test_unknown_format_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown format 'xml'"):
        import_file(tmp_path / "a.json", format="xml")
    with pytest.raises(InputError, match="no such file"):
        import_file(tmp_path / "missing.json")
