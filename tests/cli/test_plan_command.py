from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cloudexit.cli.main import run
from tests.helpers import FIXTURE_CATALOG, inventory, resource


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def write(path: Path, data) -> Path:
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


def good_inventory() -> dict:
    return inventory(
        resource("i-1"),
        resource("i-2", attributes={"vcpu": 4, "memory_gib": 16}),
        resource(
            "vol-1",
            kind="storage.block",
            type="AWS::EC2::Volume",
            attributes={"storage_gib": 100},
            monthly_cost={"amount": "8", "currency": "USD", "source": "test"},
        ),
    )


def test_plan_writes_plan_terraform_and_runbook(tmp_path, capsys):
    inv = write(tmp_path / "inventory.json", good_inventory())
    code, _, err = cli(
        capsys, "plan", str(inv), "--catalog", str(FIXTURE_CATALOG), "--out", str(tmp_path / "out")
    )
    assert code == 0, err
    out = tmp_path / "out"
    plan = json.loads((out / "plan.json").read_text())
    assert len(plan["placements"]) == 3
    assert (out / "runbook.md").read_text().startswith("# ")
    assert list((out / "terraform").glob("*/*/versions.tf"))
    assert "planned 3 of 3 resources" in err


def test_unverified_prices_are_one_warning_line_and_listed_in_the_plan(tmp_path, capsys):
    catalog = tmp_path / "catalog"
    shutil.copytree(FIXTURE_CATALOG, catalog)
    scaleway = catalog / "providers" / "scaleway.yaml"
    scaleway.write_text(scaleway.read_text().replace("verified: true", "verified: false"))
    inv = write(tmp_path / "inventory.json", good_inventory())
    code, _, err = cli(
        capsys,
        "plan",
        str(inv),
        "--catalog",
        str(catalog),
        "--policy",
        str(write(tmp_path / "policy.yaml", "targets: [scaleway]\nallow_retain: false\n")),
        "--out",
        str(tmp_path / "out"),
    )
    assert code == 0, err
    lines = [
        line for line in err.splitlines() if line.startswith("warning:") and "unverified" in line
    ]
    warnings = json.loads((tmp_path / "out" / "plan.json").read_text())["warnings"]
    listed = sorted(
        w.removeprefix("unverified price used: ") for w in warnings if w.startswith("unverified")
    )
    assert len(listed) >= 2 and len(lines) == 1
    assert lines[0].startswith(
        f"warning: {len(listed)} unverified prices used (listed in plan.json warnings): "
    )
    assert "scaleway/gp-2-8" in lines[0]


def test_same_inputs_give_byte_identical_outputs(tmp_path, capsys):
    inv = write(tmp_path / "inventory.json", good_inventory())
    trees = []
    for name in ("a", "b"):
        code, _, err = cli(
            capsys,
            "plan",
            str(inv),
            "--catalog",
            str(FIXTURE_CATALOG),
            "--out",
            str(tmp_path / name),
        )
        assert code == 0, err
        root = tmp_path / name
        trees.append(
            {
                str(p.relative_to(root)): p.read_bytes()
                for p in sorted(root.rglob("*"))
                if p.is_file()
            }
        )
    assert trees[0] == trees[1]
    assert "plan.json" in trees[0]


MALFORMED = {
    "invalid_json": ('{"schema_version": "1.0", "resources": [', "invalid JSON at line 1"),
    "wrong_version": (
        {"schema_version": "0.3", "resources": []},
        "schema_version '0.3' is not supported",
    ),
    "missing_field": (
        inventory({k: v for k, v in resource("i-1").items() if k != "region"}),
        "resources[0].region (resource i-1): Field required",
    ),
    "unknown_kind": (
        inventory(resource("i-1", kind="compute.mainframe")),
        "resources[0].kind (resource i-1)",
    ),
    "duplicate_ids": (inventory(resource("i-1"), resource("i-1")), "duplicate resource id 'i-1'"),
    "not_an_object": ("[1, 2]", "an inventory is a JSON object"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_inventory_exits_2_with_one_line_and_writes_nothing(tmp_path, capsys, case):
    data, expected = MALFORMED[case]
    inv = write(tmp_path / "inventory.json", data)
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("user file")
    code, _stdout, err = cli(capsys, "plan", str(inv), "--out", str(out))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert expected in lines[0]
    assert str(inv) in lines[0]
    assert "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]


def test_failed_emit_leaves_previous_artefacts_untouched(tmp_path, capsys):
    inv = write(tmp_path / "inventory.json", good_inventory())
    out = tmp_path / "out"
    assert (
        cli(capsys, "plan", str(inv), "--catalog", str(FIXTURE_CATALOG), "--out", str(out))[0] == 0
    )
    before = (out / "plan.json").read_bytes()
    broken = tmp_path / "templates" / "runbook"
    broken.mkdir(parents=True)
    (broken / "runbook.md.j2").write_text("{{ no_such_variable }}")
    code, _, err = cli(
        capsys,
        "plan",
        str(inv),
        "--catalog",
        str(FIXTURE_CATALOG),
        "--out",
        str(out),
        "--templates",
        str(tmp_path / "templates"),
    )
    assert code == 2  # the user's template is their input
    assert "no_such_variable" in err
    assert (out / "plan.json").read_bytes() == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_usage_errors_exit_2(capsys):
    assert cli(capsys, "plan")[0] == 2
    assert cli(capsys, "no-such-command")[0] == 2


def test_missing_file_exits_2(tmp_path, capsys):
    code, _, err = cli(capsys, "plan", str(tmp_path / "nope.json"), "--out", str(tmp_path / "o"))
    assert code == 2 and "no such file" in err


def test_debug_shows_traceback(tmp_path, capsys):
    inv = write(tmp_path / "inventory.json", "{")
    code, _, err = cli(capsys, "--debug", "plan", str(inv), "--out", str(tmp_path / "o"))
    assert code == 2 and "Traceback" in err


def test_version(capsys):
    code, out, _ = cli(capsys, "--version")
    assert code == 0 and out.startswith("cloudexit ")


def test_summary_names_no_npv_when_the_saving_cannot_be_judged(tmp_path, capsys):
    unknown = write(
        tmp_path / "unknown.json",
        inventory(resource("a", monthly_cost=None), resource("b", monthly_cost=None)),
    )
    code, _, err = cli(
        capsys,
        "plan",
        str(unknown),
        "--catalog",
        str(FIXTURE_CATALOG),
        "--out",
        str(tmp_path / "o"),
    )
    assert code == 0, err
    assert "no payback" in err and "NPV" not in err
    known = write(tmp_path / "known.json", good_inventory())
    code, _, err = cli(
        capsys, "plan", str(known), "--catalog", str(FIXTURE_CATALOG), "--out", str(tmp_path / "k")
    )
    assert code == 0, err
    assert "NPV " in err and "over 36 months" in err
