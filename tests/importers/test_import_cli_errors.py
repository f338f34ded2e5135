"""The `inventory import` command, format detection, and bad input (exit 2, one line)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cloudexit.cli.main import run
from cloudexit.errors import InputError
from cloudexit.importers import detect, import_file, import_files
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
    ("name", "fragment", "kept"),
    [
        (
            "truncated-state.json",
            "truncated-state.json: invalid or truncated JSON in values.root_module.resources[], item 2",
            1,
        ),
        (
            "malformed-cli.json",
            "malformed-cli.json: invalid or truncated JSON in Reservations[], item 1",
            None,
        ),
        ("bad-number.csv", "bad-number.csv: line 3: column Cores", 1),
        ("state-v3.tfstate", "state-v3.tfstate: state format version 3", None),
    ],
)
def test_bad_files_exit_2_naming_file_and_position_keeping_what_came_before(
    imports_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    fragment: str,
    kept: int | None,
) -> None:
    out = tmp_path / "x.json"
    assert run(["inventory", "import", str(imports_dir / name), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    if kept is None:
        assert not out.exists()
        return
    inventory = load_inventory(out)
    assert len(inventory.resources) == kept
    (fault,) = [i for i in inventory.issues if i.code == "unreadable"]
    assert fault.message.endswith("; what came before it is kept") and fragment in fault.message
    assert f"with {kept} resource read in all" in err


def test_truncated_file_keeps_the_good_items_and_names_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl"
    good = json.dumps(
        {"asset_type": "storage.googleapis.com/Bucket", "name": "//storage.googleapis.com/b"}
    )
    path.write_text(good + "\n" + good[:40] + "\n")
    ctx = import_file(path)
    assert [r.name for r in ctx.resources] == ["b"]
    (fault,) = [i for i in ctx.issues if i.code == "unreadable"]
    assert "cut.jsonl: line 2: invalid JSON: Unterminated string starting at (column 16)" in (
        fault.message
    )


def test_one_unreadable_file_does_not_lose_the_others(
    imports_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.json"
    args = [str(imports_dir / "state-v3.tfstate"), str(imports_dir / "state-v4-modules.tfstate")]
    assert run(["inventory", "import", *args, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "state-v3.tfstate: state format version 3" in err
    assert "with 6 resources read in all" in err and len(err.strip().splitlines()) == 1
    inventory = load_inventory(out)
    assert len(inventory.resources) == 6
    assert [(i.code, i.scope) for i in inventory.issues if i.code == "unreadable"] == [
        ("unreadable", "state-v3.tfstate")
    ]


def test_nothing_readable_in_any_file_raises_the_first_fault(imports_dir: Path) -> None:
    with pytest.raises(InputError, match="state-v3.tfstate: state format version 3"):
        import_files([imports_dir / "state-v3.tfstate", imports_dir / "malformed-cli.json"])


def test_as_of_and_source_date_epoch_pin_the_inventory_date(
    imports_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = str(imports_dir / "state-v4-modules.tfstate")
    first, second, third = (tmp_path / f"{n}.json" for n in "abc")
    assert run(["inventory", "import", source, "-o", str(first), "--as-of", "2026-12-01"]) == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    assert run(["inventory", "import", source, "-o", str(second)]) == 0
    assert run(["inventory", "import", source, "-o", str(third)]) == 0
    assert load_inventory(first).generated_at == "2026-12-01T00:00:00+00:00"
    assert load_inventory(second).generated_at == "2025-12-01T00:00:00+00:00"
    assert second.read_bytes() == third.read_bytes()


def test_as_of_that_is_not_a_date_is_refused(
    imports_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = str(imports_dir / "state-v4-modules.tfstate")
    out = tmp_path / "x.json"
    for wrong in ("yesterday", "9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00"):
        assert run(["inventory", "import", source, "-o", str(out), "--as-of", wrong]) == 2
        err = capsys.readouterr().err
        assert f"--as-of {wrong!r} is not an ISO 8601 date" in err and "internal" not in err
        assert not out.exists()


def test_unknown_format_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown format 'xml'"):
        import_file(tmp_path / "a.json", format="xml")
    with pytest.raises(InputError, match="no such file"):
        import_file(tmp_path / "missing.json")


def test_a_cut_file_and_the_command_agree_on_what_was_kept(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    whole = (shared_dir / "corpus" / "azure-arm-resources-list-c7n.json").read_bytes()
    cut = tmp_path / "cut.json"
    cut.write_bytes(whole[: len(whole) * 6 // 10])
    out = tmp_path / "x.json"
    assert run(["inventory", "import", str(cut), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    kept = len(load_inventory(out).resources)
    assert kept and f"with {kept} resources read in all" in err
    assert err.count("resources") == 1
